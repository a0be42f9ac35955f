import { describe, expect, it } from '@jest/globals'
import type { CheckOptions } from '../../src/checks/check.js'
import { numbers, readNumbers } from '../../src/checks/numbers.js'
import { tokenRules } from '../../src/checks/tokens.js'
import type { Unit } from '../../src/model.js'
import { input } from '../helpers/segments.js'

function run(source: string, target: string, { locale = 'de', check, unit }: { locale?: string; check?: Partial<CheckOptions>; unit?: Partial<Unit> } = {}): string[] {
  const i = input(source, target, { locale, check, unit })
  return [numbers, ...tokenRules].flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}`))
}

describe('numbers', () => {
  it.each([
    ['Netscape 4 was not as good as Netscape 7.', 'Netscape 4 war nicht so gut wie Netscape 7.', 'de', []],
    ['180° turn', '180° Drehung', 'de', []],
    ['180° turn', '180 Drehung', 'de', ['1501 Number 180° became 180']],
    ['180° turn', '360° Drehung', 'de', ['1501 Number 180° became 360°']],
    ['12.34.56', '12.34.56', 'de', []],
    ['Version 12.34.56', 'Version 98.76.54', 'de', ['1501 Number 12.34.56 became 98.76.54']],
    ['40-bit RC2 encryption with RSA and an MD5', 'RC2-Verschlüsselung mit 40 Bit, RSA und MD5', 'de', []],
    // Locale formats: the value counts, not the separators
    ['Up to 1,500.5 MB', 'Bis zu 1.500,5 MB', 'de', []],
    ['Up to 1,500.5 MB', "Bis zu 1'500.5 MB", 'de-CH', []],
    ['Up to 1,500.5 MB', 'Jusqu’à 1\u202f500,5 Mo', 'fr', []],
    ['Up to 1,500.5 MB', 'Jusqu’à 1 500,5 Mo', 'fr', []],
    ['Up to 1,500 files', 'Bis zu 1,500 Dateien', 'de', []],
    ['Up to 1,500 files', 'Bis zu 1.000 Dateien', 'de', ['1501 Number 1,500 became 1.000']],
    ['R57.60', 'R57,60', 'und', ['1501 Number 57.60 became 57,60']],
    ['R57.60', 'R57,60', 'af', []],
    ['1,000.00', '1 000,00', 'und', ['1501 Number 1,000.00 became 1 000,00']],
    ['12,34,567 people', '12,34,567 लोग', 'hi', []],
    // Other scripts' digits
    ['Access denied (403)', 'دسترسی مسدود شده است (۴۰۳)', 'fa', []],
    ['Slow Motion (0.5×)', 'حركة بطيئة (٠٫٥×)', 'ar', []],
    ['175%', '١٧٥٪', 'ar', []],
    ['Extended progress 25%', 'Genişletilmiş ilerleme %25', 'tr', []],
    ['The Book of Mozilla, 15:1', 'কতাব মজিলা, ১৫: ১', 'bn', []],
    // Not numbers: placeholders, markup, URLs
    ['%1$s of %2$s', '%2$s von %1$s', 'de', []],
    ['<img alt="10" width="10" />', '<img alt="zehn" width="10" />', 'de', []],
    ['See https://acme.example/v2', 'Siehe https://acme.example/v2', 'de', []],
    ['Page 1 2 3', 'Seite 1, 2, 3', 'de', []],
    ['Step 3 of 5', 'Schritt 3 von 6', 'de', ['1501 Number 5 became 6']],
    ['Save 20%', 'Sparen Sie', 'de', ['1501 Number 20 is missing']],
    // Dates written the language's way: the same day, month and year
    ['Offer ends 31/12/2025', 'Angebot endet am 31.12.2025', 'de', []],
    ['Offer ends 12/31/2025', 'Angebot endet am 31.12.2025', 'de', []],
    ['Valid until 31.12.2025', 'Gültig bis 31/12/2025', 'de', []],
    ['Offer ends 31/12/2025', 'Angebot endet am 30.12.2025', 'de', ['1501 Number 31 is missing', '1501 Number 12 is missing', '1501 Number 2025 is missing', '1501 Number 30.12.2025 is not in the source']],
    // An English source may spell a number the translation writes in digits
    ['Last updated two hours ago', '2 時間前に更新', 'ja', []],
    ['Last updated two hours ago', '3 時間前に更新', 'ja', ['1501 Number 3 is not in the source']],
    // ...as a multiple, an ordinal or a number base: only the word's own value
    ['Double', '2本線', 'ja', []],
    ['Double', '3本線', 'ja', ['1501 Number 3 is not in the source']],
    ['A call can only be transferred to a single user.', '通話は1人のユーザーにしか転送できません。', 'ja', []],
    ['Triple', '3重線', 'ja', []],
    ['Decimal', '10進数の数値', 'ja', []],
    ['In html notation (#RRGGBB in hex values)', 'HTML表記法(16進数の #RRGGBB )', 'ja', []],
    ['Binary', '2進数', 'zh', []],
    ['Vulgar fraction three quarters', '4분의 3', 'ko', []],
    ['Vulgar fraction one half', '常分数2分の1', 'ja', []],
    ['Vulgar fraction one half', '常分数3分の1', 'ja', ['1501 Number 3 is not in the source']],
    ['Go to the first page', '转到第1页', 'zh', []],
    ['Go to the first page', '转到第2页', 'zh', ['1501 Number 2 is not in the source']],
    ['Double', '2本線と2本の点線', 'ja', ['1501 Number 2 is not in the source']],
    // A month name alone is its number in Chinese, Japanese and Korean calendars
    ['April', '4月', 'ja', []],
    ['Mar', '3月', 'zh-TW', []],
    ['Dec', '11월', 'ko', ['1501 Number 11 is not in the source']],
    ['You may', '5月', 'ja', ['1501 Number 5 is not in the source']],
  ])('%j -> %j (%s)', (source, target, locale, expected) => expect(run(source, target, { locale }).filter((h) => h.startsWith('1501'))).toEqual(expected))

  it('lets a plural form for one number spell it out, but not other forms', () => {
    expect(run('1 file', 'Eine Datei', { unit: { plural: 'one', pluralGroup: 'files' } })).toEqual([])
    expect(run('1 file', 'Eine Datei', { unit: { plural: 'one', pluralGroup: 'files' }, locale: 'ru' }).filter((h) => h.startsWith('1501'))).toEqual(['1501 Number 1 is missing'])
    expect(run('2 files', 'Zwei Dateien')).toEqual(['1501 Number 2 is missing'])
  })

  // A `one` form of a language whose `one` covers no number above 1 (French 0 and 1), or that
  // has no `one` at all (Korean, Japanese), is shown for 1 only; Russian `one` also covers 21.
  it.each([
    ['1 hour', 'une heure', 'fr', 'one', []],
    ['about 1 year', 'environ un an', 'fr', 'one', []],
    ['less than 1 second', '일초 이하', 'ko', 'one', []],
    ['%(severalUsers)ssent a hidden message', '%(severalUsers)sが1件の非表示のメッセージを送信しました', 'ja', 'one', []],
    ['less than a minute', 'کم‌تر از ۱ دقیقه', 'fa', 'one', []],
    ['1 hour', 'один час', 'ru', 'one', ['1501 Number 1 is missing']],
    ['%(count)s hours', 'une heure', 'fr', 'other', []],
    ['1 hour', '2 heures', 'fr', 'one', ['1501 Number 1 became 2']],
    ['sent a message', 'a envoyé 2 messages', 'fr', 'one', ['1501 Number 2 is not in the source']],
    ['sent a message', 'отправил 1 сообщение', 'ru', 'one', ['1501 Number 1 is not in the source']],
    ['2 hours', 'deux heures', 'fr', 'other', ['1501 Number 2 is missing']],
  ])('%j -> %j (%s, plural form %s)', (source, target, locale, plural, expected) =>
    expect(run(source, target, { locale, unit: { plural: plural as Unit['plural'], pluralGroup: 'g' } }).filter((h) => h.startsWith('1501'))).toEqual(expected),
  )

  it.each([
    ['Export E2E room keys', 'Exporter les clés de chiffrement de salon', []],
    ['Allow P2P', 'Direktverbindungen erlauben', []],
    ['Connect to POP3 server', 'Mit dem Server verbinden', ['1501 Number 3 is missing']],
    ['Top 10 passwords', 'Die häufigsten Passwörter', ['1501 Number 10 is missing']],
    ['Encoding ISO-8859-1', 'Kodierung ISO-8859-15', ['1501 Number 1 became 15']],
  ])('digits inside a Latin word are part of it: %j -> %j', (source, target, expected) => expect(run(source, target).filter((h) => h.startsWith('1501'))).toEqual(expected))

  it.each([
    ['Up to 1,500 files', 'Bis zu 1.000 Dateien', [1]],
    ['Top 10 passwords', 'Die häufigsten Passwörter', [0]],
    ['Reset zoom', 'Zoom 1:1 zurücksetzen', [0, 0]],
  ])('a changed value is a warning, a number missing or added information: %j -> %j', (source, target, severities) =>
    expect(numbers.check(input(source, target)).map((h) => h.s ?? numbers.severity)).toEqual(severities),
  )

  it('reads separators only where they make a number', () => {
    expect(readNumbers('1 000 000 and 1 2').map((n) => n.text)).toEqual(['1 000 000', '1', '2'])
    expect(readNumbers('١٢٣').map((n) => n.runs)).toEqual([['123']])
  })
})

describe('tokens', () => {
  it.each([
    ['blah http://translate.org.za blah', 'bla http://translate.org.za bla', []],
    ['blah http://translate.org.za blah', 'bla http://vertaal.org.za bla', ['1502 URL http://translate.org.za became http://vertaal.org.za']],
    ['Visit https://acme.example/help.', 'Besuchen Sie https://acme.example/help', []],
    ['<a href="https://acme.example">Help</a>', '<a href="https://acme.example/de">Hilfe</a>', []],
    ['blah bob@example.net blah', 'bla kobus@voorbeeld.net bla', ['1503 E-mail address bob@example.net became kobus@voorbeeld.net']],
    ['Write to Support@Acme.example', 'Schreiben Sie an support@acme.example', []],
    ['%s to the file /etc/hosts on your system.', '%s in die Datei /etc/hosts auf Ihrem System.', []],
    ['%s to the file /etc/hosts on your system.', '%s in die Datei /etc/gastgeber auf Ihrem System.', ['1504 Path /etc/hosts became /etc/gastgeber']],
    ['Text with <br />line break', 'Text mit <br /> Zeilenumbruch', []],
    ['Saved in C:\\Users\\Public', 'Gespeichert in C:\\Benutzer\\Public', ['1504 Path C:\\Users\\Public became C:\\Benutzer\\Public']],
    ['Edit config/app.yml and/or 24/7', 'Bearbeiten Sie config/app.yml und/oder rund um die Uhr', []],
    // A unit after a currency sign or percent is no path
    ['It costs €9.99/month', 'Es kostet 9,99 €/Monat', []],
    ['Only $5/month', 'Nur 5 $/Monat', []],
    ['Up 5%/year', 'Plus 5 %/Jahr', []],
    ['--help', '--help', []],
    ['--help', '--hilfe', ['1505 Option --help became --hilfe']],
    ['--input=FILE', '--input=DATEI', []],
    ['--input=FILE', '--eingabe=DATEI', ['1505 Option --input became --eingabe']],
    ['Hello! -- Hi', 'Hallo! — Hi', []],
    ['--blank--', '--leer--', []],
    ["%s: option `-W %s' is ambiguous", "%s: Option „-W %s“ ist mehrdeutig", []],
    ['Use -v for details', 'Verwenden Sie -a für Details', ['1505 Option -v became -a']],
    ['blah rgb() blah', 'bla brg() bla', ['1506 Function rgb() became brg()']],
    ['blah string.rgb() blah', 'bla zeichen.rgb() bla', ['1506 Function string.rgb() became zeichen.rgb()']],
    ['Expected url(), url-prefix(), or domain().', 'url(), url-prefix() oder domain() erwartet.', []],
  ])('%j -> %j', (source, target, expected) => expect(run(source, target).filter((h) => /^150[2-6]/.test(h))).toEqual(expected))
})

