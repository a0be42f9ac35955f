// Our one-pass XML reader (src/formats/xml.ts) against an independent one, fast-xml-parser,
// on every well-formed XML fixture: the same elements in the same order, the same
// attributes, and the same decoded text in every element without child elements.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'
import { readXml, textContent, type XmlElement, type XmlDocument } from '../../src/formats/xml.js'
import { fixturesDir } from '../helpers/units.js'

// The fixtures planted as broken (see xml-fixtures.test.ts) are left out.
const broken = /\/pr\/head\/.*(?:values-ru\/strings\.xml|messages\.es\.xlf|Resources\.he\.resx|(?:ru|Base)\.lproj\/Localizable\.stringsdict)$/
const files = (readdirSync(fixturesDir, { recursive: true }) as string[])
  .map((p) => p.split('\\').join('/'))
  .filter((p) => /\.(?:xml|xlf|xliff|resx|stringsdict)$/.test(p) && !broken.test(`/${p}`))
  .sort()

interface Shape {
  name: string
  attributes: Record<string, string>
  text?: string
  children: Shape[]
}

function ours(doc: XmlDocument, el: XmlElement): Shape {
  return {
    name: el.name,
    attributes: { ...el.attributes },
    ...(el.children.length === 0 && { text: textContent(doc, el, []) }),
    children: el.children.map((c) => ours(doc, c)),
  }
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> }

function theirs(node: Ordered): Shape | undefined {
  const name = Object.keys(node).find((k) => k !== ':@')!
  if (name === '#text' || name === '?xml' || name.startsWith('!')) return undefined
  const children = (node[name] as Ordered[]).map(theirs).filter((c): c is Shape => c !== undefined)
  const attributes = Object.fromEntries(Object.entries(node[':@'] ?? {}).map(([k, v]) => [k.slice(2), String(v)]))
  const text = (node[name] as Ordered[]).map((c) => ('#text' in c ? String(c['#text']) : '')).join('')
  return { name, attributes, ...(children.length === 0 && { text }), children }
}

const reference = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

describe('our XML reader agrees with fast-xml-parser', () => {
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(30))

  it.each(files)('%s', (path) => {
    const text = readFileSync(`${fixturesDir}${path}`, 'utf8').replace(/^\uFEFF/, '')
    const doc = readXml(text)
    expect(doc.problems).toEqual([])
    const root = (reference.parse(text) as Ordered[]).map(theirs).find((s) => s !== undefined)
    expect(ours(doc, doc.root!)).toEqual(root)
  })
})
