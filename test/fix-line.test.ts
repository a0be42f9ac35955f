// A corrected translation written into its line: checked by reading the rewritten file with
// the format's own parser, which must give exactly the corrected text.
import { describe, expect, it } from '@jest/globals'
import { fixedLine } from '../src/fix-line.js'
import { formatById } from '../src/formats/index.js'
import { LineIndex } from '../src/span.js'

interface Case {
  format: string
  path: string
  file: string
  key: string
  after: string
}

/** The unit's line and column as the pipeline gives them, and the rewritten line. */
function rewrite({ format, path, file, key, after }: Case): { line: string | undefined; before: string; file: string } {
  const parsed = formatById(format)!.parse(file, { path, locale: 'de', sourceLocale: 'en' })
  const unit = parsed.units.find((u) => u.key === key)!
  const { line, column } = new LineIndex(file).position(unit.span.start)
  const lines = file.split('\n')
  const fixed = fixedLine({ line: lines[line - 1], column, format, before: unit.value, after })
  if (fixed !== undefined) lines[line - 1] = fixed
  return { line: fixed, before: unit.value, file: lines.join('\n') }
}

function reread({ format, path, key }: Case, file: string): string | undefined {
  const parsed = formatById(format)!.parse(file, { path, locale: 'de', sourceLocale: 'en' })
  expect(parsed.problems).toEqual([])
  return parsed.units.find((u) => u.key === key)?.value
}

