// What each quality service did, as the job summary (table), the PR comment (one line) and
// the CLI's text output show it, from the summary's counts and the scorers' usage().
import { describe, expect, it } from '@jest/globals'
import type { Report, Score } from '../../src/model.js'
import { decide } from '../../src/policy.js'
import { renderMarkdown } from '../../src/reporters/markdown.js'
import { requestCount, segmentCounts, serviceLines } from '../../src/reporters/services.js'
import { renderText } from '../../src/reporters/text.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { checked } from '../helpers/report.js'

const scored = (provider: string, score: number, threshold = 0.7): Score => ({ provider, engine: 'e', state: 'scored', score, threshold })
const state = (provider: string, s: Score['state']): Score => ({ provider, engine: 'e', state: s, reason: 'why' })

/** A report decided by the real policy from each segment's scores, with the scorers' usage. */
function reportWith(scores: Score[][], usage: Report['usage']): Report {
  const segments = scores.map((s, i) => ({ ...checked({ key: `k${i}`, issues: [] }, i), scores: s }))
  const decided = decide(segments, [], { failOn: ['error', 'below-threshold'], rules: ruleSettings({}), dismissals: [], reportFilter: {} })
  return { ...decided, usage }
}

// What the four scorers' usage() return (src/scorers/*.ts), after a run with a retry.
const USAGE: Report['usage'] = {
  phrase: { requests: 6, retries: 1, 'id-lookups': 4 },
  custommt: { requests: 2, retries: 0, segments: 30, symbols: 1380, 'mt-in-tokens': 0, 'mt-out-tokens': 0, 'qe-prompt-tokens gpt-4o-2024-11-20': 2400, 'qe-completion-tokens gpt-4o-2024-11-20': 30 },
  openai: { requests: 3, retries: 2, segments: 40, 'prompt-tokens': 4562, 'completion-tokens': 665, 'answer-retries': 1, 'parameter-retries': 0 },
  wordbee: { requests: 4, retries: 0, 'issues-pushed': 0 },
}

const REPORT = reportWith(
  [
    [scored('phrase', 0.9), scored('custommt', 0.95), scored('openai', 0.8), state('wordbee', 'not-applicable')],
    [scored('phrase', 0.5), state('custommt', 'not-applicable'), scored('openai', 0.6), state('wordbee', 'not-applicable')],
    [state('phrase', 'skipped'), state('custommt', 'failed'), scored('openai', 0.99), state('wordbee', 'failed')],
  ],
  USAGE,
)

describe('service lines', () => {
  it('merge the counts of each service with its requests and usage', () => {
    const lines = serviceLines(REPORT)
    expect(lines.map((l) => [l.name, segmentCounts(l), requestCount(l), l.usage, l.tokens, l.characters])).toEqual([
      ['Phrase QPS', '2 scored (average 0.70), 1 skipped', '6 requests (1 retry)', ['4 id look-ups'], 0, 0],
      ['Custom.MT QE', '1 scored (average 0.95), 1 not applicable, 1 failed', '2 requests', ['30 segments sent', '1,380 characters translated', '2,400 QE prompt tokens (gpt-4o-2024-11-20)', '30 QE completion tokens (gpt-4o-2024-11-20)'], 2430, 1380],
      ['LLM QE', '3 scored (average 0.80)', '3 requests (2 retries)', ['40 segments sent', '4,562 prompt tokens', '665 completion tokens', '1 answer(s) asked again'], 5227, 0],
      ['Wordbee QA', '0 scored, 2 not applicable, 1 failed', '4 requests', [], 0, 0],
    ])
  })

  it.each([
    ['a cache re-run: scored from the cache, no request', { openai: { requests: 0, retries: 0, segments: 0 } }, '0 requests', []],
    ['one request', { openai: { requests: 1, retries: 0 } }, '1 request', []],
    ['a key the table does not know', { openai: { requests: 2, retries: 0, 'cached-prompt-tokens': 128 } }, '2 requests', ['128 cached prompt tokens']],
    ['no usage at all (a scores file)', {}, '', []],
    ['repeats and reused MT after what was sent', { custommt: { requests: 1, retries: 0, symbols: 90, 'translations-reused': 3, 'repeats-not-sent': 2, segments: 5 } }, '1 request', ['5 segments sent', '2 repeats not sent', '3 MT translations reused', '90 characters translated']],
  ])('%s', (_name, usage, requests, parts) => {
    const provider = Object.keys(usage)[0] ?? 'openai'
    const [line] = serviceLines(reportWith([[scored(provider, 0.9)]], usage as Report['usage']))
    expect(requestCount(line)).toBe(requests)
    expect(line.usage).toEqual(parts)
  })
})

