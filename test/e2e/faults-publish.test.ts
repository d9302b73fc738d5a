/**
 * Faults after generation, through the bundled action (dist/index.js as a child process): GitHub
 * and the artifact service failing while publishing, SIGTERM mid-run, and a scan for leaked
 * secrets in everything the action wrote or sent.
 */
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLockfile, type Lockfile } from '../../src/plan/lockfile.js'
import { FakeArtifactService } from '../fakes/artifact-service.js'
import {
  byPrompt,
  error,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { runAction, type RunActionOptions } from '../helpers/runner.js'
import { workspace } from '../helpers/workspace.js'

const KEY = 'agw_faults_key_5f3c9e1d7b'
const TOKEN = 'ghs_faults_token_8a2e6c4f0d'
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
const OUTPUTS = ['public/img/hero.png', 'public/img/icon.png']

function run(root: string, options: Partial<RunActionOptions> = {}) {
  return runAction({
    workspace: root,
    ...options,
    inputs: {
      'api-key': KEY,
      'github-token': TOKEN,
      'gateway-url': gateway.url,
      ...options.inputs
    },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ...artifacts.runtimeEnv(),
      ...options.env
    }
  })
}

const pullRequest = {
  eventName: 'pull_request',
  ref: 'refs/pull/7/merge',
  event: {
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'feature/brand', repo: { full_name: 'acme/site' } }
    }
  }
}

const sha256 = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex')

/** Every entry's file exists with its sha256, and `dir` holds exactly the entries' files. */
async function lockMatchesDisk(root: string, dir: string): Promise<Lockfile> {
  const lockfile = await readLockfile(join(root, 'assetgen.lock.json'))
  for (const [id, entry] of Object.entries(lockfile.assets)) {
    const bytes = await readFile(join(root, entry.out))
    expect(sha256(bytes), `${id}: lock sha256 vs file`).toBe(entry.sha256)
  }
  const files = (await readdir(join(root, dir))).map((name) => `${dir}/${name}`)
  expect(files.sort()).toEqual(
    Object.values(lockfile.assets)
      .map((entry) => entry.out)
      .sort()
  )
  return lockfile
}

