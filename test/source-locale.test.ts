// The source file of a bundle when no file has the configured source locale's exact tag:
// `en-US/` or `en_US` for `source-locale: en` (and the other way round), Apple's
// `Base.lproj`; strict when two files of the source's language compete.
import { describe, expect, it } from '@jest/globals'
import { findBundles } from '../src/bundles.js'
import { detectLayouts } from '../src/detect.js'
import { loadBundle } from '../src/load.js'
import { memoryLogger } from '../src/log.js'
import { pairBundle } from '../src/pairing.js'
import { runPipeline } from '../src/run.js'
import { MemoryScoreCache } from '../src/scorers/cache.js'
import { resolveSettings } from '../src/settings.js'
import { memoryChanges } from './helpers/trees.js'

describe('the source file of a bundle', () => {
  it.each<[label: string, pattern: string, sourceLocale: string, paths: string[], source: string | undefined, by: string | undefined, targets: string[]]>([
    ['en-US/ for en', 'locales/{locale}/app.json', 'en', ['locales/en-US/app.json', 'locales/de/app.json'], 'locales/en-US/app.json', 'language', ['locales/de/app.json']],
    ['en_US for en', 'config/{locale}.yml', 'en', ['config/de.yml', 'config/en_US.yml'], 'config/en_US.yml', 'language', ['config/de.yml']],
    ['en for en-US', 'locales/{locale}.json', 'en-US', ['locales/de.json', 'locales/en.json'], 'locales/en.json', 'language', ['locales/de.json']],
    ['en_GB for en-US, the only English file', 'messages{_locale}.properties', 'en-US', ['messages_en_GB.properties', 'messages_fr.properties'], 'messages_en_GB.properties', 'language', ['messages_fr.properties']],
    ['values-en-rUS/ for en', 'res/values{-locale}/strings.xml', 'en', ['res/values-de/strings.xml', 'res/values-en-rUS/strings.xml'], 'res/values-en-rUS/strings.xml', 'language', ['res/values-de/strings.xml']],
    ['values/ before values-en', 'res/values{-locale}/strings.xml', 'en-US', ['res/values-de/strings.xml', 'res/values-en/strings.xml', 'res/values/strings.xml'], 'res/values/strings.xml', undefined, ['res/values-de/strings.xml', 'res/values-en/strings.xml']],
    ['Base.lproj for en', 'App/{locale}.lproj/Localizable.strings', 'en', ['App/Base.lproj/Localizable.strings', 'App/de.lproj/Localizable.strings'], 'App/Base.lproj/Localizable.strings', 'base', ['App/de.lproj/Localizable.strings']],
    ['en.lproj before Base.lproj, which is no translation', 'App/{locale}.lproj/Localizable.strings', 'en', ['App/Base.lproj/Localizable.strings', 'App/de.lproj/Localizable.strings', 'App/en.lproj/Localizable.strings'], 'App/en.lproj/Localizable.strings', undefined, ['App/de.lproj/Localizable.strings']],
    ['Base.lproj before en-GB.lproj', 'App/{locale}.lproj/Localizable.strings', 'en', ['App/Base.lproj/Localizable.strings', 'App/en-GB.lproj/Localizable.strings'], 'App/Base.lproj/Localizable.strings', 'base', ['App/en-GB.lproj/Localizable.strings']],
    ['the exact tag before another of its language', 'locales/{locale}.json', 'en', ['locales/en-GB.json', 'locales/en.json'], 'locales/en.json', undefined, ['locales/en-GB.json']],
    ['no guess when en-GB and en-US compete', 'locales/{locale}.json', 'en', ['locales/de.json', 'locales/en-GB.json', 'locales/en-US.json'], undefined, undefined, ['locales/de.json', 'locales/en-GB.json', 'locales/en-US.json']],
    ['no guess from another language', 'locales/{locale}.json', 'en', ['locales/de.json', 'locales/fr.json'], undefined, undefined, ['locales/de.json', 'locales/fr.json']],
    ['no source taken from files that hold their own (PO)', 'po/{locale}.po', 'en', ['po/de.po', 'po/en-GB.po'], undefined, undefined, ['po/de.po', 'po/en-GB.po']],
  ])('%s', (_, pattern, sourceLocale, paths, source, by, targets) => {
    const [bundle] = findBundles([pattern], paths, sourceLocale)
    expect(bundle.source?.path).toBe(source)
    expect(bundle.sourceBy).toBe(by)
    expect(bundle.targets.map((t) => t.path)).toEqual(targets)
  })

  it('keeps bundles of one pattern apart: each namespace finds its own source', () => {
    const bundles = findBundles(['locales/{locale}/*.json'], ['locales/de/admin.json', 'locales/de/app.json', 'locales/en-US/app.json', 'locales/en/admin.json'], 'en')
    expect(bundles.map((b) => [b.source?.path, b.sourceBy])).toEqual([
      ['locales/en/admin.json', undefined],
      ['locales/en-US/app.json', 'language'],
    ])
  })

  it('lets auto-detection find a layout whose source is en-US', () => {
    expect(detectLayouts(['locales/de/app.json', 'locales/en-US/app.json', 'src/main.ts'], 'en').patterns).toEqual(['locales/{locale}/*.json'])
  })
})

