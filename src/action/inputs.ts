// The only reader of the action's inputs. Builds the same raw record the CLI builds from its
// flags, masks every secret before anything else happens, and resolves the settings with
// the config file read from a trusted tree (the base commit under pull_request_target).
import * as core from '@actions/core'
import type { Tree } from '../changes/tree.js'
import { parseConfig } from '../config/index.js'
import { decode } from '../formats/decode.js'
import { resolveSettings, secretValues, SettingsError, settingDefs, type Origin, type Settings } from '../settings.js'

export const inputOrigin: Origin = (name) => `input '${name}'`

const ACTION_SETTINGS = settingDefs.filter((d) => d.only !== 'cli')

/** Every input by setting name; empty inputs are unset. Secrets are masked in the log first. */
export function readInputs(): Record<string, string | undefined> {
  const secrets = Object.fromEntries(ACTION_SETTINGS.filter((d) => d.kind === 'secret').map((d) => [d.name, core.getInput(d.name)]))
  for (const value of secretValues(secrets)) core.setSecret(value)
  const inputs: Record<string, string | undefined> = {}
  for (const def of ACTION_SETTINGS) {
    const value = core.getInput(def.name)
    inputs[def.name] = value === '' ? undefined : value
  }
  return inputs
}

/** Checks the inputs alone, so a typo fails before any request is made. */
export function checkInputs(inputs: Record<string, string | undefined>): void {
  resolveSettings({ inputs, origin: inputOrigin })
}

/** Repository paths only: no absolute paths, no `..`. */
function repoPath(raw: string, input: string): string {
  const path = raw.trim().replace(/^\.\//, '')
  if (path.startsWith('/') || path.split('/').includes('..')) {
    throw new SettingsError(`Invalid input '${input}': '${raw}'. Expected a path inside the repository.`)
  }
  return path
}

/** A text file of the trusted tree (the config file, the scores file). */
export async function readTrustedText(tree: Tree, raw: string, input: string): Promise<string | undefined> {
  const bytes = await tree.read(repoPath(raw, input))
  if (!bytes) return undefined
  return decode(bytes).text
}

export async function loadSettings(inputs: Record<string, string | undefined>, trusted: Tree): Promise<{ settings: Settings; configLabel?: string }> {
  const explicit = inputs.config?.trim()
  const path = explicit || settingDefs.find((d) => d.name === 'config')!.default!
  const text = await readTrustedText(trusted, path, 'config')
  if (text === undefined && explicit) {
    throw new SettingsError(`Invalid input 'config': '${explicit}' does not exist in ${trusted.label}. Expected the path of a YAML config file in the repository.`)
  }
  const label = text === undefined ? undefined : `${path} (${trusted.label})`
  const config = text === undefined ? undefined : parseConfig(text, label!)
  return { settings: resolveSettings({ inputs, origin: inputOrigin, config, configLabel: label }), configLabel: label }
}
