// The config file's schema: `version: 1`, every setting the config may set, `groups`, and
// the sections of the rules and scorers. schema/config.schema.json is generated from it.
import { settingDefs, settingSchema } from '../settings.js'
import type { Schema } from './schema.js'

// Terms become patterns matched against every translation: keep them to term length.
const term: Schema = { type: 'string', minLength: 1, maxLength: 200 }

const severity: Schema = { type: 'string', enum: ['error', 'warning', 'info', 'off'] }

const localeMap = (value: Schema, description: string): Schema => ({ type: 'object', description, additionalProperties: value, keyName: 'locale' })

const ruleSetting: Schema = {
  anyOf: [
    severity,
    {
      type: 'object',
      properties: {
        severity,
        locales: localeMap(severity, 'Severity (or off) per target locale.'),
      },
    },
  ],
}

const custommtSection: Schema = {
  type: 'object',
  description:
    'Custom.MT QE. Every request is billed machine translation, so only the target locales or paths listed here are sent; a segment is scored only when its target is Custom.MT\'s own translation of the source.',
  properties: {
    templates: {
      type: 'array',
      description: 'The Custom.MT template of each language pair (`custommt-template` serves a single pair).',
      items: {
        type: 'object',
        required: ['target', 'template'],
        properties: {
          source: { type: 'string', minLength: 1, description: 'Source locale; empty: any.' },
          target: { type: 'string', minLength: 1, description: 'Target locale (`de` also covers `de-AT`).' },
          template: { type: 'string', minLength: 1, description: 'Template name as shown in the Custom.MT console.' },
        },
      },
    },
    locales: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Target locales to send (`de` also covers `de-AT`).' },
    paths: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Path globs of files to send (`locales/**`, `src/locale/*.xlf`).' },
  },
}

const openaiSection: Schema = {
  type: 'object',
  description: 'LLM quality estimation through an OpenAI-compatible server.',
  properties: {
    mode: { type: 'string', enum: ['da', 'mqm'], description: '`da`: one 0..100 score per segment (GEMBA-DA). `mqm`: error spans that become issues 1911-1917, scored 1 - (25 critical + 5 major + 1 minor) / 25, at least 0 (GEMBA-MQM).' },
    'batch-size': { type: 'integer', minimum: 1, maximum: 50, description: 'Segments per request (default 20; 10 in mqm mode).' },
  },
}

