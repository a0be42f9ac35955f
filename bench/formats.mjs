// Formats benchmark: a large generated PR per format (LOCALES x KEYS, CHANGED of the
// translations changed), run through parse + pair + rules (src/run.ts, no scorers), each
// format in its own process so peak memory is its own. The baseline, measured in the same
// run, is plain JSON.parse plus a walk over the same JSON files. Time is wall-clock from the
// worker's start (module loading included); CPU is the worker's, the steadier figure when the
// machine is busy.
//
// A second table reads one large file per format alone, for the memory one file costs.
//
//   node bench/formats.mjs [--locales 20] [--keys 5000] [--changed 0.1] [--only json,yaml] [--file-mb 10 (0: skip)]
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

const LOCALES = ['de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'sv', 'da', 'fi', 'nb', 'pl', 'cs', 'tr', 'ru', 'uk', 'ja', 'ko', 'zh-Hans', 'ar', 'he', 'hi', 'th', 'vi', 'id']

const WORDS = 'save open close account order cart item price delivery address payment review message settings profile search filter result page next back help support invoice'.split(' ')

/** A realistic-looking English string for key i, with placeholders now and then. */
export function sourceText(i) {
  const w = (k) => WORDS[(i * 7 + k * 13) % WORDS.length]
  const kinds = [
    () => `${cap(w(1))} your ${w(2)}`,
    () => `You have {count} new ${w(3)}s`,
    () => `${cap(w(4))} ${w(5)} for {name}?`,
    () => `Your ${w(6)} was ${w(7)}ed on {date}.`,
    () => `${cap(w(8))} and ${w(9)} (${i})`,
  ]
  return kinds[i % kinds.length]()
}

const cap = (s) => s[0].toUpperCase() + s.slice(1)

/** A stand-in translation; every 50th changed one drops a placeholder so rules have work. */
export function targetText(locale, i, changed) {
  const text = `[${locale}] ${sourceText(i)}${changed ? ' *' : ''}`
  return changed && i % 50 === 1 ? text.replace(/\{\w+\}/, '') : text
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const printfOf = (s) => s.replace(/\{\w+\}/g, '%d')
const indexOf = (key) => Number(key.split('key')[1])

/** Writers per format: the files of one locale, from key -> text. */
export const writers = {
  json: {
    pattern: 'locales/{locale}/app.json',
    path: (locale) => `locales/${locale}/app.json`,
    write(entries) {
      const tree = {}
      for (const [key, text] of entries) {
        const [group, name] = key.split('.')
        ;(tree[group] ??= {})[name] = text
      }
      return `${JSON.stringify(tree, null, 2)}\n`
    },
  },
  yaml: {
    pattern: 'config/locales/{locale}.yml',
    path: (locale) => `config/locales/${locale}.yml`,
    write(entries, locale) {
      const lines = [`${locale}:`]
      let current = ''
      for (const [key, text] of entries) {
        const [group, name] = key.split('.')
        if (group !== current) lines.push(`  ${(current = group)}:`)
        lines.push(`    ${name}: ${JSON.stringify(text.replace(/\{(\w+)\}/g, '%{$1}'))}`)
      }
      return `${lines.join('\n')}\n`
    },
  },
  po: {
    pattern: 'po/{locale}.po',
    path: (locale) => `po/${locale}.po`,
    write(entries, locale) {
      const q = (s) => JSON.stringify(s)
      const header = `msgid ""\nmsgstr ""\n"Language: ${locale}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n`
      return header + entries.map(([key, text]) => `\n#, python-brace-format\nmsgctxt ${q(key)}\nmsgid ${q(sourceText(indexOf(key)))}\nmsgstr ${q(text)}\n`).join('')
    },
  },
  strings: {
    pattern: 'App/{locale}.lproj/Localizable.strings',
    path: (locale) => `App/${locale}.lproj/Localizable.strings`,
    write: (entries) => entries.map(([key, text]) => `/* ${key} */\n"${key}" = ${JSON.stringify(text.replace(/\{\w+\}/g, '%@'))};\n`).join(''),
  },
  arb: {
    pattern: 'lib/l10n/app_{locale}.arb',
    path: (locale) => `lib/l10n/app_${locale.replace('-', '_')}.arb`,
    write: (entries, locale) => `${JSON.stringify({ '@@locale': locale.replace('-', '_'), ...Object.fromEntries(entries.map(([key, text]) => [key.replace('.', '_'), text])) }, null, 2)}\n`,
  },
  chrome: {
    pattern: '_locales/{locale}/messages.json',
    path: (locale) => `_locales/${locale.replace('-', '_')}/messages.json`,
    write: (entries) => `${JSON.stringify(Object.fromEntries(entries.map(([key, text]) => [key.replace('.', '_'), { message: text.replace(/\{(\w+)\}/g, '$$$1$$') }])), null, 2)}\n`,
  },
  xliff: {
    pattern: 'src/locale/messages{.locale}.xlf',
    path: (locale) => (locale === 'en' ? 'src/locale/messages.xlf' : `src/locale/messages.${locale}.xlf`),
    write(entries, locale) {
      const units = entries.map(([key, text]) => {
        const source = xml(sourceText(indexOf(key)))
        const target = locale === 'en' ? '' : `\n        <target state="translated">${xml(text)}</target>`
        return `      <trans-unit id="${key}" datatype="html">\n        <source>${source}</source>${target}\n      </trans-unit>`
      })
      const lang = locale === 'en' ? '' : ` target-language="${locale}"`
      return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file source-language="en"${lang} datatype="plaintext" original="ng2.template">\n    <body>\n${units.join('\n')}\n    </body>\n  </file>\n</xliff>\n`
    },
  },
  android: {
    pattern: 'app/src/main/res/values{-locale}/strings.xml',
    path: (locale) => `app/src/main/res/${locale === 'en' ? 'values' : `values-${locale.replace(/-(\w\w)$/, '-r$1').replace('zh-Hans', 'b+zh+Hans')}`}/strings.xml`,
    write: (entries) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n${entries.map(([key, text]) => `    <string name="${key.replace('.', '_')}">${xml(printfOf(text)).replace(/'/g, "\\'")}</string>`).join('\n')}\n</resources>\n`,
  },
  resx: {
    pattern: 'Properties/Resources{.locale}.resx',
    path: (locale) => (locale === 'en' ? 'Properties/Resources.resx' : `Properties/Resources.${locale}.resx`),
    write: (entries) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<root>\n  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n${entries.map(([key, text]) => `  <data name="${key}" xml:space="preserve">\n    <value>${xml(text.replace(/\{\w+\}/g, '{0}'))}</value>\n  </data>`).join('\n')}\n</root>\n`,
  },
  stringsdict: {
    pattern: 'App/{locale}.lproj/Localizable.stringsdict',
    path: (locale) => `App/${locale}.lproj/Localizable.stringsdict`,
    write: (entries) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${entries
        .map(
          ([key, text]) =>
            `  <key>${key}</key>\n  <dict>\n    <key>NSStringLocalizedFormatKey</key>\n    <string>%#@n@</string>\n    <key>n</key>\n    <dict>\n      <key>NSStringFormatSpecTypeKey</key>\n      <string>NSStringPluralRuleType</string>\n      <key>NSStringFormatValueTypeKey</key>\n      <string>d</string>\n      <key>one</key>\n      <string>${xml(printfOf(text))}</string>\n      <key>other</key>\n      <string>${xml(printfOf(text))}</string>\n    </dict>\n  </dict>`,
        )
        .join('\n')}\n</dict>\n</plist>\n`,
  },
  xcstrings: {
    // Every locale in one catalog: the writer gets them all.
    pattern: 'App/Localizable.xcstrings',
    path: () => 'App/Localizable.xcstrings',
    multiLocale: true,
    write(byLocale) {
      const strings = {}
      for (const [locale, entries] of byLocale) {
        for (const [key, text] of entries) (strings[key] ??= { localizations: {} }).localizations[locale] = { stringUnit: { state: 'translated', value: text.replace(/\{\w+\}/g, '%@') } }
      }
      return `${JSON.stringify({ sourceLanguage: 'en', strings, version: '1.0' }, null, 2)}\n`
    },
  },
  properties: {
    pattern: 'i18n/messages{_locale}.properties',
    path: (locale) => (locale === 'en' ? 'i18n/messages.properties' : `i18n/messages_${locale.replace('-', '_')}.properties`),
    write: (entries) => entries.map(([key, text]) => `# ${key}\n${key}=${text.replace(/\{\w+\}/g, '{0}')}\n`).join(''),
  },
}

/** The entries of one locale's file: key -> text, `changedShare` of a translation's texts changed in head. */
function entriesOf(side, locale, keys, changedShare) {
  const entries = []
  for (let i = 0; i < keys; i++) {
    const changed = side === 'head' && locale !== 'en' && (i * 7919) % 1000 < changedShare * 1000
    entries.push([`group${Math.floor(i / 100)}.key${i}`, locale === 'en' ? sourceText(i) : targetText(locale, i, changed)])
  }
  return entries
}

function writeFile(path, text) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  return path
}

/** Writes DIR/base and DIR/head of a generated PR in one format. */
export function generate(dir, format, locales, keys, changedShare) {
  const w = writers[format]
  for (const side of ['base', 'head']) {
    const all = ['en', ...locales]
    if (w.multiLocale) writeFile(join(dir, side, w.path()), w.write(new Map(all.map((locale) => [locale, entriesOf(side, locale, keys, changedShare)]))))
    else for (const locale of all) writeFile(join(dir, side, w.path(locale)), w.write(entriesOf(side, locale, keys, changedShare), locale))
  }
}

/** One German file (every locale for a catalog) of about `bytes`, in DIR; returns its path. */
export function generateFile(dir, format, bytes) {
  const w = writers[format]
  const locales = w.multiLocale ? LOCALES.slice(0, 20) : ['de']
  const text = (keys) => (w.multiLocale ? w.write(new Map(['en', ...locales].map((l) => [l, entriesOf('head', l, keys, 0.1)]))) : w.write(entriesOf('head', 'de', keys, 0.1), 'de'))
  const sample = Buffer.byteLength(text(1000))
  return writeFile(join(dir, w.path('de')), text(Math.round((1000 * bytes) / sample)))
}

function measure(script, args) {
  const out = spawnSync(process.execPath, ['--expose-gc', script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (out.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${out.stderr}`)
  return JSON.parse(out.stdout.trim().split('\n').pop())
}

export function runFormatsBench({ locales = 20, keys = 5000, changed = 0.1, only } = {}) {
  const chosen = LOCALES.slice(0, locales)
  const formats = Object.keys(writers).filter((f) => !only || only.includes(f))
  const rows = []
  const work = mkdtempSync(join(tmpdir(), 'tqg-bench-'))
  try {
    for (const format of formats) {
      const dir = join(work, format)
      generate(dir, format, chosen, keys, changed)
      const r = measure(join(here, 'formats-worker.mjs'), ['pipeline', dir, writers[format].pattern])
      rows.push({ format, strings: (chosen.length + 1) * keys * 2, ...r })
      if (format === 'json') rows.push({ format: 'json baseline (JSON.parse + walk)', ...measure(join(here, 'formats-worker.mjs'), ['baseline', dir]) })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const units = (chosen.length + 1) * keys * 2
  console.log(`\nFormats: ${chosen.length} locales x ${keys} keys, ${Math.round(changed * 100)}% of translations changed (${units.toLocaleString('en')} strings read on both sides)`)
  console.log('format                              strings/s   segments  segments/s    time     CPU   peak RSS')
  for (const r of rows) {
    console.log(
      `${r.format.padEnd(34)}${Math.round(r.strings / r.seconds).toLocaleString('en').padStart(11)}${String(r.segments ?? '-').padStart(11)}${(r.segments ? Math.round(r.segments / r.seconds).toLocaleString('en') : '-').padStart(12)}${`${r.seconds.toFixed(2)}s`.padStart(8)}${`${r.cpuSeconds.toFixed(2)}s`.padStart(8)}${`${Math.round(r.peakRssMb)} MB`.padStart(11)}`,
    )
  }
  return rows
}

/**
 * Memory for one large file per format (default 10 MB, the default max-file-size): each read
 * alone in its own process, bytes -> units, with the units kept as pairing keeps them.
 */
export function runFileMemoryBench({ megabytes = 10, only } = {}) {
  const formats = Object.keys(writers).filter((f) => !only || only.includes(f))
  const rows = []
  const work = mkdtempSync(join(tmpdir(), 'tqg-bench-file-'))
  try {
    for (const format of formats) {
      const path = generateFile(join(work, format), format, megabytes * 1024 * 1024)
      rows.push({ format, ...measure(join(here, 'formats-worker.mjs'), ['file', path, relative(join(work, format), path)]) })
      rmSync(join(work, format), { recursive: true, force: true })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  console.log(`\nOne file of about ${megabytes} MB per format, read alone (decode + parse); memory above the process before reading`)
  console.log('format          size     strings    time   MB/s   peak RSS  RSS growth  units kept')
  for (const r of rows) {
    const mb = r.bytes / 1024 / 1024
    console.log(
      `${r.format.padEnd(12)}${`${mb.toFixed(1)} MB`.padStart(9)}${r.units.toLocaleString('en').padStart(12)}${`${r.seconds.toFixed(2)}s`.padStart(8)}${(mb / r.seconds).toFixed(1).padStart(7)}${`${Math.round(r.peakRssMb)} MB`.padStart(11)}${`${Math.round(r.peakRssMb - r.rssBeforeMb)} MB`.padStart(12)}${`${Math.round(r.heapKeptMb)} MB`.padStart(12)}`,
    )
  }
  return rows
}

/**
 * A broken YAML file: about `megabytes` of Rails YAML indented with tabs, which yaml reports
 * on every line. Read as the pipeline reads it (stopping at the first tab-indented line),
 * beside the yaml library's whole parse of it (what reading it cost before) and the same file
 * indented with spaces.
 */
export function runBrokenYamlBench({ megabytes = 2 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'tqg-bench-broken-'))
  try {
    const good = generateFile(join(work, 'good'), 'yaml', megabytes * 1024 * 1024)
    const broken = writeFile(join(work, 'broken', writers.yaml.path('de')), readFileSync(good, 'utf8').replace(/^ {4}/gm, '\t\t'))
    const rel = writers.yaml.path('de')
    const rows = [
      ['tab-indented, now', measure(join(here, 'formats-worker.mjs'), ['file', broken, rel])],
      ['tab-indented, yaml library (before)', measure(join(here, 'formats-worker.mjs'), ['yaml-library', broken])],
      ['indented with spaces', measure(join(here, 'formats-worker.mjs'), ['file', good, rel])],
    ]
    console.log(`\nBroken YAML: ${megabytes} MB of Rails YAML indented with tabs (yaml reports every line)`)
    console.log('file                                  size    time     CPU  problems')
    for (const [name, r] of rows) {
      console.log(`${name.padEnd(36)}${`${(r.bytes / 1024 / 1024).toFixed(1)} MB`.padStart(8)}${`${r.seconds.toFixed(2)}s`.padStart(8)}${`${r.cpuSeconds.toFixed(2)}s`.padStart(8)}${String(r.problems).padStart(10)}`)
    }
    return rows
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { locales: { type: 'string' }, keys: { type: 'string' }, changed: { type: 'string' }, only: { type: 'string' }, 'file-mb': { type: 'string' } } })
  const only = values.only?.split(',')
  runFormatsBench({
    locales: values.locales ? Number(values.locales) : undefined,
    keys: values.keys ? Number(values.keys) : undefined,
    changed: values.changed ? Number(values.changed) : undefined,
    only,
  })
  const megabytes = values['file-mb'] === undefined ? 10 : Number(values['file-mb'])
  if (megabytes > 0) runFileMemoryBench({ megabytes, only })
  if (!only || only.includes('yaml')) runBrokenYamlBench()
}

