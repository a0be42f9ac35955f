// The four quality-service fakes with fixtures for the demo PR's strings (examples/base ->
// examples/head): what `npm run demo:providers` runs tqg against, and what the bundled
// action is run against in test/e2e/scorers.test.ts. With examples/providers.yml as the
// config file, every service scores or reads the demo's changed segments.
import { CustomMtFake } from './custommt.js'
import { judgementKey, OpenAiFake } from './openai.js'
import { PhraseFake, phraseFixture } from './phrase.js'
import type { FakeServer } from './server.js'
import { WordbeeFake } from './wordbee.js'

export interface DemoFakes {
  phrase: PhraseFake
  custommt: CustomMtFake
  openai: OpenAiFake
  wordbee: WordbeeFake
  /** The settings (flag or input names) that point tqg at the fakes. */
  settings: Record<string, string>
  /** The secrets by setting name (`phrase-token`...). */
  secrets: Record<string, string>
  /** Each fake under the service's name, for counting requests. */
  named: Array<[string, { server: FakeServer }]>
  close(): Promise<void>
}

const SECRETS = {
  'phrase-token': 'demo-phrase-token-0123456789',
  'wordbee-api-key': 'demo-wordbee-key',
  'custommt-token': 'demo-custommt-token',
  'openai-api-key': 'sk-demo-0000000000000000',
}

export async function startDemoFakes(): Promise<DemoFakes> {
  // The Phrase project the demo's files sync with. Where Phrase holds another text than the
  // PR (fr cart.remove still has the old {{item}}), its score is not about the PR: not applicable.
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
        token: SECRETS['phrase-token'],
        projectId: 'acme-shop',
        scores: { Artikel: 0.31, 'Delete your account? This cannot be undone.': 0.22, 'Sendung verfolgen': 0.55, 'Supprimer le compte ? Action irréversible.': 0.78 },
      },
    ),
  )

  // The Wordbee project where reviewers keep QA issues on the same strings; one of them was
  // dismissed with a comment. They are reported on the PR's lines.
  const wordbee = await WordbeeFake.start({
    accountId: 'acme',
    apiKey: SECRETS['wordbee-api-key'],
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
    token: SECRETS['custommt-token'],
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
    apiKey: SECRETS['openai-api-key'],
    models: ['gpt-4o-mini'],
    judgements: {
      [judgementKey('{{count}} items', 'Artikel')]: { score: 35, errors: [{ severity: 'major', category: 'accuracy/omission', span: 'Artikel' }] },
      [judgementKey('Remove {{item}} from your cart?', 'Retirer {{article}} du panier ?')]: { score: 62, errors: [{ severity: 'major', category: 'accuracy/mistranslation', span: '{{article}}' }] },
      [judgementKey('Delete your account? This cannot be undone.', 'Supprimer le compte ? Action irréversible.')]: { score: 81, errors: [{ severity: 'minor', category: 'style/awkward', span: 'Action irréversible' }] },
      [judgementKey('Track package %{number}', 'Sendung verfolgen')]: { score: 48, errors: [{ severity: 'major', category: 'accuracy/omission', span: 'Sendung verfolgen' }] },
    },
  })

  return {
    phrase,
    custommt,
    openai,
    wordbee,
    settings: {
      'phrase-project-id': 'acme-shop',
      'phrase-api-url': phrase.url,
      'custommt-api-url': custommt.server.url,
      'openai-base-url': openai.baseUrl(),
      'wordbee-account-id': 'acme',
      'wordbee-project-id': '4711',
      'wordbee-api-url': wordbee.url,
    },
    secrets: { ...SECRETS },
    named: [
      ['Phrase', phrase],
      ['Custom.MT', custommt],
      ['OpenAI-compatible LLM', openai],
      ['Wordbee', wordbee],
    ],
    close: async () => void (await Promise.all([phrase.close(), custommt.close(), openai.close(), wordbee.close()])),
  }
}
