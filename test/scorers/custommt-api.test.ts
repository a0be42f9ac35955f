import { describe, expect, it } from '@jest/globals'
import { CustomMtAnswerError, readTemplatesList, readTranslateAnswer, sameText, translateRequest } from '../../src/scorers/custommt-api.js'

/** An answer shaped like the API document's example, for the given items. */
function answer(items: { target: string; qe?: Record<string, unknown> | null }[], extra: Record<string, unknown> = {}) {
  return {
    translated_text: items.map((i) => i.target),
    provider_index: 0,
    balancer: 3,
    provider: 'Google',
    qe: {
      messages: items.map((i) => ({
        score: i.qe === null ? {} : { open_ai: { score: 0.85, usage: { prompt_tokens: 89, completion_tokens: 1 }, prompt_error: null, error: null, is_success: true, lock_segment: false, confirm_segment: true, success_score_value: 0.7, ...i.qe } },
        message: { source: 'x', target: i.target, source_language: 'en', target_language: 'de' },
      })),
      usage: { 'gpt-4o-2024-11-20': { prompt_tokens: 172, completion_tokens: 2 } },
    },
    usage: { symbols_count: 63, in_tokens_count: 0, out_tokens_count: 0 },
    ...extra,
  }
}

describe('Custom.MT text_translate_v2', () => {
  it('builds the documented request body', () => {
    expect(translateRequest(['Save', 'Cancel'], 'EN-DE QE')).toEqual({ text: ['Save', 'Cancel'], template_name: 'EN-DE QE', error_empty_result: false })
  })

  it.each([
    ['Ihr Warenkorb ist leer.', 'Ihr Warenkorb ist leer.', true],
    ['Ihr  Warenkorb\nist leer. ', 'Ihr Warenkorb ist leer.', true],
    ['Zurück', 'Zuru\u0308ck', true],
    ['Ihr Warenkorb ist leer.', 'Der Warenkorb ist leer.', false],
    ['Warenkorb', 'warenkorb', false],
  ])('%j equals %j after whitespace normalisation: %s', (a, b, same) => {
    expect(sameText(a, b)).toBe(same)
  })

  it('scores a target that is Custom.MT translation, with its decisions and threshold', () => {
    const result = readTranslateAnswer(answer([{ target: 'Zur Kasse', qe: { score: 0.97, lock_segment: true, success_score_value: 0.8 } }]), ['Checkout'], [{ source: 'Checkout', target: 'Zur  Kasse' }], 'EN-DE')
    expect(result.scores).toEqual([{ provider: 'custommt', engine: 'EN-DE', state: 'scored', score: 0.97, threshold: 0.8, confirm: true, lock: true }])
    expect(result.usage).toEqual({ symbols: 63, mtInTokens: 0, mtOutTokens: 0, qeModels: { 'gpt-4o-2024-11-20': { prompt: 172, completion: 2 } } })
  })

  it('reports another target as not applicable, never as scored', () => {
    const result = readTranslateAnswer(answer([{ target: 'Zur Kasse' }, { target: 'Entfernen' }]), ['Checkout', 'Remove'], [{ source: 'Checkout', target: 'Weiter zur Kasse' }, { source: 'Remove', target: 'Entfernen' }], 'EN-DE')
    expect(result.scores.map((s) => [s.state, s.reason])).toEqual([
      ['not-applicable', "the target is not Custom.MT's translation"],
      ['scored', undefined],
    ])
  })

  it('reads one translation for every segment of its source: the one it is scores, the others are not applicable', () => {
    const result = readTranslateAnswer(
      answer([{ target: 'Zur Kasse', qe: { score: 0.9 } }, { target: 'Entfernen', qe: { score: 0.8 } }]),
      ['Checkout', 'Remove'],
      [
        { source: 'Remove', target: 'Entfernen' },
        { source: 'Checkout', target: 'Kasse' },
        { source: 'Checkout', target: 'Zur Kasse' },
      ],
      'EN-DE',
    )
    expect(result.scores.map((s) => [s.state, s.score])).toEqual([
      ['scored', 0.8],
      ['not-applicable', undefined],
      ['scored', 0.9],
    ])
  })

  it.each([
    [{ is_success: false, error: 'OpenAI timeout', score: 0 }, 'Custom.MT QE failed: OpenAI timeout'],
    [{ is_success: false, error: null, prompt_error: 'prompt too long' }, 'Custom.MT QE failed: prompt too long'],
    [{ is_success: false, error: '' }, 'Custom.MT QE failed: no reason given'],
    [{ score: 'high' }, 'Custom.MT returned an invalid QE score "high"'],
    [{ score: -1 }, 'Custom.MT returned an invalid QE score -1'],
    [null, "Custom.MT returned no QE result (is QE enabled in template 'EN-DE'?)"],
  ])('fails one segment when its QE item is %j', (qe, reason) => {
    const result = readTranslateAnswer(answer([{ target: 'Ja' }, { target: 'Nein', qe }]), ['Yes', 'No'], [{ source: 'Yes', target: 'Ja' }, { source: 'No', target: 'Nein' }], 'EN-DE')
    expect(result.scores[0].state).toBe('scored')
    expect(result.scores[1]).toEqual({ provider: 'custommt', engine: 'EN-DE', state: 'failed', reason })
  })

  it('fails a segment when the answer has no qe object at all', () => {
    const body = { translated_text: ['Ja'], usage: { symbols_count: 3 } }
    expect(readTranslateAnswer(body, ['Yes'], [{ source: 'Yes', target: 'Ja' }], 'MT only').scores[0].state).toBe('failed')
  })

  it('normalises a 0..100 score instead of reading it as near-perfect', () => {
    expect(readTranslateAnswer(answer([{ target: 'Ja', qe: { score: 42 } }]), ['Yes'], [{ source: 'Yes', target: 'Ja' }], 'T').scores[0].score).toBe(0.42)
  })

  it('passes on the fallback engine warning', () => {
    expect(readTranslateAnswer(answer([{ target: 'Ja' }], { message: 'Fallback provider DeepL was used' }), ['Yes'], [{ source: 'Yes', target: 'Ja' }], 'T').warning).toBe('Fallback provider DeepL was used')
  })

  it.each([
    [null, 'Custom.MT answered with something other than a JSON object'],
    [{ translated_text: ['a'] }, 'Custom.MT answered with 1 translations for 2 texts'],
    [{ error: 'x' }, 'Custom.MT answered with no translated_text list for 2 texts'],
    [{ translated_text: ['a', 7] }, 'Custom.MT answered with 2 translations for 2 texts'],
  ])('fails the whole batch on an answer of the wrong shape: %j', (body, message) => {
    expect(() => readTranslateAnswer(body, ['A', 'B'], [{ source: 'A', target: 'a' }, { source: 'B', target: 'b' }], 'T')).toThrow(new CustomMtAnswerError(message))
  })

  it('reads the templates list and skips malformed entries', () => {
    const body = { templates: [{ template_name: 'EN-DE', source_language: 'en', target_language: 'de' }, { template_name: 'broken' }] }
    expect(readTemplatesList(body)).toEqual([{ name: 'EN-DE', source: 'en', target: 'de' }])
    expect(() => readTemplatesList({ error: 'Invalid token.' })).toThrow(CustomMtAnswerError)
  })
})
