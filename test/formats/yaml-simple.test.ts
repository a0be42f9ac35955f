// The fast YAML reader must read every file it accepts exactly as the yaml library does
// (values, keys, and the offsets findings point at), and leave everything else to it.
import { describe, expect, it } from '@jest/globals'
import { isMap, isScalar, parseDocument, type Node } from 'yaml'
import { readSimpleYaml } from '../../src/formats/yaml-simple.js'

type Shape = { key: unknown; at: number | undefined; value: unknown; valueAt: number | undefined }[] | unknown

/** What the locale reader uses of a node: keys, string values (other scalars are skipped) and where they start. */
function shape(node: Node | null | undefined): Shape {
  if (isMap(node)) {
    return node.items.map((p) => {
      const value = p.value as Node | null
      const text = isScalar(value) && typeof value.value === 'string'
      return { key: (p.key as Node & { value: unknown }).value, at: (p.key as Node).range?.[0], value: shape(value), valueAt: text ? value.range?.[0] : undefined }
    })
  }
  return isScalar(node) && typeof node.value === 'string' ? node.value : null
}

function library(text: string): Shape {
  const doc = parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false, strict: false })
  expect(doc.errors).toEqual([])
  return shape(doc.contents as Node | null)
}

describe('fast YAML reader', () => {
  it.each([
    ['nested maps, plain values', 'de:\n  orders:\n    title: Ihre Bestellungen\n    empty:\n  flat: Text\n'],
    ['quoted values and their escapes', `de:\n  a: "Tab\\t, quote \\", \\u00e9, \\x41, \\U0001F600, \\_, \\N"\n  b: 'it''s'\n  c: ""\n  d: ''\n`],
    ['comments everywhere', '# top\nde: # root\n  # inside\n  a: Text # after\n  b: "x" # after a quote\n  c: C# and F#\n    # deeper comment\n  d:   # a null\n'],
    ['values that are not strings', 'de:\n  a: ~\n  b: null\n  c: true\n  d: 12\n  e: -3.5\n  f: 0x1F\n  g: .inf\n  h: 1e3\n  i: yes\n  j: 12 apples\n'],
    ['CRLF line ends', 'de:\r\n  a: Eins\r\n  b: "Zwei"\r\n  c:\r\n    d: Drei\r\n'],
    ['URLs, commas and brackets inside plain values', 'de:\n  url: https://example.com/a?b=c\n  list: a, b [c] {d}\n  percent: 100% sicher\n'],
    ['duplicate keys, kept in order', 'de:\n  a: eins\n  a: zwei\n'],
    ['several top-level keys, deeper indentation', 'a:\n    b:\n        c: Text\n    d: Mehr\ne: Ende\n'],
    ['non-Latin keys and values', 'ja:\n  挨拶: こんにちは\n  ar: "مرحبا"\n'],
  ])('%s: read as yaml reads them', (_, text) => {
    const root = readSimpleYaml(text)
    expect(root).toBeDefined()
    expect(shape(root)).toEqual(library(text))
  })

  it('reads a file of comments and blank lines as empty, like yaml', () => {
    expect(readSimpleYaml('# nothing\n\n   \n')).toBeNull()
    expect(parseDocument('# nothing\n\n   \n').contents).toBeNull()
  })

  it.each([
    ['a sequence', 'de:\n  list:\n    - a\n    - b\n'],
    ['a block scalar', 'de:\n  note: |\n    Zwei\n    Zeilen\n'],
    ['a flow collection', 'de:\n  a: [x, y]\n'],
    ['an anchor and an alias', 'de:\n  a: &x Text\n  b: *x\n'],
    ['a merge key', 'base: &b\n  a: x\nde:\n  <<: *b\n'],
    ['a tag', 'de:\n  a: !str 12\n'],
    ['a multi-line plain value', 'de:\n  a: eins\n    zwei\n'],
    ['a multi-line quoted value', 'de:\n  a: "eins\n    zwei"\n'],
    ['an unknown escape', 'de:\n  a: "\\q"\n'],
    ['a code point past Unicode', 'de:\n  a: "\\U00110000"\n'],
    ['text after a closing quote', `de:\n  a: 'x' y\n`],
    ['a nested mapping in a plain value', 'de:\n  a: b: c\n'],
    ['a tab', 'de:\n\ta: x\n'],
    ['a lone CR', 'de:\r  a: x\r'],
    ['a document marker', '---\nde:\n  a: x\n'],
    ['a directive', '%YAML 1.2\n---\nde: x\n'],
    ['a quoted key', 'de:\n  "yes": x\n'],
    ['a key that is a number', 'de:\n  404: Nicht gefunden\n'],
    ['a key over 1024 characters', `de:\n  ${'k'.repeat(1025)}: x\n`],
    ['indentation that matches no level', 'de:\n    a: x\n  b: y\n'],
    ['a second root after an indented first', '  a: x\nb: y\n'],
    ['a top-level scalar', 'just text\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(readSimpleYaml(text)).toBeUndefined()
  })

  it('agrees with yaml on generated files wherever it reads them', () => {
    // A fixed pseudo-random walk over keys, indentation and value styles, some of them broken.
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]
    const keys = ['title', 'one', 'other', 'few', 'a.b', 'key_1', 'x-y', 'ключ', '1a', 'e1']
    const values = ['Hello', 'Hello world', '"quoted"', `'it''s'`, '"\\u00e9\\t\\"x\\""', '~', 'true', '12', '1.5', '.inf', 'C# here', 'a # comment', '"x" # c', 'http://x.y', '', '"', `'`, 'a: b', '"\\q"', '- x', '&a x', '"a" b', '%{n} items']
    let read = 0
    for (let doc = 0; doc < 400; doc++) {
      const lines = [pick(['de:', 'en:', '# c'])]
      let depth = 1
      for (let i = 0; i < 1 + Math.floor(next() * 10); i++) {
        const indent = ' '.repeat(depth * pick([2, 2, 2, 3]))
        if (next() < 0.25 && depth < 4) {
          lines.push(`${indent}${pick(keys)}:`)
          depth++
        } else {
          if (next() < 0.2 && depth > 1) depth--
          lines.push(`${' '.repeat(depth * 2)}${pick(keys)}: ${pick(values)}`)
        }
      }
      const text = lines.join(next() < 0.2 ? '\r\n' : '\n') + '\n'
      const root = readSimpleYaml(text)
      if (root === undefined) continue
      read++
      expect({ text, shape: shape(root) }).toEqual({ text, shape: library(text) })
    }
    expect(read).toBeGreaterThan(50)
  })
})