describe('file paths', () => {
  it.each([
    ['Local repository (e.g. /hgrepo, c:\\hgrepo)', 'Lokales Repository (z. B. /hgrepo, C:\\hgrepo)', 'de', []],
    ['Configure it in /etc/redmine/config.yml.', '请在/etc/redmine/config.yml中配置。', 'zh', []],
    ['Configure it in /etc/redmine/config.yml.', '動作は/etc/redmine/config.ymlで設定できます。', 'ja', []],
    ['Overrides default &lt;userdir&gt;/.backup', 'Ersetzt das Verzeichnis &lt;userdir&gt;/.backup', 'de', []],
    ['Use <code>/help</code> for commands.', 'השתמש ב- <code> /help </code> לפקודות.', 'he', []],
    ['become children. Directly on root', 'çocukları olurlar. /Yukarıdaki kardeş', 'tr', []],
    ['users/servers you have blocked', 'usuárias(os)/servidores que você bloqueou', 'pt', []],
    ['Configure it in /etc/redmine/&lt;instance&gt;/config.yml.', 'Konfigurieren Sie es in config/email.yml.', 'de', ['1504 Path /etc/redmine/ became config/email.yml']],
    ['Configure it in /etc/redmine/config.yml.', 'Konfigurieren Sie es in config/email.yml.', 'de', ['1504 Path /etc/redmine/config.yml. became config/email.yml']],
    ['Configure it in /etc/redmine/config.yml.', '请配置服务器。', 'zh', ['1504 Path /etc/redmine/config.yml. is missing']],
    ['Backups go to C:\\Backup', 'Sicherungen gehen nach D:\\Backup', 'de', ['1504 Path C:\\Backup became D:\\Backup']],
  ])('%j -> %j (%s)', (source, target, locale, expected) => expect(run(source, target, { locale }).filter((h) => h.startsWith('1504'))).toEqual(expected))
})

