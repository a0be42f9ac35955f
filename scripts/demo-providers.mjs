// `npm run demo:providers`: the demo PR (examples/base -> examples/head) scored by every
// quality service, without accounts. It starts the local fakes of test/emulators/ with
// fixtures for the demo's strings, runs tqg against them as a user would, and prints how
// many requests each fake received. Extra arguments go to tqg (`-- --format json`).
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tsc = join(root, 'node_modules/.bin/tsc')

/**
 * tqg built from the sources with tsc (a second or two). The committed dist/ bundle may lag
 * behind the sources on a branch, and its age cannot be told from the files (a merge
 * touches both), so it runs only when asked: DEMO_CLI=dist.
 */
function cliPath() {
  if (process.env.DEMO_CLI === 'dist') return join(root, 'dist/cli.js')
  execFileSync(tsc, ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
  return join(root, 'lib/cli.js')
}

// The fakes are TypeScript shared with the tests: compile them (a second or so).
execFileSync(tsc, ['-p', join(root, 'tsconfig.emulators.json')], { stdio: 'inherit' })
const emulators = join(root, 'lib/demo/test/emulators')
const { CustomMtFake } = await import(join(emulators, 'custommt.js'))
const { OpenAiFake, judgementKey } = await import(join(emulators, 'openai.js'))
const { PhraseFake, phraseFixture } = await import(join(emulators, 'phrase.js'))
const { WordbeeFake } = await import(join(emulators, 'wordbee.js'))

const PHRASE_TOKEN = 'demo-phrase-token-0123456789'
const WORDBEE_API_KEY = 'demo-wordbee-key'
const CUSTOMMT_TOKEN = 'demo-custommt-token'
const OPENAI_API_KEY = 'sk-demo-0000000000000000'

// The Phrase project the demo's files sync with. Where Phrase holds another text than the PR
// (fr cart.remove still has the old {{item}}), its score is not about the PR: not applicable.
const phrase = await PhraseFake.start(
  phraseFixture(
    {
      de: {
        'cart.items': { one: 'Ein Artikel', other: 'Artikel' },
        'account.delete': 'Delete your account? This cannot be undone.',
        greeting: 'Willkommen zurück, {{name}}! ',
        'orders.count': { one: '%{count} Bestellung', other: '%{count} Bestellungen' },
        'orders.track': 'Sendung verfolgen',
      },
      fr: {
        'cart.checkout': 'Passer à la commande sécurisée',
        'cart.remove': 'Retirer {{item}} du panier ?',
        'cart.items': { one: '{{count}} article', other: '{{count}} articles' },
        'cart.coupon': 'Appliquer le code promo',
        'account.delete': 'Supprimer le compte ? Action irréversible.',
      },
    },
    {
      token: PHRASE_TOKEN,
      projectId: 'acme-shop',
      scores: { Artikel: 0.31, 'Delete your account? This cannot be undone.': 0.22, 'Sendung verfolgen': 0.55, 'Supprimer le compte ? Action irréversible.': 0.78 },
    },
  ),
)

// The Wordbee project where reviewers keep QA issues on the same strings; one of them was
// dismissed with a comment. They are reported on the PR's lines.
const wordbee = await WordbeeFake.start({
  accountId: 'acme',
  apiKey: WORDBEE_API_KEY,
  projectId: 4711,
  segments: [
    {
      sid: 101,
      key: 'account.delete',
      texts: {
        en: { val: 'Delete your account? This cannot be undone.' },
        de: { val: 'Delete your account? This cannot be undone.', issues: [{ s: 2, d: 'Target is identical to the source', r: 12 }] },
        fr: { val: 'Supprimer le compte ? Action irréversible.', issues: [{ s: 1, d: 'Terminology: "compte" should be "votre compte" (glossary)', r: 30, c: 'Glossary entry ACC-12' }] },
      },
    },
    {
      sid: 102,
      key: 'cart.coupon',
      texts: { en: { val: 'Apply coupon' }, de: { val: '', issues: [{ s: 2, d: 'Empty translation', r: 5, x: true, c: 'Filled in by the next sync' }] } },
    },
    { sid: 103, key: 'cart.checkout', texts: { en: { val: 'Continue to secure checkout' }, fr: { val: 'Passer à la commande sécurisée' } } },
  ],
})

// What Custom.MT's engine makes of the demo's new and changed sources. A target that is not
// this translation is reported as not applicable: QE scores Custom.MT's own translation.
const custommt = await CustomMtFake.start({
  token: CUSTOMMT_TOKEN,
  templates: [
    { name: 'Acme Shop EN-DE', source: 'en', target: 'de', successScore: 0.8 },
    { name: 'Acme Shop EN-FR', source: 'en', target: 'fr', successScore: 0.8 },
  ],
  translations: {
    'Acme Shop EN-DE': {
      '{{count}} item': { target: '{{count}} Artikel', score: 0.9 },
      '{{count}} items': { target: '{{count}} Artikel', score: 0.9 },
      'Apply coupon': { target: 'Gutschein einlösen', score: 0.92 },
      'Delete your account? This cannot be undone.': { target: 'Konto löschen? Dies kann nicht rückgängig gemacht werden.', score: 0.9 },
      'Welcome back, {{name}}!': { target: 'Willkommen zurück, {{name}}!', score: 0.93 },
      '%{count} order': { target: '%{count} Bestellung', score: 0.97 },
      '%{count} orders': { target: '%{count} Bestellungen', score: 0.96 },
      'Track package %{number}': { target: 'Sendung %{number} verfolgen', score: 0.9 },
    },
    'Acme Shop EN-FR': {
      'Continue to secure checkout': { target: 'Passer à la commande sécurisée', score: 0.91 },
      'Remove {{item}} from your cart?': { target: 'Retirer {{item}} du panier ?', score: 0.94 },
      '{{count}} item': { target: '{{count}} article', score: 0.97 },
      '{{count}} items': { target: '{{count}} articles', score: 0.74 },
      'Apply coupon': { target: 'Appliquer le coupon', score: 0.9 },
      'Delete your account? This cannot be undone.': { target: 'Supprimer votre compte ? Cette action est irréversible.', score: 0.88 },
    },
  },
})

// How the "model" judges the demo's translations (0..100); others get a default of 88.
const openai = await OpenAiFake.start({
  apiKey: OPENAI_API_KEY,
  models: ['gpt-4o-mini'],
  judgements: {
    [judgementKey('{{count}} items', 'Artikel')]: { score: 35, errors: [{ severity: 'major', category: 'accuracy/omission', span: 'Artikel' }] },
    [judgementKey('Remove {{item}} from your cart?', 'Retirer {{article}} du panier ?')]: { score: 62, errors: [{ severity: 'major', category: 'accuracy/mistranslation', span: '{{article}}' }] },
    [judgementKey('Delete your account? This cannot be undone.', 'Supprimer le compte ? Action irréversible.')]: { score: 81, errors: [{ severity: 'minor', category: 'style/awkward', span: 'Action irréversible' }] },
    [judgementKey('Track package %{number}', 'Sendung verfolgen')]: { score: 48, errors: [{ severity: 'major', category: 'accuracy/omission', span: 'Sendung verfolgen' }] },
  },
})

const fakes = [
  ['Phrase', phrase],
  ['Custom.MT', custommt],
  ['OpenAI-compatible LLM', openai],
  ['Wordbee', wordbee],
]
console.error(fakes.map(([name, fake]) => `${name} fake on ${fake.server.url}`).join('\n'))

const cli = cliPath()
const args = [
  cli,
  'examples/base',
  'examples/head',
  '--config',
  'examples/providers.yml',
  // Every run asks the fakes again: the demo shows the requests, not the cache.
  '--cache-dir',
  'off',
  '--phrase-project-id',
  'acme-shop',
  '--phrase-api-url',
  phrase.url,
  '--custommt-api-url',
  custommt.server.url,
  '--openai-base-url',
  openai.baseUrl(),
  '--wordbee-account-id',
  'acme',
  '--wordbee-project-id',
  '4711',
  '--wordbee-api-url',
  wordbee.url,
  ...process.argv.slice(2),
]
console.error(`$ node ${args.map((a) => (a.startsWith(root) ? a.slice(root.length) : a)).join(' ')}\n`)
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PHRASE_TOKEN, CUSTOMMT_TOKEN, OPENAI_API_KEY, WORDBEE_API_KEY } })
  child.on('exit', (c) => resolve(c ?? 3))
})
console.error(`\nRequests the fakes received: ${fakes.map(([name, fake]) => `${name} ${fake.server.requests.length}`).join(', ')}; tqg exited ${code}`)
await Promise.all(fakes.map(([, fake]) => fake.close()))
process.exit(code)
