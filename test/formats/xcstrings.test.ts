import { describe, expect, it } from '@jest/globals'
import { xcstrings } from '../../src/formats/xcstrings.js'
import { fixtureBytes, read } from '../helpers/units.js'

const readCatalog = (input: string | Uint8Array) => read(xcstrings, input)

describe('Xcode String Catalogs', () => {
  const r = readCatalog(fixtureBytes('xcstrings/Localizable.xcstrings'))

  it('reads every locale but the source language, with its own locale and line', () => {
    expect(r.problems).toEqual([])
    expect(r.sourceLocale).toBe('en')
    expect(r.units.map((u) => [u.locale, u.key, u.value, u.line])).toEqual([
      ['ar', '%lld photos selected[plural=zero]', 'لم تُحدد أي صورة', 14],
      ['ar', '%lld photos selected[plural=one]', 'صورة واحدة محددة', 20],
      ['ar', '%lld photos selected[plural=two]', 'صورتان محددتان', 26],
      ['ar', '%lld photos selected[plural=few]', '%lld صور محددة', 32],
      ['ar', '%lld photos selected[plural=many]', '%lld صورة محددة', 38],
      ['ar', '%lld photos selected[plural=other]', '%lld صورة محددة', 44],
      ['de', '%lld photos selected[plural=one]', '%lld Foto ausgewählt', 56],
      ['de', '%lld photos selected[plural=other]', '%lld Fotos ausgewählt', 62],
      ['ja', '%lld photos selected', '%lld枚の写真を選択中', 89],
      ['de', 'Album', 'Album', 99],
      ['he', 'Album', 'אלבום', 105],
      ['de', 'Tap to edit[device=mac]', 'Zum Bearbeiten klicken', 119],
      ['de', 'Tap to edit[device=other]', 'Zum Bearbeiten tippen', 125],
      ['de', 'shared.summary', '%1$@ hat %#@photos@ geteilt', 161],
      ['de', 'shared.summary[substitution=photos][plural=one]', 'ein Foto', 172],
      ['de', 'shared.summary[substitution=photos][plural=other]', '%arg Fotos', 178],
    ])
  })

  it.each([
    ['ar', '%lld photos selected[plural=zero]', '%lld photos selected', 80, 'zero', '%lld photos selected'],
    ['ar', '%lld photos selected[plural=one]', '%lld photo selected', 74, 'one', '%lld photos selected'],
    ['de', '%lld photos selected[plural=other]', '%lld photos selected', 80, 'other', '%lld photos selected'],
    ['ja', '%lld photos selected', '%lld photos selected', 80, undefined, undefined],
    ['he', 'Album', 'Album', undefined, undefined, undefined],
    ['de', 'Tap to edit[device=mac]', 'Click to edit', 137, undefined, undefined],
    ['de', 'shared.summary[substitution=photos][plural=one]', 'a photo', 200, 'one', 'shared.summary[substitution=photos]'],
  ])('pairs %s %s with its source %j (line %j)', (locale, key, source, sourceLine, plural, group) => {
    const unit = r.units.find((u) => u.locale === locale && u.key === key)!
    expect([unit.source, unit.sourceLine, unit.plural, unit.pluralGroup]).toEqual([source, sourceLine, plural, group])
  })

  it('keeps comments, states and extraction states as flags, and marks strings not to translate', () => {
    const flags = (key: string) => r.units.find((u) => u.locale === 'de' && u.key === key)?.flags
    expect(flags('Tap to edit[device=other]')).toEqual(['state:needs_review'])
    expect(flags('%lld photos selected[plural=one]')).toEqual(['extraction:manual', 'state:translated'])
    expect(r.units.find((u) => u.key === '%lld photos selected[plural=one]')?.comment).toBe('Toolbar title while selecting photos')
    expect(readCatalog('{"sourceLanguage":"en","strings":{"Trailhead":{"shouldTranslate":false,"localizations":{"de":{"stringUnit":{"state":"translated","value":"Trailhead"}}}}}}').units[0].flags).toEqual(['no-translate', 'state:translated'])
  })

  it.each([
    ['[]', 1, 'Expected a String Catalog object, found an array', 2],
    ['{"sourceLanguage": "en"}', 1, 'Not a String Catalog: no "strings" object', 2],
    ['{"sourceLanguage": "en", "strings": {\n "a": 5}}', 2, 'The string "a" must be an object, found a number', 2],
    ['{"sourceLanguage": "en", "strings": {"a": {"localizations": {\n"de": {"stringUnit": {"state": "new"}}}}}}', 2, 'A stringUnit without a string "value"', 1],
    ['{"strings": {}}', 1, 'The catalog has no "sourceLanguage"; assuming en', 1],
    ['{"sourceLanguage": "en", "strings": {"a": {"localizations": {\n"de": {"stringUnit": {"value": "x"}},\n"de": {"stringUnit": {"value": "y"}}}}}}', 3, 'Duplicate key "de": the last value wins, the earlier one is ignored', 1],
  ])('reports %j on its line', (text, line, message, severity) => {
    expect(readCatalog(text).problems).toEqual([expect.objectContaining({ line, message, severity })])
  })

  it('takes the source language from the catalog, not the settings', () => {
    const fr = read(xcstrings, '{"sourceLanguage": "fr", "strings": {"Bonjour": {"localizations": {"en": {"stringUnit": {"state": "translated", "value": "Hello"}}}}}}', { sourceLocale: 'en' })
    expect(fr.sourceLocale).toBe('fr')
    expect(fr.units.map((u) => [u.locale, u.source, u.value])).toEqual([['en', 'Bonjour', 'Hello']])
  })
})
