// The hand-written docs checked against the code they describe: every config file they show
// is accepted by the config parser, every workflow uses only inputs action.yml declares,
// every command names flags tqg knows and scripts package.json has, every path they name
// exists, the demo's output is what `npm run demo` prints, and docs/architecture.md names
// every module under src/.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import YAML from 'yaml'
import { customChecks } from '../src/checks/custom.js'
import { parseCli } from '../src/cli/args.js'
import { parseConfig } from '../src/config/index.js'
import { checkDismissals } from '../src/policy.js'
import { ruleSettings } from '../src/rule-settings.js'
import { allRules } from '../src/rules.js'
import { resolveSettings } from '../src/settings.js'
import { tqg } from './helpers/cli.js'

const read = (path: string) => readFileSync(path, 'utf8')
const DOCS = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
const ACTION_INPUTS = new Set(Object.keys(YAML.parse(read('action.yml')).inputs))
const SCRIPTS = new Set(Object.keys(JSON.parse(read('package.json')).scripts))

interface Block {
  doc: string
  line: number
  lang: string
  text: string
}

function fencedBlocks(doc: string): Block[] {
  const blocks: Block[] = []
  let open: { line: number; lang: string; indent: number; lines: string[] } | undefined
  read(doc)
    .split('\n')
    .forEach((line, i) => {
      const fence = /^(\s*)```(\w*)\s*$/.exec(line)
      if (!open && fence) open = { line: i + 1, lang: fence[2], indent: fence[1].length, lines: [] }
      else if (open && fence && !fence[2]) {
        blocks.push({ doc, line: open.line, lang: open.lang, text: open.lines.join('\n') })
        open = undefined
      } else if (open) open.lines.push(line.slice(Math.min(open.indent, line.length - line.trimStart().length)))
    })
  return blocks
}

/** Inline code spans outside fenced blocks, with their line. */
function inlineSpans(doc: string): Array<{ line: number; text: string }> {
  const spans: Array<{ line: number; text: string }> = []
  let fenced = false
  read(doc)
    .split('\n')
    .forEach((line, i) => {
      if (/^\s*```/.test(line)) fenced = !fenced
      else if (!fenced) for (const m of line.matchAll(/`([^`]+)`/g)) spans.push({ line: i + 1, text: m[1] })
    })
  return spans
}

const where = (b: { doc: string; line: number }) => `${b.doc}:${b.line}`

/** A config file as a run reads it: schema, settings, custom rules, rule levels, dismissals. */
function configProblems(text: string, label: string): string[] {
  try {
    const config = parseConfig(text, label)
    const settings = resolveSettings({ inputs: {}, origin: (n) => `--${n}`, config, configLabel: label })
    const custom = customChecks(settings.extra.customRules, allRules(), { label })
    checkDismissals(settings.extra.dismissals, ruleSettings(settings.extra.rules, label, custom), label)
    return []
  } catch (e) {
    return [(e as Error).message]
  }
}

const unknownInputs = (keys: string[]) => keys.filter((k) => !ACTION_INPUTS.has(k)).map((k) => `'${k}' is not an input of action.yml`)

/** A workflow (or a list of its steps): every step of this action passes only declared inputs. */
function workflowProblems(text: string): string[] {
  const doc = YAML.parse(text) as { jobs?: Record<string, { steps?: unknown[] }> } | unknown[]
  const steps = (Array.isArray(doc) ? doc : Object.values(doc.jobs ?? {}).flatMap((j) => j.steps ?? [])) as Array<{ uses?: string; with?: object }>
  const ours = steps.filter((s) => /\/translation-quality-gate@/.test(s.uses ?? ''))
  return ours.flatMap((s) => unknownInputs(Object.keys(s.with ?? {})))
}

type YamlKind = 'config' | 'workflow' | 'inputs'

function yamlKind(text: string): YamlKind {
  if (/^version:/m.test(text) || /#.*\.github\/translation-quality\.yml/.test(text)) return 'config'
  if (/^jobs:/m.test(text) || /^\s*- uses:/m.test(text)) return 'workflow'
  return 'inputs'
}

function yamlProblems(text: string, label: string): string[] {
  const doc = YAML.parseDocument(text)
  if (doc.errors.length > 0) return doc.errors.map((e) => e.message)
  switch (yamlKind(text)) {
    case 'config':
      return configProblems(text, label)
    case 'workflow':
      return workflowProblems(text)
    case 'inputs':
      return unknownInputs(Object.keys(doc.toJS() ?? {}))
  }
}

/** The commands of one shell line as words, split at `&&`, `||`, `;` and `|`, up to a comment. */
function commands(line: string): string[][] {
  const words = [...line.replace(/^\$ /, '').matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => ({ quoted: m[3] === undefined, word: m[1] ?? m[2] ?? m[3] }))
  const out: string[][] = [[]]
  let redirectTarget = false
  for (const { quoted, word } of words) {
    if (!quoted && word.startsWith('#')) break
    if (redirectTarget) redirectTarget = false
    else if (!quoted && ['&&', '||', ';', '|'].includes(word)) out.push([])
    else if (!quoted && /^\d?>+$/.test(word)) redirectTarget = true
    else if (quoted || !(/^\d?>/.test(word) || (out[out.length - 1].length === 0 && /^[A-Z_]+=/.test(word)))) out[out.length - 1].push(word)
  }
  // Redirections and leading environment assignments are not part of a command.
  return out.filter((c) => c.length > 0)
}

/** What is wrong with one command the docs give: unknown tqg flags, npm scripts, script files. */
function commandProblems(words: string[]): string[] {
  const [cmd, ...rest] = words
  const tqgArgs = cmd === 'tqg' ? rest : cmd === 'npx' && rest[0] === 'tqg' ? rest.slice(1) : cmd === 'node' && /^(dist|lib)\/cli\.js$/.test(rest[0]) ? rest.slice(1) : undefined
  if (tqgArgs) {
    try {
      parseCli(tqgArgs, {})
      return []
    } catch (e) {
      return [(e as Error).message]
    }
  }
  if (cmd === 'npm' && rest[0] === 'run') return SCRIPTS.has(rest[1]) ? [] : [`npm run ${rest[1]}: no such script in package.json`]
  if (cmd === 'node' && rest[0]?.includes('/') && !existsSync(rest[0])) return [`${rest[0]} does not exist`]
  return []
}

/** A flag alone (`--cache-dir off`) must be one tqg knows. */
function flagProblems(span: string): string[] {
  try {
    parseCli([...commands(span)[0], 'base', 'head'], {})
  } catch (e) {
    if (/^Unknown option/.test((e as Error).message)) return [(e as Error).message]
  }
  return []
}

/** Links and repository paths a doc names must exist (globs and `<name>` placeholders aside). */
function pathProblems(doc: string): string[] {
  const text = read(doc).replace(/`[^`\n]*`/g, '')
  const links = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((p) => !/^[a-z]+:/.test(p))
  const missingLinks = links.filter((p) => !existsSync(join(dirname(doc), p))).map((p) => `link ${p}`)
  const paths = inlineSpans(doc)
    .map((s) => s.text)
    .filter((t) => /^(src|test|bench|scripts|examples|docs|schema)\/[^\s*{<]*$/.test(t))
  // docs/architecture.md names modules relative to src/.
  return [...missingLinks, ...paths.filter((p) => !existsSync(p) && !existsSync(`src/${p}`)).map((p) => `path ${p}`)]
}

const blocks = DOCS.flatMap(fencedBlocks)
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml')
const commandLines = [
  ...blocks.filter((b) => ['sh', 'bash', ''].includes(b.lang)).flatMap((b) => b.text.split('\n').map((text, i) => ({ doc: b.doc, line: b.line + 1 + i, text }))),
  ...DOCS.flatMap((doc) => inlineSpans(doc).map((s) => ({ doc, ...s }))),
]
  .flatMap((l) => commands(l.text).map((words) => ({ ...l, words })))
  .filter((c) => ['tqg', 'npx', 'node', 'npm'].includes(c.words[0]) && c.words.length > 1)

describe('YAML in the docs', () => {
  it.each(yamlBlocks.map((b) => [where(b), yamlKind(b.text), b] as const))('%s (%s)', (label, _kind, block) => {
    expect(yamlProblems(block.text, label)).toEqual([])
  })

  it.each(['examples/translation-quality.yml', 'examples/providers.yml'])('%s is a valid config file', (path) => {
    expect(configProblems(read(path), path)).toEqual([])
  })

  it('shows each kind: config files, a workflow that uses this action, and inputs', () => {
    expect(new Set(yamlBlocks.map((b) => yamlKind(b.text)))).toEqual(new Set(['config', 'workflow', 'inputs']))
    expect(yamlBlocks.some((b) => yamlKind(b.text) === 'workflow' && /translation-quality-gate@/.test(b.text))).toBe(true)
  })

  it.each([
    ['version: 1\ntreshold: 0.7', /Unknown key treshold; did you mean 'threshold'/],
    ['version: 1\nrules: { no-such-rule: off }', /no-such-rule/],
    ['version: 1\nphrase-token: abc', /phrase-token/],
    ['# .github/translation-quality.yml\nthreshold: 0.7', /version/],
    ['version: 1\ncustom-rules: [{ id: slow, pattern: "(a+)+$", message: m }]', /custom-rules\[0\]\.pattern .* is refused/],
    ['version: 1\ndismissals: [{ file: a.json, key: k, rule: nope, target: x, comment: c }]', /nope/],
    ['jobs:\n  gate:\n    steps:\n      - uses: o/translation-quality-gate@v1\n        with: { treshold: 0.7 }', /'treshold' is not an input/],
    ['- uses: o/translation-quality-gate@v1\n  with:\n    phrase-tokn: x', /'phrase-tokn' is not an input/],
    ['openai-modle: gpt-4o', /'openai-modle' is not an input/],
    ['key: [unclosed', /./],
  ])('refuses %j', (text, message) => {
    const problems = yamlProblems(text, 'snippet')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })
})

describe('commands in the docs', () => {
  it.each(commandLines.map((c) => [`${where(c)}: ${c.words.join(' ')}`, c.words] as const))('%s', (_label, words) => {
    expect(commandProblems(words)).toEqual([])
  })

  it('include tqg command lines and npm scripts', () => {
    expect(commandLines.filter((c) => c.words[0] === 'tqg').length).toBeGreaterThan(2)
    expect(commandLines.filter((c) => c.words[0] === 'npm' && c.words[1] === 'run').length).toBeGreaterThan(5)
  })

  // The README's flags are tqg's; the other docs also quote pofilter's and sample strings'.
  it.each(inlineSpans('README.md').filter((s) => /^--[a-z]/.test(s.text)).map((s) => [`README.md:${s.line}: ${s.text}`, s.text] as const))('flag %s', (_label, span) => {
    expect(flagProblems(span)).toEqual([])
  })

  it.each([
    ['tqg a b --treshold 0.5', /Unknown option --treshold \(did you mean --threshold\?\)\. Run tqg --help/],
    ['npx tqg --base main extra', /either BASE_DIR HEAD_DIR or --base/],
    ['node dist/cli.js a b --format html', /Invalid --format/],
    ['npm run demo:provider', /no such script/],
    ['node bench/nothing.mjs', /does not exist/],
  ])('refuses %j', (line, message) => {
    const problems = commands(line).flatMap(commandProblems)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
  })

  it.each([
    ['tqg a b --format json > out.json # a comment', [['tqg', 'a', 'b', '--format', 'json']]],
    ["NODE_OPTIONS=x npx tqg --files 'a b/{locale}.json' --base main", [['npx', 'tqg', '--files', 'a b/{locale}.json', '--base', 'main']]],
    ['npm ci && npm run demo', [['npm', 'ci'], ['npm', 'run', 'demo']]],
  ])('splits %j', (line, expected) => expect(commands(line)).toEqual(expected))
})

describe('paths the docs name', () => {
  it.each(DOCS)('%s', (doc) => expect(pathProblems(doc)).toEqual([]))
})

describe("the README's demo", () => {
  it('shows what npm run demo prints, and says it exits 1', async () => {
    const shown = blocks.find((b) => b.doc === 'README.md' && b.text.startsWith('LOCATION'))!
    const { code, stdout } = await tqg(['examples/base', 'examples/head', '--config', 'examples/translation-quality.yml'])
    const trimmed = (t: string) => t.split('\n').map((l) => l.trimEnd()).join('\n').trim()
    expect(trimmed(shown.text)).toBe(trimmed(stdout))
    expect(code).toBe(1)
    expect(read('README.md')).toMatch(/exits 1/)
  })
})

describe('docs/architecture.md', () => {
  const arch = read('docs/architecture.md')
  const modules = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()

  /** The modules each table row names: `dir/x.ts`, or `x.ts` (or `x`) under the directory the row is about. */
  function named(): Map<string, string> {
    const out = new Map<string, string>()
    for (const row of arch.split('\n').filter((l) => l.startsWith('| `'))) {
      const spans = [...row.matchAll(/`([^`]+)`/g)].map((m) => m[1])
      const dir = /^([a-z-]+)\//.exec(spans[0])?.[1] ?? /^\| `[^`]+`, `([a-z-]+)\/`/.exec(row)?.[1]
      for (const span of spans) {
        const candidates = [dir && `${dir}/${span}`, dir && `${dir}/${span}.ts`, span, `${span}.ts`].filter((c): c is string => !!c)
        const found = candidates.find((c) => modules.includes(c))
        if (found) out.set(found, row)
        else if (/^[\w/-]+\.ts$/.test(span)) out.set(`missing: ${span}`, row)
      }
    }
    return out
  }

  it('names every module under src/ in its table', () => {
    expect(modules.filter((m) => !named().has(m))).toEqual([])
  })

  it('names no module that does not exist', () => {
    expect([...named().keys()].filter((k) => k.startsWith('missing: '))).toEqual([])
  })
})
