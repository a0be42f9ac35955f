import { describe, expect, it } from '@jest/globals'
import { graphemes, lengthRatio, maxLength } from '../../src/checks/length.js'
import { input, segment } from '../helpers/segments.js'

describe('max-length', () => {
  const limits = { maxLength: [{ key: 'button.*', max: 10 }, { key: '*.title', max: 30, file: 'locales/*/mobile.json' }] }
  const run = (target: string, key: string, file = 'locales/de/app.json', maxLengthOfUnit?: number) => {
    const i = input('Save', target, { check: limits, unit: { key, maxLength: maxLengthOfUnit } })
    return maxLength.check({ ...i, segment: { ...segment('Save', target, { key, file, unit: { key, maxLength: maxLengthOfUnit } }) } }).map((h) => h.d)
  }

  it.each([
    ['Speichern', 'button.save', undefined, []],
    ['Änderungen speichern', 'button.save', undefined, ['The translation has 20 characters; the limit is 10']],
    ['Änderungen speichern', 'dialog.save', undefined, []],
    // The unit's own limit (XLIFF maxwidth) wins over the config
    ['Speichern', 'button.save', 5, ['The translation has 9 characters; the limit is 5']],
    ['Speichern', 'dialog.save', 9, []],
    // Grapheme clusters: a flag and an accented letter count once
    ['🇩🇪 Größe', 'button.size', 7, []],
  ])('%j (%s, unit limit %s)', (target, key, unitLimit, expected) => expect(run(target, key, 'locales/de/app.json', unitLimit)).toEqual(expected))

  it('limits by file pattern', () => {
    const long = 'Ein sehr langer Titel für das Telefon'
    expect(run(long, 'home.title', 'locales/de/mobile.json')).toEqual(['The translation has 37 characters; the limit is 30'])
    expect(run(long, 'home.title', 'locales/de/web.json')).toEqual([])
  })

  it('counts what a reader counts', () => {
    expect(graphemes('e\u0301')).toBe(1)
    expect(graphemes('👍🏽')).toBe(1)
    expect(graphemes('abc')).toBe(3)
  })
})

describe('length-ratio', () => {
  const run = (source: string, target: string, locale = 'de') => lengthRatio.check(input(source, target, { locale })).map((h) => h.d)
  it.each([
    ['Your changes have been saved.', 'Ihre Änderungen wurden gespeichert.', 'de', []],
    ['I am a very long sentence', 'Ek', 'af', ['The translation is 8% of the source\'s length']],
    ['Short.', 'Kort.......................................................................................', 'af', ['The translation is 15.2 times as long as the source']],
    ['Save', 'Speichern', 'de', []],
    ['abcde', 'c', 'de', []],
    ['Your changes have been saved to the cloud.', '変更がクラウドに保存されました。', 'ja', []],
    // Symfony plural variants: each is one translation of the source
    ['Please try again in %minutes% minutes.', 'Zkuste to znovu za %minutes% minutu.|Zkuste to znovu za %minutes% minuty.|Zkuste to znovu za %minutes% minut.', 'cs', []],
    ['Please try again in %minutes% minutes.', 'Za %minutes% minutu zkuste znovu.|Za %minutes% minuty zkuste znovu, prosím, a pak si přečtěte nápovědu k přihlášení a obnovení hesla v nastavení účtu.', 'cs', ['The translation is 3.1 times as long as the source']],
    ['One file|%count% files', 'Ein Datei-Eintrag im gemeinsam genutzten Ordner wurde gefunden|%count% Datei-Einträge im gemeinsam genutzten Ordner wurden gefunden', 'de', ['The translation is 6.0 times as long as the source']],
  ])('%j -> %j', (source, target, locale, expected) => expect(run(source, target, locale)).toEqual(expected))
})
