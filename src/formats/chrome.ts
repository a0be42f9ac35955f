// Chrome (and WebExtension) `_locales/{locale}/messages.json`: each message is an object
// whose `message` is the text, `description` its comment, and `placeholders` the `$name$`
// values (code, not text to translate). Message names are case-insensitive in Chrome, so
// unit keys are lower-cased: `extName` in one locale pairs with `EXTNAME` in another.
import type { ParseResult, Unit } from '../model.js'
import type { Format } from './format.js'
import { describeNode, lastEntries, member, parseJsonTree } from './json-tree.js'
import { RULE } from '../rule-numbers.js'

export function parseChromeMessages(text: string): ParseResult {
  const { root, problems } = parseJsonTree(text)
  if (!root) return { units: [], problems }
  if (root.type !== 'object') {
    problems.push({ message: `Expected an object of messages, found ${describeNode(root)}`, offset: root.start })
    return { units: [], problems }
  }
  const units: Unit[] = []
  for (const entry of lastEntries(root, problems, RULE.duplicateKey, (k) => k.toLowerCase())) {
    if (!/^[A-Za-z0-9_@]+$/.test(entry.key) || entry.key.startsWith('@@')) {
      problems.push({ message: `Invalid message name ${JSON.stringify(entry.key)}: Chrome allows only A-Z, a-z, 0-9, _ and @, and reserves names starting with @@`, offset: entry.keyStart })
    }
    const message = member(entry.value, 'message')
    if (message?.type !== 'string') {
      const what = entry.value.type !== 'object' ? `must be an object with a "message", found ${describeNode(entry.value)}` : 'has no "message" string'
      problems.push({ message: `The message ${JSON.stringify(entry.key)} ${what}; Chrome will not load the extension`, offset: entry.value.start })
      continue
    }
    const description = member(entry.value, 'description')
    units.push({
      key: entry.key.toLowerCase(),
      value: message.value,
      span: { start: message.start, end: message.start + 1 },
      ...(description?.type === 'string' && description.value && { comment: description.value }),
    })
  }
  return { units, problems }
}

export const chrome: Format = {
  id: 'chrome',
  label: 'Chrome extension messages.json',
  handles: (path) => /(?:^|\/)_locales\/[^/]+\/messages\.json$/i.test(path),
  syntax: ['chrome'],
  parse: (text) => parseChromeMessages(text),
  layouts: ['**/_locales/{locale}/messages.json'],
}
