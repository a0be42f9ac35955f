// Reads the YAML config file against its schema. Pure: text in, a plain value and a list
// of problems (each naming the key, its line, and the expected form) out.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { exponentialRisk } from '../checks/custom-regex.js'
import { expected, nearest, type Schema } from './schema.js'

export interface ConfigProblem {
  /** Dotted path of the key, e.g. `groups[0].source-locale`. */
  key: string
  message: string
  line: number
  column: number
}

export interface ValidatedConfig {
  value?: Record<string, unknown>
  problems: ConfigProblem[]
}

interface Ctx {
  counter: LineCounter
  problems: ConfigProblem[]
}

function report(ctx: Ctx, node: Node | null | undefined, key: string, message: string): void {
  const { line, col } = ctx.counter.linePos(node?.range?.[0] ?? 0)
  ctx.problems.push({ key, message, line, column: col })
}

function show(node: Node | null | undefined): string {
  if (!node) return 'nothing'
  if (isScalar(node)) return node.value === null ? 'nothing' : JSON.stringify(node.value)
  if (isMap(node)) return 'a map'
  if (isSeq(node)) return 'a list'
  return 'a value'
}

/** Validates one node; returns the plain value, or undefined when invalid (already reported). */
function check(ctx: Ctx, node: Node | null | undefined, schema: Schema, key: string): unknown {
  if ('anyOf' in schema) {
    for (const option of schema.anyOf) {
      const probe: Ctx = { counter: ctx.counter, problems: [] }
      const value = check(probe, node, option, key)
      if (probe.problems.length === 0) return value
    }
    report(ctx, node, key, `${key} is ${show(node)}; expected ${expected(schema)}`)
    return undefined
  }
  const bad = () => {
    report(ctx, node, key, `${key || 'The config file'} is ${show(node)}; expected ${expected(schema)}`)
    return undefined
  }
  switch (schema.type) {
    case 'string': {
      if (!isScalar(node) || node.value === null || typeof node.value === 'object') return bad()
      const value = String(node.value)
      if (schema.enum && !schema.enum.includes(value)) {
        const hint = nearest(value, schema.enum)
        report(ctx, node, key, `${key} is ${JSON.stringify(value)}; expected ${expected(schema)}${hint ? ` (did you mean '${hint}'?)` : ''}`)
        return undefined
      }
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) return bad()
      if (schema.minLength !== undefined && value.length < schema.minLength) return bad()
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        report(ctx, node, key, `${key} is ${value.length.toLocaleString('en')} characters long; expected at most ${schema.maxLength}`)
        return undefined
      }
      if (schema.format === 'regex') {
        try {
          new RegExp(value, 'u')
        } catch (e) {
          report(ctx, node, key, `${key} is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`)
          return undefined
        }
        const risk = exponentialRisk(value)
        if (risk) {
          report(ctx, node, key, `${key} ${JSON.stringify(value)} can take exponential time on some texts and is refused: ${risk}`)
          return undefined
        }
      }
      return value
    }
    case 'number':
    case 'integer': {
      if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) return bad()
      const value = node.value
      if (schema.type === 'integer' && !Number.isInteger(value)) return bad()
      if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) return bad()
      return value
    }
    case 'boolean':
      if (!isScalar(node) || typeof node.value !== 'boolean') return bad()
      return node.value
    case 'array': {
      if (!isSeq(node)) return bad()
      if (schema.minItems !== undefined && node.items.length < schema.minItems) return bad()
      return node.items.map((item, i) => check(ctx, item as Node, schema.items, `${key}[${i}]`))
    }
    case 'object': {
      if (!isMap(node)) return bad()
      const out: Record<string, unknown> = Object.create(null)
      const known = schema.properties ?? {}
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          report(ctx, keyNode, key, `${key || 'the config'} has a key that is not a plain name`)
          continue
        }
        const name = String(keyNode.value)
        const path = key ? `${key}.${name}` : name
        if (Object.hasOwn(out, name)) {
          report(ctx, keyNode, path, `${path} is set twice`)
          continue
        }
        const propSchema = Object.hasOwn(known, name) ? known[name] : schema.additionalProperties || undefined
        if (!propSchema && schema.forbidden && Object.hasOwn(schema.forbidden, name)) {
          report(ctx, keyNode, path, `${path} cannot be set in the config file: ${schema.forbidden[name]}`)
          continue
        }
        if (!propSchema) {
          const hint = nearest(name, Object.keys(known))
          report(ctx, keyNode, path, `Unknown key ${path}${hint ? `; did you mean '${hint}'?` : ''} (expected ${Object.keys(known).join(', ')})`)
          continue
        }
        out[name] = check(ctx, pair.value as Node, propSchema, path)
      }
      for (const req of schema.required ?? []) {
        if (!Object.hasOwn(out, req)) report(ctx, node, key ? `${key}.${req}` : req, `${key ? `${key}.${req}` : req} is required`)
      }
      if (schema.requiredOneOf && !schema.requiredOneOf.some((k) => Object.hasOwn(out, k))) {
        report(ctx, node, key, `${key || 'The config file'} needs one of ${schema.requiredOneOf.join(', ')}`)
      }
      return out
    }
  }
}

export function validateConfig(text: string, schema: Schema): ValidatedConfig {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false })
  const ctx: Ctx = { counter, problems: [] }
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const { line, col } = counter.linePos(e.pos[0])
      const lineText = text.slice(counter.lineStarts[line - 1], counter.lineStarts[line] ?? text.length)
      // The most common mistake: `files: [locales/{locale}/*.json]`, where `{` opens a map.
      const hint = /\[[^\]]*\{[-_.]?locale\}/.test(lineText) ? " (quote patterns inside [ ] lists: there '{' starts a YAML map)" : ''
      ctx.problems.push({ key: '', message: `Invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}${hint}`, line, column: col })
    }
    return { problems: ctx.problems }
  }
  if (doc.contents === null) return { value: Object.create(null), problems: [] }
  const value = check(ctx, doc.contents as Node, schema, '') as Record<string, unknown> | undefined
  return { value: ctx.problems.length === 0 ? value : undefined, problems: ctx.problems }
}
