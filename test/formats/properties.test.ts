import { describe, expect, it } from '@jest/globals'
import { findBundles } from '../../src/bundles.js'
import { properties } from '../../src/formats/properties.js'
import { fixtureBytes, keyValueLine, read } from '../helpers/units.js'

const readProps = (input: string | Uint8Array) => read(properties, input)

describe('Java .properties', () => {
  it('reads separators, continuations, escapes and comments with exact lines', () => {
    const r = readProps(fixtureBytes('properties/i18n/messages.properties'))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r)).toEqual([
      ['page.home.title', 'Bookshelf - Home', 5],
      ['page.cart.title', 'Your cart', 6],
      ['header.greeting', 'Welcome back, {0}!', 9],
      ['cart.summary', 'You have {0,number,integer} item(s) in your cart, total {1,number,currency}.', 11],
      ['cart.empty', 'Your cart is empty.', 12],
      ['checkout.terms', 'By placing your order you agree to our terms of service and privacy policy.', 15],
      ['order.shipped', "Your order ''{0}'' has shipped.", 20],
      ['key with spaces', 'Key with spaces', 22],
      ['path:separator', 'Colon in the key', 23],
      ['tabs', 'Column1\tColumn2', 24],
      ['unicode.escape', 'Café', 25],
      ['files.count', '{0,choice,0#no files|1#one file|1<{0,number,integer} files}', 27],
    ])
    const comments = Object.fromEntries(r.units.map((u) => [u.key, u.comment]))
    expect(comments['page.home.title']).toBe('Page titles')
    expect(comments['header.greeting']).toBe('Shown in the header when signed in')
    expect(comments['cart.summary']).toBeUndefined()
    expect(comments['files.count']).toBe('ChoiceFormat: the plural forms of Java MessageFormat')
    expect(r.units.find((u) => u.key === 'page.cart.title')?.column).toBe(19)
  })

  it.each([
    ['header.greeting', ['java-messageformat']],
    ['cart.summary', ['java-messageformat']],
    ['order.shipped', ['java-messageformat']],
    ['files.count', ['java-messageformat']],
    ['cart.empty', undefined],
  ])('%s has the syntax %j', (key, syntax) => {
    expect(readProps(fixtureBytes('properties/i18n/messages_de.properties')).units.find((u) => u.key === key)?.syntax).toEqual(syntax)
  })

  it('reads \\u escapes of non-Latin scripts (Arabic)', () => {
    const r = readProps(fixtureBytes('properties/i18n/messages_ar.properties'))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r)).toEqual([
      ['page.home.title', 'بوكشلف - الرئيسية', 2],
      ['cart.empty', 'سلة التسوق فارغة.', 3],
      ['header.greeting', 'مرحبًا بعودتك، {0}!', 4],
    ])
  })

  it('reads an ISO-8859-1 file as Latin-1, with a warning on the first non-UTF-8 byte', () => {
    const r = readProps(fixtureBytes('properties/i18n/messages_fr.properties'))
    expect(keyValueLine(r)).toEqual([
      ['page.home.title', 'Bookshelf - Accueil', 2],
      ['cart.empty', 'Votre panier est vide, désolé.', 3],
    ])
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 1, column: 20, rule: 1008, severity: 1, message: expect.stringMatching(/^The file is not valid UTF-8 \(bytes 0xE9 .*\), so it was read as ISO-8859-1/) }),
    ])
  })

  it.each([
    ['a=x\\u00g1\nb=y\n', 1, 4, 1001, 'Bad unicode escape \\u00g1 in a .properties entry: expected four hex digits; Java throws "Malformed \\uxxxx encoding" on this file'],
    ['a=x\\\n  y\\u12\nb=y\n', 2, 4, 1001, 'Bad unicode escape \\u12 in a .properties entry: expected four hex digits; Java throws "Malformed \\uxxxx encoding" on this file'],
    ['a=1\n\n# again\na=2\n', 4, 1, 1003, 'Duplicate key "a": the last value wins, the earlier one is ignored'],
  ])('reports %j on its line', (text, line, column, rule, message) => {
    expect(readProps(text).problems).toEqual([expect.objectContaining({ line, column, rule, message })])
  })

  it.each([
    ['key value', 'key', 'value'],
    ['key\t: value ', 'key', 'value '],
    ['key', 'key', ''],
    ['a\\=b=c', 'a=b', 'c'],
    ['  indented = yes', 'indented', 'yes'],
    ['multi = one \\\\', 'multi', 'one \\'],
    ['x = \\#not a comment', 'x', '#not a comment'],
    ['__proto__=p', '__proto__', 'p'],
  ])('%j -> %j = %j', (text, key, value) => {
    expect(readProps(text).units.map((u) => [u.key, u.value])).toEqual([[key, value]])
  })

  it('pairs messages_pt_BR.properties with messages.properties through **/*{_locale}.properties', () => {
    const paths = ['src/main/resources/i18n/messages.properties', 'src/main/resources/i18n/messages_de.properties', 'src/main/resources/i18n/messages_pt_BR.properties']
    const [bundle] = findBundles(['**/*{_locale}.properties'], paths, 'en')
    expect(bundle.source?.path).toBe(paths[0])
    expect(bundle.targets.map((t) => t.locale)).toEqual(['de', 'pt-BR'])
  })
})
