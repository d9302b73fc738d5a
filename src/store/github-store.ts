/**
 * The image store on a branch of the repository, through the GitHub Git Data API: the action's
 * read side (an ImageStore) and its one write per run (one commit, via publish's commitFiles).
 *
 * Reads fetch only what a lookup needs: the branch's root tree (one level), then, per wanted
 * `<hash[0:2]>` folder that exists, that folder's subtree, then the record and image blobs of the
 * hashes found. A 10,000-entry store costs a lookup of 50 assets about 50 small listings, never a
 * 10,000-entry download.
 */
import { Buffer } from 'node:buffer'
import { mapBounded } from '../concurrency.js'
import { getErrorMessage } from '../errors.js'
import { errorStatus, type Octokit } from '../github.js'
import { commitFiles, type CommitFile } from '../publish/commit.js'
import { MAX_BLOB_BYTES, readBlob } from '../publish/git-tree.js'
import { logText } from '../safe-text.js'
import {
  MAX_RECORD_BYTES,
  RECORD_FILE,
  entryFolder,
  isVerified,
  parseRecord,
  storeKey,
  storePaths
} from './layout.js'
import type { ImageStore, StoreEntry, StoreHit } from './types.js'

/** Which branch of which repository. */
export interface StoreBranch {
  owner: string
  repo: string
  branch: string
}

/** Requests in flight per lookup: enough to hide latency, few enough to stay clear of abuse limits. */
const READS_IN_FLIGHT = 8

interface Listed {
  sha: string
  size?: number
}

/** The store branch read through the Git Data API. Never throws: a failed read is a miss, logged. */
export class GitHubImageStore implements ImageStore {
  /** The branch's head at the last lookup (undefined before one, or while the branch does not exist). */
  headSha: string | undefined

  constructor(
    private readonly octokit: Octokit,
    private readonly where: StoreBranch,
    private readonly log: (message: string) => void = () => {}
  ) {}

  async lookup(hashes: string[]): Promise<Map<string, StoreHit>> {
    const found = new Map<string, StoreHit>()
    try {
      const root = await this.rootFolders()
      if (root === undefined) return found
      const keys = [...new Set(hashes.map(storeKey))]
      const prefixes = [...new Set(keys.map((key) => key.slice(0, 2)))]
      const listed = new Map<string, Listed>()
      await mapBounded(
        prefixes.filter((prefix) => root.has(prefix)),
        READS_IN_FLIGHT,
        async (prefix) => {
          for (const [path, entry] of await this.list(
            root.get(prefix) as string
          ))
            listed.set(`${prefix}/${path}`, entry)
        }
      )
      await mapBounded(keys, READS_IN_FLIGHT, async (key) => {
        const hit = await this.read(key, listed)
        if (hit) found.set(key, hit)
      })
    } catch (error) {
      this.log(
        `could not read the image store ${logText(this.where.branch)}: ${logText(getErrorMessage(error))}; generating what it may hold`
      )
    }
    return found
  }

  /** The root's `<hash[0:2]>` folders, or undefined when the branch does not exist yet. */
  private async rootFolders(): Promise<Map<string, string> | undefined> {
    const { owner, repo, branch } = this.where
    let head: string
    try {
      const { data } = await this.octokit.rest.git.getRef({
        owner,
        repo,
        ref: `heads/${branch}`
      })
      head = data.object.sha
      this.headSha = head
    } catch (error) {
      if (errorStatus(error) === 404) return undefined
      throw error
    }
    const { data: commit } = await this.octokit.rest.git.getCommit({
      owner,
      repo,
      commit_sha: head
    })
    const folders = new Map<string, string>()
    for (const [name, entry] of await this.list(commit.tree.sha, false))
      folders.set(name, entry.sha)
    return folders
  }

