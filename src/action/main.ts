// The GitHub Action: reads the inputs and the event, opens the changes of the pull request
// (or push, or merge-queue entry), runs the same pipeline as the CLI, and reports through
// the GitHub reporters. The verdict comes from the policy; reporting problems never change it.
import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { DirTree } from '../changes/dirs.js'
import { GitError } from '../changes/git.js'
import { ChangesError, checkoutRoot, repoChanges, type RepoChanges } from '../changes/github.js'
import type { Tree } from '../changes/tree.js'
import { GitHubApi, type RepoId } from '../github-api.js'
import { masker, type Logger } from '../log.js'
import type { Report } from '../model.js'
import { codeSpan, markdownText, urlPath } from '../reporters/escape.js'
import { renderJobSummary } from '../reporters/summary.js'
import { verdictLine } from '../reporters/text.js'
import { runWithServices, writeReportFiles } from '../service-run.js'
import { secretValues, SettingsError, type Settings } from '../settings.js'
import { VERSION } from '../version.js'
import { compareTarget } from './compare.js'
import { readEvent, type Target } from './event.js'
import { checkInputs, loadSettings, readInputs, readTrustedText } from './inputs.js'
import { actionLogger } from './logger.js'
import { publish, type PublishOutcome } from './publish.js'

type Env = Record<string, string | undefined>

function readPayload(env: Env): unknown {
  const path = env.GITHUB_EVENT_PATH
  if (!path || !existsSync(path)) return {}
  return JSON.parse(readFileSync(path, 'utf8'))
}

function repoOf(env: Env): RepoId {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || rest.length > 0) throw new ChangesError(`GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY ?? ''}'; expected owner/repo. Is this running on GitHub Actions?`)
  return { owner, repo }
}

const short = (sha: string) => sha.slice(0, 7)

interface Compared {
  changes: RepoChanges
  headSha: string
  context: string
  /** Where the config, the scores file and the TMS sync configs are read from. */
  trusted: Tree
}

async function openChanges(target: Exclude<Target, { kind: 'none' }>, api: GitHubApi, repo: RepoId, workspace: string | undefined, log: Logger): Promise<Compared> {
  const comparison = await compareTarget(target, { api, repo, workspace, log })
  const { base, head: headSha } = comparison
  if (comparison.notice) core.notice(comparison.notice)
  const what = target.kind === 'pull-request' ? `pull request #${target.number}` : target.event === 'push' ? `push to ${target.ref}` : `merge group ${target.ref}`
  const context = `Checked ${short(headSha)} against ${comparison.against}${comparison.notice ? ` (${comparison.notice})` : ''}`
  // The base branch's tip, whose config file is trusted under pull_request_target.
  const tip = target.kind === 'pull-request' && target.event === 'pull_request_target' ? target.baseSha : undefined
  const changes = await repoChanges({
    workspace,
    api,
    repo,
    base,
    head: headSha,
    pull: target.kind === 'pull-request' ? target.number : undefined,
    also: tip ? [tip] : [],
    labels: { base: `merge base ${short(base)}`, head: `head ${short(headSha)}`, description: `${what}: merge base ${short(base)} → head ${short(headSha)}` },
    log,
  })
  log.info(`${changes.description}, read with ${changes.via === 'git' ? 'git' : 'the GitHub API'}`)
  // Under pull_request_target nothing from the PR's head is trusted: settings come from the base branch.
  let trusted: Tree
  if (tip) trusted = changes.tree(tip, `the base commit ${short(tip)}`)
  else if (workspace && (await checkoutRoot(workspace))) trusted = new DirTree(workspace, 'the workspace')
  else trusted = changes.head
  return { changes, headSha, context, trusted }
}

function summaryExtras(outcome: PublishOutcome, settings: Settings): string[] {
  const lines: string[] = []
  if (outcome.skipped) lines.push(`Nothing was written to the pull request: ${outcome.skipped}.`)
  if (outcome.checkRun) lines.push(`Check run${outcome.checkRun.url ? ` [${markdownText(settings.name)}](${outcome.checkRun.url})` : ''}: ${outcome.checkRun.annotations} annotation(s) on their lines.`)
  if (outcome.comment) lines.push(`[Pull request comment](${outcome.comment.url}) ${outcome.comment.action}.`)
  if (outcome.review) lines.push(`Review: ${outcome.review.comments} inline comment(s) (${outcome.review.suggestions} with a suggested change), ${outcome.review.rest} more in the review body, ${outcome.review.repeated} already commented.`)
  if (outcome.missing.length > 0) lines.push(`The token lacks ${outcome.missing.join(' and ')}: the findings are listed here and the worst are annotated from the step.`)
  if (outcome.workflowAnnotations && outcome.workflowAnnotations.hidden > 0) {
    lines.push(`${outcome.workflowAnnotations.shown} finding(s) annotated from the step (GitHub shows 10 per type); the other ${outcome.workflowAnnotations.hidden} are only in this summary and the report file.`)
  }
  for (const f of outcome.failures) lines.push(`Not written: ${markdownText(f)}`)
  return lines.length > 0 ? [lines.map((l) => `- ${l}`).join('\n')] : []
}

/** The JSON report's path: `report-file` in the workspace, else in the runner's temp directory. */
function reportPath(settings: Settings, env: Env, workspace: string): string {
  return settings.reportFile ? resolve(workspace, settings.reportFile) : join(env.RUNNER_TEMP || tmpdir(), 'translation-quality-report.json')
}

