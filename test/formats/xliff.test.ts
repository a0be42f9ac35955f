import { describe, expect, it } from '@jest/globals'
import { parseXliff, xliff } from '../../src/formats/xliff.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/run.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { staticScorer } from '../../src/scorers/static.js'
import { resolveSettings } from '../../src/settings.js'
import { memoryChanges } from '../helpers/trees.js'
import { runPr } from '../helpers/pr.js'
import { expectPlanted } from '../helpers/planted.js'
import { fixture, positioned } from '../helpers/units.js'

const read = (text: string, locale = 'de') => {
  const result = parseXliff(text, { path: 'x.xlf', locale, sourceLocale: 'en' })
  return { ...positioned(result, text), locale: result.locale, sourceLocale: result.sourceLocale }
}
const file = (path: string, locale: string) => read(fixture(`xliff/${path}`), locale)
const v12 = (units: string, fileAttributes = 'source-language="en" target-language="de"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file ${fileAttributes} datatype="plaintext" original="app">\n<body>\n${units}\n</body>\n</file>\n</xliff>\n`

describe('XLIFF 1.2 (Angular)', () => {
  const de = file('messages.de.xlf', 'de')

  it('takes the languages from the <file> element', () => {
    expect([de.locale, de.sourceLocale]).toEqual(['de', 'en-US'])
  })

  it.each([
    [
      'introductionHeader',
      { value: 'Hallo i18n!', source: 'Hello i18n!', line: 7, sourceLine: 6, comment: 'An introduction header for this sample', context: 'User welcome', flags: ['state:translated'], syntax: ['inline-code'] },
    ],
    [
      'greeting',
      {
        value: 'Hallo <x id="INTERPOLATION" equiv-text="{{ user.name }}"/>, Sie haben <x id="START_BOLD_TEXT" ctype="x-b" equiv-text="&lt;b&gt;"/>neue Post<x id="CLOSE_BOLD_TEXT" ctype="x-b" equiv-text="&lt;/b&gt;"/>',
        source: 'Hi <x id="INTERPOLATION" equiv-text="{{ user.name }}"/>, you have <x id="START_BOLD_TEXT" ctype="x-b" equiv-text="&lt;b&gt;"/>new mail<x id="CLOSE_BOLD_TEXT" ctype="x-b" equiv-text="&lt;/b&gt;"/>',
        line: 17,
        sourceLine: 16,
        flags: ['state:needs-review-translation'],
        syntax: ['inline-code'],
      },
    ],
    [
      'minutesAgo',
      {
        value: '{VAR_PLURAL, plural, =0 {gerade eben} =1 {vor einer Minute} other {vor <x id="INTERPOLATION" equiv-text="{{minutes}}"/> Minuten}}',
        source: '{VAR_PLURAL, plural, =0 {just now} =1 {one minute ago} other {<x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes ago}}',
        line: 21,
        sourceLine: 20,
        flags: ['state:final'],
        syntax: ['inline-code', 'icu'],
      },
    ],
  ])('%s', (key, expected) => {
    expect(de.units.find((u) => u.key === key)).toEqual({ key, ...expected })
  })

  it('gives no unit for a trans-unit without a target, and none for the source-only messages.xlf', () => {
    expect(de.units.map((u) => u.key)).toEqual(['introductionHeader', 'greeting', 'minutesAgo'])
    expect(file('messages.xlf', '')).toEqual({ units: [], problems: [], locale: undefined, sourceLocale: 'en-US' })
  })
})

describe('XLIFF 1.2 (Xcode export, several files, Hebrew)', () => {
  const he = file('Localizable.he.xliff', 'he')

  it.each([
    ['Trailhead/en.lproj/Localizable.strings:map.title', { value: 'מפה', source: 'Map', line: 10, comment: 'Title of the map tab' }],
    ['Trailhead/en.lproj/Localizable.strings:trail.length', { value: '%1$@ באורך %2$.1f ק״מ', line: 15, syntax: ['inline-code', 'printf'] }],
    ['Trailhead/en.lproj/Localizable.strings:settings.build', { value: 'Build %@', line: 21, flags: ['no-translate'] }],
    [
      'Trailhead/en.lproj/InfoPlist.strings:NSLocationWhenInUseUsageDescription',
      { value: '\u200fTrailhead מציגה מסלולים בקרבתך ומתעדת את הטיולים שלך.', source: 'Trailhead shows trails near you & records your hikes.', line: 33, maxLength: 120, flags: ['state:signed-off', 'approved'] },
    ],
    ['Trailhead/en.lproj/InfoPlist.strings:CFBundleDisplayName', { value: 'Trailhead', line: 38 }],
  ])('%s', (key, expected) => {
    expect(he.units.find((u) => u.key === key)).toMatchObject(expected)
  })

  it('reads every unit with no problems', () => {
    expect(he.units).toHaveLength(5)
    expect(he.problems).toEqual([])
    expect([he.locale, he.sourceLocale]).toEqual(['he', 'en'])
  })
})

describe('XLIFF 2.0 (Angular)', () => {
  const fr = file('messages.fr.xlf', 'fr')

  it.each([
    ['introductionHeader', { value: 'Bonjour i18n !', line: 12, sourceLine: 11, comment: 'An introduction header for this sample', context: 'User welcome', flags: ['state:translated'] }],
    [
      'greeting',
      {
        value:
          'Salut <ph id="0" equiv="INTERPOLATION" disp="{{ user.name }}"/>, vous avez <pc id="1" equivStart="START_BOLD_TEXT" equivEnd="CLOSE_BOLD_TEXT" type="fmt" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">du courrier</pc>',
        line: 18,
        flags: ['state:reviewed'],
      },
    ],
    ['steps/s1', { value: 'Lacez vos chaussures.', source: 'Lace your boots.', line: 24, flags: ['state:final'] }],
    ['steps/s2', { value: 'Check the weather.', line: 31, flags: ['state:initial'] }],
    ['company', { value: 'Trailhead GmbH', line: 38, flags: ['no-translate'] }],
  ])('%s', (key, expected) => {
    expect(fr.units.find((u) => u.key === key)).toMatchObject({ syntax: ['inline-code'], ...expected })
  })

  it('takes srcLang and trgLang', () => {
    expect([fr.locale, fr.sourceLocale, fr.units.length, fr.problems]).toEqual(['fr', 'en-US', 5, []])
  })
})

describe('XLIFF details', () => {
  it.each([
    ['<x id="1"/>', '<x id="1"/>'],
    ['a <g id="1" ctype="bold">b &amp; c</g> d', 'a <g id="1" ctype="bold">b & c</g> d'],
    ['<bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept>', '<bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept>'],
    ['<ph id="1">&lt;br/&gt;</ph>', '<ph id="1">&lt;br/&gt;</ph>'],
    ['x <mrk mtype="protected">Acme</mrk> y', 'x <mrk mtype="protected">Acme</mrk> y'],
    ['<![CDATA[a < b]]> &#x41;', 'a < b A'],
  ])('keeps inline codes as written in %j', (target, value) => {
    const { units, problems } = read(v12(`<trans-unit id="a"><source>s</source><target>${target}</target></trans-unit>`))
    expect(problems).toEqual([])
    expect(units[0].value).toBe(value)
  })

  it('gives each unit its syntaxes as an ordinary property, found when read', () => {
    const [unit] = parseXliff(v12('<trans-unit id="a"><source>{count} files</source><target>{count} Dateien</target></trans-unit>'), { path: 'x.xlf', locale: 'de', sourceLocale: 'en' }).units
    expect(Object.keys(unit)).toContain('syntax')
    expect({ ...unit }.syntax).toEqual(['inline-code', 'icu'])
    expect(JSON.parse(JSON.stringify(unit)).syntax).toEqual(['inline-code', 'icu'])
    unit.syntax = ['printf']
    expect(unit.syntax).toEqual(['printf'])
  })

  it('uses resname as the key and reads groups', () => {
    const { units } = read(v12('<group id="g"><group id="h"><trans-unit id="17" resname="cart.title"><source>Cart</source><target>Warenkorb</target></trans-unit></group></group>'))
    expect(units).toEqual([{ key: 'cart.title', value: 'Warenkorb', source: 'Cart', line: 5, sourceLine: 5, syntax: ['inline-code'] }])
  })

  it('treats an empty target as an empty translation', () => {
    const { units } = read(v12('<trans-unit id="a"><source>Save</source><target/></trans-unit>\n<trans-unit id="b"><source>Open</source>\n<target></target></trans-unit>'))
    expect(units.map((u) => [u.key, u.value, u.line])).toEqual([
      ['a', '', 5],
      ['b', '', 7],
    ])
  })

  it.each([
    [v12('<trans-unit id="a"><source>x</source><target>y</target></trans-unit>\n<trans-unit id="a"><source>x</source><target>z</target></trans-unit>'), 6, 1003, 1, 'Duplicate trans-unit "a": this one is read, the earlier one is ignored'],
    [v12('<trans-unit><source>x</source><target>y</target></trans-unit>'), 5, 1001, 2, '<trans-unit> without an id attribute'],
    [v12('<trans-unit id="a">\n<target>y</target></trans-unit>'), 5, 1001, 2, '<trans-unit id="a"> has no <source>'],
    [v12('<trans-unit id="a"><source>x</source><target>y</target></trans-unit>', 'source-language="en" target-language="fr"'), 3, 1009, 2, `target-language="fr" does not match the file's locale "de" from its path`],
    ['<?xml version="1.0"?>\n<resources/>', 2, 1001, 2, 'Not an XLIFF document: the root element is <resources>, expected <xliff>'],
  ])('reports problems at their line (%#)', (text, line, rule, severity, message) => {
    expect(read(text).problems).toEqual([{ line, rule, severity, message }])
  })

  it.each([
    ['src/locale/messages.xlf', true],
    ['src/locale/messages.de.xlf', true],
    ['Localizations/de.xliff', true],
    ['src/locale/messages.json', false],
  ])('handles %s: %s', (path, expected) => {
    expect(xliff.handles(path)).toBe(expected)
    expect(xliff.bilingual).toBe(true)
  })
})

describe('tqg on an XLIFF pull request (Angular 1.2 and an XLIFF 2.0 export)', () => {
  it('finds each planted defect at its line', async () => {
    const { code, issues } = await runPr('xliff/pr', 'src/locale/messages{.locale}.xlf\ni18n/{locale}.xlf')
    const de = 'src/locale/messages.de.xlf'
    expectPlanted(issues, [
      [de, 7, 1005], // introductionHeader: empty target
      [de, 12, 1171], // greeting: the INTERPOLATION code was replaced by a word
      [de, 16, 1301], // save: leading space
      [de, 20, 1006], // newFeature: target copied from the source
      [de, 26, 1003], // trans-unit "cancel" twice
      ['src/locale/messages.ar.xlf', 7, 1007], // the source changed, the Arabic target did not
      ['src/locale/messages.ar.xlf', 11, 1173], // equiv-text {{ user.name }} became {{ user.nom }}
      ['src/locale/messages.es.xlf', 10, 1001], // a bare & is not XML
      ['i18n/fr.xlf', 7, 1071], // %2$.1f dropped
      ['i18n/fr.xlf', 13, 1172], // an inline code the source does not have
    ])
    expect(code).toBe(1)
  })
})

describe('targets the file says are not final', () => {
  const v20 = (state: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr">\n<file id="f1">\n<unit id="save">\n<segment state="${state}">\n<source>Save</source>\n<target>Enregistrer</target>\n</segment>\n</unit>\n</file>\n</xliff>\n`
  const v12state = (state: string) =>
    v12(`<trans-unit id="save">\n<source>Save</source>\n<target state="${state}">Speichern</target>\n</trans-unit>`)

  it.each<[label: string, path: string, text: (state: string) => string, state: string, warned: string | undefined]>([
    ['XLIFF 2.0 initial', 'i18n/fr.xlf', v20, 'initial', 'The translation is not final (state initial): it needs review'],
    ['XLIFF 2.0 translated', 'i18n/fr.xlf', v20, 'translated', undefined],
    ['XLIFF 1.2 new', 'i18n/de.xlf', v12state, 'new', 'The translation is not final (state new): it needs review'],
    ['XLIFF 1.2 needs-translation', 'i18n/de.xlf', v12state, 'needs-translation', 'The translation is not final (state needs-translation): it needs review'],
    ['XLIFF 1.2 needs-review-translation', 'i18n/de.xlf', v12state, 'needs-review-translation', 'The translation is marked as needing review (needs-review-translation)'],
    ['XLIFF 1.2 translated', 'i18n/de.xlf', v12state, 'translated', undefined],
  ])('%s: a warning and no score unless score-fuzzy, like a fuzzy PO entry', async (_, path, text, state, warned) => {
    const run = async (scoreFuzzy: boolean) => {
      const settings = resolveSettings({ inputs: { files: 'i18n/{locale}.xlf', 'score-fuzzy': String(scoreFuzzy) }, origin: (n) => `input '${n}'` })
      const report = await runPipeline(settings, { changes: memoryChanges({}, { [path]: text(state) }), scorers: [staticScorer([{ file: path, key: 'save', score: 0.9 }])], cache: new MemoryScoreCache(), log: silentLogger })
      const [segment] = report.segments
      return { issues: segment.issues.map((i) => `${i.r}/${i.s} ${i.d}`), state: segment.scores[0].state }
    }
    expect(await run(false)).toEqual({ issues: warned ? [`1701/1 ${warned}`] : [], state: warned ? 'skipped' : 'scored' })
    expect((await run(true)).state).toBe('scored')
  })
})
