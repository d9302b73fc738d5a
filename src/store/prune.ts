/**
 * `assetgen store prune`: rewrites the store branch without the entries older than a bound that
 * the default branch's lockfile does not reference. It is the one operation that force-updates,
 * and only the store branch: the new head is an orphan commit (so the dropped images can be
 * garbage-collected), pushed with `--force-with-lease` against the head it read.
 *
 * A run that adds entries while a prune is running either makes the lease fail (nothing is lost,
 * prune again) or lands just before the lease is taken and is dropped from the store: a lost
 * cache entry costs one paid regeneration, never an image that landed on a branch.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { git, listBlobs, readBlobs, resolveCommit } from './git-plumbing.js'
import { MAX_RECORD_BYTES, RECORD_FILE, parseRecord } from './layout.js'

/** What to prune. */
export interface PruneOptions {
  /** The local clone. */
  root: string
  branch: string
  /** Entries created longer ago than this are dropped (unless kept). */
  olderThanMs: number
  now: Date
  /** Store keys (64 hex) to keep whatever their age: the default branch's lockfile's hashes. */
  keep: Set<string>
  /** Fetch the branch first (default true); tests turn it off to stage a race. */
  fetch?: boolean
  /** Compute only: no commit, no push. */
  dryRun?: boolean
}

/** What a prune did. */
export interface PruneResult {
  kept: number
  removed: number
  /** The head that was rewritten, and the new one (absent when nothing was removed). */
  before?: string
  after?: string
}

const DURATION = /^(\d+)\s*([hdw])$/
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const

/** Parses `90d`, `12h` or `2w` into milliseconds. */
export function parseDuration(value: string | undefined): number {
  const match = DURATION.exec((value ?? '').trim())
  if (!match || Number(match[1]) <= 0) {
    throw new InputError(
      `--older-than must be a positive number of hours, days or weeks (e.g. 90d), got "${value ?? ''}"`
    )
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/** Prunes the store branch on `origin`; see the module comment. */
export async function pruneStore(options: PruneOptions): Promise<PruneResult> {
  const { root, branch } = options
  const tracking = `refs/remotes/origin/${branch}`
  if (options.fetch !== false) {
    // Fetching a branch origin does not have fails; no branch is simply nothing to prune.
    const listed = await git(root, [
      'ls-remote',
      '--heads',
      'origin',
      `refs/heads/${branch}`
    ])
    if (listed.trim() === '') return { kept: 0, removed: 0 }
    await git(root, [
      'fetch',
      '--quiet',
      'origin',
      `+refs/heads/${branch}:${tracking}`
    ])
  }
  const before = await resolveCommit(root, tracking)
  if (before === undefined) return { kept: 0, removed: 0 }

  const blobs = await listBlobs(root, before)
  const folders = new Map<string, typeof blobs>()
  for (const blob of blobs) {
    const match = /^[0-9a-f]{2}\/([0-9a-f]{64})\//.exec(blob.path)
    const folder = match ? match[0] : ''
    folders.set(folder, [...(folders.get(folder) ?? []), blob])
  }
  const recordBlobs = blobs.filter(
    (blob) =>
      blob.path.endsWith(`/${RECORD_FILE}`) && blob.size <= MAX_RECORD_BYTES
  )
  const records = await readBlobs(
    root,
    recordBlobs.map((blob) => blob.sha)
  )
  const bound = options.now.getTime() - options.olderThanMs
  const keptFiles: typeof blobs = [...(folders.get('') ?? [])]
  let kept = 0
  let removed = 0
  for (const [folder, files] of folders) {
    if (folder === '') continue
    const key = folder.slice(3, -1)
    const recordBlob = files.find(
      (file) => file.path === `${folder}${RECORD_FILE}`
    )
    const record = recordBlob
      ? parseRecord(records.get(recordBlob.sha)?.toString('utf8') ?? '')
      : undefined
    const created = record ? Date.parse(record.createdAt) : Number.NaN
    if (options.keep.has(key) || created >= bound) {
      keptFiles.push(...files)
      kept += 1
    } else removed += 1
  }
  if (removed === 0 || options.dryRun) return { kept, removed, before }

  const after = await orphanCommit(
    root,
    keptFiles,
    `assetgen: prune the image store (${removed} removed, ${kept} kept)`
  )
  await git(root, [
    'push',
    '--quiet',
    `--force-with-lease=refs/heads/${branch}:${before}`,
    'origin',
    `${after}:refs/heads/${branch}`
  ])
  await git(root, ['update-ref', tracking, after])
  return { kept, removed, before, after }
}

/** A parentless commit holding exactly `files`, built in a throwaway index. */
async function orphanCommit(
  root: string,
  files: Array<{ path: string; sha: string }>,
  message: string
): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'assetgen-prune-'))
  try {
    const env = {
      GIT_INDEX_FILE: join(folder, 'index'),
      // commit-tree needs an identity; a clone without one still gets a commit.
      GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? 'assetgen',
      GIT_AUTHOR_EMAIL:
        process.env.GIT_AUTHOR_EMAIL ?? 'assetgen@users.noreply.github.com',
      GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? 'assetgen',
      GIT_COMMITTER_EMAIL:
        process.env.GIT_COMMITTER_EMAIL ?? 'assetgen@users.noreply.github.com'
    }
    await git(root, ['read-tree', '--empty'], { env })
    await git(root, ['update-index', '--add', '--index-info'], {
      env,
      input: files.map((file) => `100644 ${file.sha}\t${file.path}\n`).join('')
    })
    const tree = (await git(root, ['write-tree'], { env })).trim()
    return (
      await git(root, ['commit-tree', tree, '-m', message], { env })
    ).trim()
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
