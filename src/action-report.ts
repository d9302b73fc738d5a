import * as core from '@actions/core'
import type { BuildResult, Planned } from './engine.js'
import { SpecError, formatProblem, getErrorMessage } from './errors.js'
import type { BeforeAfter } from './publish/before-after.js'
import type { EventContext, PublishDecision } from './publish/mode.js'
import type { Published } from './publish/publish.js'
import type { SummaryInput } from './report/summary.js'
import { countActions } from './report/status.js'
import { rowsFromOutcomes, rowsFromPlan } from './report/table.js'
import { publishTarget } from './runner-context.js'
import { inlineCode, logText, markdownText, redact } from './safe-text.js'

/** Outcome statuses whose image a reviewer should see: it changed in this PR. */
const REVIEWED = new Set(['generated', 'restored', 'reprocessed'])

/**
 * Before/after image URLs for the PR comment and the summary, on pull requests whose images are
 * in the store. Before is the output at the PR's base commit (`pull_request.base.sha`), after is
 * the store preview. A failure costs the images, never the comment: it is logged as a warning.
 */
export async function reviewImages(
  githubToken: string,
  decision: PublishDecision,
  context: EventContext,
  result: BuildResult,
  published: Published
): Promise<Map<string, BeforeAfter> | undefined> {
  const store = published.store
  if (!decision.pullNumber || !store) return undefined
  const pull = context.payload.pull_request as
    { base?: { sha?: unknown } } | undefined
  const baseSha =
    typeof pull?.base?.sha === 'string' ? pull.base.sha : undefined
  const assets = result.outcomes
    .filter((outcome) => REVIEWED.has(outcome.status))
    .map((outcome) => ({ id: outcome.id, out: outcome.out }))
  try {
    const { createOctokit } = await import('./github.js')
    const { resolveBeforeAfter } = await import('./publish/before-after.js')
    return await resolveBeforeAfter(
      createOctokit(githubToken),
      publishTarget(context),
      {
        assets,
        ...(baseSha ? { baseSha } : {}),
        store,
        warn: (message) => core.warning(logText(message))
      }
    )
  } catch (error) {
    core.warning(
      logText(
        `could not resolve the before/after images: ${getErrorMessage(error)}`
      )
    )
    return undefined
  }
}

/**
 * The job summary (and PR comment) content of a build and its publication. `images` (before and
 * after URLs per asset id, see publish/before-after.ts) adds the review columns.
 */
export function buildSummary(
  result: BuildResult,
  published: Published,
  decision: PublishDecision,
  placeholder: boolean,
  images?: ReadonlyMap<string, BeforeAfter>
): SummaryInput {
  const notes: string[] = []
  if (published.store) {
    notes.push(
      `Image store: ${inlineCode(published.store.branch)} at ${published.store.commitSha.slice(0, 7)}. Later runs and the merge reuse these images without paying again.`
    )
  }
  if (published.commitSha) {
    notes.push(
      `Committed ${published.commitSha.slice(0, 7)} to ${inlineCode(decision.branch ?? '')}${published.verified ? ' (verified)' : ''}.`
    )
  } else if (decision.mode === 'commit' && !published.error) {
    notes.push('Nothing to commit: every output already matches the branch.')
  }
  if (published.error)
    notes.push(
      `❌ ${markdownText(published.error)}. ${markdownText(published.recovery ?? '')}`
    )
  if (result.budgetStop) notes.push(`💸 ${markdownText(result.budgetStop)}.`)
  notes.push(...estimateNotes(result))
  if (result.cancelled)
    notes.push(
      '⛔ Cancelled: finished images and their lock entries were kept; rerun to finish the rest.'
    )
  return {
    title: 'assetgen',
    rows: rowsFromOutcomes(result.outcomes),
    totals: {
      generated: result.generated,
      skipped: result.skipped,
      failed: result.failed,
      cost: result.cost,
      placeholder,
      estimate: estimateTotals(result)
    },
    notes,
    orphans: result.plan.orphans,
    table: {
      link: (row) => published.links.get(row.id),
      thumbnails: published.thumbnails,
      ...(images ? { images: (row) => images.get(row.id) } : {})
    }
  }
}

/** The job summary of a plan. */
export function planSummary(planned: Planned, note: string): SummaryInput {
  const counts = countActions(planned.plan)
  return {
    title: 'assetgen plan',
    rows: rowsFromPlan(planned.plan, planned.estimate),
    totals: {
      generated: 0,
      skipped: counts.keep,
      failed: 0,
      cost: 0,
      placeholder: false,
      planned: counts,
      estimate: estimateTotals(planned)
    },
    notes: [note, ...estimateNotes(planned)].filter(Boolean),
    orphans: planned.plan.orphans
  }
}

/** The estimate's totals for the summary line. */
export function estimateTotals(planned: Planned): {
  total: number
  unknown: number
} {
  return {
    total: planned.estimate.total,
    unknown: planned.estimate.unknown.length
  }
}

/** The note under an estimate with unknown prices: which models, and how to price them. */
export function estimateNotes(planned: Planned): string[] {
  const { unknownModels } = planned.estimate
  if (unknownModels.length === 0) return []
  return [
    `? = no price known for ${unknownModels.map((model) => inlineCode(model)).join(', ')}: add it under \`pricing:\` in the spec to estimate it.`
  ]
}

/** Reports a failure that stopped the run: annotations for spec problems, and the summary. */
export async function reportFailure(error: unknown): Promise<void> {
  const lines = [
    `### assetgen failed`,
    '',
    markdownText(getErrorMessage(error).split('\n')[0] ?? '')
  ]
  if (error instanceof SpecError) {
    for (const problem of error.problems) {
      core.error(
        logText(`${problem.path ? `${problem.path}: ` : ''}${problem.message}`),
        {
          title: 'assetgen spec',
          file: problem.file,
          ...(problem.line ? { startLine: problem.line } : {}),
          ...(problem.column ? { startColumn: problem.column } : {})
        }
      )
      lines.push(`- ${inlineCode(formatProblem(problem))}`)
    }
    lines.push(
      '',
      'Nothing was generated: the spec is checked before any paid call.'
    )
  }
  try {
    await writeSummary(`${lines.join('\n')}\n`)
  } catch (summaryError) {
    core.warning(
      `could not write the job summary: ${logText(getErrorMessage(summaryError))}`
    )
  }
}

/** Appends Markdown to the job summary, when the runner provides one; redacted, as it leaves. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(redact(markdown)).write()
}
