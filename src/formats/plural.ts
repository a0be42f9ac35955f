// Plural-category helpers shared by formats that encode plural forms in keys.
import type { PluralCategory } from '../model.js'

export const PLURAL_CATEGORIES: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other']

export function isPluralCategory(s: string): s is PluralCategory {
  return (PLURAL_CATEGORIES as readonly string[]).includes(s)
}
