// Untrusted text made safe for where the reports show it: the runner's log, Markdown prose,
// code spans, URLs and plain-text annotation fields. The terminal escaping they all start
// from is in ../text-safety.ts, which the formats use too.
import { terminalSafe } from '../text-safety.js'

/**
 * One line of the runner's log: terminal-safe (so a newline cannot start another line), and
 * never starting with `::`, which the runner would read as a workflow command.
 */
export function logLine(text: string): string {
  return terminalSafe(text).replace(/^(\s*):/, '$1\\u003A')
}

/** Cuts a string to at most `max` code points, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const points = [...text]
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`
}

/**
 * Untrusted text shown as Markdown prose (a table cell, a list item): it stays on one line,
 * renders literally (no emphasis, links, HTML or table breaks), and cannot mention a user or
 * team (`@org/team`) or reference an issue (`#12`): a zero-width space follows `@` and `#`.
 */
export function markdownText(text: string): string {
  return (
    terminalSafe(text)
      .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
      // Emphasis, code, links, tables, strikethrough, math and headings; `(`, `!` and `:`
      // are harmless once `[` cannot open a link.
      .replace(/[\\`*_[\]|~#$]/g, (c) => `\\${c}`)
      // A list marker or setext underline only counts at the start of a line or list item.
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/@/g, '@&#8203;')
      .replace(/\\#/g, '\\#&#8203;')
  )
}

/**
 * Untrusted text shown verbatim as an inline code span, safe inside a table cell: mentions,
 * links and HTML are inert in code, the fence is longer than any backtick run inside, and
 * `|` is escaped (GitHub tables split cells on it even inside code).
 */
export function codeSpan(text: string): string {
  const safe = terminalSafe(text).replace(/\|/g, '\\|')
  if (safe === '') return '` `'
  const longest = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = safe.startsWith('`') || safe.endsWith('`') || (safe.startsWith(' ') && safe.endsWith(' ')) ? ' ' : ''
  return `${fence}${pad}${safe}${pad}${fence}`
}

/**
 * A URL path (or SARIF's relative URI) from a repository path: every segment percent-encoded,
 * `(` and `)` too (they end Markdown links). A lone surrogate, which encodeURIComponent
 * refuses, becomes U+FFFD.
 */
export function urlPath(path: string): string {
  return path
    .replace(/\p{Surrogate}/gu, '\ufffd')
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')
}

/** Text for plain-text fields (annotation titles and messages): no control or bidi characters, bounded length. */
export function plainText(text: string, max: number): string {
  return truncate(terminalSafe(text), max)
}
