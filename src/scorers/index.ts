// The scorer registry: builds the quality services the settings enable. A new service is
// one module plus one entry here. Services without credentials are skipped, said once.
import type { Logger } from '../log.js'
import { SettingsError, type Settings } from '../settings.js'
import { customMtFromSettings } from './custommt.js'
import { openAiFromSettings } from './openai.js'
import type { Scorer } from './scorer.js'
import { parseScoresFile, staticScorer } from './static.js'

export type { Scorer, ScoringContext } from './scorer.js'

export interface ScorerIo {
  readText(path: string): Promise<string>
  log: Logger
}

export interface BuiltScorers {
  scorers: Scorer[]
  notes: string[]
}

export async function buildScorers(settings: Settings, io: ScorerIo): Promise<BuiltScorers> {
  const scorers: Scorer[] = []
  const notes: string[] = []
  if (settings.scoresFile) {
    let text: string
    try {
      text = await io.readText(settings.scoresFile)
    } catch {
      throw new SettingsError(`Invalid scores-file: '${settings.scoresFile}' cannot be read. Expected the path of a JSON file.`)
    }
    scorers.push(staticScorer(parseScoresFile(text, settings.scoresFile)))
  }
  for (const service of [customMtFromSettings, openAiFromSettings]) {
    const { scorer, note } = service(settings, io.log)
    if (scorer) scorers.push(scorer)
    if (note) notes.push(note)
  }
  if (scorers.length === 0) notes.push('No quality service configured: segments are checked by the QA rules only.')
  return { scorers, notes }
}
