import { spawnSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { compilePluralExpr, formCategories, PluralExprError } from '../../src/formats/gettext-plural.js'
import { po, syntaxFromFlags } from '../../src/formats/po.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/run.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { resolveSettings } from '../../src/settings.js'
import { memoryChanges } from '../helpers/trees.js'
import { fixtureBytes, fixturesDir, keyValueLine, read } from '../helpers/units.js'

const readPo = (input: string | Uint8Array, locale = 'de') => read(po, input, { locale })

const HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'

describe('Gettext PO', () => {
  it('reads the German fixture: keys, values, sources, lines, context, comments, flags', () => {
    const r = readPo(fixtureBytes('po/de.po'))
    expect(r.problems).toEqual([])
    expect(r.locale).toBe('de')
    expect(keyValueLine(r)).toEqual([
      ['Photo Organizer', 'Fotoverwaltung', 23],
      ['Importing %s…', '%s wird importiert …', 28],
      ['Imported %d photo[0]', '%d Foto importiert', 35],
      ['Imported %d photo[1]', '%d Fotos importiert', 36],
      ['action\u0004Open', 'Öffnen', 42],
      ['state\u0004Open', 'Offen', 48],
      ['The library could not be opened.\nCheck that the disk is connected and try again.', 'Die Bibliothek konnte nicht geöffnet werden.\nPrüfen Sie, ob das Laufwerk verbunden ist, und versuchen Sie es erneut.', 54],
      ['Search for "%1$s" in "%2$s"', 'Suche nach „%1$s“ in „%2$s“', 60],
      ['Export %(count)s files to %(folder)s', '%(count)s Dateien nach %(folder)s exportieren', 66],
      ['Saved to {path}', 'Gespeichert unter {path}', 71],
      ['Use tabs:\tyes', 'Tabulatoren verwenden:\tja', 75],
      ['100% free software', '100% freie Software', 80],
      ['Keyboard shortcuts', '', 84],
    ])
    const byKey = new Map(r.units.map((u) => [u.key, u]))
    expect(byKey.get('Photo Organizer')).toMatchObject({ source: 'Photo Organizer', sourceLine: 22, comment: 'Title of the main window' })
    expect(byKey.get('Imported %d photo[0]')).toMatchObject({ plural: 'one', pluralGroup: 'Imported %d photo', source: 'Imported %d photo', sourceLine: 33, syntax: ['printf'], flags: ['c-format'] })
    expect(byKey.get('Imported %d photo[1]')).toMatchObject({ plural: 'other', source: 'Imported %d photos', sourceLine: 34 })
    expect(byKey.get('action\u0004Open')).toMatchObject({ context: 'action', source: 'Open', comment: 'Translators: a verb, the button that opens a photo' })
    expect(byKey.get('Export %(count)s files to %(folder)s')).toMatchObject({ flags: ['fuzzy', 'python-format'], syntax: ['python-format'], comment: 'Jana: still unsure about this one, please review' })
    expect(byKey.get('Saved to {path}')?.syntax).toEqual(['python-brace'])
    expect(byKey.get('100% free software')?.syntax).toEqual([])
    // No flag: the rules detect the syntax from the text.
    expect(byKey.get('Photo Organizer')?.syntax).toBeUndefined()
    expect(r.units.some((u) => u.value.includes('Alte'))).toBe(false)
  })

  it.each([
    ['ru', 'po/ru.po', [['Imported %d photo', ['one', 'few', 'many'], [28, 29, 30]]]],
    ['ar', 'po/ar.po', [['Imported %d photo', ['zero', 'one', 'two', 'few', 'many', 'other'], [27, 28, 29, 30, 31, 32]]]],
    ['ja', 'po/ja.po', [['Imported %d photo', ['other'], [26]]]],
  ] as const)('names the plural forms of %s with CLDR categories', (locale, file, expected) => {
    const r = readPo(fixtureBytes(file), locale)
    expect(r.problems).toEqual([])
    expect(r.locale).toBe(locale)
    for (const [group, categories, lines] of expected) {
      const forms = r.units.filter((u) => u.pluralGroup === group)
      expect(forms.map((u) => u.plural)).toEqual(categories)
      expect(forms.map((u) => u.line)).toEqual(lines)
    }
  })

  // gettext shows the source for an entry whose msgstr (msgstr[0]) is empty; one empty form of a translated entry shows a blank.
  it.each([
    ['an empty msgstr', 'msgid "Keyboard shortcuts"\nmsgstr ""\n', [['Keyboard shortcuts', ['untranslated']]]],
    ['an empty msgstr of a fuzzy entry', '#, fuzzy\nmsgid "Keyboard shortcuts"\nmsgstr ""\n', [['Keyboard shortcuts', ['fuzzy', 'untranslated']]]],
    ['empty plural forms', '#, c-format\nmsgid "%d photo"\nmsgid_plural "%d photos"\nmsgstr[0] ""\nmsgstr[1] ""\n', [['%d photo[0]', ['c-format', 'untranslated']], ['%d photo[1]', ['c-format', 'untranslated']]]],
    ['one empty form of a translated entry', '#, c-format\nmsgid "%d photo"\nmsgid_plural "%d photos"\nmsgstr[0] "%d Foto"\nmsgstr[1] ""\n', [['%d photo[0]', ['c-format']], ['%d photo[1]', ['c-format']]]],
  ])('marks the units of an entry gettext leaves untranslated: %s', (_, entry, flags) => {
    expect(readPo(HEADER + entry).units.map((u) => [u.key, u.flags])).toEqual(flags)
  })

  it('takes msgid as the source only of a form used for n = 1 alone', () => {
    const ru = readPo(fixtureBytes('po/ru.po'), 'ru').units.filter((u) => u.pluralGroup === 'One item in the trash')
    // Russian "one" also holds 21, 31...: its text needs the count, so its source is msgid_plural.
    expect(ru.map((u) => u.source)).toEqual(['%d items in the trash', '%d items in the trash', '%d items in the trash'])
    const ar = readPo(fixtureBytes('po/ar.po'), 'ar').units.filter((u) => u.pluralGroup === 'Imported %d photo')
    expect(ar.map((u) => u.source)).toEqual(['Imported %d photos', 'Imported %d photo', 'Imported %d photos', 'Imported %d photos', 'Imported %d photos', 'Imported %d photos'])
  })

  it.each([
    ['msgid "a"\nmsgstr "x\\q"\n', 2, 10, 1001, 'Unknown escape \\q in a PO string'],
    ['msgid "a"\nmsgstr "x\n\nmsgid "b"\nmsgstr "y"\n', 2, 8, 1001, 'Unclosed quote: the string does not end on this line'],
    ['msgid "a"\nmsgstr x\n', 2, 8, 1001, 'Expected a "quoted string" after msgstr'],
    ['msgid "a"\n\nmsgid "b"\nmsgstr "y"\n', 1, 1, 1001, 'msgid without msgstr: the entry has no translation line'],
    ['msgid "a"\nmsgstr "x" extra\n', 2, 11, 1001, 'Unexpected text after the closing quote: "extra"'],
    ['msgid "a"\nmsgstr "x"\nmsgtxt "c"\n', 3, 1, 1001, 'Unexpected "msgtxt": expected msgctxt, msgid, msgid_plural, msgstr, a "string" or a # comment'],
    ['msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', 4, 1, 1003, 'Duplicate entry: msgid "a" is defined twice; msgfmt rejects the file'],
    ['msgid "a"\nmsgstr "\\u00e9"\n', 2, 9, 1001, 'Unknown escape \\u in a PO string'],
    ['msgstr "x"\n\nmsgid "b"\nmsgstr "y"\n', 1, 1, 1001, 'msgstr without msgid'],
    ['msgid "a"\nmsgstr "x"\nmsgctxt "menu"\n', 3, 1, 1001, 'msgctxt without msgid'],
  ])('reports %j at its line', (body, line, column, rule, message) => {
    const r = readPo(HEADER + body)
    const offset = HEADER.split('\n').length - 1
    expect(r.problems).toEqual([expect.objectContaining({ line: line + offset, column, rule, message })])
  })

  it('does not take a msgid without its string for the header', () => {
    const r = readPo(`${HEADER}msgid\nmsgstr "Language: fr"\n\nmsgid "b"\nmsgstr "y"\n`)
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[7, 'Expected a "quoted string" after msgid']])
    expect(r.locale).toBe('de')
    expect(keyValueLine(r)).toEqual([['b', 'y', 11]])
  })

  it('keeps the rest of the file after a broken entry', () => {
    const r = readPo(`${HEADER}msgid "a"\nmsgstr "x\\q"\n\nmsgid "b"\nmsgstr "y"\n`)
    expect(keyValueLine(r)).toEqual([
      ['a', 'xq', 8],
      ['b', 'y', 11],
    ])
  })

  it('decodes C escapes: \\n \\t \\" \\\\ \\xNN \\NNN', () => {
    const r = readPo(`${HEADER}msgid "a"\nmsgstr "1\\n2\\t3\\"4\\\\5\\x41\\101\\0"\n`)
    expect(r.units[0].value).toBe('1\n2\t3"4\\5AA\0')
  })

  it('checks the plural forms against the header', () => {
    const r = readPo(`${HEADER}msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\nmsgstr[2] "x"\n`)
    // The missing msgstr[1] (German "other") is the plural-forms rule's to report, once, on the entry's translation.
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[10, "msgstr[2]: the header's Plural-Forms has only 2 form(s)"]])
    expect(r.units.map((u) => u.key)).toEqual(['%d file[0]'])
  })

  const POLISH_3 = 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);'
  // Some Polish teams add a fourth form for fractions, which gettext never passes.
  const POLISH_4 = 'nplurals=4; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : n%1==0 ? 2 : 3);'
  const RUSSIAN = 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);'
  it.each<[label: string, locale: string, pluralForms: string, forms: string[], problems: [number, number, 0 | 1 | 2, string][]]>([
    ['a form of its own CLDR category: the rule reports it', 'pl', POLISH_3, ['%d plik', '%d pliki'], []],
    ['all forms present', 'pl', POLISH_3, ['%d plik', '%d pliki', '%d plików'], []],
    ['a form no whole number selects', 'pl', POLISH_4, ['%d plik', '%d pliki', '%d plików'], [[6, 1011, 1, "Plural form msgstr[3] is missing: no whole number selects it, but the header's Plural-Forms has 4 forms and msgfmt -c rejects the entry"]]],
    ['a form whose numbers CLDR files under another form', 'de', RUSSIAN, ['%d Datei', '%d Dateien'], [[6, 1011, 2, 'Plural form msgstr[2] is missing: gettext shows the untranslated text for n = 0, 5, 6…']]],
    ['a language CLDR does not know', 'tlh', 'nplurals=2; plural=(n != 1);', ['%d De’wI’ ghItlh'], [[6, 1011, 2, 'Plural form msgstr[1] is missing: gettext shows the untranslated text for n = 0, 2, 3…']]],
  ])('a missing msgstr[n]: %s', (_, locale, pluralForms, forms, expected) => {
    const header = `msgid ""\nmsgstr ""\n"Language: ${locale}\\n"\n"Plural-Forms: ${pluralForms}\\n"\n\n`
    const entry = `msgid "%d file"\nmsgid_plural "%d files"\n${forms.map((f, i) => `msgstr[${i}] "${f}"\n`).join('')}`
    const r = readPo(header + entry, locale)
    expect(r.problems.filter((p) => !/^Plural-Forms does not match/.test(p.message)).map((p) => [p.line, p.rule, p.severity, p.message])).toEqual(expected)
    expect(r.units.map((u) => u.value)).toEqual(forms)
  })

  it.each([
    ['no Plural-Forms', 'msgid ""\nmsgstr "Language: de\\n"\n\n', 2, 1, "The header has no Plural-Forms; plural forms are read with gettext's default \"nplurals=2; plural=n != 1\""],
    ['a malformed expression', 'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1;\\n"\n\n', 2, 2, 'Malformed Plural-Forms expression: expected \')\' but found the end; plural forms are read with gettext\'s default "nplurals=2; plural=n != 1"'],
    ['no nplurals', 'msgid ""\nmsgstr "Plural-Forms: plural=n;\\n"\n\n', 2, 2, 'Malformed Plural-Forms: expected "nplurals=N; plural=EXPRESSION;"; plural forms are read with gettext\'s default "nplurals=2; plural=n != 1"'],
    ['an index out of range', 'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=n;\\n"\n\n', 2, 2, 'Malformed Plural-Forms expression: for n = 2 it gives form 2, but nplurals=2; plural forms are read with gettext\'s default "nplurals=2; plural=n != 1"'],
  ])('falls back to the Germanic forms with %s, and says so', (_, header, line, severity, message) => {
    const r = readPo(`${header}msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\nmsgstr[1] "%d Dateien"\n`)
    expect(r.problems).toEqual([expect.objectContaining({ line, severity, message })])
    expect(r.units.map((u) => u.plural)).toEqual(['one', 'other'])
  })

  it('says when Plural-Forms does not fit the language', () => {
    const russian = 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);'
    const r = readPo(`msgid ""\nmsgstr "Plural-Forms: ${russian}\\n"\n\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "a"\nmsgstr[1] "b"\nmsgstr[2] "c"\n`, 'de')
    expect(r.problems.map((p) => p.message)).toEqual([
      'Plural-Forms does not match the plural rules of de: forms [0] and [1] both hold numbers of the CLDR category "other" in de',
      'Plural-Forms does not match the plural rules of de: forms [0] and [2] both hold numbers of the CLDR category "other" in de',
    ])
  })

  it('warns when the Language header names another language than the path', () => {
    const r = readPo('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "a"\nmsgstr "b"\n', 'de')
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, rule: 1009, severity: 1, message: "The header says Language: fr, but the file's path is for de" })])
    expect(r.locale).toBeUndefined()
  })

  it('ignores obsolete entries and the header, and reads CRLF files with the same lines', () => {
    const text = `${HEADER}#~ msgid "gone"\n#~ msgstr "weg"\n\nmsgid "a"\nmsgstr ""\n"line 1\\n"\n"line 2"\n`
    const lf = readPo(text)
    const crlf = readPo(text.replace(/\n/g, '\r\n'))
    expect(keyValueLine(lf)).toEqual([['a', 'line 1\nline 2', 11]])
    expect(keyValueLine(crlf)).toEqual(keyValueLine(lf))
  })

  it.each([
    [['c-format'], ['printf']],
    [['fuzzy', 'c-format'], ['printf']],
    [['python-format'], ['python-format']],
    [['python-brace-format'], ['python-brace']],
    [['java-format'], ['java-messageformat']],
    [['qt-format'], ['qt']],
    [['csharp-format'], ['dotnet']],
    [['boost-format'], ['printf']],
    [['no-c-format'], []],
    [['fuzzy'], undefined],
    [[], undefined],
  ])('flags %j choose the syntax %j', (flags, syntax) => {
    expect(syntaxFromFlags(flags)).toEqual(syntax)
  })
})