describe('dist/index.js when publishing fails', () => {
  it('rides out 502s on blob creation (plugin-retry) and still commits everything in one commit', async () => {
    const seeded = github.seedRepo({ 'assetgen.yml': spec })
    github.onRequest(
      { method: 'POST', path: /\/git\/blobs$/ },
      (_request, nth) =>
        nth <= 2
          ? { status: 502, body: '<html><body>502 Bad Gateway</body></html>' }
          : undefined
    )
    await using ws = await workspace(spec)
    // The store off: only the main commit's blobs are counted (the store's writes: store.test.ts).
    const result = await run(ws.root, { inputs: { 'store-branch': '' } })
    expect(result.code, result.stdout).toBe(0)
    // Three blobs (two images and the lockfile), two of the POSTs answered twice.
    expect(github.requestsOf('POST', /\/git\/blobs$/)).toHaveLength(5)
    const head = github.headSha('main')
    expect(result.outputs['commit-sha']).toBe(head)
    expect(github.commitOf(head).parents).toEqual([seeded])
    for (const path of [...OUTPUTS, 'assetgen.lock.json'])
      expect(github.readFileAt('main', path)).toEqual(
        await readFile(join(ws.root, path))
      )
    expect(artifacts.list()).toHaveLength(0) // no fallback was needed
    expect(gateway.requestCount()).toBe(2)
  })

  it('on a read-only token (403 on the ref update) fails naming contents: write, saves -unpublished artifacts, keeps the lockfile', async () => {
    const seeded = github.seedRepo({ 'assetgen.yml': spec })
    github.onRequest(
      { method: 'PATCH', path: /\/git\/refs\/heads\/main$/ },
      () => ({
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest'
        }
      })
    )
    await using ws = await workspace(spec)
    const result = await run(ws.root)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::commit failed: Updating main failed: 403 Resource not accessible by integration\..*contents: write/
    )
    expect(github.headSha('main')).toBe(seeded) // nothing landed
    expect(github.requestsOf('PATCH')).toHaveLength(1) // a 403 is not retried
    expect(result.outputs['commit-sha']).toBeUndefined()
    expect(result.summary).toMatch(/saved as artifacts/)
    const saved = artifacts.list()
    expect(saved.map((artifact) => artifact.name).sort()).toEqual([
      'assetgen-unpublished-1-assetgen.lock.json',
      'assetgen-unpublished-1-public__img__hero.png',
      'assetgen-unpublished-1-public__img__icon.png'
    ])
    for (const artifact of saved) expect(artifact.finalized).toBe(true)
    expect(
      saved.find((artifact) => artifact.name.endsWith('hero.png'))?.bytes
    ).toEqual(await readFile(join(ws.root, 'public/img/hero.png')))
    // The runner's lockfile still records both, so a rerun here pays for nothing again.
    const lockfile = await lockMatchesDisk(ws.root, 'public/img')
    expect(Object.keys(lockfile.assets).sort()).toEqual(['hero', 'icon'])
  })

  // A persistent 5xx is retried by @actions/artifact's Twirp client 5 times with backoff from 3 s
  // (about 30 s in all), too slow here: a non-retryable 400 exercises the same failure path.
  it('on a pull request whose CreateArtifact keeps failing, fails the step clearly and keeps the files', async () => {
    artifacts.onRequest(/\/CreateArtifact$/, () => ({
      status: 400,
      msg: 'artifact storage quota exceeded'
    }))
    await using ws = await workspace(spec)
    // The store off: this is the artifact path alone (with the store a PR also writes its branch).
    const result = await run(ws.root, {
      ...pullRequest,
      inputs: { 'store-branch': '' }
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::artifact upload failed: Uploading .*\.png as artifact 'assetgen-1-public__img__\w+\.png' failed: .*CreateArtifact.*400.*artifact storage quota exceeded/
    )
    expect(artifacts.list()).toHaveLength(0)
    expect(result.outputs['artifact-id']).toBeUndefined()
    expect(github.requestsOf('POST', /\/git\//)).toHaveLength(0) // previews never commit
    // The generated images and their lock entries stay in the workspace.
    const lockfile = await lockMatchesDisk(ws.root, 'public/img')
    expect(Object.keys(lockfile.assets).sort()).toEqual(['hero', 'icon'])
    expect(result.outputs.generated).toBe('2')
  })
})

describe('dist/index.js on SIGTERM while committing', () => {
  it('saves the paid images as -unpublished artifacts at once and exits within 10 s', async () => {
    const seeded = github.seedRepo({ 'assetgen.yml': spec })
    // A GitHub that takes forever to store blobs: the commit never finishes by itself.
    let release = (): void => {}
    const slow = new Promise<void>((resolve) => (release = resolve))
    let action: { kill: (signal: NodeJS.Signals) => boolean } | undefined
    let signalledAt = 0
    github.onRequest({ method: 'POST', path: /\/git\/blobs$/ }, async () => {
      // The commit has started: cancel the job now.
      if (signalledAt === 0) {
        signalledAt = Date.now()
        action?.kill('SIGTERM')
      }
      await slow
      return { status: 502, body: 'too late' }
    })
    await using ws = await workspace(spec)
    try {
      const result = await run(ws.root, {
        onStart: (child) => (action = child)
      })
      const exitedAfterMs = Date.now() - signalledAt
      expect(signalledAt).toBeGreaterThan(0)
      expect(result.code, result.stdout + result.stderr).toBe(1)
      expect(exitedAfterMs).toBeLessThan(10_000)
      expect(result.stdout).toMatch(/::warning::SIGTERM: starting nothing new/)
      expect(result.stdout).toMatch(
        /::error::cancelled while publishing: see above for what was saved/
      )
      expect(github.headSha('main')).toBe(seeded) // nothing landed
      const saved = artifacts.list()
      expect(saved.map((artifact) => artifact.name).sort()).toEqual([
        'assetgen-unpublished-1-assetgen.lock.json',
        'assetgen-unpublished-1-public__img__hero.png',
        'assetgen-unpublished-1-public__img__icon.png'
      ])
      for (const artifact of saved) {
        expect(artifact.finalized).toBe(true)
        expect(result.stdout).toContain(`saved ${artifact.name}`)
      }
      for (const path of OUTPUTS)
        expect(
          saved.find((artifact) =>
            artifact.name.endsWith(path.replaceAll('/', '__'))
          )?.bytes
        ).toEqual(await readFile(join(ws.root, path)))
    } finally {
      release()
    }
  })
})

describe('dist/index.js on SIGTERM (mode none)', () => {
  it('exits non-zero, keeps the lockfile in step with the files written, and a rerun generates only the rest', async () => {
    const slow = await startFakeGateway({ apiKeys: KEY, latencyMs: 500 })
    try {
      const assets = Array.from(
        { length: 5 },
        (_, index) =>
          `  - id: a${index}\n    prompt: Asset ${index}\n    size: 64x64\n`
      ).join('')
      await using ws = await workspace(
        `version: 1\ndefaults: { outDir: out }\nassets:\n${assets}`
      )
      const inputs = {
        mode: 'none',
        'api-key': KEY,
        'gateway-url': slow.url,
        concurrency: '1'
      }
      const result = await runAction({
        workspace: ws.root,
        inputs,
        onStart: (child, output) => {
          // Exactly one signal: a second one would find no handler and kill the process outright.
          let sent = false
          child.stdout?.on('data', () => {
            if (!sent && /\[\d\/5\]\s+a\d\s+generated/.test(output.stdout())) {
              sent = true
              child.kill('SIGTERM')
            }
          })
        }
      })
      expect(result.code, result.stdout + result.stderr).not.toBe(0)
      expect(result.code).not.toBeNull() // it exited by itself, not killed by the signal
      expect(result.stdout).toMatch(/::warning::SIGTERM: starting nothing new/)
      expect(result.stdout).toMatch(/::error::cancelled: finished images/)
      const lockfile = await lockMatchesDisk(ws.root, 'out')
      const done = Object.keys(lockfile.assets)
      expect(done.length).toBeGreaterThanOrEqual(1)
      expect(done.length).toBeLessThan(5)

      slow.reset()
      const rerun = await runAction({ workspace: ws.root, inputs })
      expect(rerun.code, rerun.stdout).toBe(0)
      expect(slow.requestCount()).toBe(5 - done.length)
      const requested = slow.requests.map((request) =>
        request.body.prompt?.replace(/^Asset (\d).*$/s, 'a$1')
      )
      expect(requested.filter((id) => id && done.includes(id))).toEqual([])
      expect(rerun.outputs).toMatchObject({
        generated: String(5 - done.length),
        skipped: String(done.length)
      })
      const complete = await lockMatchesDisk(ws.root, 'out')
      expect(Object.keys(complete.assets)).toHaveLength(5)
    } finally {
      await slow.close()
    }
  })
})

/** Every file under `dir`, workspace-relative, with its bytes. */
async function allFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = new Map<string, Buffer>()
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path), await readFile(path))
  }
  return files
}

