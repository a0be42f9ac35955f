// A small JSON Schema subset: enough to describe the config file, to validate it with
// errors that name the key, its line and the expected form, and to publish it as
// schema/config.schema.json for editors.

export type Schema =
  | { type: 'string'; description?: string; enum?: readonly string[]; pattern?: string; minLength?: number; maxLength?: number; format?: 'regex' }
  | { type: 'number' | 'integer'; description?: string; minimum?: number; maximum?: number }
  | { type: 'boolean'; description?: string }
  | { type: 'array'; description?: string; items: Schema; minItems?: number }
  | {
      type: 'object'
      description?: string
      properties?: Record<string, Schema>
      required?: readonly string[]
      /** At least one of these keys must be present. */
      requiredOneOf?: readonly string[]
      /** Schema of keys not listed in `properties`; false (the default) rejects them. */
      additionalProperties?: Schema | false
      /** Names for free-form keys, e.g. "locale" or "rule id or name", for messages. */
      keyName?: string
      /** Keys that are known but not allowed here, with the reason (not part of the JSON Schema). */
      forbidden?: Record<string, string>
    }
  | { anyOf: readonly Schema[]; description?: string }

/** Describes the expected form of a value, for error messages. */
export function expected(schema: Schema): string {
  if ('anyOf' in schema) return schema.anyOf.map(expected).join(', or ')
  switch (schema.type) {
    case 'string':
      if (schema.enum) return `one of ${schema.enum.map((v) => `'${v}'`).join(', ')}`
      return 'a string'
    case 'number':
    case 'integer': {
      const noun = schema.type === 'integer' ? 'a whole number' : 'a number'
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `${noun} from ${schema.minimum} to ${schema.maximum}`
      if (schema.minimum !== undefined) return `${noun} of at least ${schema.minimum}`
      return noun
    }
    case 'boolean':
      return 'true or false'
    case 'array':
      return `a list of ${expected(schema.items).replace(/^an? /, '').replace(/^one of/, 'values among')}`
    case 'object':
      return schema.properties ? `a map with keys ${Object.keys(schema.properties).join(', ')}` : 'a map'
  }
}

/** Converts to a standard JSON Schema document (drops our `keyName`). */
export function toJsonSchema(schema: Schema): unknown {
  if ('anyOf' in schema) return { ...schema, anyOf: schema.anyOf.map(toJsonSchema) }
  if (schema.type === 'array') return { ...schema, items: toJsonSchema(schema.items) }
  if (schema.type === 'object') {
    const { keyName: _, forbidden: __, requiredOneOf, ...rest } = schema
    return {
      ...rest,
      ...(requiredOneOf && { anyOf: requiredOneOf.map((k) => ({ required: [k] })) }),
      ...(schema.properties && { properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toJsonSchema(v)])) }),
      additionalProperties: schema.additionalProperties ? toJsonSchema(schema.additionalProperties) : false,
    }
  }
  return schema
}

/** Damerau-free Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length]
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}
