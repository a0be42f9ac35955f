// The replacement fields of the syntaxes that escape braces by doubling them (`{{`, `}}`):
// Python str.format and .NET composite formatting. Both reject a single unescaped brace.

export interface BraceField {
  /** Offset of the opening `{`. */
  start: number
  /** Offset after the closing `}`. */
  end: number
  /** The text between the braces. */
  body: string
}

export interface BraceScan {
  fields: BraceField[]
  error?: { message: string; offset: number }
}

/** `nested`: a field's format spec may hold fields of its own (Python `{0:{width}}`). */
export function scanBraceFields(text: string, nested: boolean): BraceScan {
  const fields: BraceField[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '}') {
      if (text[i + 1] === '}') {
        i += 2
        continue
      }
      return { fields, error: { message: "a single '}' must be written '}}'", offset: i } }
    }
    if (c !== '{') {
      i++
      continue
    }
    if (text[i + 1] === '{') {
      i += 2
      continue
    }
    let depth = 1
    let j = i + 1
    while (j < text.length && depth > 0) {
      if (text[j] === '{') {
        if (!nested) return { fields, error: { message: "a '{' inside a placeholder must be written '{{'", offset: j } }
        depth++
      } else if (text[j] === '}') depth--
      j++
    }
    if (depth > 0) return { fields, error: { message: `'{' is not closed; a literal brace is written '{{'`, offset: i } }
    fields.push({ start: i, end: j, body: text.slice(i + 1, j - 1) })
    i = j
  }
  return { fields }
}
