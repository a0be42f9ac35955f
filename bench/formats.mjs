// Formats benchmark: a large generated PR per format (LOCALES x KEYS, CHANGED of the
// translations changed), run through parse + pair + rules (src/run.ts, no scorers), each
// format in its own process so peak memory is its own. The baseline, measured in the same
// run, is plain JSON.parse plus a walk over the same JSON files.
//
//   node bench/formats.mjs [--locales 20] [--keys 5000] [--changed 0.1] [--only json,yaml]
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
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
      return header + entries.map(([key, text]) => `\n#, python-brace-format\nmsgctxt ${q(key)}\nmsgid ${q(sourceText(Number(key.split('key')[1])))}\nmsgstr ${q(text)}\n`).join('')
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
  properties: {
    pattern: 'i18n/messages{_locale}.properties',
    path: (locale) => (locale === 'en' ? 'i18n/messages.properties' : `i18n/messages_${locale.replace('-', '_')}.properties`),
    write: (entries) => entries.map(([key, text]) => `# ${key}\n${key}=${text.replace(/\{\w+\}/g, '{0}')}\n`).join(''),
  },
}

function generate(dir, format, locales, keys, changedShare) {
  const w = writers[format]
  const keyOf = (i) => `group${Math.floor(i / 100)}.key${i}`
  for (const side of ['base', 'head']) {
    for (const locale of ['en', ...locales]) {
      const entries = []
      for (let i = 0; i < keys; i++) {
        const changed = side === 'head' && locale !== 'en' && (i * 7919) % 1000 < changedShare * 1000
        entries.push([keyOf(i), locale === 'en' ? sourceText(i) : targetText(locale, i, changed)])
      }
      const path = join(dir, side, w.path(locale))
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, w.write(entries, locale))
    }
  }
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
  console.log('format                              strings/s   segments  segments/s    time   peak RSS')
  for (const r of rows) {
    console.log(
      `${r.format.padEnd(34)}${Math.round(r.strings / r.seconds).toLocaleString('en').padStart(11)}${String(r.segments ?? '-').padStart(11)}${(r.segments ? Math.round(r.segments / r.seconds).toLocaleString('en') : '-').padStart(12)}${`${r.seconds.toFixed(2)}s`.padStart(8)}${`${Math.round(r.peakRssMb)} MB`.padStart(11)}`,
    )
  }
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { locales: { type: 'string' }, keys: { type: 'string' }, changed: { type: 'string' }, only: { type: 'string' } } })
  runFormatsBench({
    locales: values.locales ? Number(values.locales) : undefined,
    keys: values.keys ? Number(values.keys) : undefined,
    changed: values.changed ? Number(values.changed) : undefined,
    only: values.only?.split(','),
  })
}

