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

async function issues(base: Record<string, string>, head: Record<string, string>, pattern = 'locales/{locale}.json', sourceLocale = 'en'): Promise<string[]> {
  const changes = memoryChanges(base, head)
  const out: string[] = []
  for (const bundle of findBundles([pattern], Object.keys(head), sourceLocale)) {
    const loaded = await loadBundle(bundle, changes, 1e6)
    if (!loaded) continue
    const checked = runChecks((await pairBundle(loaded)).segments, checks, defaultCheckOptions, ruleSettings({}))
    for (const s of checked) for (const i of s.issues) if (i.r > 1010 && i.r < 1200) out.push(`${s.file}:${s.line} ${s.key} ${i.r}/${i.s} ${i.d}`)
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
})
