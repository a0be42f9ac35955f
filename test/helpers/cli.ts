// Runs the CLI in-process and captures what it prints.
import { main } from '../../src/cli/main.js'

export async function tqg(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  let stdout = ''
  let stderr = ''
  const code = await main({
    // The score cache would carry results from one test run to the next: off unless a test sets it.
    argv: argv.some((a) => a.startsWith('--cache-dir')) ? argv : [...argv, '--cache-dir', 'off'],
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  })
  return { code, stdout, stderr }
}

export function gitIn(cwd: string) {
  return async (...args: string[]) => {
    const { execFile } = await import('node:child_process')
    return new Promise<string>((resolve, reject) =>
      execFile('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }, (e, out, err) =>
        e ? reject(new Error(`${args.join(' ')}: ${err}`)) : resolve(out),
      ),
    )
  }
}