describe('secrets', () => {
  it('never leak: not in logs, summary, outputs, manifest, files, nor anything sent to GitHub', async () => {
    github.seedRepo({ 'assetgen.yml': spec })
    // One asset fails, so the error paths (annotations, summary rows) are covered too.
    gateway.behavior = byPrompt({
      'An app icon': error(500, 'internal_server_error', 'upstream exploded')
    })
    await using ws = await workspace(spec)
    const result = await run(ws.root, { inputs: { 'max-retries': '0' } })
    expect(result.code).toBe(1)
    expect(result.outputs['commit-sha']).toBe(github.headSha('main'))
    // The runner is asked to mask both...
    expect(result.stdout).toContain(`::add-mask::${KEY}`)
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`)

    // ...and nothing else carries either of them, in text or base64.
    const texts = new Map<string, string | Buffer>([
      [
        'stdout',
        result.stdout
          .split('\n')
          .filter((line) => !line.startsWith('::add-mask::'))
          .join('\n')
      ],
      ['stderr', result.stderr],
      ['summary', result.summary],
      ['outputs', JSON.stringify(result.outputs)],
      ['manifest', JSON.stringify(result.manifest)]
    ])
    expect(result.manifest).toBeDefined()
    for (const [path, bytes] of await allFiles(ws.root))
      texts.set(`workspace ${path}`, bytes)
    for (const [index, request] of github.requests.entries()) {
      texts.set(
        `github request ${index} ${request.method} ${request.path}`,
        `${request.path}?${request.query.toString()} ${JSON.stringify(request.body ?? null)}`
      )
      const content = (request.body as { content?: unknown } | undefined)
        ?.content
      if (typeof content === 'string')
        texts.set(
          `github blob ${index}`,
          Buffer.from(content, 'base64') // what the blob actually stores
        )
    }
    for (const [sha, object] of github.git.objects) {
      if (object.type === 'blob') texts.set(`git blob ${sha}`, object.content)
      if (object.type === 'commit')
        texts.set(`git commit ${sha}`, object.message)
      if (object.type === 'tree')
        texts.set(`git tree ${sha}`, JSON.stringify(object.items))
    }
    for (const [index, request] of gateway.requests.entries())
      texts.set(`gateway request ${index}`, JSON.stringify(request.body))
    // The committed files really were scanned.
    expect(
      [...texts.keys()].filter((name) => name.startsWith('git blob'))
    ).not.toHaveLength(0)

    for (const secret of [KEY, TOKEN]) {
      const base64 = Buffer.from(secret).toString('base64').slice(0, 16)
      for (const [name, text] of texts) {
        const haystack = Buffer.isBuffer(text) ? text.toString('latin1') : text
        expect(haystack, `${name} contains a secret`).not.toContain(secret)
        expect(haystack, `${name} contains a base64 secret`).not.toContain(
          base64
        )
      }
    }
  })
})
