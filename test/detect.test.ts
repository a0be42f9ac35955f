import { describe, expect, it } from '@jest/globals'
import { detectLayouts, detectPatterns } from '../src/detect.js'
import { patternsFromCrowdin, patternsFromPhrase } from '../src/detect-tms.js'

describe('detection from TMS configs', () => {
  it('reads .phrase.yml pull targets', () => {
    const text = [
      'phrase:',
      '  access_token: "<token>"',
      '  project_id: "abc"',
      '  push:',
      '    sources:',
      '      - file: ./config/locales/en.yml',
      '        params: { file_format: yml }',
      '      - file: ./app/src/main/res/values/strings.xml',
      '  pull:',
      '    targets:',
      '      - file: ./config/locales/<locale_name>.yml',
      '        params: { file_format: yml }',
      '      - file: ./app/src/main/res/values-<locale_code>/strings.xml',
      '      - file: ./web/locales/<locale_code>/*.json',
    ].join('\n')
    expect(patternsFromPhrase(text)).toEqual({
      patterns: ['config/locales/{locale}.yml', 'app/src/main/res/values{-locale}/strings.xml', 'web/locales/{locale}/*.json'],
      notes: ["Detected from .phrase.yml: 'config/locales/{locale}.yml', 'app/src/main/res/values{-locale}/strings.xml', 'web/locales/{locale}/*.json'."],
    })
  })

  it('reads crowdin.yml sources and translations', () => {
    const text = [
      'project_id_env: CROWDIN_PROJECT_ID',
      'files:',
      '  - source: /locales/en/**/*.json',
      '    translation: /locales/%two_letters_code%/**/%original_file_name%',
      '  - source: /app/src/main/res/values/strings.xml',
      '    translation: /app/src/main/res/values-%android_code%/strings.xml',
      '  - source: /ios/App/en.lproj/Localizable.strings',
      '    translation: /ios/App/%osx_code%/Localizable.strings',
      '  - source: /src/main/resources/messages.properties',
      '    translation: /src/main/resources/messages_%locale_with_underscore%.properties',
      '  - source: /docs/readme.md',
      '    translation: /docs/readme.md',
    ].join('\n')
    expect(patternsFromCrowdin(text)).toEqual({
      patterns: [
        'locales/{locale}/**/*',
        'app/src/main/res/values{-locale}/strings.xml',
        'ios/App/{locale}.lproj/Localizable.strings',
        'src/main/resources/messages{_locale}.properties',
      ],
      notes: [
        "Detected from crowdin.yml: 'locales/{locale}/**/*', 'app/src/main/res/values{-locale}/strings.xml', 'ios/App/{locale}.lproj/Localizable.strings', 'src/main/resources/messages{_locale}.properties'.",
        "crowdin.yml: translation '/docs/readme.md' has no language placeholder; skipped.",
      ],
    })
  })

  it('says when a TMS config cannot be read, and falls back to the layouts', () => {
    const result = detectPatterns(['locales/en.json', 'locales/de.json'], 'en', { 'crowdin.yml': 'files: [' })
    expect(result.patterns).toEqual(['locales/{locale}.json'])
    expect(result.notes[0]).toMatch(/^crowdin.yml is not valid YAML/)
  })
})

describe('detection from layouts', () => {
  it('finds JSON and YAML layouts where a source file has translations beside it', () => {
    const paths = [
      'package.json',
      'tsconfig.json',
      'public/locales/en/common.json',
      'public/locales/de/common.json',
      'public/locales/pt-BR/common.json',
      'config/locales/en.yml',
      'config/locales/fr.yml',
      '.github/workflows/ci.yml',
      'test/fixtures/en.json',
      'test/fixtures/de.json',
    ]
    expect(detectLayouts(paths, 'en')).toEqual({
      patterns: ['public/locales/{locale}/*.json', 'config/locales/{locale}.yml'],
      notes: ["No files setting: detected 'public/locales/{locale}/*.json', 'config/locales/{locale}.yml' (source locale en). Set files to choose explicitly."],
    })
  })

  it('says how to set files when it finds nothing', () => {
    expect(detectLayouts(['src/index.ts', 'README.md', 'ci.yml', 'en.yml'], 'en')).toEqual({
      patterns: [],
      notes: ["No files setting and no locale files detected: no source-locale (en) file with translations beside it in a known layout. Set files, e.g. 'locales/{locale}/*.json' or 'config/locales/{locale}.yml'."],
    })
  })
})
