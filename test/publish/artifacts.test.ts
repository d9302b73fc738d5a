import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PublishError } from '../../src/errors.js'
import { uploadPreviews } from '../../src/publish/artifacts.js'
import { FakeArtifactService } from '../fakes/artifact-service.js'

let service: FakeArtifactService
let root: string
const home = Buffer.from('\x89PNG home image bytes')
const card = Buffer.from('\x89PNG card image bytes, a bit longer')

beforeEach(async () => {
  service = await FakeArtifactService.start()
  root = await mkdtemp(join(tmpdir(), 'assetgen-artifacts-test-'))
  await mkdir(join(root, 'og'))
  await writeFile(join(root, 'og', 'home.png'), home)
  await writeFile(join(root, 'card.png'), card)
  for (const [name, value] of Object.entries(service.runtimeEnv())) {
    vi.stubEnv(name, value)
  }
  vi.stubEnv('RUNNER_TEMP', root)
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/site')
  vi.stubEnv('GITHUB_RUN_ID', '777')
  // @actions/core logs every step of an upload to stdout.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(async () => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  await service.close()
  await rm(root, { recursive: true, force: true })
})

const files = () => [
  { path: join(root, 'og', 'home.png') },
  { path: join(root, 'card.png') }
]

describe('uploadPreviews', () => {
  it('uploads each file unzipped through the real client, byte for byte', async () => {
    const result = await uploadPreviews({
      files: files(),
      rootDirectory: root,
      namePrefix: 'assetgen',
      retentionDays: 3
    })
    expect(result.artifacts.map(({ name }) => name)).toEqual([
      'assetgen-1-og__home.png',
      'assetgen-1-card.png'
    ])
    const [first, second] = result.artifacts
    expect(first).toMatchObject({
      file: join(root, 'og', 'home.png'),
      size: home.length,
      url: `https://github.com/acme/site/actions/runs/777/artifacts/${first?.id}`
    })
    expect(second?.id).not.toBe(first?.id)
    const stored = service.artifact('assetgen-1-og__home.png')
    expect(stored?.bytes).toEqual(home)
    expect(stored?.finalized).toBe(true)
    expect(stored?.mimeType).toBe('image/png')
    expect(service.artifact('assetgen-1-card.png')?.bytes).toEqual(card)
    // The Azure block-blob protocol: staged blocks, then a committed block list.
    const comps = service.requests.map((request) => request.query.get('comp'))
    expect(comps.filter((comp) => comp === 'block')).toHaveLength(2)
    expect(comps.filter((comp) => comp === 'blocklist')).toHaveLength(2)
    const days = (Date.parse(stored?.expiresAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(2.9)
    expect(days).toBeLessThan(3.1)
  })

  it('names artifacts per run attempt, so a re-run does not collide', async () => {
    const request = { files: files(), rootDirectory: root, namePrefix: 'pr-5' }
    await uploadPreviews({ ...request, runAttempt: '1' })
    vi.stubEnv('GITHUB_RUN_ATTEMPT', '2')
    const rerun = await uploadPreviews(request)
    expect(rerun.artifacts.map(({ name }) => name)).toEqual([
      'pr-5-2-og__home.png',
      'pr-5-2-card.png'
    ])
    expect(service.list()).toHaveLength(4)
  })

  it('uploads the manifest under the name it is given', async () => {
    const manifest = join(root, 'manifest.json')
    await writeFile(manifest, '{"assets":[]}')
    const result = await uploadPreviews({
      files: [{ path: manifest, name: 'manifest.json' }],
      rootDirectory: join(root, 'og'),
      namePrefix: 'assetgen'
    })
    expect(result.artifacts[0]?.name).toBe('assetgen-1-manifest.json')
    expect(service.artifact('assetgen-1-manifest.json')?.mimeType).toBe(
      'application/json'
    )
  })

  it('leaves the url out when the run is unknown', async () => {
    vi.stubEnv('GITHUB_RUN_ID', '')
    const result = await uploadPreviews({
      files: files().slice(0, 1),
      rootDirectory: root,
      namePrefix: 'assetgen'
    })
    expect(result.artifacts[0]?.url).toBeUndefined()
    expect(result.artifacts[0]?.id).toBeGreaterThan(0)
  })

  it('wraps a rejected upload as a PublishError naming the file', async () => {
    const request = {
      files: files().slice(0, 1),
      rootDirectory: root,
      namePrefix: 'dup'
    }
    await uploadPreviews(request)
    // The same names again in the same run attempt: the service answers 409.
    const failure = uploadPreviews(request)
    await expect(failure).rejects.toThrow(PublishError)
    await expect(failure).rejects.toThrow(
      /og\/home\.png.*dup-1-og__home\.png.*409/s
    )
  })

  it('gives up on a service that keeps failing with 5xx, as a PublishError', async () => {
    service.onRequest(/CreateArtifact$/, () => ({ status: 503 }))
    // The client waits 3 s, 4.5 s, … between its 5 attempts; fake only setTimeout to skip that.
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    let settled = false
    const failure = uploadPreviews({
      files: files().slice(0, 1),
      rootDirectory: root,
      namePrefix: 'assetgen'
    }).finally(() => (settled = true))
    failure.catch(() => {})
    while (!settled) {
      await vi.advanceTimersByTimeAsync(1000)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await expect(failure).rejects.toThrow(PublishError)
    await expect(failure).rejects.toThrow(/home\.png.*503/s)
    expect(
      service.requests.filter((r) => r.path.endsWith('CreateArtifact'))
    ).toHaveLength(5)
  })

  it('retries a one-off 5xx and succeeds', async () => {
    service.onRequest(/FinalizeArtifact$/, (_request, nth) =>
      nth === 1 ? { status: 502 } : undefined
    )
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    let settled = false
    const upload = uploadPreviews({
      files: files().slice(0, 1),
      rootDirectory: root,
      namePrefix: 'assetgen'
    }).finally(() => (settled = true))
    while (!settled) {
      await vi.advanceTimersByTimeAsync(1000)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect((await upload).artifacts).toHaveLength(1)
    expect(service.artifact('assetgen-1-og__home.png')?.finalized).toBe(true)
  })

  it('refuses to run without the runtime env, before any request', async () => {
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '')
    await expect(
      uploadPreviews({ files: files(), rootDirectory: root, namePrefix: 'x' })
    ).rejects.toThrow(/ACTIONS_RUNTIME_TOKEN is not set.*`uses:`/)
    expect(service.requests).toHaveLength(0)
  })

  it('names a file outside the root by its file name', async () => {
    const result = await uploadPreviews({
      files: [{ path: join(root, 'card.png') }],
      rootDirectory: join(root, 'og'),
      namePrefix: 'x'
    })
    expect(result.artifacts[0]?.name).toBe('x-1-card.png')
  })

  it('refuses names that would collide, before any request', async () => {
    await expect(
      uploadPreviews({
        files: [
          { path: join(root, 'card.png') },
          { path: join(root, 'og', 'home.png'), name: 'card.png' }
        ],
        rootDirectory: root,
        namePrefix: 'x'
      })
    ).rejects.toThrow(/both be uploaded as artifact 'x-1-card.png'/)
    expect(service.requests).toHaveLength(0)
  })
})
