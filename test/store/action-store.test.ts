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
import { PREVIEW_FILE, entryFolder } from '../../src/store/layout.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
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

describe('the action and the store', () => {
  it('stores what a run paid for, then maps restored assets to their previews on the store head', async () => {
    const client = octokit()
    const store = new GitHubImageStore(client, where)
    await using first = await workspace(spec)
    const paid = await buildAgainst(first.root, gateway, {
      store,
      storeCandidates: true
    })
    const runUrl = 'https://github.com/acme/site/actions/runs/42'
    const saved = await saveToStore(
      client,
      store,
      where,
      paid,
      () => {},
      runUrl
    )
    expect(saved.warning).toBeUndefined()
    expect(saved.store?.commitSha).toBe(github.headSha('assetgen-store'))
    const hero = paid.plan.items.find((item) => item.asset.id === 'hero')!
    expect(saved.store?.previews.get('hero')).toBe(
      `${entryFolder(hero.inputHash)}/${PREVIEW_FILE}`
    )
    expect(
      github.readFileAt('assetgen-store', saved.store!.previews.get('hero')!)
    ).toBeDefined()
    const record = github.readFileAt(
      'assetgen-store',
      saved.store!.previews.get('hero')!.replace('preview.webp', 'record.json')
    )
    expect(JSON.parse(record!.toString())).toMatchObject({ id: 'hero', runUrl })

    gateway.reset()
    const again = new GitHubImageStore(client, where)
    await using second = await workspace(spec)
    const restored = await buildAgainst(second.root, gateway, {
      store: again,
      storeCandidates: true
    })
    expect(gateway.requestCount()).toBe(0)
    const commits = github.commitCount()
    const resaved = await saveToStore(client, again, where, restored, () => {})
    expect(github.commitCount()).toBe(commits)
    expect(resaved.store?.commitSha).toBe(saved.store?.commitSha)
    expect([...resaved.store!.previews.keys()].sort()).toEqual(['hero', 'icon'])
  })

  it('turns a 403 into one warning instead of an error, so the run falls back', async () => {
    github.denyWritesTo('assetgen-store')
    const client = octokit()
    const store = new GitHubImageStore(client, where)
    await using ws = await workspace(spec)
    const paid = await buildAgainst(ws.root, gateway, {
      store,
      storeCandidates: true
    })
    const saved = await saveToStore(client, store, where, paid, () => {})
    expect(saved.denied).toBe(true)
    expect(saved.store).toBeUndefined()
    expect(saved.warning).toMatch(/contents: write/)
    // One write was tried, not a queue of them.
    expect(github.requestsOf('POST', /git\/blobs$/)).toHaveLength(1)
  })

  it('stays off without a branch, a token, an API URL, or in a placeholder run', () => {
    const target = { owner: 'acme', repo: 'site', serverUrl: '' }
    const inputs = {
      storeBranch: 'assetgen-store',
      githubToken: 'test-token',
      placeholder: false
    }
    vi.stubEnv('GITHUB_API_URL', github.url)
    expect(openActionStore(inputs, target, () => {})).toBeDefined()
    expect(
      openActionStore({ ...inputs, placeholder: true }, target, () => {})
    ).toBeUndefined()
    expect(
      openActionStore({ ...inputs, githubToken: '' }, target, () => {})
    ).toBeUndefined()
    const { storeBranch: _off, ...noBranch } = inputs
    expect(openActionStore(noBranch, target, () => {})).toBeUndefined()
    vi.stubEnv('GITHUB_API_URL', '')
    expect(openActionStore(inputs, target, () => {})).toBeUndefined()
  })
})