describe('a missing msgstr[n] in a pull request', () => {
  it('is reported once, by the plural-forms rule, on the entry, naming the form', async () => {
    const header = 'msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
    const save = '#: src/editor.c:88\nmsgid "Save"\nmsgstr "Zapisz"\n\n'
    const files = '#: src/library.c:214\n#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d plik"\nmsgstr[1] "%d pliki"\n'
    const settings = resolveSettings({ inputs: { files: 'po/{locale}.po' }, origin: (n) => `input '${n}'` })
    const changes = memoryChanges({ 'po/pl.po': header + save }, { 'po/pl.po': header + save + files })
    const report = await runPipeline(settings, { changes, scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.issue.r}/${f.issue.s} ${f.issue.d}`)).toEqual(['po/pl.po:15 1011/2 Plural forms missing in %d file for pl: many (0, 5, 6…)'])
  })
})

describe('Gettext plural expressions', () => {
  it.each([
    ['n != 1', [0, 1, 2], [1, 0, 1]],
    ['(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)', [1, 2, 5, 11, 21, 22, 25, 111], [0, 1, 2, 2, 0, 1, 2, 2]],
    ['n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5', [0, 1, 2, 3, 11, 100, 102], [0, 1, 2, 3, 4, 5, 5]],
    ['!(n == 1) + 0 * 3 - -0', [1, 2], [0, 1]],
    ['n / 10 > 0', [9, 10], [0, 1]],
  ])('%s', (source, ns, expected) => {
    const f = compilePluralExpr(source)
    expect(ns.map((n) => f(n))).toEqual(expected)
  })

  it.each(['n +', 'n ? 1', 'x == 1', 'process.exit(1)', '(((((n', `${'('.repeat(200)}n${')'.repeat(200)}`, 'n % 0'])('rejects %j', (source) => {
    expect(() => {
      const f = compilePluralExpr(source)
      f(5)
    }).toThrow(PluralExprError)
  })

  it('maps French forms, including the millions of "many"', () => {
    expect(formCategories({ nplurals: 3, expr: '(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2' }, 'fr').categories).toEqual(['one', 'many', 'other'])
    expect(formCategories({ nplurals: 2, expr: 'n > 1' }, 'fr')).toEqual({ categories: ['one', 'other'], singular: [false, false], examples: [[0, 1], [2, 3, 4]], problems: [] })
  })
})

const msgfmt = spawnSync('msgfmt', ['--version'], { encoding: 'utf8' })
const haveMsgfmt = msgfmt.status === 0
if (!haveMsgfmt) console.warn('msgfmt (GNU gettext) is not installed: skipping the test that proves the PO fixtures valid. Install gettext (.ci/run does) to run it.')

describe('PO fixtures are valid for GNU gettext', () => {
  const check = (file: string) => spawnSync('msgfmt', ['-c', '--check-format', '-o', '/dev/null', `${fixturesDir}${file}`], { encoding: 'utf8' })
  const files = ['po/de.po', 'po/ru.po', 'po/ar.po', 'po/ja.po', 'po/pr/base/po/de.po', 'po/pr/base/po/fr.po']
  ;(haveMsgfmt ? it.each(files) : it.skip.each(files))('msgfmt -c --check-format %s', (file) => {
    const run = check(file)
    expect(run.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([])
    expect(run.status).toBe(0)
  })

  // The planted syntax defects of the PR fixture are real: msgfmt rejects them on the lines we report.
  ;(haveMsgfmt ? it : it.skip)('msgfmt and this reader agree on the broken lines of po/pr/head/po/fr.po', () => {
    const run = check('po/pr/head/po/fr.po')
    expect(run.status).not.toBe(0)
    expect([...run.stderr.matchAll(/fr\.po:(\d+):(?:\d+:)? (invalid control sequence|duplicate message definition)/g)].map((m) => Number(m[1]))).toEqual([33, 36])
    expect(readPo(fixtureBytes('po/pr/head/po/fr.po'), 'fr').problems.map((p) => p.line)).toEqual([33, 36])
  })
})
