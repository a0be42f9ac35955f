import { describe, expect, it } from '@jest/globals'
import { markupRules } from '../../src/checks/markup.js'
import { readTags, wellNested } from '../../src/checks/tags.js'
import { input } from '../helpers/segments.js'

/** Every markup rule's hits on one pair, as "rule message" (severity when not the rule's). */
function run(source: string, target: string): string[] {
  const i = input(source, target)
  return markupRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}${h.s !== undefined && h.s !== c.severity ? ` (s${h.s})` : ''}`))
}

describe('markup rules', () => {
  it.each([
    // Same tags, translated text and attribute values
    ['Do it <b>now</b>', 'Mach es <b>jetzt</b>', []],
    ['Click <img src="img.jpg" alt="picture">here</img>', 'Klik <img src="img.jpg" alt="prentjie">hier</img>', []],
    ['Click <a title="tip">here</a>', 'Klik <a title="wenk">hier</a>', []],
    ['Click <div lang="en" dir="ltr">', 'Klik <div lang="ar" dir="rtl">', []],
    ['<markup>\n<span weight="bold"\nstyle="oblique">\nCan\'t create server!\n</span>\n</markup>', '<markup>\n<span weight="bold"\nstyle="oblique">\nNo s\'ha pogut crear el servidor!\n</span>\n</markup>', []],
    // Text in angle brackets, entities, autolinks and Ruby placeholders are not tags
    ['<Error>', '<Fout>', []],
    ['Default: <none>', 'Standard: <keine>', []],
    ['Start with the &lt;start&gt; tag', 'Beginne mit dem &lt;start&gt;-Tag', []],
    ['Visit <https://acme.example>', 'Besuchen Sie <https://acme.example/de>', []],
    ['Hello %<name>s', 'Hallo %<name>s', []],
    // react-i18next numbered tags
    ['Read <1>the terms</1>', 'Lies <1>die Bedingungen</1>', []],
    ['Read <1>the terms</1>', 'Lies die Bedingungen', ['1201 Tag <1> is missing', '1201 Tag </1> is missing']],
    // Missing, extra, renamed
    ['Read the <a href="/terms">terms</a>', 'Lies die <a href="/terms">Bedingungen', ['1201 Tag </a> is missing']],
    ['%d/%d translated', '<br>%d/%d übersetzt', ['1202 Tag <br> is not in the source']],
    ['Do it <b>now</b>', 'Doen dit <v>nou</v>', ['1203 Tag <b> became <v>']],
    ['<b>Current Translation</b>', '<b>Aktuelle Übersetzung<b>', ['1203 Tag </b> became <b>']],
    ['test <br />', 'test <br>', ['1203 Tag <br/> became <br> (s1)']],
    // Attributes: names compared, link targets apart
    ['Click <a href="page.html">', 'Klik <a hverw="page.html">', ['1204 Attributes of <a> differ: href missing; hverw not in the source', '1208 Link target page.html is missing']],
    ['Click <a href="page.html" target="koei">', 'Klik <a href="page.html">', ['1204 Attributes of <a> differ: target missing']],
    ['<button>Save</button>', '<button onclick="steal()">Speichern</button>', ['1204 Attributes of <button> differ: onclick not in the source', '1207 Unsafe HTML not in the source: onclick=']],
    ['Click <img src="image.jpg">here</img>', 'Klik <img src="prent.jpg">hier</img>', ['1208 Link target image.jpg became prent.jpg']],
    // Order and nesting
    // Siblings that trade places are word order; a tag moved into or out of another is reported
    ['<b>Name</b> and <i>date</i>', '<i>Datum</i> und <b>Name</b>', []],
    ['You are still <b>sharing your data</b> on <idserver />.', 'Сервер <idserver /> досі <b>поширює ваші дані</b>.', []],
    ['<b>Name</b> and <i>date</i>', '<i>Datum und <b>Name</b></i>', ['1205 Tags are in another order: <b> </b> <i> </i> in the source, <i> <b> </b> </i> in the translation']],
    ['<html>create a link from<br/>the anchor</html>', '<html>bağlantı</html><br/>oluşturmak', ['1205 Tags are in another order: <html> <br/> </html> in the source, <html> </html> <br/> in the translation']],
    ['<html>a <i>legacy</i> formula.<br/>See:</html>', 'Bir <i>eski</i> formül <html>. <br/> Bakınız:</html>', ['1205 Tags are in another order: <html> <i> </i> <br/> </html> in the source, <i> </i> <html> <br/> </html> in the translation']],
    ['<b><i>New</i></b>', '<b><i>Neu</b></i>', ['1206 Tags are not properly nested: <b> <i> </b> </i>']],
    ['Tom &amp; <b>Jerry</b>', 'Tom & <b>Jerry</b>', ['1206 Bare "&" in markup: the source writes it as &amp;']],
    ['R&D <b>team</b>', 'F&E <b>Team</b>', []],
    // Unsafe HTML
    ['<a href="/help">Help</a>', '<a href="javascript:alert(1)">Hilfe</a>', ['1207 Unsafe HTML not in the source: href="javascript:"', '1208 Link target /help became javascript:alert(1)']],
    ['Help', 'Hilfe<script>steal()</script>', ['1202 Tag <script> is not in the source', '1202 Tag </script> is not in the source', '1207 Unsafe HTML not in the source: <script>']],
    ['<iframe src="/video"></iframe>', '<iframe src="/video"></iframe>', []],
    // Markdown links
    ['See [the guide](https://acme.example/guide)', 'Siehe [die Anleitung](https://acme.example/guide)', []],
    ['See [the guide](https://acme.example/guide)', 'Siehe [die Anleitung](https://acme.example/anleitung)', ['1208 Link target https://acme.example/guide became https://acme.example/anleitung']],
    ['See [the guide][1]\n[1]: https://acme.example/guide', 'Siehe [die Anleitung][1]', ['1208 Link target https://acme.example/guide is missing']],
  ])('%j -> %j', (source, target, expected) => expect(run(source, target)).toEqual(expected))

  // A help link opened in the translation's language (Redmine's German `?hl=de`, the sixth round's false alarm).
  it.each([
    ['de', '<a href="https://support.example/answer/1066447">Help</a>', '<a href="https://support.example/answer/1066447?hl=de">Hilfe</a>', []],
    ['de', '[Help](https://support.example/a?id=3)', '[Hilfe](https://support.example/a?id=3&lang=de-DE)', []],
    ['pt-BR', '[Help](https://support.example/a?hl=en#top)', '[Ajuda](https://support.example/a?hl=pt-BR#top)', []],
    ['de', '<a href="https://support.example/a">Help</a>', '<a href="https://support.example/a?hl=fr">Hilfe</a>', ['1208 Link target https://support.example/a became https://support.example/a?hl=fr']],
    ['de', '<a href="https://support.example/a">Help</a>', '<a href="https://support.example/b?hl=de">Hilfe</a>', ['1208 Link target https://support.example/a became https://support.example/b?hl=de']],
  ])('%s: %j -> %j', (locale, source, target, expected) => {
    const i = input(source, target, { locale })
    expect(markupRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}`))).toEqual(expected)
  })

  // XLIFF inline codes are the inline-code rules' (1170-1175): one lost code is reported once.
  it.each([
    ['Hello <x id="INTERPOLATION" equiv-text="{{ name }}"/>', 'Hallo', []],
    ['Click <g id="1">here</g> now', 'Klicken Sie jetzt', []],
    ['Click <pc id="1">here</pc> now', 'Klicken Sie <pc id="1">hier</pc> jetzt', []],
    // Markup that is no inline code is still theirs
    ['Click <b>here</b> now', 'Klicken Sie jetzt', ['1201 Tag <b> is missing', '1201 Tag </b> is missing']],
  ])('leave inline codes to the inline-code rules: %j -> %j', (source, target, expected) => {
    const i = input(source, target, { syntaxes: ['inline-code'] })
    expect(markupRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}`))).toEqual(expected)
  })
})

describe('readTags', () => {
  it('reads kinds, names and attributes, and skips tag-like text', () => {
    expect(readTags('<a href="x" data-id=3>y</a><br/><img src=\'z\'/ ><none>').map((t) => [t.kind, t.name, t.attributes])).toEqual([
      ['open', 'a', [{ name: 'href', value: 'x' }, { name: 'data-id', value: '3' }]],
      ['close', 'a', []],
      ['self', 'br', []],
      ['self', 'img', [{ name: 'src', value: 'z' }]],
    ])
  })

  it('reads words in angle brackets as text, not as a tag with attributes', () => {
    expect(readTags('Default: <no action>, or <empty string>')).toEqual([])
    // An attribute with a value, a closing tag or an HTML name still make markup.
    expect(readTags('<x-link to="home">Home</x-link> <widget id=3> <img alt>').map((t) => t.text)).toEqual(['<x-link to="home">', '</x-link>', '<widget id=3>', '<img alt>'])
  })

  it('checks nesting, with HTML void elements allowed open when asked', () => {
    expect(wellNested(readTags('<b><i>x</i></b>'))).toBe(true)
    expect(wellNested(readTags('<b><i>x</b></i>'))).toBe(false)
    expect(wellNested(readTags('a<br>b'))).toBe(false)
    expect(wellNested(readTags('a<br>b'), true)).toBe(true)
  })
})
