// Plural completeness and format strings through loading, pairing and the rule engine, on
// i18next files with suffix groups, ordinals and ICU messages.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { findBundles } from '../../src/bundles.js'
import { defaultCheckOptions } from '../../src/checks/check.js'
import { runChecks } from '../../src/checks/engine.js'
import { checks } from '../../src/checks/index.js'
import { loadBundle } from '../../src/load.js'
import { pairBundle } from '../../src/pairing.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { memoryChanges } from '../helpers/trees.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/plurals/${name}`, import.meta.url), 'utf8')

const pluralAndFormat = (rule: number) => rule > 1010 && rule < 1200

async function issues(base: Record<string, string>, head: Record<string, string>, pattern = 'locales/{locale}.json', sourceLocale = 'en', rules = pluralAndFormat): Promise<string[]> {
  const changes = memoryChanges(base, head)
  const out: string[] = []
  for (const bundle of findBundles([pattern], Object.keys(head), sourceLocale)) {
    const loaded = await loadBundle(bundle, changes, 1e6)
    if (!loaded) continue
    const checked = runChecks((await pairBundle(loaded)).segments, checks, defaultCheckOptions, ruleSettings({}))
    for (const s of checked) for (const i of s.issues) if (rules(i.r)) out.push(`${s.file}:${s.line} ${s.key} ${i.r}/${i.s} ${i.d}`)
  }
  return out
}

describe('plural forms and format strings in a pull request', () => {
  it('reports each plural group once, with all its forms, even when one form changed', async () => {
    const en = fixture('en.json')
    const base = { 'locales/en.json': en, 'locales/pl.json': fixture('pl-base.json'), 'locales/ja.json': fixture('ja-base.json') }
    const head = { 'locales/en.json': en, 'locales/pl.json': fixture('pl-head.json'), 'locales/ja.json': fixture('ja-head.json') }
    expect(await issues(base, head)).toEqual([
      'locales/ja.json:4 cart.items_one 1012/1 Plural form one in cart.items is never used in ja, whose forms are other',
      'locales/pl.json:5 cart.items_other 1011/2 Plural forms missing in cart.items for pl: few (2, 3, 4…), many (0, 5, 6…)',
      'locales/pl.json:6 cart.summary 1011/1 Plural forms missing in {count} for pl: few (2, 3, 4…), many (0, 5, 6…)',
      'locales/pl.json:6 cart.summary 1055/1 Placeholder {total, number, ::currency/EUR} became {total, number, ::currency/USD}: its style changed',
    ])
  })

  it('reads JSON objects of plural categories as plural forms: the count a form may show, and the forms a language lacks or never uses', async () => {
    const en = fixture('nested/en_EN.json')
    const head = { 'strings/en_EN.json': en, 'strings/pl.json': fixture('nested/pl.json') }
    expect(await issues({ 'strings/en_EN.json': en }, head, 'strings/{locale}.json', 'en_EN')).toEqual([
      'strings/pl.json:4 room.unread_notifications.one 1011/2 Plural forms missing in room.unread_notifications for pl: few (2, 3, 4…), many (0, 5, 6…)',
    ])
  })

  it('reads an object of plural categories without `other` as the forms of the source\'s plural, not as keys missing from the source', async () => {
    // A TMS export leaves out a form nobody translated: Polish `other` (fractions only), German `other`.
    const en = fixture('nested/en_EN.json')
    const pl = fixture('nested/pl.json').replace(',\n            "other": "%(count)s uczestnicy"', '')
    const de = pl
      .replace('"%(count)s uczestnik",\n            "few": "%(count)s uczestników",\n            "many": "%(count)s uczestników"', '"%(count)s Teilnehmer"')
      .replace(/"one": "Masz[^"]*",\n\s*"other": "Masz[^"]*"/, '"one": "Du hast %(count)s ungelesene Benachrichtigung in diesem Raum.",\n            "other": "Du hast %(count)s ungelesene Benachrichtigungen in diesem Raum."')
    expect(pl).not.toContain('uczestnicy')
    expect(de).toContain('"n_participants": {\n            "one": "%(count)s Teilnehmer"\n        }')
    const head = { 'strings/en_EN.json': en, 'strings/pl.json': pl, 'strings/de.json': de }
    // Not 1004 (key not in the source) for the forms English lacks.
    expect(await issues({ 'strings/en_EN.json': en }, head, 'strings/{locale}.json', 'en_EN', (r) => r === 1004 || pluralAndFormat(r))).toEqual([
      'strings/de.json:9 room.n_participants.one 1011/2 Plural forms missing in room.n_participants for de: other (0, 2, 3…)',
      'strings/pl.json:4 room.unread_notifications.one 1011/2 Plural forms missing in room.unread_notifications for pl: few (2, 3, 4…), many (0, 5, 6…)',
    ])
  })
})
