import { describe, expect, it } from '@jest/globals'
import { whitespaceRules } from '../../src/checks/whitespace.js'
import { input } from '../helpers/segments.js'

function run(source: string, target: string, locale = 'de'): string[] {
  const i = input(source, target, { locale })
  return whitespaceRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}${h.s !== undefined && h.s !== c.severity ? ` (s${h.s})` : ''}`))
}

// Kinds of false alarm found on shipped translations (docs/accuracy.md, fourth round).
describe('indentation and HTML line breaks', () => {
  it.each([
    ['Error executing the script:\n{0}', 'Ошибка запуска скрипта:\n   {0}', 'ru', []],
    ['Close all maps', 'Fermer toutes  les cartes', 'fr', ['1303 Double space in the translation']],
    ['\n <html>\n <head>\n </head>\n <body>About</body>\n </html>', '\n <html><head></head> <body>À propos</body></html>', 'fr', []],
    ['An internal error occurred.\nPlease report it.', '<html>发生内部错误<br>请报告。', 'zh', []],
    ['An internal error occurred.\nPlease report it.', '<html>发生内部错误，请报告。', 'zh', ['1305 The source has 1 line break(s) inside the text, the translation 0']],
    ['File saved.\nRestart now?', 'Datei gespeichert. Jetzt neu starten?', 'de', ['1305 The source has 1 line break(s) inside the text, the translation 0']],
    ['<html>Middle<br>label', 'Libellé du connecteur', 'fr', []],
    ['Double Click to select Node', '<html>Choisissez le nœud.<br>Cette fenêtre se fermera.', 'fr', []],
  ])('%j -> %j (%s)', (source, target, locale, expected) => expect(run(source, target, locale).filter((h) => /^130[35]/.test(h))).toEqual(expected))
})

describe('whitespace and escape rules', () => {
  it.each([
    ['Correct\n', 'Korrekt\n', 'de', []],
    ['Correct\r\n', 'Korrekt\r\n', 'de', []],
    // Leading and trailing
    ['A file\n', 'Eine Datei', 'de', ['1302 Trailing whitespace differs: the source ends with "\\n", the translation with none']],
    ['A file\n', 'Eine Datei\r\n', 'de', ['1302 Trailing whitespace differs: the source ends with "\\n", the translation with "\\r\\n"']],
    ['\nOne two', 'Eins\nzwei', 'de', ['1301 Leading whitespace differs: the source starts with "\\n", the translation with none', '1305 The source has 0 line break(s) inside the text, the translation 1']],
    // Fullwidth punctuation carries its own space
    ['Init. Limit: ', '起始时间限制：', 'zh', []],
    ['Limit: ', '限制:', 'zh', ['1302 Trailing whitespace differs: the source ends with "␣", the translation with none']],
    // Double spaces
    ['Sentence.  Another sentence.', 'Satz.  Noch ein Satz.', 'de', []],
    ['Save the file', 'Datei  speichern', 'de', ['1303 Double space in the translation']],
    ['Save the file', 'Datei\u00a0 speichern', 'de', ['1303 Double space in the translation']],
    // Tabs and line breaks inside
    ['Name\tSize', 'Name Größe', 'de', ['1304 The source has 1 tab(s) inside the text, the translation 0']],
    ['blah.\nA file', 'bla. Eine Datei', 'de', ['1305 The source has 1 line break(s) inside the text, the translation 0']],
    ['a\r\nb', 'x\ny', 'de', ['1305 Line endings differ: CRLF in the source, LF in the translation']],
    // Escapes written as text
    ['An escaped newline \\n', 'Zeilenumbruch \\n', 'de', []],
    ['A tab\\t', 'Ein Tab', 'de', ['1306 Escape \\t is missing']],
    ['A double quote \\"', 'Ein Anführungszeichen', 'de', ['1306 Escape \\" is missing']],
    ['An escape escape \\\\', 'Escape', 'de', ['1306 Escape \\\\ is missing']],
    ['A tab', 'Ein Tab\\t', 'de', ['1306 Escape \\t is not in the source']],
    ['An escaped newline \\n', 'Zeilenumbruch \n', 'de', ['1302 Trailing whitespace differs: the source ends with none, the translation with "␣\\n"', '1306 Escape \\n became the character it stands for (s2)']],
    ['Line one\nLine two', 'Zeile eins\\nZeile zwei', 'de', ['1305 The source has 1 line break(s) inside the text, the translation 0', '1306 \\n is written as text where the source has the character itself (s2)']],
    ['C:\\new folder', 'C:\\new folder', 'de', []],
    // Invisible characters
    ['Save', 'Spei\u200bchern', 'de', ['1307 Invisible zero-width character U+200B not in the source']],
    ['Save', 'Sp\u200be\u200bichern', 'de', ['1307 Invisible zero-width character U+200B not in the source (2 times)']],
    ['Save', 'Speichern\u0007', 'de', ['1307 Invisible control character U+0007 not in the source (s2)']],
    ['Save', 'Speich\ufffdrn', 'de', ['1307 Invisible replacement character U+FFFD (text lost in a bad conversion) not in the source (s2)']],
    ['Café', 'CafÃ©', 'fr', ['1307 Mis-decoded UTF-8: "Ã©" (text saved in one encoding and read in another) (s2)']],
    ['Name', 'Na\u202eme', 'de', ['1307 Invisible bidi override U+202E not in the source']],
    ['Name', 'Na\u200fme', 'de', ['1307 Invisible bidi control U+200F not in the source']],
    ['hi. there', 'שלום.\u200f לך', 'he', []],
    ['hi. there', 'שלום.\u202e לך', 'he', ['1307 Invisible bidi override U+202E not in the source']],
    ['Software', 'نرم\u200cافزار', 'fa', []],
    ['Family', '👨\u200d👩\u200d👧', 'de', []],
    ['New version', 'កំណែ\u200bថ្មី', 'km', []],
    ['Name\u200b', 'Name\u200b', 'de', []],
  ])('%j -> %j (%s)', (source, target, locale, expected) => expect(run(source, target, locale)).toEqual(expected))
})
