import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { decode } from '../src/formats/decode.js'
import type { CheckedSegment, Score } from '../src/model.js'
import { applyDecisions, encodeLike, isXliff1, writeDecisionCopies, type Decision } from '../src/xliff-decisions.js'
import { segment } from './helpers/segments.js'

const fixture = readFileSync(new URL('./fixtures/xliff-decisions/messages.de.xlf', import.meta.url), 'utf8')

/** A decision for the unit whose target text starts with `target`. */
function decision(key: string, target: string, approve: boolean, lock: boolean, text = fixture): Decision {
  const offset = text.indexOf(`>${target}`) + 1
  if (offset <= 0) throw new Error(`no target ${target}`)
  return { key, locale: 'de', line: text.slice(0, offset).split('\n').length, offset, approve, lock }
}

describe('QE decisions in XLIFF 1.2', () => {
  it('recognises XLIFF 1.x only', () => {
    expect(isXliff1(fixture)).toBe(true)
    expect(isXliff1('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">')).toBe(false)
    expect(isXliff1('{"xliff": "version=\\"1.2\\""}')).toBe(false)
  })

  it('sets approved and translate on the decided units and changes nothing else', () => {
    const result = applyDecisions(fixture, [
      decision('cart.title', 'Ihr Warenkorb<', true, true),
      decision('cart.checkout', 'Zur Kasse', true, false),
      decision('cart.remove&undo', '<x id="INTERPOLATION" equiv-text="{{ item.name }}"/> aus', false, true),
      decision('cart.note', '<![CDATA[Preise', true, true),
      decision('cart.empty', 'Ihr Warenkorb ist leer.', false, false),
    ])
    const expected = fixture
      .replace('<trans-unit id="cart.title" datatype="html">', '<trans-unit id="cart.title" datatype="html" approved="yes" translate="no">')
      .replace('<trans-unit id="cart.checkout" datatype="html" approved="no">', '<trans-unit id="cart.checkout" datatype="html" approved="yes">')
      .replace(`id='cart.remove&amp;undo'\n          datatype="html">`, `id='cart.remove&amp;undo'\n          datatype="html" translate="no">`)
      .replace('<trans-unit id="cart.note" datatype="html" translate="yes">', '<trans-unit id="cart.note" datatype="html" translate="no" approved="yes">')
    expect(result.text).toBe(expected)
    expect(result.applied).toEqual([
      { key: 'cart.title', locale: 'de', line: 11, unit: 'cart.title', attributes: { approved: 'yes', translate: 'no' } },
      { key: 'cart.checkout', locale: 'de', line: 19, unit: 'cart.checkout', attributes: { approved: 'yes' } },
      { key: 'cart.remove&undo', locale: 'de', line: 26, unit: 'cart.remove&undo', attributes: { translate: 'no' } },
      { key: 'cart.note', locale: 'de', line: 30, unit: 'cart.note', attributes: { approved: 'yes', translate: 'no' } },
    ])
    expect(result.unmatched).toEqual([])
  })

  it('ignores trans-unit text in comments and CDATA, and reports a decision outside any unit', () => {
    const inComment = fixture.indexOf('<source>Old</source>')
    const result = applyDecisions(fixture, [{ key: 'legacy.banner', locale: 'de', line: 8, offset: inComment, approve: true, lock: false }])
    expect(result.text).toBe(fixture)
    expect(result.unmatched).toEqual([{ key: 'legacy.banner', line: 8 }])
  })

  it('keeps an attribute that already says the same and the quote style of the file', () => {
    const text = `<xliff version='1.2'><file><body><trans-unit id='a' approved='yes'><source>A</source><target>B</target></trans-unit></body></file></xliff>`
    const result = applyDecisions(text, [decision('a', 'B', true, true, text)])
    expect(result.text).toBe(text.replace(`approved='yes'>`, `approved='yes' translate="no">`))
  })

  it('writes the bytes back in the encoding they came in', () => {
    const text = '<xliff version="1.2"><trans-unit id="ä"/></xliff>'
    for (const bytes of [
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
      new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]),
    ]) {
      const decoded = decode(bytes, { allowUtf16: true })
      expect(decoded.text).toBe(text)
      expect(encodeLike(decoded.text, decoded, true)).toEqual(bytes)
    }
  })
})

describe('copies of XLIFF files with the decisions', () => {
  const scored = (confirm: boolean, lock: boolean): Score => ({ provider: 'custommt', engine: 'EN-DE', state: 'scored', score: 0.9, confirm, lock })

  function checked(file: string, key: string, target: string, scores: Score[], text = fixture): CheckedSegment {
    const offset = text.indexOf(`>${target}`) + 1
    return { ...segment('x', target, { file, key, line: 3, unit: { key, value: target, span: { start: offset, end: offset + target.length } } }), issues: [], scores }
  }

  it('writes a copy per XLIFF file with decisions and lists them; other files and formats are left alone', async () => {
    const json = '{"cart": {"title": "Ihr Warenkorb"}}'
    const files: Record<string, string> = { 'src/locale/messages.de.xlf': fixture, 'locales/de.json': json }
    const written: Record<string, string> = {}
    const segments = [
      checked('src/locale/messages.de.xlf', 'cart.title', 'Ihr Warenkorb<', [scored(true, false)]),
      checked('src/locale/messages.de.xlf', 'cart.empty', 'Ihr Warenkorb ist leer.', [{ provider: 'openai', engine: 'm', state: 'scored', score: 1 }, scored(false, false)]),
      checked('locales/de.json', 'cart.title', 'Ihr Warenkorb', [scored(true, true)], json),
    ]
    const result = await writeDecisionCopies(segments, {
      read: async (f) => new TextEncoder().encode(files[f]),
      write: async (f, bytes) => {
        written[f] = new TextDecoder().decode(bytes)
        return `out/custommt-decisions/${f}`
      },
    })
    expect(result).toEqual([
      {
        file: 'src/locale/messages.de.xlf',
        output: 'out/custommt-decisions/src/locale/messages.de.xlf',
        decisions: [{ key: 'cart.title', locale: 'de', line: 3, unit: 'cart.title', attributes: { approved: 'yes' } }],
      },
    ])
    expect(Object.keys(written)).toEqual(['src/locale/messages.de.xlf'])
    expect(written['src/locale/messages.de.xlf']).toBe(fixture.replace('<trans-unit id="cart.title" datatype="html">', '<trans-unit id="cart.title" datatype="html" approved="yes">'))
    // The original is what `read` returned; nothing wrote to it.
    expect(files['src/locale/messages.de.xlf']).toBe(fixture)
  })

  it('lists the decisions without a copy when no output place is given', async () => {
    const segments = [checked('a.xlf', 'cart.title', 'Ihr Warenkorb<', [scored(true, true)])]
    expect(await writeDecisionCopies(segments, { read: async () => new TextEncoder().encode(fixture) })).toEqual([
      { file: 'a.xlf', decisions: [{ key: 'cart.title', locale: 'de', line: 3, unit: 'cart.title', attributes: { approved: 'yes', translate: 'no' } }] },
    ])
  })
})
