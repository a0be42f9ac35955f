// Runs the bundled action (dist/index.js) as the GitHub runner does: a child process with
// the inputs as INPUT_* variables (the runner keeps dashes and upper-cases the name), the
// event payload in a file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files that exist.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const DIST = resolve('dist/index.js')

export interface RunnerRequest {
  /** Where the step's temp files go. */
  dir: string
  workspace: string
  apiUrl: string
  eventName: string
  payload: unknown
  inputs: Record<string, string>
  repository?: string
  /** The command that runs node (default this process's node). */
  node?: string[]
  env?: Record<string, string>
}

export interface RunnerResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses the `name<<delimiter ... delimiter` records @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i])
    out[m[1]] = value.join('\n')
  }
  return out
}

export async function runAction(request: RunnerRequest): Promise<RunnerResult> {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run bundle` first')
  const step = mkdtempSync(join(request.dir, 'step-'))
  const eventPath = join(step, 'event.json')
  const outputPath = join(step, 'output.txt')
  const summaryPath = join(step, 'summary.md')
  writeFileSync(eventPath, JSON.stringify(request.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? step,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: request.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: request.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: request.repository ?? 'acme/shop',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: request.workspace,
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: step,
    ...request.env,
  }
  for (const [name, value] of Object.entries(request.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const [command, ...args] = request.node ?? [process.execPath]
  const child = spawn(command, [...args, DIST], { cwd: request.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') }
}