export const configSchema: Schema = {
  type: 'object',
  description: 'translation-quality-gate configuration (.github/translation-quality.yml)',
  required: ['version'],
  forbidden: Object.fromEntries(
    settingDefs
      .filter((d) => !d.config && (d.kind === 'secret' || d.kind === 'url' || d.env !== undefined))
      .map((d) => [d.name, `${d.kind === 'secret' ? 'secrets' : d.kind === 'url' ? 'service URLs' : 'service URL parameters'} come only from the action's inputs or the CLI's flags and environment${d.env ? ` (${d.env})` : ''}, so that a pull request cannot send them elsewhere`]),
  ),
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 1, description: 'Config format version; must be 1.' },
    ...Object.fromEntries(settingDefs.filter((d) => d.config).map((d) => [d.name, settingSchema(d)])),
    custommt: custommtSection,
    openai: openaiSection,
    groups: {
      type: 'array',
      description: 'Several locale roots (monorepos): each with its own files and source locale.',
      items: {
        type: 'object',
        required: ['files'],
        properties: {
          files: { type: 'array', items: { type: 'string' }, minItems: 1 },
          'source-locale': { type: 'string' },
        },
      },
    },
    rules: {
      type: 'object',
      description: 'Per rule (id like 1051 or name like icu-placeholder-missing): error, warning, info or off; or {severity, locales: {de: off}}.',
      additionalProperties: ruleSetting,
      keyName: 'rule id or name',
    },
    'strict-plurals': { type: 'boolean', description: 'Placeholders may not be dropped in plural forms that cover one number.' },
    terms: {
      type: 'object',
      properties: {
        'do-not-translate': { type: 'array', items: term, description: 'Terms kept as they are in every language (product names).' },
        forbidden: {
          type: 'array',
          description: 'Terms translations must not use (whole words, any case): a term, or {term, locales, instead}.',
          items: {
            anyOf: [
              term,
              {
                type: 'object',
                required: ['term'],
                properties: {
                  term,
                  locales: { type: 'array', items: { type: 'string' }, description: 'Only in these locales (a language such as de covers de-AT).' },
                  instead: { type: 'string', description: 'What to write instead, shown in the message.' },
                },
              },
            ],
          },
        },
      },
    },
    thresholds: {
      type: 'object',
      description: 'Thresholds per locale and per scorer, overriding `threshold`.',
      properties: {
        locales: localeMap({ type: 'number', minimum: 0, maximum: 1 }, 'Threshold per target locale.'),
        scorers: { type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 1 }, keyName: 'scorer', description: 'Threshold per scorer (phrase, custommt, openai, static).' },
      },
    },
    phrase: {
      type: 'object',
      description: 'Phrase QPS (the token, project and URL are inputs).',
      properties: {
        locales: localeMap({ type: 'string', minLength: 1 }, 'Phrase locale name or code per locale of the files, where they differ (pt-BR: pt_BR).'),
      },
    },
    wordbee: {
      type: 'object',
      description: 'Wordbee QA issues (the account, key and URL are inputs).',
      properties: {
        locales: localeMap({ type: 'string', minLength: 1 }, 'Wordbee language code per locale of the files, where they differ (de: de-DE).'),
        qa: {
          type: 'object',
          description: "Which Wordbee segments to read, in Wordbee's qa filter shape; empty: those with an active issue.",
          properties: {
            dismissed: { type: 'boolean' },
            severity: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 2 } },
            rules: { type: 'array', items: { type: 'integer', minimum: 0 } },
          },
        },
      },
    },
    'report-filter': {
      type: 'object',
      description: "Which issues to report, in Wordbee's qa filter shape.",
      properties: {
        dismissed: { type: 'boolean' },
        severity: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 2 } },
        rules: { type: 'array', items: { type: 'integer', minimum: 0 } },
      },
    },
    'max-length': {
      type: 'array',
      description: 'Length limits in characters for keys matching a pattern (`*` matches anything); a limit the file itself sets (XLIFF maxwidth) wins.',
      items: {
        type: 'object',
        required: ['key', 'max'],
        properties: {
          key: { type: 'string', minLength: 1, description: 'Key pattern, e.g. button.* or *.title.' },
          max: { type: 'integer', minimum: 1 },
          file: { type: 'string', description: 'Only in files matching this path pattern.' },
        },
      },
    },
    'custom-rules': {
      type: 'array',
      description: 'Your own rules: a regular expression that flags the translation (or the source) where it matches. Numbers 1801-1899.',
      items: {
        type: 'object',
        required: ['id', 'pattern', 'message'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Kebab-case id, used in rules, dismissals and reports.' },
          rule: { type: 'integer', minimum: 1801, maximum: 1899, description: 'Rule number; default 1801, 1802... in list order.' },
          pattern: { type: 'string', minLength: 1, format: 'regex', description: 'JavaScript regular expression (Unicode mode). A pattern that can backtrack exponentially (a repeated group holding a repetition, or alternatives that start alike) is refused; texts over 2,000 characters are not checked.' },
          message: { type: 'string', minLength: 1 },
          severity: { type: 'string', enum: ['error', 'warning', 'info'] },
          locales: { type: 'array', items: { type: 'string' }, description: 'Only in these locales (a language such as de covers de-AT).' },
          field: { type: 'string', enum: ['target', 'source'], description: 'Which text the pattern is matched against; default target.' },
          'ignore-case': { type: 'boolean' },
        },
      },
    },
    dismissals: {
      type: 'array',
      description: 'Issues accepted as false positives, each for one translation text (target or target-hash): a dismissal lapses when the text changes.',
      items: {
        type: 'object',
        required: ['file', 'key', 'rule', 'comment'],
        requiredOneOf: ['target', 'target-hash'],
        properties: {
          file: { type: 'string' },
          key: { type: 'string' },
          locale: { type: 'string' },
          rule: { anyOf: [{ type: 'integer', minimum: 1001 }, { type: 'string' }] },
          comment: { type: 'string', minLength: 1 },
          target: { type: 'string', description: 'The translation the dismissal was made for; it lapses when the text changes.' },
          'target-hash': { type: 'string', pattern: '^[0-9a-fA-F]{8,64}$', description: 'Instead of target: the first 8 or more hex digits of the SHA-256 of the translation (UTF-8).' },
        },
      },
    },
  },
}
