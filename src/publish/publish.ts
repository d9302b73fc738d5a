import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BuildResult } from '../engine.js'
import { getErrorMessage } from '../errors.js'
import type { Octokit } from '../github.js'
import {
  mergeLockfiles,
  parseLockfile,
  serializeLockfile
} from '../plan/lockfile.js'
import { uploadPreviews } from './artifacts.js'
import { commitFiles, type CommitFile } from './commit.js'
import { urlPath } from '../safe-text.js'
import { gitBlobSha } from './git-tree.js'

/** Where the run is and what it may touch. */
export interface PublishTarget {
  owner: string
  repo: string
  serverUrl: string
  runId?: string
  runAttempt?: string
}

/** What publishing did; failures are reported, never thrown, so the summary can say how to recover. */
export interface Published {
  commitSha?: string
  verified?: boolean
  changed: boolean
  artifacts: Array<{ file: string; name: string; id: number; url?: string }>
  /** A link per asset id: the commit-pinned blob URL or the artifact URL. */
  links: Map<string, string>
  /** Links point at committed blobs, which GitHub can show inline. */
  thumbnails: boolean
  error?: string
  /** Set when a failed commit's files were saved as artifacts instead. */
  recovery?: string
  /** Set when this run's new images were added to the image store (or it already held them all). */
  store?: {
    /** The store branch's commit holding them (a new one, or the head that already did). */
    commitSha: string
    branch: string
    /** Asset id → repo path of its preview.webp on the store branch. */
    previews: Map<string, string>
  }
}

/** Files this build wrote (outputs, variants, lockfile), read for the commit. */
async function changedFiles(result: BuildResult): Promise<CommitFile[]> {
  return Promise.all(
    result.changedFiles.map(async (path) => ({
      path,
      content: await readFile(join(result.spec.root, path))
    }))
  )
}

/** Ids whose lock entries this run produced: they win over the head's when merging. */
function producedIds(result: BuildResult): Set<string> {
  return new Set(
    result.outcomes
      .filter(
        (outcome) =>
          outcome.status === 'generated' ||
          outcome.status === 'reprocessed' ||
          outcome.status === 'restored'
      )
      .map((outcome) => outcome.id)
  )
}

/**
 * Commits every changed file in one commit on `branch`. The lockfile is re-merged with the head's
 * version on each attempt, so a concurrent run (or another shard) keeps its entries.
 */
export async function publishCommit(
  octokit: Octokit,
  result: BuildResult,
  target: PublishTarget,
  options: {
    branch: string
    message: string
    artifactName: string
    log: (message: string) => void
  }
): Promise<Published> {
  const published: Published = {
    changed: false,
    artifacts: [],
    links: new Map(),
    thumbnails: true
  }
  const files = await changedFiles(result)
  if (files.length === 0) return published
  const produced = producedIds(result)
  const restoredOutputs = new Set(
    result.outcomes
      .filter((outcome) => outcome.status === 'restored')
      .map((outcome) => outcome.out)
  )
  const specIds = new Set(result.spec.assets.map((asset) => asset.id))
  const ids = result.outcomes
    .filter((outcome) => produced.has(outcome.id))
    .map((outcome) => `- ${outcome.id}`)
  try {
    const commit = await commitFiles(octokit, {
      owner: target.owner,
      repo: target.repo,
      branch: options.branch,
      message: `${options.message}\n\n${ids.join('\n')}\n`,
      files: files.filter((file) => file.path !== result.lockfilePath),
      // Images restored from the store are blobs of this repository already: shared, not re-uploaded.
      knownBlobs: new Set(
        files
          .filter((file) => restoredOutputs.has(file.path))
          .map((file) => gitBlobSha(file.content))
      ),
      merge: {
        path: result.lockfilePath,
        combine: (head) => {
          const theirs = head
            ? parseLockfile(head.toString('utf8'), result.lockfilePath)
            : { version: 1, assets: {} }
          return Buffer.from(
            serializeLockfile(
              mergeLockfiles(theirs, result.lockfile, produced, specIds)
            )
          )
        }
      },
      log: options.log
    })
    published.changed = commit.changed
    if (commit.sha) published.commitSha = commit.sha
    if (commit.verified !== undefined) published.verified = commit.verified
    const sha = commit.sha ?? commit.parentSha
    for (const outcome of result.outcomes) {
      if (sha && outcome.sha256) {
        published.links.set(
          outcome.id,
          `${target.serverUrl}/${target.owner}/${target.repo}/blob/${sha}/${urlPath(outcome.out)}?raw=true`
        )
      }
    }
  } catch (error) {
    published.error = `commit failed: ${getErrorMessage(error)}`
    // Paid-for images must not vanish with the runner: keep them as artifacts to download.
    try {
      const saved = await uploadFiles(
        result,
        files.map((file) => file.path),
        target,
        `${options.artifactName}-unpublished`
      )
      published.artifacts = saved
      published.recovery = `The generated files were saved as artifacts (${saved.map((item) => item.name).join(', ')}); download them and commit them, or rerun the job.`
    } catch (uploadError) {
      published.recovery = `Saving them as artifacts failed too (${getErrorMessage(uploadError)}); rerun the job to regenerate.`
    }
  }
  return published
}

async function uploadFiles(
  result: BuildResult,
  paths: string[],
  target: PublishTarget,
  namePrefix: string
) {
  const uploaded = await uploadPreviews({
    files: paths.map((path) => ({ path: join(result.spec.root, path) })),
    rootDirectory: result.spec.root,
    namePrefix,
    ...(target.runId ? { runId: target.runId } : {}),
    ...(target.runAttempt ? { runAttempt: target.runAttempt } : {})
  })
  return uploaded.artifacts
}

/** Uploads each generated image (and the manifest) as its own unzipped artifact. */
export async function publishArtifacts(
  result: BuildResult,
  target: PublishTarget,
  options: {
    artifactName: string
    retentionDays?: number
    manifestPath?: string
  }
): Promise<Published> {
  const published: Published = {
    changed: false,
    artifacts: [],
    links: new Map(),
    thumbnails: false
  }
  const images = result.changedFiles.filter(
    (path) => path !== result.lockfilePath
  )
  if (images.length === 0) return published
  try {
    const files = images.map((path) => ({ path: join(result.spec.root, path) }))
    if (options.manifestPath) files.push({ path: options.manifestPath })
    const uploaded = await uploadPreviews({
      files,
      rootDirectory: result.spec.root,
      namePrefix: options.artifactName,
      ...(options.retentionDays
        ? { retentionDays: options.retentionDays }
        : {}),
      ...(target.runId ? { runId: target.runId } : {}),
      ...(target.runAttempt ? { runAttempt: target.runAttempt } : {})
    })
    published.artifacts = uploaded.artifacts
    published.changed = true
    for (const outcome of result.outcomes) {
      const artifact = uploaded.artifacts.find(
        (item) => item.file === join(result.spec.root, outcome.out)
      )
      if (artifact?.url) published.links.set(outcome.id, artifact.url)
    }
  } catch (error) {
    published.error = `artifact upload failed: ${getErrorMessage(error)}`
  }
  return published
}