const json = (value: string) => `{\n  "cart": {\n    "title": "Warenkorb",\n    "greeting": ${value}\n  }\n}\n`
const yaml = (value: string) => `de:\n  cart:\n    title: Warenkorb\n    greeting: ${value}\n`
const po = (value: string) => `msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "Welcome back!"\nmsgstr ${value}\n`
const strings = (value: string) => `/* Greeting */\n"greeting" = ${value};\n`
const android = (value: string) => `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="greeting">${value}</string>\n</resources>\n`
const properties = (value: string) => `# Greetings\ngreeting = ${value}\n`
const xliff = (value: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="en" target-language="de" datatype="plaintext" original="app"><body>\n<trans-unit id="greeting"><source>Welcome back!</source><target>${value}</target></trans-unit>\n</body></file></xliff>\n`

const arb = (value: string) => `{\n  "@@locale": "de",\n  "greeting": ${value},\n  "@greeting": {\n    "description": "Shown on the home screen"\n  }\n}\n`
const chrome = (value: string) => `{\n  "greeting": {\n    "message": ${value},\n    "description": "Shown on the home screen"\n  }\n}\n`
const xcstrings = (value: string) =>
  `{\n  "sourceLanguage" : "en",\n  "strings" : {\n    "greeting" : {\n      "localizations" : {\n        "de" : {\n          "stringUnit" : {\n            "state" : "translated",\n            "value" : ${value}\n          }\n        }\n      }\n    }\n  },\n  "version" : "1.0"\n}\n`
const resx = (value: string) => `<?xml version="1.0" encoding="utf-8"?>\n<root>\n  <data name="greeting" xml:space="preserve">\n    <value>${value}</value>\n  </data>\n</root>\n`
const stringsdict = (value: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n  <key>items</key>\n  <dict>\n    <key>NSStringLocalizedFormatKey</key>\n    <string>%#@n@</string>\n    <key>n</key>\n    <dict>\n      <key>NSStringFormatSpecTypeKey</key>\n      <string>NSStringPluralRuleType</string>\n      <key>NSStringFormatValueTypeKey</key>\n      <string>d</string>\n      <key>one</key>\n      <string>%d Artikel</string>\n      <key>other</key>\n      <string>${value}</string>\n    </dict>\n  </dict>\n</dict>\n</plist>\n`

describe('fixedLine', () => {
  it.each<[string, Case]>([
    ['JSON trailing space removed', { format: 'json', path: 'locales/de/app.json', file: json('"Willkommen zurück! "'), key: 'cart.greeting', after: 'Willkommen zurück!' }],
    ['JSON placeholder renamed back', { format: 'json', path: 'locales/fr/app.json', file: json('"Retirer {{article}} ?"'), key: 'cart.greeting', after: 'Retirer {{item}} ?' }],
    ['YAML plain scalar', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('Willkommen  zurück'), key: 'cart.greeting', after: 'Willkommen zurück' }],
    ['YAML double-quoted, a trailing space added', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('"Name:"'), key: 'cart.greeting', after: 'Name: ' }],
    ['YAML single-quoted', { format: 'yaml', path: 'config/locales/de.yml', file: yaml("'Hallo %{nom}'"), key: 'cart.greeting', after: 'Hallo %{name}' }],
    ['PO msgstr', { format: 'po', path: 'locale/de/LC_MESSAGES/app.po', file: po('"Willkommen zurück! "'), key: 'Welcome back!', after: 'Willkommen zurück!' }],
    ['Apple .strings', { format: 'strings', path: 'de.lproj/Localizable.strings', file: strings('"Willkommen\u200b zurück!"'), key: 'greeting', after: 'Willkommen zurück!' }],
    ['Android string', { format: 'android', path: 'res/values-de/strings.xml', file: android('Hallo %1$d'), key: 'greeting', after: 'Hallo %1$s' }],
    ['Java properties, a trailing space', { format: 'properties', path: 'src/main/resources/messages_de.properties', file: properties('Name:'), key: 'greeting', after: 'Name: ' }],
    ['ARB', { format: 'arb', path: 'lib/l10n/app_de.arb', file: arb('"Willkommen zurück! "'), key: 'greeting', after: 'Willkommen zurück!' }],
    ['Chrome messages.json', { format: 'chrome', path: '_locales/de/messages.json', file: chrome('"Willkommen zurück! "'), key: 'greeting', after: 'Willkommen zurück!' }],
    ['xcstrings', { format: 'xcstrings', path: 'Localizable.xcstrings', file: xcstrings('"Willkommen zurück! "'), key: 'greeting', after: 'Willkommen zurück!' }],
    ['.resx value', { format: 'resx', path: 'Resources/Strings.de.resx', file: resx('Willkommen  zurück!'), key: 'greeting', after: 'Willkommen zurück!' }],
    ['.stringsdict plural form', { format: 'stringsdict', path: 'de.lproj/Localizable.stringsdict', file: stringsdict('%d Artikel '), key: 'items.n.other', after: '%d Artikel' }],
    ['XLIFF target', { format: 'xliff', path: 'locales/app.de.xlf', file: xliff('Willkommen zurück! '), key: 'greeting', after: 'Willkommen zurück!' }],
  ])('%s', (_label, c) => {
    const { line, file } = rewrite(c)
    expect(line).toBeDefined()
    expect(reread(c, file)).toBe(c.after)
  })

  it.each<[string, Case]>([
    ['JSON with an escape in the value', { format: 'json', path: 'locales/de/app.json', file: json('"Sag \\"Hallo\\" "'), key: 'cart.greeting', after: 'Sag "Hallo"' }],
    ['JSON \\u escape: the line does not hold the text verbatim', { format: 'json', path: 'locales/de/app.json', file: json('"Gr\\u00fc\\u00dfe "'), key: 'cart.greeting', after: 'Grüße' }],
    ['JSON, the new text needs a quote', { format: 'json', path: 'locales/de/app.json', file: json('"Hallo {{nom}}"'), key: 'cart.greeting', after: 'Hallo "{{name}}"' }],
    ['JSON, the text is the key too', { format: 'json', path: 'locales/de/app.json', file: '{\n  "Hallo": "Hallo"\n}\n', key: 'Hallo', after: 'Hallo ' }],
    ['YAML plain scalar gaining a trailing space', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('Name:x'), key: 'cart.greeting', after: 'Name: ' }],
    ['YAML plain scalar that would read as a number', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('1  000'), key: 'cart.greeting', after: '1 000' }],
    ['YAML plain scalar that would read as infinity', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('.inf\u200b'), key: 'cart.greeting', after: '.inf' }],
    ['YAML plain scalar that would read as not-a-number', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('\u200b.NaN'), key: 'cart.greeting', after: '.NaN' }],
    ['YAML plain scalar that would read as signed infinity', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('+.Inf\u200b'), key: 'cart.greeting', after: '+.Inf' }],
    ['YAML plain scalar with a comment after it', { format: 'yaml', path: 'config/locales/de.yml', file: yaml('Hallo  Welt # greeting'), key: 'cart.greeting', after: 'Hallo Welt' }],
    ["YAML single-quoted with an apostrophe", { format: 'yaml', path: 'config/locales/de.yml', file: yaml("'L''article  ici'"), key: 'cart.greeting', after: "L'article ici" }],
    ['PO multi-line msgstr', { format: 'po', path: 'locale/de/LC_MESSAGES/app.po', file: po('""\n"Willkommen zurück! "'), key: 'Welcome back!', after: 'Willkommen zurück!' }],
    ['PO with a \\n escape', { format: 'po', path: 'locale/de/LC_MESSAGES/app.po', file: po('"Willkommen\\nzurück "'), key: 'Welcome back!', after: 'Willkommen\nzurück' }],
    ['Android: a trailing space Android would drop', { format: 'android', path: 'res/values-de/strings.xml', file: android('Name:'), key: 'greeting', after: 'Name: ' }],
    ['Android quoted string', { format: 'android', path: 'res/values-de/strings.xml', file: android('"Name: "'), key: 'greeting', after: 'Name:' }],
    ["Android escaped apostrophe", { format: 'android', path: 'res/values-de/strings.xml', file: android("L\\'article  ici"), key: 'greeting', after: "L'article ici" }],
    ['XML entity in the text', { format: 'xliff', path: 'locales/app.de.xlf', file: xliff('Käse &amp; Brot '), key: 'greeting', after: 'Käse & Brot' }],
    ['properties: a leading space needs an escape', { format: 'properties', path: 'src/main/resources/messages_de.properties', file: properties('von %d'), key: 'greeting', after: ' von %d' }],
    ['properties: a key and value apart by a space, a value that would start with a colon', { format: 'properties', path: 'src/main/resources/messages_de.properties', file: '# Labels\nratio \u200b:1\n', key: 'ratio', after: ':1' }],
    ['properties with a \\u escape', { format: 'properties', path: 'src/main/resources/messages_de.properties', file: properties('Gr\\u00fc\\u00dfe '), key: 'greeting', after: 'Grüße' }],
  ])('%s: no line', (_label, c) => {
    expect(rewrite(c).line).toBeUndefined()
  })

  it.each([
    ['a CRLF line', '  "greeting": "Hallo ",\r'],
    ['bytes that were not UTF-8', '  "gr\ufffd\ufffd": "Hallo ",'],
  ])('%s: no line', (_label, line) => {
    expect(fixedLine({ line, column: line.indexOf('"Hallo') + 1, format: 'json', before: 'Hallo ', after: 'Hallo' })).toBeUndefined()
  })

  it('refuses an unknown format and a column that does not point at the text', () => {
    const line = '  "greeting": "Hallo ",'
    const column = line.indexOf('"Hallo') + 1
    expect(fixedLine({ line, column, format: 'json', before: 'Hallo ', after: 'Hallo' })).toBe('  "greeting": "Hallo",')
    expect(fixedLine({ line, column, format: 'toml', before: 'Hallo ', after: 'Hallo' })).toBeUndefined()
    expect(fixedLine({ line, column: column + 1, format: 'json', before: 'Hallo ', after: 'Hallo' })).toBeUndefined()
  })
})
