import { describe, expect, it } from '@jest/globals'
import { placeholderRules } from '../../src/checks/placeholders.js'
import { extractInlineCodes, inlineCode, maskInlineCodes } from '../../src/placeholders/inline-code.js'
import { input } from '../helpers/segments.js'

const X = (id: string, equiv: string) => `<x id="${id}" equiv-text="${equiv}"/>`

function messages(source: string, target: string): string[] {
  const i = input(source, target, { syntaxes: ['inline-code'] })
  return placeholderRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}`))
}

describe('inline codes', () => {
  it.each([
    [`Hi ${X('INTERPOLATION', '{{ name }}')}!`, [[X('INTERPOLATION', '{{ name }}'), 'x#INTERPOLATION={{ name }}']]],
    ['<g id="1" ctype="x-b">bold</g> text', [['<g id="1" ctype="x-b">', 'g#1']]],
    ['<bpt id="1">&lt;b&gt;</bpt>bold<ept id="1">&lt;/b&gt;</ept>', [['<bpt id="1">&lt;b&gt;</bpt>', 'bpt#1 &lt;b&gt;'], ['<ept id="1">&lt;/b&gt;</ept>', 'ept#1 &lt;/b&gt;']]],
    ['a<ph id="1">&lt;br/&gt;</ph>b<ph id="2"/>', [['<ph id="1">&lt;br/&gt;</ph>', 'ph#1 &lt;br/&gt;'], ['<ph id="2"/>', 'ph#2']]],
    ['<ph id="0" equiv="INTERPOLATION" disp="{{ n }}"/>', [['<ph id="0" equiv="INTERPOLATION" disp="{{ n }}"/>', 'ph#0=INTERPOLATION']]],
    ['<pc id="1" type="fmt">x</pc><sc id="2"/>y<ec startRef="2"/>', [['<pc id="1" type="fmt">', 'pc#1'], ['<sc id="2"/>', 'sc#2'], ['<ec startRef="2"/>', 'ec#2']]],
    ['Hi <xliff:g id="name" example="Ana">%1$s</xliff:g>', [['<xliff:g id="name" example="Ana">', 'xliff:g#name']]],
    ['<b>bold</b> and <mrk mtype="term">Acme</mrk>', []],
  ])('extracts %j', (text, expected) => {
    expect(extractInlineCodes(text).map((p) => [p.text, p.id])).toEqual(expected)
    for (const p of extractInlineCodes(text)) expect(text.slice(p.start, p.end)).toBe(p.text)
  })

  it.each([
    [`Hi ${X('INTERPOLATION', '{{ name }}')}`, `Hallo ${X('INTERPOLATION', '{{ name }}')}`, []],
    [`${X('INTERPOLATION', '{{ a }}')} / ${X('INTERPOLATION_1', '{{ b }}')}`, `${X('INTERPOLATION_1', '{{ b }}')} / ${X('INTERPOLATION', '{{ a }}')}`, []],
    [`Hi ${X('INTERPOLATION', '{{ name }}')}`, 'Hallo', [`1171 Placeholder ${X('INTERPOLATION', '{{ name }}')} is missing`]],
    ['Hi', `Hallo ${X('INTERPOLATION', '{{ name }}')}`, [`1172 Placeholder ${X('INTERPOLATION', '{{ name }}')} is not in the source`]],
    [`Hi ${X('INTERPOLATION', '{{ name }}')}`, `Hallo ${X('INTERPOLATION', '{{ nom }}')}`, [`1173 Placeholder ${X('INTERPOLATION', '{{ name }}')} became ${X('INTERPOLATION', '{{ nom }}')}`]],
    ['<bpt id="1">&lt;b&gt;</bpt>x<ept id="1">&lt;/b&gt;</ept>', '<bpt id="1">&lt;i&gt;</bpt>x<ept id="1">&lt;/b&gt;</ept>', ['1173 Placeholder <bpt id="1">&lt;b&gt;</bpt> became <bpt id="1">&lt;i&gt;</bpt>']],
    ['<g id="1">a</g> <g id="2">b</g>', '<g id="2">b</g> <g id="1">a</g>', []],
  ])('%j -> %j', (source, target, expected) => {
    expect(messages(source, target)).toEqual(expected)
  })

  it.each([
    ['Hello <x id="INTERPOLATION"/>', true],
    ['Hi <xliff:g id="n">%s</xliff:g>', true],
    ['<b>bold</b> <g>no id</g>', false],
    ['plain text', false],
  ])('detects %j: %s', (text, expected) => {
    expect(inlineCode.detect(text)).toBe(expected)
  })
})

describe('masking inline codes for other syntaxes', () => {
  it('blanks each code and keeps offsets', () => {
    const text = `{n, plural, other {${X('INTERPOLATION', '{{n}}')} items}}`
    const masked = maskInlineCodes(text)
    expect(masked).toHaveLength(text.length)
    expect(masked).toBe(`{n, plural, other {${' '.repeat(X('INTERPOLATION', '{{n}}').length)} items}}`)
  })
})
