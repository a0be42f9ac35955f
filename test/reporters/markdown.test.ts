import { describe, expect, it } from '@jest/globals'
import { codeSpan, markdownText, urlPath } from '../../src/reporters/escape.js'
import { fitMarkdown, renderMarkdown } from '../../src/reporters/markdown.js'
import { commentMarker } from '../../src/reporters/comment.js'
import { renderers } from '../../src/reporters/index.js'
import type { FileFinding } from '../../src/model.js'
import { missingPlaceholder, reportOf, type SegmentSpec } from '../helpers/report.js'

const HOSTILE = [
  '@octocat please review',
  'ping @acme/translators now',
  'fixes #12 and GH-3',
  '<img src=x onerror=alert(1)>',
  '--> <!-- translation-quality-gate name=Other -->',
  'a | b | c',
  'line one\nline two\r\n| fake | row |',
  '`code` and ``` fence ``` and ````',
  '**bold** _it_ [link](https://evil.example) ![img](x)',
  '$x^2$ and ~~gone~~',
  '\u202Eevil\u202C and zero\u200Bwidth',
  '<details><summary>x</summary>',
  '</details></table>',
  '1. list\n- item\n# heading\n> quote',
]

/** The text with inline code spans removed: what GitHub parses for mentions, links and HTML. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(`+)[^`]*?(?:`(?!\1)[^`]*?)*\1/g, '')
}

/** Cells of a table row: split on pipes not escaped with a backslash. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1)
}

describe('markdown escaping of untrusted text', () => {
  it.each(HOSTILE)('%j stays one inert line in prose', (text) => {
    const md = markdownText(text)
    expect(md).not.toMatch(/[\r\n]/)
    expect(md).not.toMatch(/<|>/)
    expect(md).not.toMatch(/@(?!&#8203;)/)
    expect(md).not.toMatch(/(?<!\\)[[\]*_`|~$]/)
    expect(md).not.toMatch(/\\#(?!&#8203;)/)
    expect(md).not.toMatch(/[\u202A-\u202E\u200B](?!;)/)
  })

  it.each(HOSTILE)('%j stays one code span that cannot end early or split a table cell', (text) => {
    const span = codeSpan(text)
    expect(span).not.toMatch(/[\r\n]/)
    expect(cells(`|${span}|`)).toHaveLength(1)
    const fence = /^`+/.exec(span)![0]
    expect(span.endsWith(fence)).toBe(true)
    // No run of exactly the fence's length inside.
    const inner = span.slice(fence.length, -fence.length)
    expect((inner.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true)
  })

  it.each([
    ['plain words', 'plain words'],
    ['@octocat', '@&#8203;octocat'],
    ['#12', '\\#&#8203;12'],
    ['1. first', '1\\. first'],
    ['- item', '\\- item'],
    ['a < b & c', 'a &lt; b &amp; c'],
    ['x|y', 'x\\|y'],
  ])('%j -> %j', (text, expected) => {
    expect(markdownText(text)).toBe(expected)
  })

  it.each([
    ['a', '`a`'],
    ['has `tick`', '`` has `tick` ``'],
    ['', '` `'],
    ['a|b', '`a\\|b`'],
  ])('code span of %j', (text, expected) => {
    expect(codeSpan(text)).toBe(expected)
  })

  it('encodes every path segment for links, parentheses included', () => {
    expect(urlPath('locales/de (old)/a b#c?.json')).toBe('locales/de%20%28old%29/a%20b%23c%3F.json')
  })
})

describe('the markdown report', () => {
  it('renders hostile keys, texts and file names inside the table without breaking it', () => {
    const specs = HOSTILE.map((text, i) => ({ file: `locales/de/${text}.json`, key: text, source: text, target: text, issues: [{ ...missingPlaceholder, d: `Bad: ${text}` }], line: i + 1 }))
    const report = reportOf(specs)
    const md = renderMarkdown(report, { marker: commentMarker('Translation quality'), link: (f, l) => `https://github.com/acme/shop/blob/abc/${urlPath(f)}#L${l}` })
    const rows = md.split('\n').filter((l) => l.startsWith('| '))
    expect(rows).toHaveLength(HOSTILE.length + 1)
    for (const row of rows) expect(cells(row)).toHaveLength(5)
    const prose = outsideCode(md)
    expect(prose).not.toMatch(/@(?!&#8203;)/)
    // The only HTML is ours: line breaks and the marker.
    expect(prose.replace(/<br>/g, '').replace(commentMarker('Translation quality'), '')).not.toMatch(/<|-->/)
    expect(md.indexOf('-->')).toBe(commentMarker('Translation quality').length - 3)
    for (const row of rows.slice(1)) expect(row).toMatch(/\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc\/locales\/de\/[^ ()]+#L\d+\)/)
  })

  it('says when nothing was found, and lists the notes in a details block', () => {
    const report = { ...reportOf([]), notes: ['Detected locales/{locale}/*.json', '<b>@team</b>'] }
    const md = renderMarkdown(report)
    expect(md).toContain('No problems found in the new or changed translations.')
    expect(md).toContain('<details><summary>Notes (2)</summary>\n\n- Detected locales/{locale}/\\*.json\n- &lt;b&gt;@&#8203;team&lt;/b&gt;\n\n</details>')
  })

  it.each<[string, SegmentSpec[], string, string]>([
    ['no findings', [], '### ✅ Translation quality: passed', '**Passed**: nothing here fails the gate.<br>0 errors, 0 warnings, 0 below threshold · 0 segments in 0 files, 0 scored'],
    ['one error', [{ issues: [missingPlaceholder] }], '### ❌ Translation quality: failed', '**Failed** because of 1 error (see `fail-on`).<br>1 error, 0 warnings, 0 below threshold · 1 segment in 1 file, 0 scored'],
    [
      'two errors and a score below the threshold',
      [{ issues: [missingPlaceholder] }, { key: 'b', issues: [missingPlaceholder, { s: 1, r: 1901, d: 'Quality score 0.40 is below the threshold 0.70' }] }],
      '### ❌ Translation quality: failed',
      '**Failed** because of 2 errors',
    ],
    ['a warning only (not in fail-on)', [{ issues: [{ s: 1, r: 1006, d: 'The translation is the same as the source text' }] }], '### ✅ Translation quality: passed', '**Passed**: nothing here fails the gate.<br>0 errors, 1 warning,'],
  ])('says first whether the gate passed and why: %s', (_, specs, heading, why) => {
    const [first, second] = renderMarkdown(reportOf(specs)).split('\n\n')
    expect(first).toBe(heading)
    expect(second.startsWith(why)).toBe(true)
  })

  it.each<[string, SegmentSpec[], FileFinding[], string]>([
    ['a segment: on its line', [{ issues: [missingPlaceholder] }], [], 'Placeholder {{count}} is missing<br>en: `Source text`<br>de: `Zieltext` |'],
    ['no segment: said once', [], [{ file: 'locales/en/app.json', line: 3, column: 1, locales: ['de'], key: 'k', issue: { s: 1, r: 1007, d: 'Source text changed' } }], 'Source text changed<br>Locale: de |'],
    ['no locale', [], [{ file: 'locales/it/app.json', line: 2, column: 1, issue: { s: 2, r: 1001, d: 'Invalid JSON' } }], '| 1001 file-unreadable | Invalid JSON |'],
  ])('names the locale once per finding: %s', (_, specs, fileFindings, end) => {
    const row = renderMarkdown(reportOf(specs, fileFindings)).split('\n').find((l) => l.startsWith('| ❌') || l.startsWith('| ⚠️'))!
    expect(row.endsWith(end)).toBe(true)
    expect(cells(row)).toHaveLength(5)
  })

  it('is the CLI format markdown', () => {
    const report = reportOf([{ issues: [missingPlaceholder] }])
    expect(renderers.markdown(report, '0.1.0')).toBe(renderMarkdown(report))
    expect(renderers.markdown(report, '0.1.0')).toContain('| ❌ error | locales/de/app.json:1 | `key_0` | 1061 i18next-placeholder-missing |')
  })

  it('cuts whole rows to fit a limit and says where the rest is', () => {
    const report = reportOf(Array.from({ length: 500 }, (_, i) => ({ key: `k${i}`, source: 'S'.repeat(150), target: 'T'.repeat(150), issues: [missingPlaceholder] })))
    const full = renderMarkdown(report)
    expect(full.length).toBeGreaterThan(65536)
    const cut = renderMarkdown(report, { limit: 65536, overflow: 'See the job summary.' })
    expect(cut.length).toBeLessThanOrEqual(65536)
    expect(cut.length).toBeGreaterThan(60000)
    expect(cut.endsWith("*Cut to fit GitHub's limit: 500 finding(s) in all. See the job summary.*\n")).toBe(true)
    for (const row of cut.split('\n').filter((l) => l.startsWith('| '))) expect(cells(row)).toHaveLength(5)
  })

  it('measures bytes when asked (the job summary limit is 1 MiB)', () => {
    const report = reportOf(Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, target: 'ü'.repeat(150), issues: [missingPlaceholder] })))
    const bytes = (s: string) => Buffer.byteLength(s)
    const cut = renderMarkdown(report, { limit: 50_000, measure: bytes })
    expect(bytes(cut)).toBeLessThanOrEqual(50_000)
    expect(cut.length).toBeLessThan(50_000)
  })
})

describe('fitMarkdown', () => {
  it.each([
    ['an open code fence', '```\n' + 'code line\n'.repeat(100), '```'],
    ['an open tilde fence', '~~~~\n' + 'code line\n'.repeat(100), '~~~~'],
    ['open details', '<details><summary>More</summary>\n\n' + '- item\n'.repeat(100), '</details>'],
    ['details inside details', '<details><summary>A</summary>\n\n<details><summary>B</summary>\n\n' + '- item\n'.repeat(100), '</details>\n\n</details>'],
  ])('closes %s it cuts through', (_label, text, closer) => {
    const out = fitMarkdown(text, 300, 'TAIL')
    expect(out.length).toBeLessThanOrEqual(300)
    expect(out.endsWith(`${closer}\n\nTAIL`)).toBe(true)
  })

  it('leaves text within the limit alone and does not count a closed fence', () => {
    expect(fitMarkdown('short', 10, 'TAIL')).toBe('short')
    const text = '```\nx\n```\n' + 'line\n'.repeat(100)
    expect(fitMarkdown(text, 100, 'TAIL')).not.toContain('```\n\nTAIL')
  })
})
