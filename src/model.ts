// The data that flows between the pipeline's stages (see docs/architecture.md).
// Pure types: no stage logic lives here.

/** 0 information, 1 warning, 2 error (Wordbee's scale). */
export type Severity = 0 | 1 | 2

/** A range of UTF-16 offsets into a file's decoded text; `end` is exclusive. */
export interface Span {
  start: number
  end: number
}

/** 1-based line and column (column counted in UTF-16 code units). */
export interface Position {
  line: number
  column: number
}

/** CLDR plural categories, plus explicit `=N` selectors some formats allow. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'

/** Placeholder syntaxes the format-string rules know. A format names the ones its strings use. */
export type PlaceholderSyntax =
  | 'icu'
  | 'i18next'
  | 'printf'
  | 'ruby'
  | 'python-format'
  | 'python-brace'
  | 'java-messageformat'
  | 'dotnet'
  | 'qt'
  | 'es-template'
  | 'vue'
  | 'angular'
  | 'chrome'
  | 'inline-code'

/**
 * One string in one file, as its format read it. `key` is unique within the file and stable
 * between versions of it (for plural forms it includes the form, e.g. `items_one`).
 */
export interface Unit {
  key: string
  value: string
  /** Where the value is written in the file (its first character or its opening quote). */
  span: Span
  /** The key shared by the plural forms of one message (i18next `items` for `items_one`). */
  pluralGroup?: string
  plural?: PluralCategory | `=${number}`
  context?: string
  /** Developer or translator comment attached to the string. */
  comment?: string
  maxLength?: number
  /** Format flags: `fuzzy`, `c-format`, `no-translate`, `untranslated` (gettext's empty msgstr), `state:needs-review`... */
  flags?: string[]
  /** Placeholder syntaxes implied by the format or flags; undefined means infer from the source. */
  syntax?: PlaceholderSyntax[]
  /** Bilingual formats (PO, XLIFF, xcstrings) carry the source text next to the target. */
  source?: string
  sourceSpan?: Span
  /** Set only by files that hold several target locales (xcstrings); otherwise the path's locale. */
  locale?: string
}

/** A problem the parser met; becomes a finding on the file's line. */
export interface ParseProblem {
  message: string
  offset: number
  /** Rule id; defaults to 1001 (file cannot be parsed). */
  rule?: number
  severity?: Severity
}

export interface ParseResult {
  units: Unit[]
  problems: ParseProblem[]
  /**
   * Locales named inside the file (Rails root key, XLIFF target-language...). The target
   * locale only when it agrees with the path's: a file naming another is reported (1009)
   * and its strings stay in the path's locale.
   */
  locale?: string
  sourceLocale?: string
}

/** An issue on a segment or file, exactly Wordbee's QA issue fields. */
export interface Issue {
  /** severity */
  s: Severity
  /** description */
  d: string
  /** rule id (ours are > 1000) */
  r: number
  /** dismissed; omitted when false */
  x?: boolean
  /** comment; omitted when empty */
  c?: string
}

/** An issue together with where it points: a range inside the target text, when known. */
export interface Hit {
  issue: Issue
  /** Range inside the target (or source for source-side rules) string. */
  span?: Span
}

export type ScoreState = 'scored' | 'not-applicable' | 'skipped' | 'failed'

export interface Score {
  provider: string
  engine: string
  state: ScoreState
  /** 0..1 */
  score?: number
  threshold?: number
  /** Why a segment was not scored (every state but `scored`). */
  reason?: string
  /** Custom.MT decisions */
  confirm?: boolean
  lock?: boolean
  /** Issues a scorer found (LLM MQM spans, Wordbee issues). */
  issues?: Issue[]
}

export type SegmentStatus = 'new' | 'changed'

/** A target unit of the head tree paired with its source; only new or changed ones are checked. */
export interface Segment {
  /** Stable id within one run: `file#key` (plus `@locale` for multi-locale files). */
  id: string
  file: string
  key: string
  line: number
  column: number
  locale: string
  sourceLocale: string
  /** undefined when the source has no such key */
  source?: string
  target: string
  status: SegmentStatus
  previousTarget?: string
  /**
   * The file's format id and the unit's metadata, for rules and scorers. For monolingual
   * formats the unit carries its source unit's placeholder syntax where that names one.
   */
  format: string
  unit: Unit
  /**
   * Plural categories the head target file has for this unit's plural group (all of them,
   * changed or not), and those the source has: what plural-completeness rules compare.
   */
  pluralForms?: { target: string[]; source?: string[] }
  /** The bundle's source file (monolingual formats), and the line of this key in it when present. */
  sourceFile?: string
  sourceLine?: number
}

/** A finding that is not about one target segment: parse errors, stale sources, skipped files. */
export interface FileFinding {
  file: string
  line: number
  column: number
  key?: string
  /** Locales the finding is about (stale source: the locales whose translation was not updated). */
  locales?: string[]
  issue: Issue
}

/** A segment with everything the checks and scorers said about it. */
export interface CheckedSegment extends Segment {
  issues: Issue[]
  /** Ranges of the issues inside the target, index-aligned with `issues` where known. */
  spans?: (Span | undefined)[]
  scores: Score[]
}

/** One line of a report: an issue on a file and line, with the segment it belongs to if any. */
export interface Finding {
  file: string
  line: number
  column: number
  key?: string
  locale?: string
  issue: Issue
  segment?: CheckedSegment
}

export interface Summary {
  files: number
  segments: number
  scored: number
  belowThreshold: number
  notScored: number
  errors: number
  warnings: number
  notices: number
  dismissed: number
  averageScore?: number
  /** Per provider: scored count and average */
  providers: Record<string, { scored: number; average?: number; failed: number; notApplicable: number; skipped: number }>
}

export type FailReason = 'error' | 'warning' | 'below-threshold' | 'not-scored'

export interface Verdict {
  passed: boolean
  /** Which `fail-on` conditions were met. */
  reasons: FailReason[]
}

/** What a report says of a rule it names: custom rules of the config file travel in the report. */
export interface RuleInfo {
  rule: number
  /** Kebab-case id (`no-lorem`). */
  id: string
  title: string
  description: string
  severity: Severity
}

/** The whole result of one run: what every reporter receives. */
export interface Report {
  version: 1
  verdict: Verdict
  summary: Summary
  segments: CheckedSegment[]
  fileFindings: FileFinding[]
  /** All findings, filtered by the report filter and ranked worst first. */
  findings: Finding[]
  /** Human notes for the log and summary: what was detected, skipped, used. */
  notes: string[]
  usage: Record<string, Record<string, number>>
  /** Custom.MT QE decisions written into copies of XLIFF 1.2 files (none: omitted). */
  decisions?: QeDecisionFile[]
  /** The config file's custom rules (none: omitted), so reporters name them like built-in ones. */
  customRules?: RuleInfo[]
}

/** One segment's QE decisions as XLIFF 1.2 attributes. */
export interface QeDecision {
  key: string
  locale: string
  line: number
  /** The trans-unit's id. */
  unit?: string
  attributes: { approved?: 'yes'; translate?: 'no' }
}

/** The decisions of one XLIFF file, and the copy they were written to. */
export interface QeDecisionFile {
  file: string
  /** Path of the copy with the decisions (the original is never changed); absent when none was written. */
  output?: string
  decisions: QeDecision[]
  /** Decisions whose trans-unit could not be found in the file. */
  unmatched?: { key: string; line: number }[]
}
