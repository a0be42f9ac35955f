import { describe, expect, it } from '@jest/globals'
import { compilePattern, matchPath } from '../src/paths.js'

const locale = (pattern: string, path: string) => matchPath(compilePattern(pattern), path)?.locale

describe('locale path patterns', () => {
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
    ['MyApp/Base.lproj/Localizable.stringsdict', undefined],
  ])('Apple %s -> %j', (path, expected) => {
    expect(locale('**/{locale}.lproj/*.stringsdict', path)).toBe(expected)
  })
})
