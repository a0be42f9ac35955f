// With `files` empty, the XML formats' conventional layouts are detected.
import { describe, expect, it } from '@jest/globals'
import { detectLayouts } from '../../src/detect.js'

describe('auto-detection of XML locale layouts', () => {
  it.each([
    [['app/src/main/res/values/strings.xml', 'app/src/main/res/values-de/strings.xml', 'app/src/main/res/values-night/colors.xml', 'app/src/main/res/values-pt-rBR/strings.xml'], 'app/src/main/res/values{-locale}/*.xml'],
    [['web/src/locale/messages.xlf', 'web/src/locale/messages.de.xlf', 'web/src/locale/messages.fr.xlf'], 'web/src/locale/*{.locale}.xlf'],
    [['Localizations/en.xliff', 'Localizations/de.xliff'], 'Localizations/{locale}.xliff'],
    [['src/Billing/Properties/Resources.resx', 'src/Billing/Properties/Resources.de.resx', 'src/Billing/Properties/Errors.resx', 'src/Billing/Properties/Errors.de-DE.resx'], 'src/Billing/Properties/*{.locale}.resx'],
    [['ios/App/en.lproj/Localizable.stringsdict', 'ios/App/de.lproj/Localizable.stringsdict', 'ios/App/Base.lproj/Localizable.stringsdict'], 'ios/App/{locale}.lproj/*.stringsdict'],
  ])('%j -> %s', (paths, pattern) => {
    expect(detectLayouts(paths, 'en').patterns).toEqual([pattern])
  })
})
