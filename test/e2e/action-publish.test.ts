import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import { FakeArtifactService } from '../fakes/artifact-service.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { runAction, type RunActionOptions } from '../helpers/runner.js'
import { workspace } from '../helpers/workspace.js'

const KEY = 'agw_publish_key_0987654321'
const TOKEN = 'ghs_runner_token'
let gateway: FakeGateway
let github: FakeGitHub
let artifacts: FakeArtifactService

beforeEach(async () => {
  gateway = await startFakeGateway({ apiKeys: KEY })
  github = await FakeGitHub.start({ token: TOKEN })
  artifacts = await FakeArtifactService.start()
})
afterEach(async () => {
  await Promise.all([gateway.close(), github.close(), artifacts.close()])
})

const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: public/img }
assets:
  - id: hero
    prompt: A trail at dawn
    size: 256x128
  - id: icon
    prompt: An app icon
    size: 64x64
`

function run(root: string, options: Partial<RunActionOptions> = {}) {
  return runAction({
    workspace: root,
    ...options,
    inputs: { 'api-key': KEY, 'gateway-url': gateway.url, ...options.inputs },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ...artifacts.runtimeEnv(),
      ...options.env
    }
  })
}

const pullRequest = (fork = false) => ({
  eventName: 'pull_request',
  ref: 'refs/pull/7/merge',
  event: {
    number: 7,
    pull_request: {
      number: 7,
      head: {
        ref: 'feature/brand',
        repo: { full_name: fork ? 'stranger/site' : 'acme/site' }
      }
    }
  }
})

describe('dist/index.js publishing (mode auto)', () => {
  it('on push commits every output and the lockfile byte for byte in one commit; a rerun commits nothing', async () => {
    const seeded = github.seedRepo({
      'assetgen.yml': spec,
      'README.md': '# site'
    })
    await using ws = await workspace(spec)
    const first = await run(ws.root)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const head = github.headSha('main')
    expect(first.outputs).toMatchObject({
      generated: '2',
      changed: 'true',
      'commit-sha': head
    })
    expect(github.git.commit(head)?.parents).toEqual([seeded])
    expect(
      github.requestsOf('PATCH').map((request) => request.body.force)
    ).toEqual([false])
    for (const path of [
      'public/img/hero.png',
      'public/img/icon.png',
      'assetgen.lock.json'
    ]) {
      expect(github.readFileAt('main', path)).toEqual(
        await readFile(join(ws.root, path))
      )
    }
    expect(github.git.commit(head)?.message).toMatch(
      /^chore\(assets\): regenerate images with assetgen\n\n- hero\n- icon/
    )
    expect(first.summary).toContain(
      `Committed ${head.slice(0, 7)} to \`main\` (verified)`
    )
    expect(first.summary).toContain(
      `https://github.com/acme/site/blob/${head}/public/img/hero.png?raw=true`
    )
    for (const text of [
      first.stdout
        .replace(`::add-mask::${KEY}`, '')
        .replace(`::add-mask::${TOKEN}`, ''),
      first.summary
    ]) {
      expect(text).not.toContain(KEY)
      expect(text).not.toContain(TOKEN)
    }

    gateway.reset()
    const writesBefore = github.requests.filter(
      (request) => request.method !== 'GET'
    ).length
    const again = await run(ws.root)
    expect(again.code).toBe(0)
    expect(gateway.requestCount()).toBe(0)
    expect(
      github.requests.filter((request) => request.method !== 'GET').length
    ).toBe(writesBefore)
    expect(again.outputs).toMatchObject({ changed: 'false', generated: '0' })
    expect(again.outputs['commit-sha']).toBeUndefined()
  })

  it('retries on a moved head, keeping the other commit and never forcing', async () => {
    github.seedRepo({ 'assetgen.yml': spec })
    let theirs = ''
    github.onRequest(
      { method: 'PATCH', path: /git\/refs\/heads\/main$/ },
      (_request, nth) => {
        if (nth === 1)
          theirs = github.pushCommit('main', {
            'docs/other.md': 'pushed meanwhile'
          })
      }
    )
    await using ws = await workspace(spec)
    const result = await run(ws.root)
    expect(result.code).toBe(0)
    expect(github.git.isAncestor(theirs, github.headSha('main'))).toBe(true)
    expect(github.readFileAt('main', 'docs/other.md')?.toString()).toBe(
      'pushed meanwhile'
    )
    expect(github.readFileAt('main', 'public/img/hero.png')).toEqual(
      await readFile(join(ws.root, 'public/img/hero.png'))
    )
    expect(
      github.requestsOf('PATCH').map((request) => request.body.force)
    ).toEqual([false, false])
    expect(gateway.requestCount()).toBe(2) // publishing retried; generation did not
  })

  it('keeps paid images when the commit fails: saved as artifacts, the step fails with how to recover', async () => {
    github.seedRepo({ 'assetgen.yml': spec })
    github.onRequest({ method: 'POST', path: /git\/blobs$/ }, () => ({
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    }))
    await using ws = await workspace(spec)
    const result = await run(ws.root)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/::error::commit failed: .*contents: write/)
    expect(result.summary).toMatch(/saved as artifacts/)
    const saved = artifacts.list()
    expect(saved.map((artifact) => artifact.name).sort()).toEqual([
      'assetgen-unpublished-1-assetgen.lock.json',
      'assetgen-unpublished-1-public__img__hero.png',
      'assetgen-unpublished-1-public__img__icon.png'
    ])
    // The lockfile in the workspace still records them, so nothing is regenerated on this runner.
    expect(
      Object.keys(
        (await readLockfile(join(ws.root, 'assetgen.lock.json'))).assets
      )
    ).toHaveLength(2)
  })

  it('on a same-repo pull request with the store off uploads each image unzipped and keeps one sticky comment up to date', async () => {
    await using ws = await workspace(spec)
    // `store-branch: ''` turns the image store off: the preview flow without it (store-review-flow.test.ts has it on).
    const storeOff = {
      'api-key': KEY,
      'gateway-url': gateway.url,
      'store-branch': ''
    }
    const first = await run(ws.root, { ...pullRequest(), inputs: storeOff })
    expect(first.code, first.stdout).toBe(0)
    expect(
      github.requests.filter((request) => request.path.includes('/git/'))
    ).toHaveLength(0) // no store, no commit
    const hero = artifacts
      .list()
      .find((artifact) => artifact.name.endsWith('public__img__hero.png'))
    expect(hero?.bytes).toEqual(
      await readFile(join(ws.root, 'public/img/hero.png'))
    )
    expect(
      artifacts
        .list()
        .some((artifact) => /assetgen-manifest-1001\.json$/.test(artifact.name))
    ).toBe(true)
    expect(first.outputs['artifact-id']).toMatch(/^\d+$/)
    expect(first.outputs['artifact-url']).toBe(
      `https://github.com/acme/site/actions/runs/1001/artifacts/${first.outputs['artifact-id']}`
    )
    const comments = github.listComments(7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('<!-- assetgen:assetgen -->')
    expect(comments[0]?.body).toMatch(
      /\[`hero`\]\(https:\/\/github.com\/acme\/site\/actions\/runs\/1001\/artifacts\/\d+\)/
    )
    expect(first.outputs['comment-id']).toBe(String(comments[0]?.id))
    const firstBody = comments[0]?.body

    await ws.write(
      'assetgen.yml',
      spec.replace('An app icon', 'A bolder app icon')
    )
    const second = await run(ws.root, {
      ...pullRequest(),
      inputs: storeOff,
      env: { GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(second.code, second.stdout).toBe(0)
    const after = github.listComments(7)
    expect(after).toHaveLength(1)
    expect(after[0]?.id).toBe(comments[0]?.id)
    expect(after[0]?.body).not.toBe(firstBody)
    expect(after[0]?.body).toMatch(/`icon`.*generated.*prompt changed/)
  })

  it('on a fork pull request plans only: no gateway call, no write, exit 0, a notice saying why', async () => {
    await using ws = await workspace(spec)
    const result = await run(ws.root, {
      ...pullRequest(true),
      inputs: { 'api-key': '' }
    })
    expect(result.code).toBe(0)
    expect(gateway.requestCount()).toBe(0)
    expect(
      github.requests.filter((request) => request.method !== 'GET')
    ).toHaveLength(0)
    expect(artifacts.list()).toHaveLength(0)
    expect(result.stdout).toMatch(/::notice::.*fork/i)
    expect(result.summary).toMatch(/Plan: \d+ to generate, 0 to reprocess/)
    await expect(readFile(join(ws.root, 'assetgen.lock.json'))).rejects.toThrow(
      /ENOENT/
    )
  })

  it('warns on pull_request_target about running untrusted specs with secrets', async () => {
    await using ws = await workspace(spec)
    const result = await run(ws.root, {
      ...pullRequest(),
      eventName: 'pull_request_target',
      inputs: { mode: 'none' }
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/::warning::.*pull_request_target/)
  })
})
