// Wires the stages in order: changes -> formats -> pairing -> checks -> scorers -> policy
// -> write-back (scorers that push results to their service).
// No logic of its own; the entries (cli.ts, the action) add the reporters.
import { findBundles, PathClaims, sourceFallbackNotes, type Bundle } from './bundles.js'
import type { Changes, Tree } from './changes/tree.js'
import { checks } from './checks/index.js'
import { customChecks } from './checks/custom.js'
import { runChecks } from './checks/engine.js'
import { needsReview } from './checks/state.js'
import { detectPatterns, TMS_CONFIGS } from './detect.js'
import { IsolatedRegex } from './isolated-regex.js'
import { loadBundle } from './load.js'
import type { Logger } from './log.js'
import type { FileFinding, Report, Segment } from './model.js'
import { pairBundle } from './pairing.js'
import { forLocale } from './paths.js'
import { checkDismissals, decide } from './policy.js'
import { ruleSettings } from './rule-settings.js'
import { allRules } from './rules.js'
import type { ScoreCache } from './scorers/cache.js'
import type { Scorer } from './scorers/scorer.js'
import { scoreSegments } from './scoring.js'
import type { Settings } from './settings.js'
import { writeBack } from './write-back.js'

export interface PipelineDeps {
  changes: Changes
  /**
   * Where the repository's own settings files are read (the TMS sync configs that auto-detect
   * the locale files): the base commit under pull_request_target, like the config file, so a
   * PR cannot point detection away from the files it breaks. Default: the head.
   */
  trusted?: Tree
  scorers: Scorer[]
  cache: ScoreCache
  log: Logger
  /** Notes from the entry (scorers skipped for lack of credentials...). */
  notes?: string[]
}

async function findAllBundles(settings: Settings, changes: Changes, trusted: Tree, notes: string[], claims: PathClaims): Promise<Bundle[]> {
  const [headPaths, basePaths] = await Promise.all([changes.head.list(), changes.base.list()])
  const paths = [...new Set([...headPaths, ...basePaths])].sort()
  const bundles: Bundle[] = []
  const tmsConfigs: Record<string, string> = {}
  if (settings.groups.some((g) => g.files.length === 0)) {
    for (const name of Object.keys(TMS_CONFIGS)) {
      const bytes = await trusted.read(name)
      if (bytes) tmsConfigs[name] = new TextDecoder().decode(bytes)
    }
  }
  for (const group of settings.groups) {
    let patterns = group.files
    if (patterns.length === 0) {
      const detection = detectPatterns(headPaths, group.sourceLocale, tmsConfigs)
      notes.push(...detection.notes)
      patterns = detection.patterns
    }
    bundles.push(...findBundles(patterns, paths, group.sourceLocale, claims))
  }
  return bundles
}

export async function runPipeline(settings: Settings, deps: PipelineDeps): Promise<Report> {
  const { changes, log } = deps
  const notes = [...(deps.notes ?? [])]
  const custom = customChecks(settings.extra.customRules, allRules(), { isolate: (source, flags) => new IsolatedRegex(source, flags) })
  const rules = ruleSettings(settings.extra.rules, undefined, custom)
  checkDismissals(settings.extra.dismissals, rules)

  const bundles = await log.group('Locale files', async () => {
    log.info(`Comparing ${changes.description}`)
    const claims = new PathClaims()
    const found = await findAllBundles(settings, changes, deps.trusted ?? changes.head, notes, claims)
    const files = found.reduce((n, b) => n + b.targets.length + (b.source ? 1 : 0), 0)
    log.info(`${found.length} bundle(s) of ${files} locale file(s) match the patterns`)
    for (const note of [...claims.notes(), ...sourceFallbackNotes(found)]) log.info(note)
    return found
  })

  const { segments, fileFindings } = await log.group('Read and pair', async () => {
    const segments: Segment[] = []
    const fileFindings: FileFinding[] = []
    let touched = 0
    for (const bundle of bundles) {
      const loaded = await loadBundle(bundle, changes, settings.maxFileSize)
      if (!loaded) continue
      touched++
      const paired = await pairBundle(loaded)
      // One by one: spreading a bundle of 100,000+ segments into push() overflows the stack.
      for (const s of paired.segments) segments.push(s)
      for (const f of paired.findings) fileFindings.push(f)
    }
    log.info(`${touched} bundle(s) changed: ${segments.length} new or changed segment(s), ${fileFindings.length} file finding(s)`)
    return { segments, fileFindings }
  })

  const checked = await log.group('QA rules', async () => {
    const { terms, strictPlurals, maxLength } = settings.extra
    const all = [...checks, ...custom]
    const result = runChecks(segments, all, { doNotTranslate: terms.doNotTranslate, forbidden: terms.forbidden, strictPlurals, maxLength }, rules)
    log.info(`${all.length} rules run on ${segments.length} segment(s): ${result.reduce((n, s) => n + s.issues.length, 0)} issue(s)`)
    return result
  })

  const scoring = await log.group('Quality scores', async () => {
    const { thresholds } = settings.extra
    const result = await scoreSegments(checked, deps.scorers, {
      maxSegments: settings.maxSegments,
      timeBudget: settings.timeBudget,
      cache: deps.cache,
      log,
      defaultThreshold: settings.threshold,
      skip: settings.scoreFuzzy ? undefined : (s) => (needsReview(s.unit) ? 'marked fuzzy or not final (set score-fuzzy to score such entries)' : undefined),
      threshold: (provider, locale) => thresholds.scorers[provider] ?? forLocale(Object.entries(thresholds.locales), locale),
    })
    for (const note of result.notes) log.info(note)
    return result
  })

  const decided = decide(checked, fileFindings, {
    failOn: settings.failOn,
    rules,
    dismissals: settings.extra.dismissals,
    reportFilter: settings.extra.reportFilter,
  })
  const report: Report = {
    ...decided,
    notes: [...notes, ...scoring.notes, ...decided.notes],
    usage: scoring.usage,
    ...(custom.length > 0 && { customRules: custom.map(({ rule, id, title, description, severity }) => ({ rule, id, title, description, severity })) }),
  }
  if (deps.scorers.some((s) => s.afterReport)) await log.group('Write back', () => writeBack(report, deps.scorers, log))
  return report
}
