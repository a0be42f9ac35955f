import { describe, expect, it } from '@jest/globals'
import { findBundles } from '../src/bundles.js'
import { defaultCheckOptions } from '../src/checks/check.js'
import { runChecks } from '../src/checks/engine.js'
import { checks } from '../src/checks/index.js'
import { loadBundle } from '../src/load.js'
import { pairBundle } from '../src/pairing.js'
import { ruleSettings } from '../src/rule-settings.js'
import { memoryChanges } from './helpers/trees.js'

async function pair(base: Record<string, string>, head: Record<string, string>, patterns = ['locales/{locale}.json'], maxFileSize = 1e6) {
  const changes = memoryChanges(base, head)
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])]
  const segments = []
  const findings = []
  for (const bundle of findBundles(patterns, paths, 'en')) {
    const loaded = await loadBundle(bundle, changes, maxFileSize)
    if (!loaded) continue
    const result = await pairBundle(loaded)
    segments.push(...result.segments)
    findings.push(...result.findings)
  }
  return {
    segments: segments.map((s) => ({ file: s.file, key: s.key, line: s.line, source: s.source, target: s.target, status: s.status, ...(s.pluralForms && { forms: s.pluralForms }) })),
    findings: findings.map((f) => ({ file: f.file, line: f.line, rule: f.issue.r, d: f.issue.d, ...(f.locales && { locales: f.locales }) })),
  }
}

const en = '{\n  "save": "Save",\n  "hello": "Hello {name}"\n}\n'

