// The `tqg` command: parses arguments, builds the settings and the change source, runs
// the pipeline and prints the report. Returns the exit code.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { dirChanges } from '../changes/dirs.js'
import { GitError, git, gitChanges } from '../changes/git.js'
import type { Changes } from '../changes/tree.js'
import { parseConfig } from '../config/index.js'
import { decode } from '../formats/decode.js'
import { masker, type Logger } from '../log.js'
import type { Verdict } from '../model.js'
import { terminalSafe } from '../text-safety.js'
import { renderers } from '../reporters/index.js'
import { verdictLine } from '../reporters/text.js'
import { runWithServices, writeReportFiles, writeTextFile } from '../service-run.js'
import { resolveSettings, SettingsError, settingDefs } from '../settings.js'
import { VERSION } from '../version.js'
import { helpText, parseCli, UsageError } from './args.js'

export interface CliIo {
  argv: string[]
  env: Record<string, string | undefined>
  cwd: string
  stdout(text: string): void
  stderr(text: string): void
}

export const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 } as const

/**
 * The exit code of a finished run (DESIGN.md: 3 is an internal or service failure). The
 * verdict is the action's, decided by `fail-on`; the code also tells a script that a
 * service failed, which a re-run may clear: 3 when segments went unscored and the
 * translations themselves did not fail the gate, 1 when they did.
 */
export function exitCode(verdict: Verdict, notScored: number): number {
  if (!verdict.passed && verdict.reasons.some((r) => r !== 'not-scored')) return EXIT.failed
  return notScored > 0 ? EXIT.internal : EXIT.passed
}

/** Log lines on standard error; they may quote untrusted text (paths, a service's message), so each is masked and terminal-safe. */
function stderrLogger(io: CliIo, verbose: boolean, mask: (text: string) => string): Logger {
  const line = (text: string) => io.stderr(`${terminalSafe(mask(text))}\n`)
  return {
    info: (m) => verbose && line(m),
    debug: (m) => verbose && line(`  ${m}`),
    warning: (m) => line(`warning: ${m}`),
    group: async (name, fn) => {
      if (verbose) line(`== ${name}`)
      return fn()
    },
  }
}

/** A settings file (config, scores) decoded as the action decodes it: BOM, UTF-16. */
async function readText(path: string): Promise<string> {
  return decode(await readFile(path)).text
}

async function readConfig(path: string, explicit: boolean): Promise<{ config?: Record<string, unknown>; label?: string }> {
  if (!existsSync(path)) {
    if (explicit) throw new SettingsError(`Invalid --config: '${path}' does not exist. Expected the path of a YAML config file.`)
    return {}
  }
  return { config: parseConfig(await readText(path), path), label: path }
}

export async function main(io: CliIo): Promise<number> {
  let changes: Changes | undefined
  try {
    const command = parseCli(io.argv, io.env)
    if (command.mode.kind === 'help') {
      io.stdout(helpText())
      return EXIT.passed
    }
    if (command.mode.kind === 'version') {
      io.stdout(`${VERSION}\n`)
      return EXIT.passed
    }
    for (const name of command.ignored) io.stderr(`tqg: --${name} is ignored: it applies to the action on GitHub only\n`)
    const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p))
    let root: string
    if (command.mode.kind === 'dirs') {
      const { base, head } = command.mode
      for (const dir of [base, head]) if (!existsSync(at(dir))) throw new UsageError(`Directory '${dir}' does not exist.`)
      changes = dirChanges(at(base), at(head))
      root = at(head)
    } else {
      changes = await gitChanges(io.cwd, command.mode.base, command.mode.head)
      root = (await git(io.cwd, ['rev-parse', '--show-toplevel'])).trim()
    }
    const explicitConfig = command.inputs.config?.trim()
    const configPath = explicitConfig ? at(explicitConfig) : resolve(root, settingDefs.find((d) => d.name === 'config')!.default!)
    const { config, label } = await readConfig(configPath, !!explicitConfig)
    const settings = resolveSettings({ inputs: command.inputs, origin: (n) => `--${n}`, config, configLabel: label })

    const log = stderrLogger(io, command.verbose, masker(settings.secrets))
    const reportPath = settings.reportFile ?? command.output
    const report = await runWithServices(settings, {
      changes,
      log,
      root: io.cwd,
      readText: (p) => readText(at(p)),
      decisionsDir: reportPath ? dirname(at(reportPath)) : undefined,
    })

    const rendered = renderers[command.format](report, VERSION)
    if (command.output) {
      await writeTextFile(at(command.output), rendered)
      io.stderr(`${verdictLine(report)}\nReport written to ${command.output}\n`)
    } else io.stdout(rendered)
    await writeReportFiles(report, { json: settings.reportFile && at(settings.reportFile), sarif: settings.sarifFile && at(settings.sarifFile) })

    return exitCode(report.verdict, report.summary.notScored)
  } catch (e) {
    if (e instanceof UsageError || e instanceof SettingsError || e instanceof GitError) {
      io.stderr(`tqg: ${e.message}\n`)
      return EXIT.usage
    }
    io.stderr(`tqg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return EXIT.internal
  } finally {
    changes?.close?.()
  }
}
