// What a locale-file format provides. One module per format implements this; the registry
// in ./index.ts lists them. Parsers are pure: text in, units and problems out.
import type { ParseResult, PlaceholderSyntax } from '../model.js'

export interface ParseContext {
  /** Repository-relative path, for messages only. */
  path: string
  /** The locale the file's path names (BCP 47), '' for a locale-less source file. */
  locale: string
  /** The configured source locale. */
  sourceLocale: string
}

export interface Format {
  /** Stable id, used in reports and the config file. */
  id: string
  label: string
  /** Whether this format reads the file; the registry asks the formats in order. */
  handles(path: string): boolean
  /** Source and target live in one file (PO, XLIFF, xcstrings): no separate source file. */
  bilingual?: boolean
  /** The format may be stored as UTF-16 (Apple .strings). */
  allowUtf16?: boolean
  /** Text that is not valid UTF-8 is read in this legacy encoding, with a warning (Java .properties). */
  legacyEncoding?: 'iso-8859-1'
  /**
   * One file holds every locale and its units name theirs (`Unit.locale`): its path names
   * no locale, so a `files` pattern without `{locale}` may match it (xcstrings).
   */
  multiLocale?: boolean
  /** Placeholder syntaxes of this format's strings, unless a unit says otherwise; none: infer. */
  syntax?: PlaceholderSyntax[]
  /**
   * Plural forms the runtime picks in every language, whatever CLDR says: `zero` for 0
   * (i18next, Rails, Apple); Rails without a per-locale rule (no rails-i18n) also `one` for 1,
   * so a Japanese `one: "1分"` is shown.
   */
  runtimePluralForms?: readonly string[]
  parse(text: string, context: ParseContext): ParseResult
  /** Path patterns auto-detection tries when `files` is empty (`**` prefixes allowed). */
  layouts?: string[]
}