  /** One tree's entries by path (blobs only when recursive, folders only when not). */
  private async list(
    sha: string,
    recursive = true
  ): Promise<Map<string, Listed>> {
    const { data } = await this.octokit.rest.git.getTree({
      owner: this.where.owner,
      repo: this.where.repo,
      tree_sha: sha,
      ...(recursive ? { recursive: '1' } : {})
    })
    if (data.truncated)
      this.log(`the image store's listing of ${sha} was truncated`)
    const entries = new Map<string, Listed>()
    for (const entry of data.tree) {
      if (entry.path === undefined || entry.sha === undefined) continue
      if ((entry.type === 'tree') === recursive) continue
      entries.set(entry.path, {
        sha: entry.sha,
        ...(entry.size === undefined ? {} : { size: entry.size })
      })
    }
    return entries
  }

  /** The verified hit for `key`, or undefined when it is missing, oversized or does not verify. */
  private async read(
    key: string,
    listed: Map<string, Listed>
  ): Promise<StoreHit | undefined> {
    const recordEntry = listed.get(`${entryFolder(key)}/${RECORD_FILE}`)
    if (!recordEntry || (recordEntry.size ?? 0) > MAX_RECORD_BYTES)
      return undefined
    const record = parseRecord(
      (await readBlob(this.octokit, this.where, recordEntry.sha)).toString(
        'utf8'
      )
    )
    if (!record) return undefined
    const imageEntry = listed.get(storePaths(key, record.file).image)
    if (
      !imageEntry ||
      record.bytes > MAX_BLOB_BYTES ||
      (imageEntry.size !== undefined && imageEntry.size !== record.bytes)
    )
      return undefined
    const image = await readBlob(this.octokit, this.where, imageEntry.sha)
    const hit = { hash: key, record, image: new Uint8Array(image) }
    return isVerified(hit) ? hit : undefined
  }
}

/** What a store write did. */
export interface StoreWrite {
  /** The store's commit holding every entry: a new one, or the head that already held them. */
  commitSha: string
  /** A new commit was made. */
  changed: boolean
  /** Hash → repo path of its preview. */
  previews: Map<string, string>
}

/**
 * Adds `entries` to the store branch in ONE commit (creating the branch as an orphan commit the
 * first time). Non-forced and rebuilt on a moved head by commitFiles, so parallel shards and
 * concurrent PR runs all land. Throws a PublishError (its `cause` carries the HTTP status).
 */
export async function writeStore(
  octokit: Octokit,
  where: StoreBranch,
  entries: StoreEntry[],
  options: { log?: (message: string) => void; backoffMs?: number } = {}
): Promise<StoreWrite> {
  const files: CommitFile[] = []
  const previews = new Map<string, string>()
  const lines: string[] = []
  for (const entry of entries) {
    const key = storeKey(entry.hash)
    if (previews.has(key)) continue
    const paths = storePaths(key, entry.record.file)
    files.push(
      { path: paths.image, content: Buffer.from(entry.image) },
      {
        path: paths.record,
        content: Buffer.from(`${JSON.stringify(entry.record, null, 2)}\n`),
        inline: true
      },
      { path: paths.preview, content: Buffer.from(entry.preview) }
    )
    previews.set(key, paths.preview)
    lines.push(`- ${entry.record.id} ${key}`)
  }
  const commit = await commitFiles(octokit, {
    ...where,
    message: `assetgen: store ${previews.size} image(s)\n\n${lines.join('\n')}\n`,
    files,
    createBranch: true,
    sparse: true,
    ...(options.log ? { log: options.log } : {}),
    ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs })
  })
  const commitSha = commit.sha ?? commit.parentSha
  if (commitSha === undefined) throw new Error('the store write made no commit')
  return { commitSha, changed: commit.changed, previews }
}

/** True when `error` (or its cause) is GitHub refusing a write for lack of permission. */
export function isPermissionDenied(error: unknown): boolean {
  for (let current = error; current;) {
    if (
      errorStatus(current) === 403 &&
      !/rate limit/i.test(getErrorMessage(current))
    )
      return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
