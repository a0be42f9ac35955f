// Patterns where a `*` meets the locale (Java's messages_pt_BR.properties), and patterns
// without `{locale}` for files that hold every locale (String Catalogs).
import { describe, expect, it } from '@jest/globals'
import { findBundles } from '../src/bundles.js'
import { detectLayouts } from '../src/detect.js'
import { compilePattern, matchPath } from '../src/paths.js'
import { SettingsError } from '../src/settings.js'

describe('a * right before the locale', () => {
  it.each([
    ['**/*{_locale}.properties', 'src/main/resources/messages.properties', ''],
    ['**/*{_locale}.properties', 'src/main/resources/messages_de.properties', 'de'],
    ['**/*{_locale}.properties', 'src/main/resources/messages_pt_BR.properties', 'pt-BR'],
    ['**/*{_locale}.properties', 'src/main/resources/messages_zh_Hant_TW.properties', 'zh-Hant-TW'],
    ['**/*{_locale}.properties', 'app/my_app.properties', ''],
    ['**/*{_locale}.properties', 'app/my_app_de.properties', 'de'],
    ['**/*{_locale}.properties', 'app/error_msg_fr_CA.properties', 'fr-CA'],
    ['**/*{_locale}.properties', 'app/ui_labels.properties', ''],
    ['lib/l10n/*_{locale}.arb', 'lib/l10n/app_pt_BR.arb', 'pt-BR'],
    ['lib/l10n/*_{locale}.arb', 'lib/l10n/intl_messages_de.arb', 'de'],
    ['config/locales/*.{locale}.yml', 'config/locales/devise.views.de.yml', 'de'],
  ])('%s: %s is %j', (pattern, path, locale) => {
    expect(matchPath(compilePattern(pattern), path)?.locale).toBe(locale)
  })

  it('puts a source and its translations in one bundle', () => {
    const bundles = findBundles(['**/*{_locale}.properties'], ['res/my_app.properties', 'res/my_app_de.properties', 'res/my_app_pt_BR.properties', 'res/other.properties', 'res/other_fr.properties'], 'en')
    expect(bundles.map((b) => [b.source?.path, b.targets.map((t) => `${t.path}=${t.locale}`)])).toEqual([
      ['res/my_app.properties', ['res/my_app_de.properties=de', 'res/my_app_pt_BR.properties=pt-BR']],
      ['res/other.properties', ['res/other_fr.properties=fr']],
    ])
  })
})

describe('patterns without {locale}', () => {
  it('make each String Catalog a bundle of its own, a target whose units name their locales', () => {
    const bundles = findBundles(['**/*.xcstrings'], ['App/Localizable.xcstrings', 'Widget/Localizable.xcstrings', 'App/en.lproj/Main.strings'], 'en')
    expect(bundles).toEqual([
      { pattern: '**/*.xcstrings', sourceLocale: 'en', targets: [{ path: 'App/Localizable.xcstrings', locale: '' }] },
      { pattern: '**/*.xcstrings', sourceLocale: 'en', targets: [{ path: 'Widget/Localizable.xcstrings', locale: '' }] },
    ])
  })

  it.each(['locales/*.json', '**/*', '**/Localizable.*'])('are refused for files of one locale: %s', (pattern) => {
    expect(() => findBundles([pattern], ['locales/de.json'], 'en')).toThrow(SettingsError)
    expect(() => findBundles([pattern], ['locales/de.json'], 'en')).toThrow(`Invalid files pattern: '${pattern}' has no {locale} placeholder. Expected a path with {locale}, e.g. locales/{locale}/*.json. Only patterns of String Catalogs (**/Localizable.xcstrings) may omit it.`)
  })

  it('are fine when they match nothing', () => {
    expect(findBundles(['**/Localizable.xcstrings'], ['locales/de.json'], 'en')).toEqual([])
  })
})

describe('auto-detection of multi-locale and bilingual files', () => {
  it('finds String Catalogs, and PO files without a source-locale file beside them', () => {
    const paths = ['App/Resources/Localizable.xcstrings', 'po/de.po', 'po/fr.po', 'po/taskboard.pot', 'src/main.c']
    expect(detectLayouts(paths, 'en').patterns).toEqual(['po/{locale}.po', 'App/Resources/*.xcstrings'])
  })
})
