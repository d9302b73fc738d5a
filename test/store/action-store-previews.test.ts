// The action's store write beyond the happy path (action-store.test.ts): which assets get a
// preview link when not every asset was stored, a run that stored nothing, and the store that
// openActionStore opens from the inputs, env and run target.
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi
} from 'vitest'
import { createOctokit } from '../../src/github.js'
import { openActionStore, saveToStore } from '../../src/store/action-store.js'
import { GitHubImageStore } from '../../src/store/github-store.js'
import {
  byPrompt,
  modelNotFound,
  ok,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
let github: FakeGitHub
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'test-key' })
})
afterAll(() => gateway.close())
beforeEach(async () => {
  gateway.reset()
  // reset() keeps the behaviour: undo the failures a test set.
  gateway.behavior = ok()
  github = await FakeGitHub.start()
  github.seedRepo({ 'README.md': 'hello' })
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await github.close()
})

const spec = `version: 1
assets:
  - id: hero
    prompt: A trail
    size: 64x64
  - id: icon
    prompt: An icon
    size: 64x64
`
const where = { owner: 'acme', repo: 'site', branch: 'assetgen-store' }
const octokit = () =>
  createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })

/** Builds `spec` in a fresh workspace against `store`, as a PR run would. */
async function run(store: GitHubImageStore) {
  await using ws = await workspace(spec)
  return await buildAgainst(ws.root, gateway, { store, storeCandidates: true })
}

describe('which assets the store write links', () => {
  it('links only the assets it stored, not one whose generation failed', async () => {
    gateway.behavior = byPrompt({ 'An icon': modelNotFound() })
    const client = octokit()
    const store = new GitHubImageStore(client, where)
    const result = await run(store)
    expect(result.outcomes.find((o) => o.id === 'icon')?.status).toBe('failed')
    const saved = await saveToStore(client, store, where, result, () => {})
    expect([...saved.store!.previews.keys()]).toEqual(['hero'])
    expect(
      github.readFileAt('assetgen-store', saved.store!.previews.get('hero')!)
    ).toBeDefined()
  })

  it('writes nothing and publishes no store when nothing was stored', async () => {
    gateway.behavior = modelNotFound()
    const client = octokit()
    // No store branch yet: no head to point at.
    const empty = new GitHubImageStore(client, where)
    const failed = await run(empty)
    expect(await saveToStore(client, empty, where, failed, () => {})).toEqual(
      {}
    )
    // A store branch exists, but nothing of this run is on it.
    github.seedRepo({ 'README.md': 'store' }, 'assetgen-store')
    const existing = new GitHubImageStore(client, where)
    const again = await run(existing)
    expect(existing.headSha).toBe(github.headSha('assetgen-store'))
    expect(await saveToStore(client, existing, where, again, () => {})).toEqual(
      {}
    )
    expect(github.requestsOf('POST')).toHaveLength(0)
    expect(github.requestsOf('PATCH')).toHaveLength(0)
  })
})

describe('openActionStore when the store is on', () => {
  const inputs = {
    storeBranch: 'assetgen-store',
    githubToken: 'test-token',
    placeholder: false
  }
  beforeEach(() => {
    vi.stubEnv('GITHUB_API_URL', github.url)
    vi.stubEnv('ASSETGEN_GITHUB_WRITE_SPACING', 'off')
  })

  it('reads and writes the branch in the target repository, recording the run', async () => {
    const target = {
      owner: 'acme',
      repo: 'site',
      serverUrl: 'https://github.example',
      runId: '7'
    }
    const opened = openActionStore(inputs, target, () => {})!
    const saved = await opened.save(await run(opened.store as GitHubImageStore))
    expect(saved.warning).toBeUndefined()
    expect(saved.store?.branch).toBe('assetgen-store')
    expect(saved.store?.commitSha).toBe(github.headSha('assetgen-store'))
    const preview = saved.store!.previews.get('hero')!
    const record = github.readFileAt(
      'assetgen-store',
      preview.replace('preview.webp', 'record.json')
    )
    expect(JSON.parse(record!.toString()).runUrl).toBe(
      'https://github.example/acme/site/actions/runs/7'
    )
    // The next run's store finds both, so the gateway is not called again.
    gateway.reset()
    const next = openActionStore(inputs, target, () => {})!
    await run(next.store as GitHubImageStore)
    expect(gateway.requestCount()).toBe(0)
  })

  it('records no run URL outside a workflow run', async () => {
    const target = { owner: 'acme', repo: 'site', serverUrl: '' }
    const opened = openActionStore(inputs, target, () => {})!
    const saved = await opened.save(await run(opened.store as GitHubImageStore))
    const preview = saved.store!.previews.get('icon')!
    const record = github.readFileAt(
      'assetgen-store',
      preview.replace('preview.webp', 'record.json')
    )
    expect(JSON.parse(record!.toString())).not.toHaveProperty('runUrl')
  })
})
