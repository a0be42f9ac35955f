// The scorer registry: builds the quality services the settings enable. A new service is
// one module plus one entry here. Services without credentials are skipped, said once.
import type { Logger } from '../log.js'
import { SettingsError, type Settings } from '../settings.js'
import { customMtFromSettings } from './custommt.js'
import { openAiFromSettings } from './openai.js'
import type { Scorer } from './scorer.js'
import { PhraseScorer } from './phrase.js'
import { parseScoresFile, staticScorer } from './static.js'
import { WordbeeScorer, type WordbeeQaFilter } from './wordbee.js'

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
    } catch (e) {
      if (e instanceof SettingsError) throw e
      throw new SettingsError(`Invalid scores-file: '${settings.scoresFile}' cannot be read (${(e as Error).message}). Expected the path of a JSON file.`)
    }
    scorers.push(staticScorer(parseScoresFile(text, settings.scoresFile)))
  }
  const phrase = phraseFromSettings(settings, io, notes)
  if (phrase) scorers.push(phrase)
  const wordbee = wordbeeFromSettings(settings, io, notes)
  if (wordbee) scorers.push(wordbee)
  for (const service of [customMtFromSettings, openAiFromSettings]) {
    const { scorer, note } = service(settings, io.log)
    if (scorer) scorers.push(scorer)
    if (note) notes.push(note)
  }
  if (scorers.length === 0) notes.push('No quality service configured: segments are checked by the QA rules only.')
  return { scorers, notes }
}

function phraseFromSettings(settings: Settings, io: ScorerIo, notes: string[]): Scorer | undefined {
  const { token, projectId, apiUrl, branch, otp } = settings.phrase
  if (!token) {
    if (projectId) notes.push('Phrase QPS skipped: phrase-project-id is set but phrase-token is empty (pull requests from forks get no secrets).')
    return undefined
  }
  if (!projectId) throw new SettingsError('Invalid settings: phrase-token is set but phrase-project-id is not. Expected the id of the Phrase Strings project (Project settings > API).')
  const section = (settings.extra.sections.phrase ?? {}) as { locales?: Record<string, string> }
  return new PhraseScorer({ token, projectId, apiUrl, branch, otp, locales: section.locales, log: io.log })
}

function wordbeeFromSettings(settings: Settings, io: ScorerIo, notes: string[]): Scorer | undefined {
  const { accountId, apiKey, apiUrl, projectId, push } = settings.wordbee
  if (!apiKey) {
    if (accountId || projectId !== undefined) notes.push('Wordbee skipped: wordbee-api-key is empty (pull requests from forks get no secrets).')
    return undefined
  }
  const missing = [!accountId && 'wordbee-account-id', !apiUrl && 'wordbee-api-url', projectId === undefined && 'wordbee-project-id'].filter(Boolean)
  if (missing.length > 0) throw new SettingsError(`Invalid settings: wordbee-api-key is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not. Wordbee needs the account id, the platform URL and the project id.`)
  const section = (settings.extra.sections.wordbee ?? {}) as { locales?: Record<string, string>; qa?: WordbeeQaFilter }
  return new WordbeeScorer({ accountId: accountId!, apiKey, apiUrl: apiUrl!, projectId: projectId!, push, locales: section.locales, qa: section.qa, log: io.log })
}