describe('the services in the reports', () => {
  it('are a table in the job summary and the check run', () => {
    const md = renderMarkdown(REPORT)
    const lines = md.split('\n')
    const at = lines.indexOf('| Quality service | Scored | Average | Not applicable | Skipped | Failed | Requests | Usage |')
    expect(lines.slice(at, at + 7)).toEqual([
      '| Quality service | Scored | Average | Not applicable | Skipped | Failed | Requests | Usage |',
      '|---|--:|--:|--:|--:|--:|--:|---|',
      '| Phrase QPS | 2 | 0.70 | 0 | 1 | 0 | 6 (1 retry) | 4 id look-ups |',
      '| Custom.MT QE | 1 | 0.95 | 1 | 0 | 1 | 2 | 30 segments sent, 1,380 characters translated, 2,400 QE prompt tokens (gpt-4o-2024-11-20), 30 QE completion tokens (gpt-4o-2024-11-20) |',
      '| LLM QE | 3 | 0.80 | 0 | 0 | 0 | 3 (2 retries) | 40 segments sent, 4,562 prompt tokens, 665 completion tokens, 1 answer(s) asked again |',
      '| Wordbee QA | 0 |  | 2 | 0 | 1 | 4 |  |',
      '',
    ])
    // Before the findings, which are what a size limit cuts.
    expect(md.indexOf('| Quality service')).toBeLessThan(md.indexOf('| Severity'))
  })

  it('are one line in the PR comment', () => {
    const md = renderMarkdown(REPORT, { services: 'brief' })
    expect(md).not.toContain('| Quality service')
    expect(md).toContain(
      'Quality services: Phrase QPS: 2 scored (average 0.70), 1 skipped; 6 requests (1 retry) · Custom.MT QE: 1 scored (average 0.95), 1 not applicable, 1 failed; 2 requests, 2,430 tokens, 1,380 characters · LLM QE: 3 scored (average 0.80); 3 requests (2 retries), 5,227 tokens · Wordbee QA: 0 scored, 2 not applicable, 1 failed; 4 requests',
    )
  })

  it('are aligned lines before the verdict in the CLI text', () => {
    const text = renderText(REPORT)
    const lines = text.split('\n')
    const at = lines.indexOf('Quality services:')
    expect(lines.slice(at, at + 6)).toEqual([
      'Quality services:',
      '  Phrase QPS    2 scored (average 0.70), 1 skipped · 6 requests (1 retry) · 4 id look-ups',
      '  Custom.MT QE  1 scored (average 0.95), 1 not applicable, 1 failed · 2 requests · 30 segments sent · 1,380 characters translated · 2,400 QE prompt tokens (gpt-4o-2024-11-20) · 30 QE completion tokens (gpt-4o-2024-11-20)',
      '  LLM QE        3 scored (average 0.80) · 3 requests (2 retries) · 40 segments sent · 4,562 prompt tokens · 665 completion tokens · 1 answer(s) asked again',
      '  Wordbee QA    0 scored, 2 not applicable, 1 failed · 4 requests',
      '',
    ])
    expect(lines.at(-2)).toMatch(/^FAILED on below-threshold/)
  })

  it('are left out when no service took part', () => {
    const report = reportWith([[]], {})
    expect(renderMarkdown(report)).not.toContain('Quality service')
    expect(renderText(report)).not.toContain('Quality services')
  })

  it('escape names a scores file or a service answer chose', () => {
    const hostile = 'x | y <img src=x> @team\n| fake |'
    const report = reportWith([[scored(hostile, 0.9)]], { custommt: { requests: 1, retries: 0, [`qe-prompt-tokens ${hostile}`]: 5 } })
    const md = renderMarkdown(report)
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| Quality'))
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(row.split(/(?<!\\)\|/).slice(1, -1)).toHaveLength(8)
    expect(md).not.toMatch(/<img|@team/)
    const text = renderText(report)
    expect(text).not.toContain('\n| fake |')
    expect(text).toContain('\\n| fake |')
  })
})
