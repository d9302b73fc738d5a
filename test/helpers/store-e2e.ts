/**
 * What the image store's end-to-end tests share: the key and token their fakes accept, the store
 * branch, a base spec and a PR's change to it, the pull_request event, and readers for a
 * comment's before | after images and an asset's paths on the store branch.
 */
import { join } from 'node:path'
import { readLockfile } from '../../src/plan/lockfile.js'
import { storePaths } from '../../src/store/layout.js'
import { startActionFakes, type ActionFakes } from './action-fakes.js'

/** The gateway key the store tests' fakes accept. */
export const KEY = 'agw_store_key_1122334455'
/** The GitHub token the store tests' fakes accept. */
export const TOKEN = 'ghs_store_token_5544332211'
/** The store branch (the action's default). */
export const STORE = 'assetgen-store'

/** Starts the fakes of one test group (they accept KEY and TOKEN). */
export function startFakes(): Promise<ActionFakes> {
  return startActionFakes(KEY, TOKEN)
}

/** The base branch's spec: one asset, hero. */
export const baseSpec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: public/img }
assets:
  - id: hero
    prompt: A trail at dawn
    size: 64x64
`
/** The PR: a new prompt for hero, and a new asset. */
export const prSpec = `${baseSpec.replace('A trail at dawn', 'A trail at dusk')}  - id: icon
    prompt: An app icon
    size: 64x64
`

/** The options of a run on pull request 7 against `baseSha`, as run `runId`. */
export function pullRequestEvent(baseSha: string, runId: string) {
  return {
    eventName: 'pull_request',
    ref: 'refs/pull/7/merge',
    // One fake artifact service serves every run as one run's namespace: a distinct attempt
    // keeps artifact names apart, as a new run's own namespace would.
    env: { GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: runId },
    event: {
      number: 7,
      pull_request: {
        number: 7,
        head: {
          ref: 'feature/dusk',
          sha: 'c'.repeat(40),
          repo: { full_name: 'acme/site' }
        },
        base: { ref: 'main', sha: baseSha, repo: { full_name: 'acme/site' } }
      }
    }
  }
}

/** The before/after image URLs of one asset's row in a comment or summary. */
export function rowImages(markdown: string, id: string) {
  const line =
    markdown
      .split('\n')
      .find(
        (text) =>
          text.startsWith(`| \`${id}\` |`) || text.startsWith(`| [\`${id}\`](`)
      ) ?? ''
  const image = (alt: string) =>
    new RegExp(`<img src="([^"]+)" width="\\d+" alt="${alt}">`).exec(line)?.[1]
  return { line, before: image('before'), after: image('after') }
}

/** The store entry of `id` per the workspace's lockfile: its paths on the store branch. */
export async function entryOf(root: string, id: string) {
  const lock = await readLockfile(join(root, 'assetgen.lock.json'))
  const entry = lock.assets[id]
  if (entry === undefined) throw new Error(`no lock entry for ${id}`)
  return storePaths(entry.inputHash, entry.out.split('/').at(-1) ?? '')
}
