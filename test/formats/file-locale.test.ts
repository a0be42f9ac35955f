// The locale a file names inside itself (Rails root key, XLIFF target-language, PO
// Language:, ARB @@locale), read the same way by every format: it refines the path's
// locale when they agree, is reported (1009) when they do not, and then the path's locale
// stays the one its strings are checked in.
import { describe, expect, it } from '@jest/globals'
import { arb } from '../../src/formats/arb.js'
import type { Format } from '../../src/formats/format.js'
import { po } from '../../src/formats/po.js'
import { xliff } from '../../src/formats/xliff.js'
import { yaml } from '../../src/formats/yaml.js'
import { read } from '../helpers/units.js'

const xliff12 = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file source-language="en" target-language="${target}" datatype="plaintext" original="messages">\n    <body>\n      <trans-unit id="delete"><source>Delete this file?</source><target>Delete this file?</target></trans-unit>\n    </body>\n  </file>\n</xliff>\n`
const xliff20 = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="${target}">\n  <file id="messages">\n    <unit id="delete"><segment><source>Delete this file?</source><target>Delete this file?</target></segment></unit>\n  </file>\n</xliff>\n`
const poFile = (language: string) =>
  `msgid ""\nmsgstr ""\n"Language: ${language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Delete this file?"\nmsgstr "Delete this file?"\n`
const arbFile = (locale: string) => `{\n  "@@locale": "${locale}",\n  "deleteFile": "Delete this file?"\n}\n`

describe('the locale a file names inside itself', () => {
  it.each<[label: string, format: Format, text: string, pathLocale: string, locale: string | undefined, mismatch: boolean]>([
    ['Rails root key of a copied en.yml', yaml, 'en:\n  delete: Delete this file?\n', 'de', undefined, true],
    ['XLIFF 1.2 target-language of a copied file', xliff, xliff12('en'), 'fr', undefined, true],
    ['XLIFF 2.0 trgLang of a copied file', xliff, xliff20('en'), 'fr', undefined, true],
    ['PO Language: of a copied file', po, poFile('en'), 'de', undefined, true],
    ['ARB @@locale of a copied file', arb, arbFile('en'), 'de', undefined, true],
    ['Rails root key written with an underscore', yaml, 'pt_BR:\n  delete: Excluir este arquivo?\n', 'pt-BR', 'pt-BR', false],
    ['Rails root key of a file whose path names no locale', yaml, 'de:\n  delete: Diese Datei löschen?\n', '', 'de', false],
    ['XLIFF 1.2 target-language with a region', xliff, xliff12('fr-FR'), 'fr', 'fr-FR', false],
    ['XLIFF 2.0 trgLang', xliff, xliff20('fr'), 'fr', 'fr', false],
    ['PO Language: with a region', po, poFile('de_AT'), 'de', 'de-AT', false],
    ['ARB @@locale', arb, arbFile('de'), 'de', 'de', false],
  ])('%s', (_, format, text, pathLocale, locale, mismatch) => {
    const r = read(format, text, { locale: pathLocale })
    expect(r.locale).toBe(locale)
    expect(r.problems.some((p) => p.rule === 1009)).toBe(mismatch)
  })
})
