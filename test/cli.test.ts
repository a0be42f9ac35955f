import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCli } from '../src/cli/args.js'
import { exitCode } from '../src/cli/main.js'
import type { Verdict } from '../src/model.js'
import { gitIn, tqg } from './helpers/cli.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tqg-cli-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

async function write(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), text)
  }
}

describe('tqg with two directories', () => {
  it('prints a table and a verdict, and exits 0 when the gate passes', async () => {
    const base = join(dir, 'pass/base')
    const head = join(dir, 'pass/head')
    await write(base, { 'locales/en.json': '{"save": "Save"}', 'locales/de.json': '{}' })
    await write(head, { 'locales/en.json': '{"save": "Save"}', 'locales/de.json': '{"save": "Speichern"}' })
    const { code, stdout } = await tqg([base, head, '--files', 'locales/{locale}.json'])
    expect(stdout).toBe('No quality service configured: segments are checked by the QA rules only.\n\nPASSED: 0 errors, 0 warnings, 0 below threshold (1 segment in 1 file, 0 scored)\n')
    expect(code).toBe(0)
  })

  it('detects the layout when files is empty and says so', async () => {
    const base = join(dir, 'detect/base')
    const head = join(dir, 'detect/head')
    await write(base, { 'public/locales/en/app.json': '{"a": "Save file"}', 'public/locales/de/app.json': '{}', 'package.json': '{}' })
    await write(head, { 'public/locales/en/app.json': '{"a": "Save file"}', 'public/locales/de/app.json': '{"a": "Save file"}', 'package.json': '{}' })
    const { code, stdout } = await tqg([base, head])
    expect(stdout).toContain("No files setting: detected 'public/locales/{locale}/*.json' (source locale en).")
    expect(stdout).toContain('public/locales/de/app.json:1:7  de      a    warning   1006 untranslated')
    expect(code).toBe(0)
  })

  it('escapes control characters of untrusted strings', async () => {
    const base = join(dir, 'esc/base')
    const head = join(dir, 'esc/head')
    await write(base, { 'l/en.json': '{"k\\u001b[31m": "Hi {name}"}', 'l/de.json': '{}' })
    await write(head, { 'l/en.json': '{"k\\u001b[31m": "Hi {name}"}', 'l/de.json': '{"k\\u001b[31m": "Hallo\\u202e"}' })
    const { stdout } = await tqg([base, head, '--files', 'l/{locale}.json'])
    expect(stdout).not.toContain('\u001b')
    expect(stdout).not.toContain('\u202e')
    expect(stdout).toContain('k\\u001B[31m')
  })

  it('writes JSON and SARIF reports', async () => {
    const out = join(dir, 'reports')
    const { code, stderr } = await tqg(['examples/base', 'examples/head', '--config', 'examples/translation-quality.yml', '--format', 'sarif', '--output', join(out, 'r.sarif'), '--report-file', join(out, 'r.json')])
    expect(code).toBe(1)
    expect(stderr).toContain(`Report written to ${join(out, 'r.sarif')}`)
    const sarif = JSON.parse(await readFile(join(out, 'r.sarif'), 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results).toContainEqual(
      expect.objectContaining({ ruleId: 'TQG1061', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'locales/de/common.json' }, region: { startLine: 16, startColumn: 20 } } }] }),
    )
    const json = JSON.parse(await readFile(join(out, 'r.json'), 'utf8'))
    expect(json.summary).toMatchObject({ segments: 18, errors: 6, belowThreshold: 1 })
  })

  it.each([
    [['only-one'], 'Expected two directories (tqg BASE_DIR HEAD_DIR) or --base REF; got 1 argument(s).'],
    [['a', 'b', '--thresold', '1'], 'Unknown option --thresold (did you mean --threshold?). Run tqg --help for the options.'],
    [['examples/base', 'examples/head', '--threshold', '2'], "Invalid --threshold: '2'. Expected a number from 0 to 1."],
    [['examples/base', 'nope'], "Directory 'nope' does not exist."],
    [['examples/base', 'examples/head', '--config', 'missing.yml'], "Invalid --config: '"],
    [['examples/base', 'examples/head', '--format', 'xml'], "Invalid --format 'xml'."],
    [['examples/base', 'examples/head', '--files', 'locales/*.json'], "Invalid files pattern: 'locales/*.json' has no {locale} placeholder."],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, stderr } = await tqg(argv)
    expect(stderr).toContain(message)
    expect(code).toBe(2)
  })

  it('logs untrusted text to standard error escaped, and secrets masked', async () => {
    // A corrupt cache in a directory whose name holds an escape sequence and a token.
    const cache = join(dir, 'cache-\u001b[2J-cmt_s3cret_tok3n')
    await write(cache, { 'scores-v1.json': 'not json' })
    const { stderr } = await tqg(['examples/base', 'examples/head', '--config', 'examples/translation-quality.yml', '--cache-dir', cache], { env: { CUSTOMMT_TOKEN: 'cmt_s3cret_tok3n' } })
    const warning = stderr.split('\n').find((l) => l.includes('is not a cache file'))
    expect(warning).toContain('cache-\\u001B[2J-***')
    expect(stderr).not.toContain('\u001b')
    expect(stderr).not.toContain('cmt_s3cret_tok3n')
  })

  it('reads the config and scores files as the action does: with a BOM, or in UTF-16 (Windows PowerShell writes it)', async () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const scores = join(dir, 'scores-utf16.json')
    const config = join(dir, 'config-bom.yml')
    await writeFile(scores, utf16(await readFile('examples/scores.json', 'utf8')))
    await writeFile(config, `\uFEFF${(await readFile('examples/translation-quality.yml', 'utf8')).replace('examples/scores.json', scores)}`)
    const { code, stdout, stderr } = await tqg(['examples/base', 'examples/head', '--config', config, '--format', 'json'])
    expect(stderr).toBe('')
    expect(JSON.parse(stdout).summary).toMatchObject({ scored: 2, belowThreshold: 1 })
    expect(code).toBe(1)
  })

  it('reports a bad config file with its line and exits 2', async () => {
    const config = join(dir, 'bad.yml')
    await writeFile(config, 'version: 1\nthreshhold: 0.5\n')
    const { code, stderr } = await tqg(['examples/base', 'examples/head', '--config', config])
    expect(stderr).toMatch(new RegExp(`^tqg: Invalid config file ${config}:\\n  ${config}:2:1: Unknown key threshhold; did you mean 'threshold'\\? \\(expected version, name, files, `))
    expect(code).toBe(2)
  })

  it.each([
    ['broken JSON', '[\n  {"file": "locales/fr/common.json", "key": "a", "score": 0.5},\n  {"file": "x" "key": "b", "score": 1}\n]\n', `:3:15: Missing ',' after the value of "file". Expected JSON: a list of`],
    ['a score that is not a number', '[{"file": "x", "key": "b", "score": "0.5"}]', ':1:37: entry 1: "score" is a string; expected a number from 0 to 1 (or 0 to 100). Expected JSON'],
  ])('reports a scores file with %s as a settings error at its line and column, and exits 2', async (_name, text, message) => {
    const scores = join(dir, `scores-${text.length}.json`)
    await writeFile(scores, text)
    const { code, stdout, stderr } = await tqg(['examples/base', 'examples/head', '--config', 'examples/translation-quality.yml', '--scores-file', scores])
    expect(stderr.startsWith(`tqg: Invalid scores-file ${scores}${message}`)).toBe(true)
    expect(stderr.split('\n')).toHaveLength(2)
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })

  it('says why a scores file cannot be read', async () => {
    const { code, stderr } = await tqg(['examples/base', 'examples/head', '--scores-file', join(dir, 'missing.json')])
    expect(stderr).toMatch(/^tqg: Invalid scores-file: '.*missing\.json' cannot be read \(ENOENT: no such file or directory/)
    expect(code).toBe(2)
  })

  it.each([['--score-fuzzy'], ['--wordbee-push']])('takes a bare %s as true, like every yes/no setting', async (flag) => {
    const bare = parseCli(['base', 'head', flag, '--threshold', '0.5'], {})
    expect(bare.inputs).toMatchObject({ [flag.slice(2)]: 'true', threshold: '0.5' })
    expect(parseCli(['base', 'head', flag, 'false'], {}).inputs[flag.slice(2)]).toBe('false')
    expect(parseCli(['base', 'head', flag], {}).inputs[flag.slice(2)]).toBe('true')
  })

  it.each([
    [['--max-annotations', '5'], ['max-annotations']],
    [['--comment', 'review', '--annotations=off', '--github-token', 'ghs_x'], ['github-token', 'comment', 'annotations']],
  ])('accepts the action-only inputs %j as flags, and says in one line each that they are ignored', async (flags, names) => {
    const { code, stdout, stderr } = await tqg(['examples/base', 'examples/head', '--config', 'examples/translation-quality.yml', ...flags, '--format', 'json'])
    expect(stderr.split('\n').filter(Boolean)).toEqual(names.map((n) => `tqg: --${n} is ignored: it applies to the action on GitHub only`))
    expect(JSON.parse(stdout).summary.errors).toBe(6)
    expect(code).toBe(1)
  })

  it('says nothing of max-annotations set in the config file the action shares', async () => {
    const config = join(dir, 'max-annotations.yml')
    await writeFile(config, (await readFile('examples/translation-quality.yml', 'utf8')) + 'max-annotations: 10\n')
    const { stderr } = await tqg(['examples/base', 'examples/head', '--config', config, '--format', 'json'])
    expect(stderr).toBe('')
  })

  it('prints help with every setting', async () => {
    const { code, stdout } = await tqg(['--help'])
    expect(code).toBe(0)
    for (const flag of ['--files', '--source-locale', '--threshold', '--fail-on', '--phrase-api-url', '--openai-model', '--format']) expect(stdout).toContain(flag)
    expect(stdout).toContain("The action's own inputs (--github-token, --comment, --annotations, --max-annotations) are accepted and ignored.")
    expect(stdout).not.toMatch(/^ {2}--max-annotations/m)
  })
})

