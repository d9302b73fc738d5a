/**
 * Git object plumbing for commit.ts: local blob hashing, reading a head tree, and building a new
 * tree in chunks through the Git Data API.
 */
import { createHash } from 'node:crypto'
import type { Octokit } from '../github.js'

/** The Git Data API refuses blobs above 40 MiB. */
export const MAX_BLOB_BYTES = 40 * 1024 * 1024

/** Entries per POST git/trees: big inline trees time out, so large sets go in a chain. */
export const TREE_CHUNK_SIZE = 100

/** The sha git gives `content` as a blob: sha1 of `blob <length>\0` + bytes. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex')
}

/** One entry of a tree as the API lists it. */
export interface TreeEntry {
  sha: string
  type: string
  mode: string
}

/** What commit.ts needs to know about the head's tree. */
export interface HeadTree {
  /** Entries at the wanted paths (repo-relative); every entry when the listing was complete. */
  entries: Map<string, TreeEntry>
  /** Blob shas the repository already has, so they need no upload. */
  blobShas: Set<string>
}

interface Repo {
  owner: string
  repo: string
}

/**
 * Reads `treeSha` recursively. GitHub truncates recursive listings of very large trees; then
 * each wanted path that was not listed is found by walking its directories one level at a time,
 * because a missed entry would make a merge start from nothing. With `recursive: false` only that
 * walk is done: the listing then holds just the wanted paths (and only their blobs count as known).
 */
export async function readHeadTree(
  octokit: Octokit,
  { owner, repo }: Repo,
  treeSha: string,
  paths: readonly string[],
  options: { recursive?: boolean } = {}
): Promise<HeadTree> {
  const entries = new Map<string, TreeEntry>()
  const blobShas = new Set<string>()
  if (options.recursive !== false) {
    const { data } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: treeSha,
      recursive: '1'
    })
    for (const entry of data.tree) {
      if (entry.path === undefined || entry.sha === undefined) continue
      const { sha, type = 'blob', mode = '100644' } = entry
      entries.set(entry.path, { sha, type, mode })
      if (type === 'blob') blobShas.add(sha)
    }
    if (!data.truncated) return { entries, blobShas }
  }

  const levels = new Map<string, Map<string, TreeEntry>>()
  const level = async (sha: string): Promise<Map<string, TreeEntry>> => {
    let found = levels.get(sha)
    if (found === undefined) {
      const listing = await octokit.rest.git.getTree({
        owner,
        repo,
        tree_sha: sha
      })
      found = new Map()
      for (const entry of listing.data.tree) {
        if (entry.path === undefined || entry.sha === undefined) continue
        found.set(entry.path, {
          sha: entry.sha,
          type: entry.type ?? 'blob',
          mode: entry.mode ?? '100644'
        })
      }
      levels.set(sha, found)
    }
    return found
  }
  for (const path of paths) {
    if (entries.has(path)) continue
    let current: TreeEntry | undefined = {
      sha: treeSha,
      type: 'tree',
      mode: '040000'
    }
    for (const name of path.split('/')) {
      if (current?.type !== 'tree') {
        current = undefined
        break
      }
      current = (await level(current.sha)).get(name)
    }
    if (current !== undefined) {
      entries.set(path, current)
      if (current.type === 'blob') blobShas.add(current.sha)
    }
  }
  return { entries, blobShas }
}

/** Reads one blob's bytes (the API sends them base64 with line breaks, which Buffer skips). */
export async function readBlob(
  octokit: Octokit,
  { owner, repo }: Repo,
  sha: string
): Promise<Buffer> {
  const { data } = await octokit.rest.git.getBlob({
    owner,
    repo,
    file_sha: sha
  })
  return Buffer.from(
    data.content,
    data.encoding === 'utf-8' ? 'utf8' : 'base64'
  )
}

/**
 * Creates the tree `baseTree` (none: an empty one) + `files` (path → blob sha, or inline text;
 * mode 100644). Sets above
 * {@link TREE_CHUNK_SIZE} entries become a chain of trees, each on the previous one as its base,
 * and the last one is returned.
 */
export async function createTreeChain(
  octokit: Octokit,
  { owner, repo }: Repo,
  baseTree: string | undefined,
  files: ReadonlyArray<{ path: string; sha: string; text?: string }>
): Promise<string> {
  let tree = baseTree
  for (let start = 0; start < files.length; start += TREE_CHUNK_SIZE) {
    const chunk = files.slice(start, start + TREE_CHUNK_SIZE)
    const { data } = await octokit.rest.git.createTree({
      owner,
      repo,
      ...(tree === undefined ? {} : { base_tree: tree }),
      // `text` files travel inline (GitHub stores them as blobs); the rest name uploaded blobs.
      tree: chunk.map(({ path, sha, text }) => ({
        path,
        ...(text === undefined ? { sha } : { content: text }),
        mode: '100644' as const,
        type: 'blob' as const
      }))
    })
    tree = data.sha
  }
  if (tree === undefined) throw new Error('no base tree and no files to add')
  return tree
}
