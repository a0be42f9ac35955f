// Suggested changes in review comments, planned from a real run of the pipeline over
// real-looking locale files: which lines get one, what it replaces the line with, and which
// get none (escapes, unfixable findings, several strings on one line).
import { describe, expect, it } from '@jest/globals'
import type { AddedLines } from '../../src/changes/diff.js'
import { silentLogger } from '../../src/log.js'
import type { Report } from '../../src/model.js'
import { planReview, type ReviewComment } from '../../src/reporters/review.js'
import { runPipeline } from '../../src/run.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { resolveSettings } from '../../src/settings.js'
import { memoryChanges } from '../helpers/trees.js'

const en = `{
  "greeting": "Welcome back, {{name}}!",
  "cart": {
    "remove": "Remove {{item}} from the cart?",
    "save": "Save the cart",
    "count": "{{count}} items",
    "quote": "Say \\"hello\\"",
    "code": "Run \`\`\`npm ci\`\`\` first",
    "invisible": "Checkout"
  },
  "compact": { "a": "One", "b": "Two" }
}
`
const de = `{
  "greeting": "Willkommen zurück, {{name}}! ",
  "cart": {
    "remove": "{{artikel}} aus dem Warenkorb entfernen?",
    "save": "Warenkorb  speichern ",
    "count": "Artikel",
    "quote": "Sag \\"Hallo\\" ",
    "code": "Zuerst \`\`\`npm ci\`\`\` ausführen ",
    "invisible": "Zur\u200bKasse"
  },
  "compact": { "a": "Eins ", "b": "Zwei " }
}
`

async function plan(): Promise<{ report: Report; comments: Map<number, ReviewComment>; suggestions: number }> {
  const settings = resolveSettings({ inputs: { files: 'locales/{locale}/common.json' }, origin: (n) => `input '${n}'` })
  const report = await runPipeline(settings, { changes: memoryChanges({ 'locales/en/common.json': en }, { 'locales/en/common.json': en, 'locales/de/common.json': de }), scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
  // A new file: the diff adds every line.
  const added: AddedLines = new Map(de.split('\n').map((text, i) => [i + 1, text]))
  const planned = planReview(report.findings, new Map([['locales/de/common.json', added]]), new Set(), 'Translation quality', report)
  return { report, comments: new Map(planned.comments.map((c) => [c.line, c])), suggestions: planned.suggestions }
}

/** The line a comment's suggested change puts in place, or undefined. */
function suggested(comment: ReviewComment | undefined): string | undefined {
  const m = /^(`{3,})suggestion\n([^\n]*)\n\1$/m.exec(comment?.body ?? '')
  return m?.[2]
}

describe('suggested changes in review comments', () => {
  it.each([
    ['trailing whitespace', 2, '  "greeting": "Willkommen zurück, {{name}}!",'],
    ['a renamed placeholder', 4, '    "remove": "{{item}} aus dem Warenkorb entfernen?",'],
    ['a double space and trailing whitespace, composed', 5, '    "save": "Warenkorb speichern",'],
    ['an invisible character', 9, '    "invisible": "ZurKasse"'],
  ])('%s: line %d becomes %j', async (_label, line, expected) => {
    const { comments } = await plan()
    expect(suggested(comments.get(line))).toBe(expected)
  })

  it.each([
    ['a missing placeholder (no mechanical fix)', 6],
    ['an escaped quote in the line', 7],
    ['two strings on one line', 11],
  ])('%s: line %d gets a comment without a suggestion', async (_label, line) => {
    const { comments } = await plan()
    expect(comments.get(line)).toBeDefined()
    expect(comments.get(line)!.body).not.toContain('suggestion')
  })

  it('fences a line with backticks in it with a longer run, so the line cannot end the block', async () => {
    const { comments } = await plan()
    const body = comments.get(8)!.body
    expect(body).toContain('````suggestion\n    "code": "Zuerst ```npm ci``` ausführen",\n````')
    expect(suggested(comments.get(8))).toBe('    "code": "Zuerst ```npm ci``` ausführen",')
  })

  it('says which rules the suggestion fixes, and counts the comments that carry one', async () => {
    const { comments, suggestions } = await plan()
    expect(comments.get(5)!.body).toContain('Suggested change (fixes 1302 trailing-whitespace, 1303 double-space):')
    expect(suggestions).toBe(5)
  })

  it('offers none without the line text (a line the diff does not show)', async () => {
    const { report } = await plan()
    const lines: AddedLines = new Map([[2, '  "greeting": "something else entirely",']])
    const planned = planReview(report.findings, new Map([['locales/de/common.json', lines]]), new Set(), 'Q', report)
    expect(planned.comments).toHaveLength(1)
    expect(planned.suggestions).toBe(0)
  })
})