describe('exitCode', () => {
  // The verdict is the action's (fail-on decides); 3 says a service failed, 1 that translations failed the gate.
  it.each<[Verdict, number, number]>([
    [{ passed: true, reasons: [] }, 0, 0],
    [{ passed: true, reasons: [] }, 4, 3],
    [{ passed: false, reasons: ['error'] }, 0, 1],
    [{ passed: false, reasons: ['below-threshold', 'warning'] }, 0, 1],
    [{ passed: false, reasons: ['error', 'not-scored'] }, 2, 1],
    [{ passed: false, reasons: ['not-scored'] }, 2, 3],
  ])('%j with %i not scored -> %i', (verdict, notScored, code) => expect(exitCode(verdict, notScored)).toBe(code))
})

describe('tqg in a git repository', () => {
  it('compares the working tree (or a head revision) with the merge base, not the moved-on base branch', async () => {
    const repo = join(dir, 'repo')
    await mkdir(repo, { recursive: true })
    const git = gitIn(repo)
    await git('init', '-q', '-b', 'main')
    await write(repo, { 'locales/en.json': '{\n  "save": "Save",\n  "open": "Open {name}"\n}\n', 'locales/de.json': '{\n  "save": "Speichern"\n}\n' })
    await git('add', '.')
    await git('commit', '-qm', 'base')
    await git('checkout', '-qb', 'feature')
    await write(repo, { 'locales/de.json': '{\n  "save": "Speichern",\n  "open": "{name} öffnen"\n}\n' })
    await git('commit', '-qam', 'translate open')
    // main moves on after the branch was made: its new German string is not the PR's change
    await git('checkout', '-q', 'main')
    await write(repo, { 'locales/en.json': '{\n  "save": "Save",\n  "open": "Open {name}",\n  "close": "Close"\n}\n', 'locales/de.json': '{\n  "save": "Speichern",\n  "close": "Close"\n}\n' })
    await git('commit', '-qam', 'main moves on')
    await git('checkout', '-q', 'feature')

    const byRevision = await tqg(['--base', 'main', '--head', 'feature', '--files', 'locales/{locale}.json', '--format', 'json'], { cwd: repo })
    expect(byRevision.code).toBe(0)
    expect(JSON.parse(byRevision.stdout).segments.map((s: { key: string; line: number }) => `${s.key}:${s.line}`)).toEqual(['open:3'])

    // Uncommitted edits in the working tree are the head by default.
    await write(repo, { 'locales/de.json': '{\n  "save": "Speichern",\n  "open": "öffnen"\n}\n' })
    const working = await tqg(['--base', 'main', '--files', 'locales/{locale}.json', '--format', 'json'], { cwd: repo })
    expect(working.code).toBe(1)
    expect(JSON.parse(working.stdout).segments[0].issues).toEqual([
      { s: 2, r: 1051, d: 'Placeholder {name} is missing' },
      { s: 0, r: 1407, d: 'The source starts with a capital, the translation with a small letter' },
    ])
  })

  it('rejects unknown and option-like revisions with exit 2', async () => {
    const repo = join(dir, 'repo')
    expect(await tqg(['--base', 'no-such-branch'], { cwd: repo })).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown git revision 'no-such-branch'") })
    expect(await tqg(['--base=--output=/tmp/x'], { cwd: repo })).toMatchObject({ code: 2, stderr: expect.stringContaining("Invalid git revision '--output=/tmp/x'") })
  })
})
