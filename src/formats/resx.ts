// .NET resources (`Resources.resx` the source, `Resources.de.resx`, `Resources.de-DE.resx`):
// each `<data name>` with a `<value>` is a string, its `<comment>` the developer's note.
// Resources with a `mimetype` or a non-string `type` (images, files, serialized objects)
// are not text and are skipped. Strings are .NET composite format strings (`{0:N2}`).
import type { ParseResult, Unit } from '../model.js'
import type { Format } from './format.js'
import { KeyedUnits } from './keyed-units.js'
import { childNamed, readXml, textContent, valueSpan } from './xml.js'

function isText(type: string | undefined, mimetype: string | undefined): boolean {
  return mimetype === undefined && (type === undefined || /^System\.String\b/.test(type))
}

export function parseResx(text: string): ParseResult {
  const doc = readXml(text)
  const problems = [...doc.problems]
  const root = doc.root
  if (!root) return { units: [], problems }
  if (root.name !== 'root') {
    problems.push({ message: `Not a .resx file: the root element is <${root.name}>, expected <root>`, offset: root.start })
    return { units: [], problems }
  }
  const units = new KeyedUnits(problems)
  for (const data of root.children) {
    if (data.name !== 'data') continue
    const name = data.attributes.name
    if (!name) {
      problems.push({ message: '<data> without a name attribute', offset: data.start })
      continue
    }
    if (!isText(data.attributes.type, data.attributes.mimetype)) continue
    const value = childNamed(data, 'value')
    const comment = childNamed(data, 'comment')
    const note = comment ? textContent(doc, comment, problems).trim() : ''
    const unit: Unit = {
      key: name,
      value: value ? textContent(doc, value, problems) : '',
      span: valueSpan(value ?? data),
      syntax: ['dotnet'],
      ...(note && { comment: note }),
    }
    units.add('data', name, data.start, [unit])
  }
  return { units: units.units, problems }
}

export const resx: Format = {
  id: 'resx',
  label: '.NET resources (.resx)',
  // XML may be stored as UTF-16 (Trados, Visual Studio can write it).
  allowUtf16: true,
  handles: (path) => path.toLowerCase().endsWith('.resx'),
  syntax: ['dotnet'],
  parse: (text) => parseResx(text),
  layouts: ['**/*{.locale}.resx'],
}
