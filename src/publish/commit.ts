/**
 * Commits files to a branch as ONE commit through the Git Data REST API (blobs → tree → commit →
 * non-forced ref update). With GITHUB_TOKEN or an App token GitHub signs such commits, so they
 * pass "require signed commits" rules; the Contents API and GraphQL are avoided on purpose
 * (per-file commits collide, GraphQL payload limits break on binaries).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { PublishError } from '../errors.js'
import { toPublishError } from '../github.js'
import type { Octokit } from '../github.js'
import { mapBounded } from '../concurrency.js'
import { redact } from '../safe-text.js'
import { moveBranch, readHead } from './branch-ref.js'
import {
  MAX_BLOB_BYTES,
  createTreeChain,
  gitBlobSha,
  readBlob,
  readHeadTree,
  type TreeEntry
} from './git-tree.js'

/** One file to commit. */
export interface CommitFile {
  /** Repo-relative POSIX path, e.g. `assets/og/home.png`. */
  path: string
  content: Buffer
  /** Small UTF-8 text, sent inside the tree request instead of as its own blob upload (one write fewer). */
  inline?: boolean
}

/** What to commit where. */
export interface CommitRequest {
  owner: string
  repo: string
  branch: string
  message: string
  files: CommitFile[]
  /** Optional: recompute a file's content from the head's version on every attempt (sharded runs merge the lockfile entry by entry). */
  merge?: {
    path: string
    combine: (headContent: Buffer | undefined) => Buffer
  }
  /** Attempts when the branch moves under us; default 5. */
  maxAttempts?: number
  /** Base of the exponential wait between attempts in ms; default 1000. */
  backoffMs?: number
  /** Blob shas the repository already holds elsewhere (images restored from the store branch): never uploaded. */
  knownBlobs?: ReadonlySet<string>
  /** When the branch does not exist, start it with an orphan commit (no parents) instead of failing. */
  createBranch?: boolean
  /**
   * Read only the folders on the way to the committed paths, never the whole tree: for branches
   * with many files (the image store), where a recursive listing would be the biggest cost.
   */
  sparse?: boolean
  /** Waits between attempts (tests inject one that records); default a real timer. */
  sleep?: (ms: number) => Promise<void>
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number
  log?: (message: string) => void
}

/** The outcome; `changed: false` means the branch already held every file byte for byte. */
export interface CommitResult {
  changed: boolean
  sha?: string
  verified?: boolean
  verificationReason?: string
  attempts: number
  filesCommitted: string[]
  parentSha?: string
}

const PERMISSION = 'contents: write'
const BLOB_UPLOADS_IN_FLIGHT = 4

/**
 * Commits `request.files` (and the `merge` result) on top of the branch's current head. Files
 * identical to the head are left out and nothing is created when none differ. When someone else
 * moves the branch between our read and our ref update, GitHub answers 422; then the head is
 * re-read and the commit rebuilt on it, up to `maxAttempts` times. Never forces.
 */
export async function commitFiles(
  octokit: Octokit,
  request: CommitRequest
): Promise<CommitResult> {
  checkFiles(request)
  const maxAttempts = request.maxAttempts ?? 5
  const backoffMs = request.backoffMs ?? 1000
  const log = request.log ?? (() => {})
  // Blobs survive a lost race, so a later attempt does not upload them again.
  const uploaded = new Set<string>(request.knownBlobs)
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const result = await commitOnce(octokit, request, attempt, uploaded, log)
    if (result !== 'head-moved') return result
    if (attempt < maxAttempts) {
      const wait =
        backoffMs * 2 ** (attempt - 1) +
        (request.random ?? Math.random)() * backoffMs
      log(
        `${request.branch} moved while committing (attempt ${attempt} of ${maxAttempts}); ` +
          `rebuilding on the new head in ${Math.round(wait)} ms`
      )
      await (request.sleep ?? sleep)(wait)
    }
  }
  throw new PublishError(
    `Branch '${request.branch}' kept moving: ${maxAttempts} attempts to add a commit on top ` +
      'of its head all lost the race to other pushes. Serialize the jobs that write to it ' +
      '(a `concurrency` group) or re-run.'
  )
}

function checkFiles(request: CommitRequest): void {
  if (request.merge) checkPath(request.merge.path)
  const seen = new Set<string>()
  for (const { path, content } of request.files) {
    checkPath(path)
    if (seen.has(path)) {
      throw new PublishError(`Cannot commit '${path}' twice in one commit.`)
    }
    seen.add(path)
    checkSize(path, content)
  }
}

function checkPath(path: string): void {
  const segments = path.split('/')
  if (
    path.includes('\\') ||
    segments.some((part) => part === '' || part === '.' || part === '..')
  ) {
    throw new PublishError(
      `Cannot commit '${path}': paths must be repo-relative POSIX paths.`
    )
  }
}

