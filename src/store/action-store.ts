/**
 * The image store as the action uses it: which store a run reads, and the one write after the
 * generation phase, with its fallback. Takes its Octokit and loggers from main.ts.
 */
import type { BuildResult } from '../engine.js'
import { getErrorMessage } from '../errors.js'
import { createOctokit, type Octokit } from '../github.js'
import type { Inputs } from '../inputs.js'
import type { PublishTarget, Published } from '../publish/publish.js'
import { logText } from '../safe-text.js'
import {
  GitHubImageStore,
  isPermissionDenied,
  writeStore,
  type StoreBranch
} from './github-store.js'
import { PREVIEW_FILE, entryFolder } from './layout.js'
import type { ImageStore } from './types.js'

/** Published.store: the store commit and each asset's preview on it. */
export type StorePublication = NonNullable<Published['store']>

/** What the store write did: the publication for the summary and comment, or why it failed. */
export interface StoreSave {
  store?: StorePublication
  /** Set when the write failed: say it once, then fall back to artifacts and links. */
  warning?: string
  /** The write failed for lack of permission (a read-only token). */
  denied?: boolean
}

/**
 * Adds every image this run generated to the store in one commit, and maps each generated or
 * restored asset to its preview on the store commit. Never throws: a failure is a warning, and
 * the caller publishes as it did before the store existed, so no paid image is lost.
 */
export async function saveToStore(
  octokit: Octokit,
  store: GitHubImageStore,
  where: StoreBranch,
  result: BuildResult,
  log: (message: string) => void,
  runUrl?: string
): Promise<StoreSave> {
  const previews = new Map<string, string>()
  const hashes = new Map(
    result.plan.items.map((item) => [item.asset.id, item.inputHash])
  )
  for (const outcome of result.outcomes) {
    const hash = hashes.get(outcome.id)
    const stored =
      outcome.status === 'restored' ||
      result.stored.some((entry) => entry.record.id === outcome.id)
    if (hash && stored)
      previews.set(outcome.id, `${entryFolder(hash)}/${PREVIEW_FILE}`)
  }
  try {
    let commitSha = store.headSha
    if (result.stored.length > 0) {
      const entries = result.stored.map((entry) =>
        runUrl ? { ...entry, record: { ...entry.record, runUrl } } : entry
      )
      const written = await writeStore(octokit, where, entries, { log })
      commitSha = written.commitSha
      log(
        written.changed
          ? `Added ${result.stored.length} image(s) to the image store ${logText(where.branch)} as ${commitSha}`
          : `The image store ${logText(where.branch)} already held every new image`
      )
    }
    if (commitSha === undefined || previews.size === 0) return {}
    return { store: { commitSha, branch: where.branch, previews } }
  } catch (error) {
    const denied = isPermissionDenied(error)
    const warning = denied
      ? `the token may not write to the image store branch ${where.branch} (give the job \`permissions: contents: write\`); the new images go to artifacts instead and will be paid for again on merge`
      : `could not add the new images to the image store ${where.branch}: ${logText(getErrorMessage(error))}; they go to artifacts instead`
    return { warning, denied }
  }
}

/** The action's store: what the engine reads, and the write to make after generation. */
export interface ActionStore {
  store: ImageStore
  save: (result: BuildResult) => Promise<StoreSave>
}

/**
 * Opens the store on `inputs.storeBranch` in the target repository, or undefined when it is off:
 * no branch, no token, a placeholder run (a placeholder is not a paid image), or no API URL
 * (outside a runner nothing says which GitHub to talk to, so none is assumed).
 */
export function openActionStore(
  inputs: Pick<Inputs, 'storeBranch' | 'githubToken' | 'placeholder'>,
  target: PublishTarget,
  log: (message: string) => void
): ActionStore | undefined {
  if (!inputs.storeBranch || !inputs.githubToken || inputs.placeholder)
    return undefined
  if (!process.env.GITHUB_API_URL) return undefined
  const where = {
    owner: target.owner,
    repo: target.repo,
    branch: inputs.storeBranch
  }
  const runUrl = target.runId
    ? `${target.serverUrl}/${target.owner}/${target.repo}/actions/runs/${target.runId}`
    : undefined
  const octokit = createOctokit(inputs.githubToken, { log })
  const store = new GitHubImageStore(octokit, where, log)
  return {
    store,
    save: (result) => saveToStore(octokit, store, where, result, log, runUrl)
  }
}
