/** The CLI's `assetgen store prune`: reads the default branch's lockfile, then prunes the store. */
import { relative, resolve } from 'node:path'
import { InputError } from '../errors.js'
import type { TextSink } from '../safe-text.js'
import { parseStoreBranch } from '../inputs.js'
import { loadSpec } from '../spec/load.js'
import { git, resolveCommit } from './git-plumbing.js'
import { storeKey } from './layout.js'
import { parseDuration, pruneStore } from './prune.js'

/** The CLI values prune reads. */
export interface PruneValues {
  spec: string
  'store-branch': string
  'older-than'?: string
  json: boolean
}

/** `origin`'s default branch: what origin/HEAD points at, else main. */
async function defaultBranch(root: string): Promise<string> {
  try {
    const ref = await git(root, [
      'symbolic-ref',
      '--quiet',
      'refs/remotes/origin/HEAD'
    ])
    return ref.trim().replace(/^refs\/remotes\/origin\//, '')
  } catch {
    return 'main'
  }
}

/** The store keys the default branch's lockfile references, fetched fresh from origin. */
async function referencedKeys(
  root: string,
  lockfilePath: string
): Promise<Set<string>> {
  const branch = await defaultBranch(root)
  const tracking = `refs/remotes/origin/${branch}`
  await git(root, [
    'fetch',
    '--quiet',
    'origin',
    `+refs/heads/${branch}:${tracking}`
  ])
  const commit = await resolveCommit(root, tracking)
  if (commit === undefined)
    throw new InputError(`origin has no branch ${branch}`)
  let text: string
  try {
    text = await git(root, ['show', `${commit}:${lockfilePath}`])
  } catch {
    return new Set() // no lockfile on the default branch yet: nothing has landed
  }
  return referencedHashes(text)
}

/** Runs the prune; resolves with the exit code. */
export async function pruneCommand(
  values: PruneValues,
  root: string,
  out: TextSink
): Promise<number> {
  const olderThanMs = parseDuration(values['older-than'])
  const branch = parseStoreBranch(values['store-branch'])
  if (branch === undefined)
    throw new InputError('--store-branch is empty: nothing to prune')
  const spec = await loadSpec({ specPath: resolve(root, values.spec), root })
  const lockfilePath = relative(spec.root, spec.lockfilePath)
    .split('\\')
    .join('/')
  // pruneStore answers a store branch origin lacks with nothing to prune.
  const result = await pruneStore({
    root,
    branch,
    olderThanMs,
    now: new Date(),
    keep: await referencedKeys(root, lockfilePath)
  })
  if (values.json) out.write(`${JSON.stringify(result, null, 2)}\n`)
  else if (result.before === undefined)
    out.write(`origin has no ${branch} branch: nothing to prune\n`)
  else
    out.write(
      result.after
        ? `Pruned ${branch}: ${result.removed} entries removed, ${result.kept} kept; force-pushed ${result.after} (was ${result.before})\n`
        : `${branch}: nothing older than ${values['older-than']} outside the lockfile; ${result.kept} entries kept, nothing pushed\n`
    )
  return 0
}

/**
 * Every well-formed input hash the lockfile's entries name. Read leniently on purpose: keeping an
 * entry too many only keeps a cache entry, while the strict reader drops whole entries it finds
 * incomplete, and prune must never drop an image that landed.
 */
function referencedHashes(text: string): Set<string> {
  let assets: unknown
  try {
    assets = (JSON.parse(text) as { assets?: unknown }).assets
  } catch {
    throw new InputError(
      "the default branch's lockfile is not JSON: refusing to prune"
    )
  }
  const keys = new Set<string>()
  if (typeof assets !== 'object' || assets === null) return keys
  for (const entry of Object.values(assets)) {
    const hash = (entry as { inputHash?: unknown } | null)?.inputHash
    if (typeof hash !== 'string') continue
    try {
      keys.add(storeKey(hash))
    } catch {
      // Not a hash: it references nothing in the store.
    }
  }
  return keys
}