/** Where the Custom.MT decision copies are, for the job summary (the notes have each file's decisions). */
function decisionsExtra(report: Report, dir: string): string[] {
  const written = (report.decisions ?? []).filter((d) => d.output)
  if (written.length === 0) return []
  const shown = written.slice(0, 10).map((d) => `${codeSpan(d.file)} (${d.decisions.length})`)
  const more = written.length > shown.length ? ` and ${written.length - shown.length} more` : ''
  return [
    `Custom.MT QE decisions (\`approved="yes"\`, \`translate="no"\`) written into copies of ${written.length} XLIFF file(s) under ${codeSpan(join(dir, 'custommt-decisions'))}: ${shown.join(', ')}${more}. The files in the repository are unchanged; keep the copies with actions/upload-artifact.`,
  ]
}

async function writeOutputs(report: Report, settings: Settings, reportFile: string, workspace: string): Promise<{ reportFile: string; sarifFile?: string }> {
  const sarifFile = settings.sarifFile ? resolve(workspace, settings.sarifFile) : undefined
  await writeReportFiles(report, { json: reportFile, sarif: sarifFile })
  const s = report.summary
  core.setOutput('passed', String(report.verdict.passed))
  core.setOutput('segments', String(s.segments))
  core.setOutput('scored', String(s.scored))
  core.setOutput('below-threshold', String(s.belowThreshold))
  core.setOutput('errors', String(s.errors))
  core.setOutput('warnings', String(s.warnings))
  core.setOutput('average-score', s.averageScore === undefined ? '' : s.averageScore.toFixed(4))
  core.setOutput('report-file', reportFile)
  core.setOutput('sarif-file', sarifFile ?? '')
  return { reportFile, sarifFile }
}

export async function run(env: Env = process.env): Promise<void> {
  const inputs = readInputs()
  const mask = masker(secretValues(inputs))
  const log = actionLogger(mask)
  let changes: RepoChanges | undefined
  try {
    core.info(`translation-quality-gate ${VERSION} on Node ${process.version}`)
    checkInputs(inputs)
    const eventName = env.GITHUB_EVENT_NAME ?? ''
    const target = readEvent(eventName, readPayload(env))
    if (target.kind === 'none') {
      core.notice(`Translation quality: nothing to check, because ${target.reason}.`)
      return
    }
    const repo = repoOf(env)
    const workspace = env.GITHUB_WORKSPACE
    const api = new GitHubApi({ token: inputs['github-token'], baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log, debug: core.isDebug(), mask })

    const compared = await log.group('Commits', () => openChanges(target, api, repo, workspace, log))
    changes = compared.changes
    const { settings } = await log.group('Settings', async () => {
      const loaded = await loadSettings(inputs, compared.trusted)
      log.info(loaded.configLabel ? `Config file: ${loaded.configLabel}` : `No config file in ${compared.trusted.label}: inputs and defaults apply`)
      return loaded
    })
    const root = workspace ?? process.cwd()
    const reportFile = reportPath(settings, env, root)
    const report = await runWithServices(settings, {
      changes,
      trusted: compared.trusted,
      log,
      root,
      readText: async (path) => {
        const text = await readTrustedText(compared.trusted, path, 'scores-file')
        if (text === undefined) throw new Error(`${path} not found in ${compared.trusted.label}`)
        return text
      },
      decisionsDir: dirname(reportFile),
    })

    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
    const repoUrl = `${server}/${repo.owner}/${repo.repo}`
    const link = (file: string, line: number) => `${repoUrl}/blob/${compared.headSha}/${urlPath(file)}#L${line}`
    const runUrl = env.GITHUB_RUN_ID ? `${repoUrl}/actions/runs/${env.GITHUB_RUN_ID}` : undefined

    const context = runUrl ? `${compared.context} · [workflow run](${runUrl})` : compared.context
    const outcome = await publish({ api, repo, target, headSha: compared.headSha, settings, report, link, runUrl, context, addedLines: (paths) => changes!.addedLines(paths), log, warned: log.warned })

    await log.group('Job summary and outputs', async () => {
      const files = await writeOutputs(report, settings, reportFile, root)
      log.info(`JSON report: ${files.reportFile}${files.sarifFile ? `; SARIF: ${files.sarifFile}` : ''}`)
      if (env.GITHUB_STEP_SUMMARY) {
        const text = renderJobSummary(report, { title: settings.name, link, context: compared.context, extra: [...summaryExtras(outcome, settings), ...decisionsExtra(report, dirname(reportFile))], overflow: `The JSON report (${files.reportFile}) has every finding.` })
        await core.summary.addRaw(text).write()
      }
    })
    core.info(`${verdictLine(report)}. ${api.usage()}.`)
    if (!report.verdict.passed) core.setFailed(verdictLine(report))
  } catch (e) {
    if (e instanceof SettingsError || e instanceof ChangesError || e instanceof GitError) core.setFailed(mask(e.message))
    else {
      core.debug(mask(e instanceof Error ? (e.stack ?? e.message) : String(e)))
      core.setFailed(mask(`Internal error: ${e instanceof Error ? e.message : String(e)}`))
    }
  } finally {
    changes?.close?.()
  }
}