function checkSize(path: string, content: Buffer): void {
  if (content.length > MAX_BLOB_BYTES) {
    const mib = (content.length / 1024 / 1024).toFixed(1)
    throw new PublishError(
      `Cannot commit ${path}: it is ${content.length} bytes (${mib} MiB) and GitHub's ` +
        `Git Data API takes at most ${MAX_BLOB_BYTES} bytes (40 MiB) per file. ` +
        'Shrink the image (size, format, quality) or leave it out.'
    )
  }
}

async function commitOnce(
  octokit: Octokit,
  request: CommitRequest,
  attempt: number,
  uploaded: Set<string>,
  log: (message: string) => void
): Promise<CommitResult | 'head-moved'> {
  const { owner, repo, branch } = request
  const where = { owner, repo }
  const head = await readHead(octokit, request, request.createBranch)
  const headTree =
    head === undefined
      ? undefined
      : await step('Reading the head commit', async () => {
          const { data } = await octokit.rest.git.getCommit({
            ...where,
            commit_sha: head
          })
          return data.tree.sha
        })
  const contents = new Map(
    request.files.map((file) => [file.path, file.content])
  )
  const { merge } = request
  const wanted = [...contents.keys(), ...(merge ? [merge.path] : [])]
  const tree =
    headTree === undefined
      ? { entries: new Map<string, TreeEntry>(), blobShas: new Set<string>() }
      : await step('Reading the head tree', () =>
          readHeadTree(octokit, where, headTree, wanted, {
            recursive: !request.sparse
          })
        )
  if (merge) {
    const entry = tree.entries.get(merge.path)
    const current =
      entry?.type === 'blob'
        ? await step(`Reading ${merge.path}`, () =>
            readBlob(octokit, where, entry.sha)
          )
        : undefined
    const combined = merge.combine(current)
    checkSize(merge.path, combined)
    contents.set(merge.path, combined)
  }

  const inline = new Set(
    request.files.filter((file) => file.inline).map((file) => file.path)
  )
  const changed: Array<{ path: string; sha: string; content: Buffer }> = []
  for (const [path, content] of contents) {
    const sha = gitBlobSha(content)
    const entry = tree.entries.get(path)
    if (entry?.type !== 'blob' || entry.sha !== sha) {
      changed.push({ path, sha, content })
    }
  }
  const unchanged = { changed: false, attempts: attempt, parentSha: head }
  if (changed.length === 0) {
    log(`${branch} already holds every file; nothing to commit`)
    return { ...unchanged, filesCommitted: [] }
  }

  // Content the repository already has (anywhere in the head, or uploaded by an earlier attempt)
  // needs no upload; identical files share one blob.
  const missing = new Map<string, { path: string; content: Buffer }>()
  for (const { path, sha, content } of changed) {
    if (inline.has(path)) continue
    if (!tree.blobShas.has(sha) && !uploaded.has(sha) && !missing.has(sha)) {
      missing.set(sha, { path, content })
    }
  }
  const upload = async ([sha, { path, content }]: [
    string,
    { path: string; content: Buffer }
  ]): Promise<void> => {
    const { data } = await step(`Uploading ${path}`, () =>
      octokit.rest.git.createBlob({
        ...where,
        content: content.toString('base64'),
        encoding: 'base64'
      })
    )
    if (data.sha !== sha) {
      throw new PublishError(
        `Uploading ${path}: GitHub stored it as ${data.sha}, expected ${sha}; ` +
          'the bytes were altered on the way.'
      )
    }
    uploaded.add(sha)
  }
  // The first upload alone: a token that may not write fails on one request, not on a queue.
  const [first, ...rest] = missing
  if (first) await upload(first)
  await mapBounded(rest, BLOB_UPLOADS_IN_FLIGHT, upload)
  const newTree = await step('Creating the tree', () =>
    createTreeChain(
      octokit,
      where,
      headTree,
      changed.map(({ path, sha, content }) =>
        inline.has(path)
          ? { path, sha, text: content.toString('utf8') }
          : { path, sha }
      )
    )
  )
  if (newTree === headTree) {
    // Only reachable when a truncated listing hid identical files: still nothing to commit.
    return { ...unchanged, filesCommitted: [] }
  }
  const { data: commit } = await step('Creating the commit', () =>
    octokit.rest.git.createCommit({
      ...where,
      message: redact(request.message),
      tree: newTree,
      parents: head === undefined ? [] : [head]
    })
  )
  if ((await moveBranch(octokit, request, head, commit.sha)) === 'head-moved')
    return 'head-moved'
  const { verified, reason } = commit.verification ?? {}
  log(
    `Committed ${changed.length} file(s) to ${branch} as ${commit.sha}; ` +
      (verified
        ? 'verified'
        : `not verified (${reason ?? 'no verification info'}): PATs and custom authors get no signature`)
  )
  return {
    changed: true,
    sha: commit.sha,
    verified,
    verificationReason: reason,
    attempts: attempt,
    filesCommitted: changed.map((file) => file.path),
    parentSha: head
  }
}

/** Runs one API step, turning any failure into a PublishError that names the step. */
async function step<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toPublishError(error, action, PERMISSION)
  }
}
