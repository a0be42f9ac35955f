// Mechanical fixes: for an issue a rule raised on a segment, the step that corrects the
// target when there is exactly one right answer (whitespace made equal to the source's, a
// double space collapsed, an invisible character removed, a renamed placeholder given its
// source name back). Pure; the review turns the corrected text into a suggested change.
import { leadingSpace, trailingSpace } from './checks/text.js'
import type { CheckedSegment, Issue } from './model.js'
import { allRules } from './rules.js'

/** One fix, applied to the target as the fixes before it left it; undefined when it no longer applies. */
export type TextFix = (text: string) => string | undefined

const LEADING = 1301
const TRAILING = 1302
const DOUBLE_SPACE = 1303
const INVISIBLE = 1307
const RENAMED = new Set(allRules().filter((r) => r.id.endsWith('-placeholder-renamed')).map((r) => r.rule))

// As the double-space rule finds them: spaces that start a line are indentation.
const SPACE_RUN = /(?<![\r\n \u00a0])[ \u00a0]{2,}/g
const SPACE = /^[ \u00a0]$/
// A placeholder put back by name is a short token: `{{item}}`, `%1$s`, `%{count}`, `{0}`.
// Longer ones (an ICU plural with its texts) would bring source-language text back.
const TOKEN = /^\S{1,64}$/

function count(text: string, part: string): number {
  return text.split(part).length - 1
}

function replaceOnce(text: string, from: string, to: string): string | undefined {
  const at = text.indexOf(from)
  if (at < 0 || text.indexOf(from, at + 1) >= 0) return undefined
  return text.slice(0, at) + to + text.slice(at + from.length)
}

function edges(text: string): { lead: string; inner: string; trail: string } | undefined {
  if (text.trim() === '') return undefined
  const lead = leadingSpace(text)
  const trail = trailingSpace(text)
  return { lead, inner: text.slice(lead.length, text.length - trail.length), trail }
}

/** The issue's range in the target, from the engine's spans (index-aligned with the issues). */
function spanOf(issue: Issue, segment: CheckedSegment): { start: number; end: number } | undefined {
  const i = segment.issues.indexOf(issue)
  return i < 0 ? undefined : segment.spans?.[i]
}

/** The fix of one issue, or undefined when it has none (or not one a machine can be sure of). */
export function fixFor(issue: Issue, segment: CheckedSegment): TextFix | undefined {
  const source = segment.source
  if (source === undefined) return undefined
  switch (issue.r) {
    case LEADING: {
      const want = leadingSpace(source)
      return (text) => {
        const e = edges(text)
        return e && want + e.inner + e.trail
      }
    }
    case TRAILING: {
      const want = trailingSpace(source)
      return (text) => {
        const e = edges(text)
        return e && e.lead + e.inner + want
      }
    }
    case DOUBLE_SPACE:
      // Where the source has double spaces too, which of the target's are wrong is a guess.
      if ((source.trim().match(SPACE_RUN) ?? []).length > 0) return undefined
      return (text) => {
        const e = edges(text)
        // A run with a no-break space keeps one (French `mot \u00a0?`).
        return e && e.lead + e.inner.replace(SPACE_RUN, (run) => (run.includes('\u00a0') ? '\u00a0' : ' ')) + e.trail
      }
    case INVISIBLE:
      return invisibleFix(issue, segment, source)
    default:
      return RENAMED.has(issue.r) ? renamedFix(issue, segment, source) : undefined
  }
}

function invisibleFix(issue: Issue, segment: CheckedSegment, source: string): TextFix | undefined {
  const span = spanOf(issue, segment)
  // Mis-decoded text and U+FFFD have lost what was written: removing them fixes nothing.
  if (!span || !issue.d.startsWith('Invisible ')) return undefined
  const ch = segment.target.slice(span.start, span.end)
  if (ch.length !== 1 || ch === '\ufffd' || source.includes(ch)) return undefined
  const times = Number(/\((\d+) times\)$/.exec(issue.d)?.[1] ?? 1)
  // Every occurrence is one the rule reported (none is a joiner the script needs).
  if (count(segment.target, ch) !== times) return undefined
  return (text) => {
    if (count(text, ch) !== times) return undefined
    const out = text.split(ch).reduce(joinPieces)
    // The character hid white space at an end from the whitespace rules ("Speichern \u200b"):
    // uncovering some the source does not have would be a new defect.
    const uncovers = (edge: (t: string) => string) => edge(out) !== edge(text) && edge(out) !== edge(source)
    return uncovers(leadingSpace) || uncovers(trailingSpace) ? undefined : out
  }
}

/** Two pieces of text an invisible character stood between; spaces on both sides become one, as a double space would. */
function joinPieces(out: string, piece: string): string {
  const left = out.at(-1) ?? ''
  const right = piece[0] ?? ''
  if (!SPACE.test(left) || !SPACE.test(right)) return out + piece
  return out.slice(0, -1) + (left === '\u00a0' || right === '\u00a0' ? '\u00a0' : ' ') + piece.slice(1)
}

function renamedFix(issue: Issue, segment: CheckedSegment, source: string): TextFix | undefined {
  const span = spanOf(issue, segment)
  if (!span) return undefined
  const now = segment.target.slice(span.start, span.end)
  const prefix = 'Placeholder '
  const suffix = ` became ${now}`
  if (!issue.d.startsWith(prefix) || !issue.d.endsWith(suffix)) return undefined
  const was = issue.d.slice(prefix.length, issue.d.length - suffix.length)
  if (!TOKEN.test(was) || !TOKEN.test(now) || was === now || !source.includes(was)) return undefined
  return (text) => replaceOnce(text, now, was)
}

// Invisible characters first (removing one can bring two spaces together), then the other
// content, then the ends: a fix of the ends never moves what the others look for.
const ORDER = (r: number) => (r === INVISIBLE ? 0 : r === LEADING || r === TRAILING ? 2 : 1)

/**
 * The target with every one of `issues` fixed, applied in turn; undefined when one of them
 * has no fix, the fixes do not compose, or nothing would change.
 */
export function fixedTarget(issues: readonly Issue[], segment: CheckedSegment): string | undefined {
  if (issues.length === 0) return undefined
  let text: string | undefined = segment.target
  for (const issue of [...issues].sort((a, b) => ORDER(a.r) - ORDER(b.r))) {
    const fix = fixFor(issue, segment)
    text = fix && fix(text)
    if (text === undefined) return undefined
  }
  return text === segment.target ? undefined : text
}

/** Whether a fix exists for the issue (the review offers a suggestion only for these). */
export function isFixable(issue: Issue, segment: CheckedSegment): boolean {
  return fixFor(issue, segment) !== undefined
}