describe('pairing', () => {
  it('checks only new and changed translations, each with its source', async () => {
    const base = { 'locales/en.json': en, 'locales/de.json': '{\n  "save": "Speichern"\n}\n' }
    const head = { 'locales/en.json': en, 'locales/de.json': '{\n  "save": "Sichern",\n  "hello": "Hallo {name}"\n}\n' }
    expect((await pair(base, head)).segments).toEqual([
      { file: 'locales/de.json', key: 'save', line: 2, source: 'Save', target: 'Sichern', status: 'changed' },
      { file: 'locales/de.json', key: 'hello', line: 3, source: 'Hello {name}', target: 'Hallo {name}', status: 'new' },
    ])
  })

  it('costs nothing when no file of a bundle changed', async () => {
    const files = { 'locales/en.json': en, 'locales/de.json': '{"save": "Speichern"}' }
    expect(await pair(files, files)).toEqual({ segments: [], findings: [] })
  })

  it('reports a source change once, on the source line, listing the locales not updated', async () => {
    const de = '{\n  "save": "Speichern",\n  "hello": "Hallo {name}"\n}\n'
    const fr = '{\n  "save": "Enregistrer",\n  "hello": "Bonjour {name}"\n}\n'
    const ja = '{\n  "save": "保存",\n  "hello": "こんにちは {name}"\n}\n'
    const base = { 'locales/en.json': en, 'locales/de.json': de, 'locales/fr.json': fr, 'locales/ja.json': ja }
    const head = { ...base, 'locales/en.json': en.replace('Hello {name}', 'Hi {name}'), 'locales/ja.json': ja.replace('こんにちは', 'やあ') }
    const result = await pair(base, head)
    expect(result.findings).toEqual([{ file: 'locales/en.json', line: 3, rule: 1007, d: 'Source text changed but the translation was not updated in: de, fr', locales: ['de', 'fr'] }])
    expect(result.segments.map((s) => `${s.file} ${s.key}`)).toEqual(['locales/ja.json hello'])
  })

  it('pairs plural forms the source language lacks with its other form, and records the group', async () => {
    const enPlural = '{\n  "files_one": "{{count}} file",\n  "files_other": "{{count}} files"\n}\n'
    const pl = '{\n  "files_one": "{{count}} plik",\n  "files_few": "{{count}} pliki",\n  "files_many": "{{count}} plików"\n}\n'
    const result = await pair({ 'locales/en.json': enPlural }, { 'locales/en.json': enPlural, 'locales/pl.json': pl })
    const forms = { target: ['one', 'few', 'many'], source: ['one', 'other'] }
    expect(result.segments).toEqual([
      { file: 'locales/pl.json', key: 'files_one', line: 2, source: '{{count}} file', target: '{{count}} plik', status: 'new', forms },
      { file: 'locales/pl.json', key: 'files_few', line: 3, source: '{{count}} files', target: '{{count}} pliki', status: 'new', forms },
      { file: 'locales/pl.json', key: 'files_many', line: 4, source: '{{count}} files', target: '{{count}} plików', status: 'new', forms },
    ])
  })

  it('leaves the source undefined for keys the source lacks, and says when there is no source file', async () => {
    const result = await pair({}, { 'locales/en.json': en, 'locales/de.json': '{"extra": "Extra"}', 'other/de.json': '{"a": "b"}' }, ['locales/{locale}.json', 'other/{locale}.json'])
    expect(result.segments.map((s) => [s.file, s.key, s.source])).toEqual([
      ['locales/de.json', 'extra', undefined],
      ['other/de.json', 'a', undefined],
    ])
    expect(result.findings).toEqual([
      { file: 'other/de.json', line: 1, rule: 1010, d: "No en source file for this translation in pattern 'other/{locale}.json', so its strings are not compared with a source" },
    ])
  })

  it('turns parse problems of changed files into findings, and keeps going', async () => {
    const result = await pair({}, { 'locales/en.json': en, 'locales/de.json': '{\n  "save": "x"\n  "hello": "y"\n}', 'locales/fr.json': '{"save": "Enregistrer"}' })
    expect(result.findings).toEqual([{ file: 'locales/de.json', line: 2, rule: 1001, d: `Invalid JSON: Missing ',' after the value of "save"` }])
    expect(result.segments.map((s) => s.file)).toEqual(['locales/fr.json'])
  })

  it('reads a translation that did not change only when its source did', async () => {
    const files = { 'locales/en.json': en, 'locales/de.json': '{"save": "Speichern"}', 'locales/fr.json': '{"save": "Enregistrer"}' }
    const reads = async (head: Record<string, string>) => {
      const changes = memoryChanges(files, head)
      const read: string[] = []
      for (const tree of [changes.base, changes.head]) {
        const original = tree.read.bind(tree)
        tree.read = (path) => (read.push(`${tree.label}:${path}`), original(path))
      }
      for (const bundle of findBundles(['locales/{locale}.json'], Object.keys(head), 'en')) {
        const loaded = await loadBundle(bundle, changes, 1e6)
        if (loaded) await pairBundle(loaded)
      }
      return read.sort()
    }
    expect(await reads({ ...files, 'locales/de.json': '{"save": "Sichern"}' })).toEqual(['base:locales/de.json', 'head:locales/de.json', 'head:locales/en.json'])
    expect(await reads({ ...files, 'locales/en.json': en.replace('Save', 'Store') })).toEqual(['base:locales/en.json', 'head:locales/de.json', 'head:locales/en.json', 'head:locales/fr.json'])
  })

  it('a read that fails fails the pairing that asked for it, even when it was fetched ahead', async () => {
    const head = { 'locales/en.json': en, 'locales/de.json': '{"save": "Sichern"}', 'locales/fr.json': '{"save": "Enregistrer"}' }
    const changes = memoryChanges({}, head)
    const original = changes.head.read.bind(changes.head)
    // fr fails at once while de is still being read: the failure waits for its turn.
    changes.head.read = async (path) => {
      if (path === 'locales/fr.json') throw new Error('git cat-file died')
      if (path === 'locales/de.json') await new Promise((resolve) => setTimeout(resolve, 30))
      return original(path)
    }
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const [bundle] = findBundles(['locales/{locale}.json'], Object.keys(head), 'en')
      const loaded = await loadBundle(bundle, changes, 1e6)
      await expect(pairBundle(loaded!)).rejects.toThrow('git cat-file died')
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(unhandled).toEqual([])
  })

  it('does not check translations of strings the source marks as not to be translated', async () => {
    const res = 'app/src/main/res/values{-locale}/strings.xml'
    const source = (appName: string) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="app_name" translatable="false">${appName}</string>\n    <string name="save">Save</string>\n</resources>\n`
    const de = '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="app_name">Acme Notes</string>\n    <string name="save">Speichern</string>\n</resources>\n'
    const added = await pair({ 'app/src/main/res/values/strings.xml': source('Acme Notes') }, { 'app/src/main/res/values/strings.xml': source('Acme Notes'), 'app/src/main/res/values-de/strings.xml': de }, [res])
    expect(added.segments.map((s) => s.key)).toEqual(['save'])
    // Nor is such a string stale in its translations when the source changes it.
    const renamed = await pair({ 'app/src/main/res/values/strings.xml': source('Acme Notes'), 'app/src/main/res/values-de/strings.xml': de }, { 'app/src/main/res/values/strings.xml': source('Acme Memo'), 'app/src/main/res/values-de/strings.xml': de }, [res])
    expect(renamed).toEqual({ segments: [], findings: [] })
  })

  // The app formats a string as its source is written (Java calls MessageFormat for a key whose
  // source has {0}; Android formats a string unless the source says formatted="false").
  it.each<[label: string, pattern: string, source: string, target: string, path: string, rules: number[]]>([
    ['a {0} left out of a .properties translation', 'src/messages{_locale}.properties', 'delete=Delete {0}?\n', 'delete=Supprimer ?\n', 'src/messages_fr.properties', [1111]],
    ["'' in a .properties translation whose {0} is left out", 'src/messages{_locale}.properties', "greeting=Don''t forget {0}\n", "greeting=N''oubliez pas\n", 'src/messages_fr.properties', [1111]],
    [
      'an Android translation that drops formatted="false"',
      'res/values{-locale}/strings.xml',
      '<resources>\n    <string name="hint" formatted="false">Use %s for text and %d for numbers</string>\n</resources>\n',
      '<resources>\n    <string name="hint">Utilisez %d pour les nombres et %s pour le texte</string>\n</resources>\n',
      'res/values-fr/strings.xml',
      [],
    ],
  ])('formats a translation as its source is written: %s', async (_, pattern, source, target, path, rules) => {
    const sourcePath = path.replace('_fr', '').replace('-fr', '')
    const changes = memoryChanges({ [sourcePath]: source }, { [sourcePath]: source, [path]: target })
    const [bundle] = findBundles([pattern], [sourcePath, path], 'en')
    const { segments } = await pairBundle((await loadBundle(bundle, changes, 1e6))!)
    const [checked] = runChecks(segments, checks, defaultCheckOptions, ruleSettings({}))
    expect(checked.issues.map((i) => i.r).filter((r) => r >= 1050 && r < 1200)).toEqual(rules)
  })

  it('says once that a source over the size limit was not read, instead of reporting every key as missing from it', async () => {
    const enBig = `{"save": "Save", "help": "${'x'.repeat(200)}"}`
    const changes = memoryChanges({ 'locales/en.json': enBig, 'locales/de.json': '{"save": "Speichern"}' }, { 'locales/en.json': enBig, 'locales/de.json': '{"save": "Sichern"}' })
    const [bundle] = findBundles(['locales/{locale}.json'], ['locales/de.json', 'locales/en.json'], 'en')
    const { segments, findings } = await pairBundle((await loadBundle(bundle, changes, 100))!)
    expect(findings.map((f) => [f.file, f.line, f.issue.r, f.issue.d])).toEqual([['locales/en.json', 1, 1002, 'File not checked: 228 bytes is over the max-file-size limit of 100 bytes']])
    const [checked] = runChecks(segments, checks, defaultCheckOptions, ruleSettings({}))
    expect(checked.issues).toEqual([])
  })

  it('says once that a source that cannot be read was not compared with, also when the change did not touch it', async () => {
    const broken = '{\n  "save": "Save"\n  "help": "Help"\n}\n'
    const result = await pair({ 'locales/en.json': broken, 'locales/de.json': '{"save": "Speichern"}' }, { 'locales/en.json': broken, 'locales/de.json': '{"save": "Sichern"}' })
    expect(result.findings).toEqual([{ file: 'locales/en.json', line: 2, rule: 1001, d: `Invalid JSON: Missing ',' after the value of "save"` }])
    expect(result.segments.map((s) => [s.key, s.source])).toEqual([['save', undefined]])
  })

  it('reports files over the size limit instead of parsing them', async () => {
    const result = await pair({}, { 'locales/en.json': en, 'locales/de.json': `{"save": "${'x'.repeat(200)}"}` }, ['locales/{locale}.json'], 100)
    expect(result.findings).toEqual([{ file: 'locales/de.json', line: 1, rule: 1002, d: 'File not checked: 212 bytes is over the max-file-size limit of 100 bytes' }])
    expect(result.segments).toEqual([])
  })
})
