// What both entries (tqg and the action) do around the pipeline: build the configured
// quality services, open the score cache, run the pipeline, write Custom.MT's XLIFF
// decision copies next to the report, and release the services however the run ends
// (their usage is read after that, so it counts every request); then the report files.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Changes, Tree } from './changes/tree.js'
import type { Logger } from './log.js'
import type { Report } from './model.js'
import { renderJson } from './reporters/json.js'
import { renderSarif } from './reporters/sarif.js'
import { runPipeline } from './run.js'
import { openScoreCache } from './scorers/file-cache.js'
import { buildScorers } from './scorers/index.js'
import type { Settings } from './settings.js'
import { VERSION } from './version.js'
import { decisionNotes, writeDecisionCopies } from './xliff-decisions.js'

export interface ServiceRunIo {
  changes: Changes
  /** Where the repository's settings files are read (see PipelineDeps.trusted). */
  trusted?: Tree
  log: Logger
  /** Where relative paths (`cache-dir`) start: the workspace, or the CLI's working directory. */
  root: string
  /** Reads `scores-file` (the action reads it from the trusted tree). */
  readText(path: string): Promise<string>
  /** Absolute directory of the decision copies (the report file's); none: they are only listed. */
  decisionsDir?: string
}

/** A path below `root` relative to it (shorter in notes), any other path as is. */
export function shownPath(root: string, path: string): string {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
}

/** A copy of a head file, under `dir/custommt-decisions/` with its repository path; returns where. */
async function writeDecisionCopy(dir: string, file: string, bytes: Uint8Array): Promise<string> {
  const root = join(dir, 'custommt-decisions')
  const path = resolve(root, file)
  if (!path.startsWith(root + sep)) throw new Error(`refusing to write a decisions copy outside ${root}: ${file}`)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, bytes)
  return path
}

/** Writes a text file, creating its directory. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

/** The JSON report and the SARIF report at their absolute paths, each when given. */
export async function writeReportFiles(report: Report, paths: { json?: string; sarif?: string }): Promise<void> {
  if (paths.json) await writeTextFile(paths.json, renderJson(report))
  if (paths.sarif) await writeTextFile(paths.sarif, renderSarif(report, VERSION))
}

export async function runWithServices(settings: Settings, io: ServiceRunIo): Promise<Report> {
  const { changes, log, root, decisionsDir } = io
  const built = await buildScorers(settings, { readText: io.readText, log })
  let report: Report
  try {
    const cacheDir = settings.cacheDir && resolve(root, settings.cacheDir)
    const cache = await openScoreCache(cacheDir, log)
    report = await runPipeline(settings, { changes, trusted: io.trusted, scorers: built.scorers, cache, log, notes: built.notes })
    report.decisions = await writeDecisionCopies(report.segments, {
      read: (file) => changes.head.read(file),
      write: decisionsDir ? async (file, bytes) => shownPath(root, await writeDecisionCopy(decisionsDir, file, bytes)) : undefined,
    })
    const notes = decisionNotes(report.decisions)
    for (const note of notes) log.info(note)
    report.notes.push(...notes)
  } finally {
    await Promise.all(built.scorers.map((s) => s.close?.()))
  }
  // Closing may send a request too (Wordbee signs out): the usage reported counts it.
  for (const s of built.scorers) if (s.usage && report.usage[s.provider]) report.usage[s.provider] = s.usage()
  return report
}
