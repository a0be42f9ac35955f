// The config file: YAML text in, a validated plain object out, or one SettingsError that
// lists every problem with its key and line.
import { SettingsError } from '../settings.js'
import { configSchema } from './config-schema.js'
import { validateConfig } from './validate.js'

export function parseConfig(text: string, label: string): Record<string, unknown> {
  const { value, problems } = validateConfig(text, configSchema)
  if (problems.length > 0 || !value) {
    const lines = problems.map((p) => `  ${label}:${p.line}:${p.column}: ${p.message}`)
    throw new SettingsError(`Invalid config file ${label}:\n${lines.join('\n')}`)
  }
  return value
}
