// Command-line arguments: every setting as a flag of the same name, plus the CLI's own
// options. Pure: argv and environment in, a parsed command or a usage error out.
import { parseArgs } from 'node:util'
import { nearest } from '../config/schema.js'
import { settingDefs } from '../settings.js'

export class UsageError extends Error {}

export interface CliCommand {
  /** Two directories, or git revisions. */
  mode: { kind: 'dirs'; base: string; head: string } | { kind: 'git'; base: string; head?: string } | { kind: 'help' } | { kind: 'version' }
  format: string
  output?: string
  verbose: boolean
  /** Raw setting values by name (flags, then environment for secrets and URLs). */
  inputs: Record<string, string | undefined>
  /** Action-only settings given as flags: accepted, as every action input is a flag, and ignored. */
  ignored: string[]
}

const OWN = {
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string', default: 'text' },
  output: { type: 'string', short: 'o' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

const CLI_SETTINGS = settingDefs.filter((d) => d.only !== 'action')
const ACTION_ONLY = settingDefs.filter((d) => d.only === 'action')
const BOOLEAN_FLAGS = new Set(CLI_SETTINGS.filter((d) => d.kind === 'boolean').map((d) => `--${d.name}`))

export const FORMATS = ['text', 'json', 'sarif', 'markdown']

export function parseCli(argv: string[], env: Record<string, string | undefined>): CliCommand {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; default?: string }> = { ...OWN }
  for (const def of [...CLI_SETTINGS, ...ACTION_ONLY]) options[def.name] = { type: 'string' }
  let parsed: ReturnType<typeof parseArgs>
  try {
    // A bare yes/no flag (`--wordbee-push`, `--score-fuzzy`) means true.
    const args = argv.map((a, i) => (BOOLEAN_FLAGS.has(a) && (argv[i + 1] === undefined || argv[i + 1].startsWith('-')) ? `${a}=true` : a))
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (e) {
    const msg = (e as Error).message
    const unknown = /Unknown option '(--?[^']+)'/.exec(msg)?.[1]
    if (unknown) {
      const hint = nearest(unknown.replace(/^-+/, ''), Object.keys(options))
      throw new UsageError(`Unknown option ${unknown}${hint ? ` (did you mean --${hint}?)` : ''}. Run tqg --help for the options.`)
    }
    throw new UsageError(msg)
  }
  const v = parsed.values as Record<string, string | boolean | undefined>
  const inputs: Record<string, string | undefined> = {}
  for (const def of CLI_SETTINGS) {
    const flag = v[def.name]
    inputs[def.name] = typeof flag === 'string' ? flag : def.env ? env[def.env] : undefined
  }
  const format = String(v.format)
  if (!FORMATS.includes(format)) throw new UsageError(`Invalid --format '${format}'. Expected one of ${FORMATS.join(', ')}.`)
  const ignored = ACTION_ONLY.filter((d) => v[d.name] !== undefined).map((d) => d.name)
  const common = { format, output: v.output as string | undefined, verbose: v.verbose === true, inputs, ignored }
  if (v.help) return { ...common, mode: { kind: 'help' } }
  if (v.version) return { ...common, mode: { kind: 'version' } }
  const positionals = parsed.positionals
  if (typeof v.base === 'string') {
    if (positionals.length > 0) throw new UsageError(`Give either BASE_DIR HEAD_DIR or --base REF, not both (extra: ${positionals.join(' ')}).`)
    return { ...common, mode: { kind: 'git', base: v.base, head: typeof v.head === 'string' ? v.head : undefined } }
  }
  if (typeof v.head === 'string') throw new UsageError('--head needs --base REF.')
  if (positionals.length !== 2) throw new UsageError(`Expected two directories (tqg BASE_DIR HEAD_DIR) or --base REF; got ${positionals.length} argument(s). Run tqg --help.`)
  return { ...common, mode: { kind: 'dirs', base: positionals[0], head: positionals[1] } }
}

export function helpText(): string {
  const lines = [
    'Usage: tqg BASE_DIR HEAD_DIR [options]',
    '       tqg --base REF [--head REF] [options]     (in a git repository; head defaults to the working tree)',
    '',
    'Checks the translations HEAD adds or changes against BASE (with git: their merge base).',
    '',
    'Options:',
    `  --format FORMAT        ${FORMATS.join(' | ')} (default text)`,
    '  --output, -o FILE      write the report to FILE instead of standard output',
    '  --verbose, -v          log each stage to standard error',
    '  --help, -h, --version',
    '',
    'Settings (same names as the action inputs; the config file and defaults apply when unset):',
  ]
  for (const def of CLI_SETTINGS) {
    const extra = [def.default !== undefined ? `default ${def.default}` : '', def.env ? `env ${def.env}` : ''].filter(Boolean).join(', ')
    lines.push(`  --${def.name}`.padEnd(25) + def.description.replace(/`/g, '') + (extra ? ` (${extra})` : ''))
  }
  lines.push('', `The action's own inputs (${ACTION_ONLY.map((d) => `--${d.name}`).join(', ')}) are accepted and ignored.`)
  lines.push('', 'Exit codes: 0 passed, 1 the gate failed, 2 bad usage or config, 3 an internal failure or a quality service that failed (unless the translations failed the gate: 1).')
  return `${lines.join('\n')}\n`
}
