// Plural-category helpers shared by formats that encode plural forms in keys.
import type { PluralCategory } from '../model.js'

export const PLURAL_CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other']

export function isPluralCategory(s: string): s is PluralCategory {
  return (PLURAL_CATEGORIES as readonly string[]).includes(s)
}

/** An object or map whose keys are all plural categories, `other` among them: the forms of one message. */
export function isPluralMap(keys: readonly (string | undefined)[]): boolean {
  return keys.includes('other') && keys.every((k) => k !== undefined && isPluralCategory(k))
}