const en = '{\n  "save": "Save",\n  "hello": "Hello {name}"\n}\n'

async function pairAll(base: Record<string, string>, head: Record<string, string>, pattern: string, sourceLocale = 'en') {
  const changes = memoryChanges(base, head)
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort()
  const out = { segments: [] as string[], findings: [] as string[] }
  for (const bundle of findBundles([pattern], paths, sourceLocale)) {
    const loaded = await loadBundle(bundle, changes, 1e6)
    if (!loaded) continue
    const paired = await pairBundle(loaded)
    out.segments.push(...paired.segments.map((s) => `${s.file} ${s.key}: ${JSON.stringify(s.source)} -> ${JSON.stringify(s.target)}`))
    out.findings.push(...paired.findings.map((f) => `${f.file}:${f.line} ${f.issue.r} ${f.issue.d}`))
  }
  return out
}

describe('pairing with a source found by language', () => {
  it('compares a translation with the en-US file when the source locale is en', async () => {
    const base = { 'locales/en-US.json': en, 'locales/de.json': '{\n  "save": "Speichern"\n}\n' }
    const head = { ...base, 'locales/de.json': '{\n  "save": "Sichern",\n  "hello": "Hallo"\n}\n' }
    expect(await pairAll(base, head, 'locales/{locale}.json')).toEqual({
      segments: ['locales/de.json save: "Save" -> "Sichern"', 'locales/de.json hello: "Hello {name}" -> "Hallo"'],
      findings: [],
    })
  })

  it('says which files competed when it could not choose', async () => {
    const head = { 'locales/en-GB.json': en, 'locales/en-US.json': en, 'locales/de.json': '{"save": "Sichern"}' }
    const { findings } = await pairAll({}, head, 'locales/{locale}.json')
    expect(findings).toContain(
      "locales/de.json:1 1010 No en source file for this translation in pattern 'locales/{locale}.json', so its strings are not compared with a source: the en-GB and en-US files share its language, so none is taken as the source (set source-locale to the one that is)",
    )
  })
})

describe('the log', () => {
  it('names the file used as the source, once per pattern', async () => {
    const base = { 'locales/en-US/app.json': en, 'locales/en-US/admin.json': en, 'locales/de/app.json': '{}', 'locales/de/admin.json': '{}' }
    const head = { ...base, 'locales/de/app.json': '{"save": "Sichern"}', 'locales/de/admin.json': '{"save": "Sichern"}' }
    const settings = resolveSettings({ inputs: { files: 'locales/{locale}/*.json' }, origin: (n) => `input '${n}'` })
    const log = memoryLogger()
    const report = await runPipeline(settings, { changes: memoryChanges(base, head), scorers: [], cache: new MemoryScoreCache(), log })
    expect(log.lines.filter((l) => l.startsWith('Pattern '))).toEqual(["Pattern 'locales/{locale}/*.json': no en file, so the source is the en-US file, the only one of its language, e.g. locales/en-US/admin.json"])
    expect(report.fileFindings).toEqual([])
    expect(report.segments.map((s) => [s.file, s.source])).toEqual([
      ['locales/de/admin.json', 'Save'],
      ['locales/de/app.json', 'Save'],
    ])
  })
})
