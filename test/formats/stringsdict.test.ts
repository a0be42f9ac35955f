import { describe, expect, it } from '@jest/globals'
import { untranslated } from '../../src/checks/completeness.js'
import { placeholderRules } from '../../src/checks/placeholders.js'
import { parseStringsdict } from '../../src/formats/stringsdict.js'
import { runPr } from '../helpers/pr.js'
import { expectPlanted } from '../helpers/planted.js'
import { input } from '../helpers/segments.js'
import { fixture, positioned } from '../helpers/units.js'

const read = (text: string) => positioned(parseStringsdict(text), text)
const file = (locale: string) => read(fixture(`stringsdict/${locale}.lproj/Localizable.stringsdict`))
const plist = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`

describe('Apple .stringsdict', () => {
  const en = file('en')

  it.each([
    ['files_count', '%#@files@', 8, {}],
    ['files_count.files.one', '%d file', 16, { plural: 'one', pluralGroup: 'files_count.files' }],
    ['files_count.files.other', '%d files', 18, { plural: 'other', pluralGroup: 'files_count.files' }],
    ['photos_in_albums', '%#@photos@ in %#@albums@', 24, {}],
    ['photos_in_albums.photos.one', '%ld photo', 32, { plural: 'one', pluralGroup: 'photos_in_albums.photos' }],
    ['photos_in_albums.albums.one', 'one album', 43, { plural: 'one', pluralGroup: 'photos_in_albums.albums' }],
    ['photos_in_albums.albums.other', '%ld albums', 45, { plural: 'other', pluralGroup: 'photos_in_albums.albums' }],
    ['welcome_banner.NSStringVariableWidthRuleType.20', 'Welcome!', 53, {}],
    ['welcome_banner.NSStringVariableWidthRuleType.50', 'Welcome to Snapshot & Share!', 55, {}],
  ])('en: %s', (key, value, line, plural) => {
    expect(en.units.find((u) => u.key === key)).toEqual({ key, value, line, syntax: ['printf'], ...plural })
  })

  it('reads the format keys and every plural form, and no metadata', () => {
    expect(en.units).toHaveLength(10)
    expect(en.problems).toEqual([])
  })

  it.each([
    ['ar', ['zero', 'one', 'two', 'few', 'many', 'other'], [16, 18, 20, 22, 24, 26]],
    ['ru', ['one', 'few', 'many', 'other'], [16, 18, 20, 22]],
  ])('%s: all plural forms of the variable, with their lines', (locale, forms, lines) => {
    const { units, problems } = file(locale)
    const group = units.filter((u) => u.pluralGroup === 'files_count.files')
    expect(group.map((u) => u.plural)).toEqual(forms)
    expect(group.map((u) => u.line)).toEqual(lines)
    expect(problems).toEqual([])
  })

  it('reads Arabic text as written', () => {
    expect(file('ar').units.find((u) => u.key === 'files_count.files.few')?.value).toBe('%d ملفات')
  })

  it.each([
    [plist('<key>a</key>\n<dict>\n<key>NSStringLocalizedFormatKey</key>\n</dict>'), 6, 1001, 2, '<key>NSStringLocalizedFormatKey</key> has no value'],
    [plist('<key>a</key>\n<string>x</string>'), 5, 1001, 2, 'The value of "a" must be a <dict> with NSStringLocalizedFormatKey'],
    [
      plist('<key>a</key><dict><key>NSStringLocalizedFormatKey</key><string>%#@n@</string>\n<key>n</key><dict><key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>\n<key>several</key><string>x</string></dict></dict>'),
      6,
      1001,
      1,
      '"several" is not a plural category (zero, one, two, few, many, other); the system ignores it',
    ],
    ['<?xml version="1.0"?>\n<plist version="1.0">\n<array/>\n</plist>', 3, 1001, 2, 'Not a .stringsdict property list: expected <plist> holding a <dict>'],
  ])('reports problems at their line (%#)', (text, line, rule, severity, message) => {
    expect(read(text).problems).toEqual([{ line, rule, severity, message }])
  })
})

describe('stringsdict variables in printf', () => {
  it.each([
    ['%#@files@', '%#@files@', []],
    // A variable takes the next argument like any conversion: reordering needs numbers
    ['%#@photos@ in %#@albums@', '%2$#@albums@: %1$#@photos@', []],
    [
      '%#@photos@ in %#@albums@',
      '%#@albums@: %#@photos@',
      [
        '1074 Placeholder %#@photos@ became %#@albums@: variable photos in the source, variable albums in the translation',
        '1074 Placeholder %#@albums@ became %#@photos@: variable albums in the source, variable photos in the translation',
      ],
    ],
    ['%#@files@', '%#@file@', ['1074 Placeholder %#@files@ became %#@file@: variable files in the source, variable file in the translation']],
    ['%#@files@ (%d new)', '%#@files@', ['1071 Placeholder %d is missing']],
  ])('%j -> %j', (source, target, expected) => {
    const i = input(source, target, { syntaxes: ['printf'] })
    expect(placeholderRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}`))).toEqual(expected)
  })

  it('a format key that only names its variable is not "untranslated"', () => {
    expect(untranslated.checkSet([input('%#@files@', '%#@files@', { syntaxes: ['printf'] })])).toEqual([])
  })
})

describe('tqg on a .stringsdict pull request', () => {
  it('finds each planted defect at its line, and reads nothing from Base.lproj', async () => {
    const { code, issues } = await runPr('stringsdict/pr', 'Trailhead/{locale}.lproj/Localizable.stringsdict')
    const de = 'Trailhead/de.lproj/Localizable.stringsdict'
    expectPlanted(issues, [
      [de, 16, 1005], // files_count.files.one emptied
      [de, 18, 1071], // files_count.files.other without %ld
      [de, 34, 1006], // photos_count.photos.other left in English
      [de, 40, 1004], // old_count is not in en.lproj
      [de, 48, 1004], // nor is its plural form
      ['Trailhead/ar.lproj/Localizable.stringsdict', 29, 1003], // files_count twice
      ['Trailhead/ar.lproj/Localizable.stringsdict', 46, 1302], // a trailing space in the "few" form
      ['Trailhead/ru.lproj/Localizable.stringsdict', 20, 1001], // a bare & in the "many" form
    ])
    expect(issues.some((i) => i.file.includes('Base.lproj'))).toBe(false)
    expect(code).toBe(1)
  })
})
