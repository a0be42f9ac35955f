import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { CheckInput } from '../../src/checks/check.js'
import { inconsistentTranslation } from '../../src/checks/consistency.js'
import { wrongLanguage } from '../../src/checks/language.js'
import { input, segment } from '../helpers/segments.js'

function at(source: string, target: string, { locale = 'de', file = 'locales/de/app.json', key = 'k', context }: { locale?: string; file?: string; key?: string; context?: string } = {}): CheckInput {
  const i = input(source, target, { locale, unit: { key, context } })
  return { ...i, segment: segment(source, target, { locale, file, key, unit: { key, context } }) }
}

describe('inconsistent-translation', () => {
  const run = (inputs: CheckInput[]) => inconsistentTranslation.checkSet(inputs).map(({ index, hit }) => `${index} ${hit.d}`)

  it('reports the translations that differ from the most common one, per locale', () => {
    expect(
      run([
        at('Save', 'Speichern', { key: 'common.a' }),
        at('Save', 'Sichern', { key: 'common.b', file: 'locales/de/settings.json' }),
        at('Save', 'Speichern', { key: 'common.c' }),
        at('Save', 'Enregistrer', { locale: 'fr', key: 'common.a', file: 'locales/fr/app.json' }),
        at('Save', 'Sauvegarder', { locale: 'fr', key: 'common.b', file: 'locales/fr/app.json' }),
      ]),
    ).toEqual(['1 "Save" is translated as "Speichern" in locales/de/app.json common.a', '4 "Save" is translated as "Enregistrer" in common.a'])
  })

  it.each([
    ['same translation', [at('Save', 'Speichern', { key: 'a' }), at('Save', ' Speichern ', { key: 'b' })]],
    ['different contexts', [at('Open', 'Öffnen', { key: 'a', context: 'verb' }), at('Open', 'Geöffnet', { key: 'b', context: 'state' })]],
    ['different locales', [at('Save', 'Speichern'), at('Save', 'Sichern', { locale: 'de-AT' })]],
    ['an empty translation', [at('Save', 'Speichern', { key: 'a' }), at('Save', '', { key: 'b' })]],
    ['an accelerator marker', [at('Question', 'Frage', { key: 'a' }), at('Question', '&Frage', { key: 'b' })]],
    ['another case', [at('May', 'maj', { locale: 'pl', key: 'a' }), at('May', 'Maj', { locale: 'pl', key: 'b' })]],
    ['another gender', [at('closed', 'закритий', { locale: 'uk', key: 'a' }), at('closed', 'закрите', { locale: 'uk', key: 'b' })]],
    ['another number', [at('closed', 'chiusa', { locale: 'it', key: 'a' }), at('closed', 'chiuse', { locale: 'it', key: 'b' })]],
    ['an article', [at('Reset library', 'Ripristina libreria', { locale: 'it', key: 'a' }), at('Reset library', 'Ripristina la libreria', { locale: 'it', key: 'b' })]],
    ['a Japanese accelerator', [at('Bubble', '囲み', { locale: 'ja', key: 'a' }), at('Bubble', '囲み(&B)', { locale: 'ja', key: 'b' })]],
    ['another word order', [at('Always send', 'Завжди надсилати', { locale: 'uk', key: 'a' }), at('Always send', 'Надсилати завжди', { locale: 'uk', key: 'b' })]],
    ['a Chinese word inside the other', [at('locked', '锁定', { locale: 'zh', key: 'a' }), at('locked', '已锁定', { locale: 'zh', key: 'b' })]],
  ])('passes %s', (_, inputs) => expect(run(inputs)).toEqual([]))

  it.each([
    ['another word', at('Edge style', 'Стиль ребра', { locale: 'ru', key: 'common.a' }), at('Edge style', 'Тип линии', { locale: 'ru', key: 'common.b' })],
    ['a misspelt word', at('Show descendants', 'Mostra descendentes', { locale: 'pt', key: 'common.a' }), at('Show descendants', 'Mostrar decendentes', { locale: 'pt', key: 'common.b' })],
    ['words sharing less than a stem', at('Sort', 'מיון', { locale: 'he', key: 'common.a' }), at('Sort', 'מיין', { locale: 'he', key: 'common.b' })],
    ['one Latin word inside the other', at('Up', 'Cima', { locale: 'pt', key: 'common.a' }), at('Up', 'Para cima', { locale: 'pt', key: 'common.b' })],
    // Two letters are not always an article: a negation or a number changes what the text says.
    ['a negation of two letters', at("Don't save", 'No guardar', { locale: 'es', key: 'common.a' }), at("Don't save", 'Guardar', { locale: 'es', key: 'common.b' })],
    ['a Chinese negation around the other', at("Don't save", '不保存', { locale: 'zh', key: 'common.a' }), at("Don't save", '保存', { locale: 'zh', key: 'common.b' })],
    ['a Japanese negation around the other', at("Don't save", '保存しない', { locale: 'ja', key: 'common.a' }), at("Don't save", '保存', { locale: 'ja', key: 'common.b' })],
    ['another number', at('Every 10 minutes', 'Alle 10 Minuten', { key: 'common.a' }), at('Every 10 minutes', 'Alle 15 Minuten', { key: 'common.b' })],
  ])('reports %s', (_, a, b) => expect(run([a, b])).toEqual([`1 "${a.source}" is translated as "${a.target}" in common.a`]))

  it('reports one word translated differently in another part of the app as information', () => {
    const hits = inconsistentTranslation.checkSet([
      at('Login', 'Anmelden', { key: 'button_login' }),
      at('Login', 'Anmelden', { key: 'button_sign_in' }),
      at('Login', 'Benutzername', { key: 'field_login' }),
      at('Login', 'Einloggen', { key: 'button_login_now' }),
    ])
    expect(hits.map(({ index, hit }) => [index, hit.s, hit.d])).toEqual([
      [2, 0, '"Login" is translated as "Anmelden" in button_login, another part of the app'],
      [3, undefined, '"Login" is translated as "Anmelden" in button_login'],
    ])
  })
})