describe('terms', () => {
  const dnt = { doNotTranslate: ['Mozilla', 'Opera', 'Acme Cloud'] }
  it.each([
    ['This uses Mozilla of course', 'Das nutzt natürlich Mozilla', []],
    ['This uses Mozilla of course', 'Das nutzt natürlich mozille', ['1510 "Mozilla" must stay as it is (do-not-translate term)']],
    ['Searches (From Opera)', 'Sucht (von Ophera)', ['1510 "Opera" must stay as it is (do-not-translate term)']],
    ['This uses something else', 'Das nutzt Mozilla', []],
    ['Operating system', 'Betriebssystem', []],
    ['Open Acme Cloud', 'Acme Wolke öffnen', ['1510 "Acme Cloud" must stay as it is (do-not-translate term)']],
  ])('do-not-translate: %j -> %j', (source, target, expected) => expect(run(source, target, { check: dnt }).filter((h) => h.startsWith('1510'))).toEqual(expected))

  const forbidden = { forbidden: [{ term: 'Login', locales: ['de'], instead: 'Anmeldung' }, { term: 'click here' }] }
  it.each([
    ['de', 'Sign in', 'Login', ['1511 Forbidden term "Login": use "Anmeldung"']],
    ['de-AT', 'Sign in', 'zum login', ['1511 Forbidden term "login": use "Anmeldung"']],
    ['fr', 'Sign in', 'Login', []],
    ['de', 'Sign in', 'Anmeldung (Logins verwalten)', []],
    ['fr', 'Click here', 'Click here pour continuer', ['1511 Forbidden term "Click here"']],
  ])('forbidden in %s: %j -> %j', (locale, source, target, expected) => expect(run(source, target, { locale, check: forbidden }).filter((h) => h.startsWith('1511'))).toEqual(expected))
})
