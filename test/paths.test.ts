import { describe, expect, it } from '@jest/globals'
import { findBundles } from '../src/bundles.js'
import { compilePattern, isKnownLanguage, matchPath, normalizeLocale } from '../src/paths.js'

describe('locale normalisation', () => {
  it.each([
    ['de', 'de'],
    ['pt_BR', 'pt-BR'],
    ['pt-rBR', 'pt-BR'],
    ['b+sr+Latn', 'sr-Latn'],
    ['zh-hans', 'zh-Hans'],
    ['en-us', 'en-US'],
  ])('%s -> %s', (raw, expected) => expect(normalizeLocale(raw)).toBe(expected))

  it('knows real languages from look-alike directory names', () => {
    expect(isKnownLanguage('de')).toBe(true)
    expect(isKnownLanguage('pt-BR')).toBe(true)
    expect(isKnownLanguage('ci')).toBe(false)
  })
})

describe('file patterns', () => {
  it.each([
    ['locales/{locale}/*.json', 'locales/pt-BR/common.json', 'pt-BR'],
    ['locales/{locale}/*.json', 'locales/de/nested/common.json', undefined],
    ['config/locales/{locale}.yml', 'config/locales/de.yml', 'de'],
    ['**/i18n/{locale}.json', 'src/app/i18n/fr.json', 'fr'],
    ['**/i18n/{locale}.json', 'i18n/fr.json', 'fr'],
    ['res/values{-locale}/strings.xml', 'res/values/strings.xml', ''],
    ['res/values{-locale}/strings.xml', 'res/values-pt-rBR/strings.xml', 'pt-BR'],
    ['res/values{-locale}/strings.xml', 'res/values-b+sr+Latn/strings.xml', 'sr-Latn'],
    ['res/values{-locale}/strings.xml', 'res/values-night/strings.xml', undefined],
    ['res/values{-locale}/strings.xml', 'res/values-v21/strings.xml', undefined],
    ['messages{_locale}.properties', 'messages_pt_BR.properties', 'pt-BR'],
    ['messages{_locale}.properties', 'messages.properties', ''],
    ['Resources{.locale}.resx', 'Resources.de-DE.resx', 'de-DE'],
    ['app_{locale}.arb', 'app_zh_Hant.arb', 'zh-Hant'],
  ])('%s matches %s as %j', (pattern, path, locale) => {
    expect(matchPath(compilePattern(pattern), path)?.locale).toBe(locale)
  })

  it('rejects a pattern without {locale}, unless it may be localeless (plain path globs)', () => {
    expect(() => compilePattern('locales/*.json')).toThrow("has no {locale} placeholder")
    const glob = compilePattern('locales/**', { localeless: true }).regex
    expect(['locales/de/common.json', 'locales/app.json', 'config/locales/de.yml'].map((p) => glob.test(p))).toEqual([true, true, false])
  })
})

describe('bundles', () => {
  const paths = [
    'locales/en/common.json',
    'locales/de/common.json',
    'locales/fr/common.json',
    'locales/en/admin.json',
    'locales/de/admin.json',
    'config/locales/en.yml',
    'config/locales/de.yml',
    'README.md',
  ]

  it('groups files differing only by locale, with the source-locale file as source', () => {
    const bundles = findBundles(['locales/{locale}/*.json', 'config/locales/{locale}.yml'], paths, 'en')
    expect(bundles.map((b) => ({ source: b.source?.path, targets: b.targets.map((t) => `${t.locale}:${t.path}`) }))).toEqual([
      { source: 'locales/en/common.json', targets: ['de:locales/de/common.json', 'fr:locales/fr/common.json'] },
      { source: 'locales/en/admin.json', targets: ['de:locales/de/admin.json'] },
      { source: 'config/locales/en.yml', targets: ['de:config/locales/de.yml'] },
    ])
  })

  it('prefers the locale-less file as the source of an optional-locale pattern', () => {
    const [bundle] = findBundles(['res/values{-locale}/strings.xml'], ['res/values-en/strings.xml', 'res/values/strings.xml', 'res/values-de/strings.xml'], 'en')
    expect(bundle.source?.path).toBe('res/values/strings.xml')
    expect(bundle.targets.map((t) => t.path)).toEqual(['res/values-de/strings.xml', 'res/values-en/strings.xml'])
  })

  it('gives a pattern error that names the pattern and the expected form', () => {
    expect(() => findBundles(['locales/*.json'], paths, 'en')).toThrow("Invalid files pattern: 'locales/*.json' has no {locale} placeholder. Expected a path with {locale}, e.g. locales/{locale}/*.json.")
  })
})

const locale = (pattern: string, path: string) => matchPath(compilePattern(pattern), path)?.locale

describe('patterns of the XML formats', () => {
  it.each([
    ['app/src/main/res/values/strings.xml', ''],
    ['app/src/main/res/values-de/strings.xml', 'de'],
    ['app/src/main/res/values-pt-rBR/strings.xml', 'pt-BR'],
    ['app/src/main/res/values-zh-rTW/strings.xml', 'zh-TW'],
    ['app/src/main/res/values-b+sr+Latn/strings.xml', 'sr-Latn'],
    ['app/src/main/res/values-ar/plurals.xml', 'ar'],
  ])('Android %s -> %j', (path, expected) => {
    expect(locale('**/res/values{-locale}/*.xml', path)).toBe(expected)
  })

  it.each(['values-night', 'values-v21', 'values-sw600dp', 'values-land', 'values-car', 'values-de-land', 'values-en-rGB-sw600dp', 'values-fr-night', 'values-ldrtl', 'values-xxhdpi'])(
    'Android configuration directory %s is not a locale',
    (dir) => {
      expect(matchPath(compilePattern('**/res/values{-locale}/*.xml'), `app/src/main/res/${dir}/strings.xml`)).toBeUndefined()
    },
  )

  it.each([
    ['Properties/Resources.resx', '', 'Resources'],
    ['Properties/Resources.de.resx', 'de', 'Resources'],
    ['Properties/Resources.de-DE.resx', 'de-DE', 'Resources'],
    ['Properties/Errors.fr.resx', 'fr', 'Errors'],
    ['Properties/My.Strings.zh-Hans.resx', 'zh-Hans', 'My.Strings'],
    ['Properties/App.config.resx', '', 'App.config'],
  ])('.NET %s -> locale %j of bundle %j', (path, expected, name) => {
    const m = matchPath(compilePattern('**/*{.locale}.resx'), path)
    expect(m?.locale).toBe(expected)
    expect(m?.bundle.split('\u0000')).toContain(name)
  })

  it.each([
    ['MyApp/en.lproj/Localizable.stringsdict', 'en'],
    ['MyApp/pt-BR.lproj/Localizable.stringsdict', 'pt-BR'],
    ['MyApp/zh-Hans.lproj/Localizable.stringsdict', 'zh-Hans'],
    // Xcode's base localization: the development language, named by no locale.
    ['MyApp/Base.lproj/Localizable.stringsdict', ''],
    ['MyApp/Basic.lproj/Localizable.stringsdict', undefined],
  ])('Apple %s -> %j', (path, expected) => {
    expect(locale('**/{locale}.lproj/*.stringsdict', path)).toBe(expected)
  })
})