describe('wrong-language', () => {
  const run = (inputs: CheckInput[]) => wrongLanguage.checkSet(inputs).map(({ index, hit }) => `${index} ${hit.d}`)

  it.each([
    ['an English sentence in the Japanese file', at('Your changes have been saved.', 'Your changes were saved successfully.', { locale: 'ja' }), ['0 The translation is written in Latin script; Japanese uses Japanese script']],
    ['Russian in the German file', at('Something went wrong. Please try again later.', 'Что-то пошло не так. Повторите попытку позже.'), ['0 The translation is written in Cyrillic script; German uses Latin']],
    ['an English sentence in the German file', at('Your session has expired. Please sign in again.', 'The session timed out, please log in once more.'), ['0 The translation looks like English, not German']],
    ['a Japanese string with a product name', at('Sign in with Google', 'Google でログイン', { locale: 'ja' }), []],
    ['a short Latin string in Japanese', at('Open in Google Drive', 'Google Drive', { locale: 'ja' }), []],
    ['a short English string in German', at('Edit profile', 'Edit the profile'), []],
    ['Serbian in Latin script without a script subtag', at('Something went wrong. Please try again later.', 'Nešto je pošlo po zlu. Pokušajte ponovo kasnije.', { locale: 'sr' }), []],
    ['Serbian in Latin script in the sr-Cyrl file', at('Something went wrong. Please try again later.', 'Nešto je pošlo po zlu. Pokušajte ponovo kasnije.', { locale: 'sr-Cyrl' }), ['0 The translation is written in Latin script; Serbian uses Cyrillic']],
    // Short labels trigrams mistake for a neighbour language: they hold none of its own words.
    ['a Polish label with no English word', at('Passphrases must match', 'Hasła muszą być takie same', { locale: 'pl' }), []],
    ['a Russian label among Ukrainian', at('Latin small letter o with breve', 'Латинская строчная буква «o» с бревисом', { locale: 'ru' }), []],
    ['Han characters beside names kept from the source', at('The <b>Noto Sans</b> font is by Google Fonts under the Open Font License.', '<b>Noto Sans</b> 字体由 Google Fonts 根据 Open Font License 提供。', { locale: 'zh-CN' }), []],
    ['an English sentence with the source words in Arabic', at('Print the current map', 'Prints the map you are viewing', { locale: 'ar' }), ['0 The translation is written in Latin script; Arabic uses Arabic']],
    // Script subtags Unicode has no Script property for: read as the scripts they are written in (kana, Han with Bopomofo, Nastaliq); a private-use code says nothing.
    ['kana in the ja-Hrkt file', at('Your changes have been saved.', 'へんこうを ほぞんしました。', { locale: 'ja-Hrkt' }), []],
    ['English in the ja-Hrkt file', at('Your changes have been saved.', 'Your changes were saved successfully.', { locale: 'ja-Hrkt' }), ['0 The translation is written in Latin script; Japanese uses Japanese kana']],
    ['English in the zh-Hanb file', at('Your changes have been saved.', 'Your changes were saved successfully.', { locale: 'zh-Hanb' }), ['0 The translation is written in Latin script; Chinese uses Chinese characters with Bopomofo']],
    ['Urdu in the ur-Aran file', at('Something went wrong. Please try again later.', 'کچھ غلط ہو گیا۔ براہ کرم بعد میں دوبارہ کوشش کریں۔', { locale: 'ur-Aran' }), []],
    ['Russian in the de-Latf file', at('Something went wrong. Please try again later.', 'Что-то пошло не так. Повторите попытку позже.', { locale: 'de-Latf' }), ['0 The translation is written in Cyrillic script; German uses Latin']],
    ['English in a private-use script file', at('Your session has expired. Please sign in again.', 'The session timed out, please log in once more.', { locale: 'de-Qaaa' }), ['0 The translation looks like English, not German']],
    ['a translation equal to the source (untranslated reports it)', at('Your changes have been saved.', 'Your changes have been saved.', { locale: 'ja' }), []],
  ])('%s', (_, i, expected) => expect(run([i])).toEqual(expected))

  it('tells the languages of the pull request apart: German pasted into the Dutch file', () => {
    const nl = at('Something went wrong. Please try again later.', 'Etwas ist schiefgelaufen. Bitte versuche es später erneut.', { locale: 'nl', file: 'locales/nl/app.json' })
    const de = at('Save', 'Speichern')
    expect(run([nl, de])).toEqual(['0 The translation looks like German, not Dutch'])
    // Italian in the Spanish file holds Italian words (è, il, stato...); a Spanish label trigrams call Italian does not.
    const es = at('The file could not be saved because another program has it open.', 'Non è stato possibile salvare il file perché è già aperto in un altro programma.', { locale: 'es', file: 'locales/es/app.json' })
    const italian = at('Save', 'Salva', { locale: 'it', file: 'locales/it/app.json' })
    expect(run([es, italian])).toEqual(['0 The translation looks like Italian, not Spanish'])
    // Without German in the pull request, German is no candidate.
    expect(run([nl])).toEqual([])
  })

  // Realistic app strings (test/fixtures/language/ui-strings.json: 40 strings in English and
  // nine translations). Every correct translation must pass with all nine languages in the
  // pull request; the rates below are the measured detection of wrong-language texts.
  describe('on realistic app strings', () => {
    const strings = JSON.parse(readFileSync(new URL('../fixtures/language/ui-strings.json', import.meta.url), 'utf8')) as Record<string, string[]>
    const languages = Object.keys(strings).filter((l) => l !== 'en')
    const present = languages.map((l) => at('x', 'x', { locale: l }))
    const flagged = (inputs: CheckInput[]) => new Set(wrongLanguage.checkSet([...inputs, ...present]).map((r) => r.index))

    it('raises no false alarm on the correct translations', () => {
      const alarms = languages.flatMap((l) => strings[l].filter((t, i) => flagged([at(strings.en[i], t, { locale: l })]).has(0)).map((t) => `${l}: ${t}`))
      expect(alarms).toEqual([])
    })

    it('finds most English texts and texts of another language of the pull request', () => {
      let english = 0
      let other = 0
      let others = 0
      for (const l of languages) {
        strings[l].forEach((_, i) => {
          const wrong = [at(strings.en[i], strings.en[(i + 1) % strings.en.length], { locale: l }), ...languages.filter((m) => m !== l).map((m) => at(strings.en[i], strings[m][i], { locale: l }))]
          const hit = flagged(wrong)
          if (hit.has(0)) english++
          for (let k = 1; k < wrong.length; k++) if (hit.has(k)) other++
          others += wrong.length - 1
        })
      }
      const total = languages.length * strings.en.length
      // Measured: 222/360 English texts (62%), 1557/2880 texts of another language (54%);
      // the rest are too short to judge (under 15 letters or 3 words for the source
      // language, 30 letters or 5 words for another language).
      expect(english / total).toBeGreaterThan(0.6)
      expect(other / others).toBeGreaterThan(0.5)
    })
  })
})
