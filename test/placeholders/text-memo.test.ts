import { describe, expect, it } from '@jest/globals'
import { TextMemo } from '../../src/placeholders/text-memo.js'

describe('TextMemo', () => {
  const counting = () => {
    const computed: string[] = []
    return { computed, read: (text: string) => (computed.push(text), text.toUpperCase()) }
  }

  it('computes a text once while it is kept', () => {
    const memo = new TextMemo<string>(100)
    const { computed, read } = counting()
    expect([memo.get('Save', read), memo.get('Save', read), memo.get('Open', read)]).toEqual(['SAVE', 'SAVE', 'OPEN'])
    expect(computed).toEqual(['Save', 'Open'])
  })

  it('keeps a result that is undefined too', () => {
    const memo = new TextMemo<string | undefined>(100)
    let calls = 0
    const none = () => (calls++, undefined)
    expect([memo.get('x', none), memo.get('x', none)]).toEqual([undefined, undefined])
    expect(calls).toBe(1)
  })

  it.each([
    // budget, texts asked in order, texts computed
    [8, ['abcd', 'efgh', 'abcd'], ['abcd', 'efgh']],
    [8, ['abcd', 'efgh', 'ijkl', 'abcd'], ['abcd', 'efgh', 'ijkl', 'abcd']],
    [8, ['abcd', 'efgh', 'ijkl', 'ijkl', 'efgh'], ['abcd', 'efgh', 'ijkl']],
    [8, ['a very long text', 'a very long text'], ['a very long text', 'a very long text']],
  ])('with %i characters, %j computes %j', (budget, asked, expected) => {
    const memo = new TextMemo<string>(budget)
    const { computed, read } = counting()
    for (const text of asked) expect(memo.get(text, read)).toBe(text.toUpperCase())
    expect(computed).toEqual(expected)
  })
})
