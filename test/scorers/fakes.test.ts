// The fakes enforce the services' rules: a wrong request gets the service's own error, so a
// client bug fails a test instead of passing against a lenient fake.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CustomMtFake } from '../emulators/custommt.js'
import { OpenAiFake, REASONING_MODEL_REJECTS } from '../emulators/openai.js'

async function post(url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
  // JSON of any shape: the assertions check it.
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

describe('Custom.MT fake', () => {
  let fake: CustomMtFake
  beforeAll(async () => {
    fake = await CustomMtFake.start({ token: 't0k', templates: [{ name: 'EN-DE', source: 'en', target: 'de' }] })
  })
  afterAll(() => fake.close())
  const translate = (body: unknown, headers: Record<string, string> = { token: 't0k' }, method = 'POST') => post(`${fake.url}/translation/text_translate_v2`, body, headers, method)

  it.each([
    ['no token', { text: ['Hi'], template_name: 'EN-DE' }, {}, 'POST', 401, 'Authentication credentials were not provided.'],
    ['a wrong token', { text: ['Hi'], template_name: 'EN-DE' }, { token: 'nope' }, 'POST', 401, 'Invalid token.'],
    ['more than 25 segments', { text: Array(26).fill('Hi'), template_name: 'EN-DE' }, undefined, 'POST', 400, 'Too many segments: at most 25 per request.'],
    ['text that is not a list', { text: 'Hi', template_name: 'EN-DE' }, undefined, 'POST', 400, '"text" must be a non-empty list of strings.'],
    ['no template', { text: ['Hi'] }, undefined, 'POST', 400, '"template_name" is required.'],
    ['an unknown template', { text: ['Hi'], template_name: 'EN-FR' }, undefined, 'POST', 400, 'Template "EN-FR" not found.'],
    ['a body that is not JSON', '{text: [Hi]}', undefined, 'POST', 400, 'JSON parse error: expected an object.'],
    ['GET', undefined, undefined, 'GET', 405, 'Method "GET" not allowed.'],
  ])('answers %s with its error body', async (_, body, headers, method, status, error) => {
    expect(await translate(body, headers, method)).toEqual({ status, body: { error } })
  })

  it('answers the documented shape, index-aligned, with usage', async () => {
    const { status, body } = await translate({ text: ['Save', 'Cancel'], template_name: 'EN-DE', error_empty_result: false })
    expect(status).toBe(200)
    expect(body.translated_text).toEqual(['[de] Save', '[de] Cancel'])
    expect(body.qe.messages[1].message).toEqual({ source: 'Cancel', target: '[de] Cancel', source_language: 'en', target_language: 'de' })
    expect(body.qe.messages[1].score.open_ai).toMatchObject({ is_success: true, score: 0.5, confirm_segment: false, lock_segment: false, success_score_value: 0.7 })
    expect(body.usage).toEqual({ symbols_count: 10, in_tokens_count: 0, out_tokens_count: 0 })
  })
})

describe('OpenAI-compatible fake', () => {
  let openai: OpenAiFake
  let reasoning: OpenAiFake
  let azure: OpenAiFake
  beforeAll(async () => {
    openai = await OpenAiFake.start({ apiKey: 'sk-a', models: ['gpt-4o-mini'] })
    reasoning = await OpenAiFake.start({ apiKey: 'sk-a', models: ['o3-mini'], rejects: REASONING_MODEL_REJECTS })
    azure = await OpenAiFake.start({ apiKey: 'az-k', models: ['qe'], azure: { apiVersions: ['2024-10-21'] } })
  })
  afterAll(() => Promise.all([openai.close(), reasoning.close(), azure.close()]))
  const messages = [{ role: 'user', content: 'Answer in JSON.' }]
  const ok = { model: 'gpt-4o-mini', messages }

  it.each([
    ['no key', ok, {}, 401, { code: null, param: null }],
    ['a wrong key', ok, { authorization: 'Bearer sk-wrong-key-1234' }, 401, { code: 'invalid_api_key' }],
    ['an unknown model', { ...ok, model: 'gpt-9' }, undefined, 404, { code: 'model_not_found' }],
    ['no model', { messages }, undefined, 400, { message: 'you must provide a model parameter' }],
    ['content that is not a string', { ...ok, messages: [{ role: 'user', content: 7 }] }, undefined, 400, { param: 'messages[0].content', code: 'invalid_type' }],
    ['a role it does not know', { ...ok, messages: [{ role: 'judge', content: 'x' }] }, undefined, 400, { param: 'messages[0].role' }],
    ['temperature 3', { ...ok, temperature: 3 }, undefined, 400, { param: 'temperature' }],
    ['both token limits', { ...ok, max_tokens: 10, max_completion_tokens: 10 }, undefined, 400, { param: 'max_tokens' }],
    ['json_object without "json" in the messages', { ...ok, messages: [{ role: 'user', content: 'Hi' }], response_format: { type: 'json_object' } }, undefined, 400, { param: 'messages' }],
  ])('answers %s with OpenAI error body', async (_, body, headers, status, error) => {
    const res = await post(`${openai.baseUrl()}/chat/completions`, body, headers ?? { authorization: 'Bearer sk-a' })
    expect(res.status).toBe(status)
    expect(res.body.error).toMatchObject({ type: expect.any(String), ...error })
  })

  it('rejects what a reasoning model rejects, one parameter at a time', async () => {
    const send = (extra: object) => post(`${reasoning.baseUrl()}/chat/completions`, { model: 'o3-mini', messages, ...extra }, { authorization: 'Bearer sk-a' })
    expect((await send({ max_tokens: 50, temperature: 0 })).body.error).toMatchObject({ param: 'max_tokens', code: 'unsupported_parameter' })
    expect((await send({ max_completion_tokens: 50, temperature: 0 })).body.error).toMatchObject({ param: 'temperature', code: 'unsupported_value' })
    expect((await send({ max_completion_tokens: 50 })).status).toBe(200)
  })

  it('cuts an answer off at the token limit, as a server does', async () => {
    const data = JSON.stringify({ source_language: 'en', target_language: 'de', segments: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, source: 'Save', target: 'Speichern' })) })
    const res = await post(`${openai.baseUrl()}/chat/completions`, { ...ok, max_tokens: 5, messages: [{ role: 'system', content: 'Score as JSON.' }, { role: 'user', content: data }] }, { authorization: 'Bearer sk-a' })
    expect(res.body.choices[0]).toMatchObject({ finish_reason: 'length' })
    expect(res.body.choices[0].message.content).toHaveLength(20)
  })

  it.each([
    ['no api-version', '/openai/deployments/qe/chat/completions', { 'api-key': 'az-k' }, 404, { code: '404', message: 'Resource not found' }],
    ['an api-version it does not serve', '/openai/deployments/qe/chat/completions?api-version=2023-01-01', { 'api-key': 'az-k' }, 400, { code: 'BadRequest' }],
    ['a Bearer key instead of api-key', '/openai/deployments/qe/chat/completions?api-version=2024-10-21', { authorization: 'Bearer az-k' }, 401, { code: '401' }],
    ['an unknown deployment', '/openai/deployments/gpt5/chat/completions?api-version=2024-10-21', { 'api-key': 'az-k' }, 404, { code: 'DeploymentNotFound' }],
  ])('answers Azure requests with %s as Azure does', async (_, path, headers, status, error) => {
    const res = await post(`${azure.server.url}${path}`, { messages }, headers)
    expect(res.status).toBe(status)
    expect(res.body.error).toMatchObject(error)
  })
})
