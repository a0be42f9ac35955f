// The CLI's output formats. A new format is one renderer plus one line here.
import type { Report } from '../model.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderSarif } from './sarif.js'
import { renderText } from './text.js'

export type Renderer = (report: Report, version: string) => string

export const renderers: Record<string, Renderer> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  markdown: (report) => renderMarkdown(report),
}
