/**
 * The images a PR comment shows side by side: "before" is the asset's output at the PR's base
 * commit (when it existed there), "after" is its preview on the store commit. Both are
 * commit-pinned `blob/{sha}/{path}?raw=true` URLs, which render for signed-in viewers of private
 * repositories and on GitHub Enterprise Server, and keep showing what was reviewed.
 */
import { mapBounded } from '../concurrency.js'
import type { Octokit } from '../github.js'
import { urlPath } from '../safe-text.js'
import type { PublishTarget } from './publish.js'

/** The two images of one asset; either may be missing. */
export interface BeforeAfter {
  before?: string
  after?: string
}

/** Trees read at once while looking for the base commit's files. */
const TREES_IN_FLIGHT = 4
/** Paths checked at the base commit at most: a comment folds past ~10 rows anyway. */
const MAX_PATHS = 200

/** `{server}/{owner}/{repo}/blob/{sha}/{path}?raw=true`, the path percent-encoded per segment. */
export function blobUrl(
  target: PublishTarget,
  commitSha: string,
  path: string
): string {
  return `${target.serverUrl}/${urlPath(target.owner)}/${urlPath(target.repo)}/blob/${commitSha}/${urlPath(path)}?raw=true`
}

type TreeItem = { path?: string; type?: string; sha?: string }

/**
 * Which of `paths` are files at `commitSha`. Reads the commit, then only the trees on the way to
 * those paths, one level at a time (never a recursive listing of the whole repository); each tree
 * is read once however many paths pass through it.
 */
export async function existingFiles(
  octokit: Octokit,
  target: Pick<PublishTarget, 'owner' | 'repo'>,
  commitSha: string,
  paths: readonly string[]
): Promise<Set<string>> {
  const { owner, repo } = target
  const trees = new Map<string, Promise<TreeItem[]>>()
  const readTree = (sha: string): Promise<TreeItem[]> => {
    let tree = trees.get(sha)
    if (tree === undefined) {
      tree = octokit.rest.git
        .getTree({ owner, repo, tree_sha: sha })
        .then(({ data }) => data.tree)
      trees.set(sha, tree)
    }
    return tree
  }
  const { data: commit } = await octokit.rest.git.getCommit({
    owner,
    repo,
    commit_sha: commitSha
  })
  const wanted = [...new Set(paths)].slice(0, MAX_PATHS)
  const found = await mapBounded(wanted, TREES_IN_FLIGHT, async (path) => {
    const segments = path.split('/')
    let sha = commit.tree.sha
    for (const [index, name] of segments.entries()) {
      const last = index === segments.length - 1
      const item = (await readTree(sha)).find((entry) => entry.path === name)
      if (item?.sha === undefined) return false
      if (last) return item.type === 'blob'
      if (item.type !== 'tree') return false
      sha = item.sha
    }
    return false
  })
  return new Set(wanted.filter((_, index) => found[index]))
}

/** What {@link resolveBeforeAfter} needs to know about one changed asset. */
export interface ReviewedAsset {
  id: string
  /** The output's workspace-relative path (the same path at the base commit). */
  out: string
}

/**
 * The before/after image URLs per asset id. `before` comes from `baseSha` (omitted when the
 * output did not exist there or the base commit can't be read: a comment without "before"
 * beats no comment); `after` is the store preview named in `previews`.
 */
export async function resolveBeforeAfter(
  octokit: Octokit,
  target: PublishTarget,
  request: {
    assets: readonly ReviewedAsset[]
    baseSha?: string
    store?: { commitSha: string; previews: ReadonlyMap<string, string> }
    warn?: (message: string) => void
  }
): Promise<Map<string, BeforeAfter>> {
  const { assets, baseSha, store } = request
  let before = new Set<string>()
  if (baseSha && /^[0-9a-f]{40}$/.test(baseSha) && assets.length > 0) {
    try {
      before = await existingFiles(
        octokit,
        target,
        baseSha,
        assets.map((asset) => asset.out)
      )
    } catch (error) {
      request.warn?.(
        `could not read the PR's base commit for "before" images: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  const images = new Map<string, BeforeAfter>()
  for (const asset of assets) {
    const preview = store?.previews.get(asset.id)
    const pair: BeforeAfter = {
      ...(before.has(asset.out)
        ? { before: blobUrl(target, baseSha as string, asset.out) }
        : {}),
      ...(store && preview
        ? { after: blobUrl(target, store.commitSha, preview) }
        : {})
    }
    if (pair.before || pair.after) images.set(asset.id, pair)
  }
  return images
}
