import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { saveUnpublished } from '../../src/publish/unpublished.js'
import { FakeArtifactService } from '../fakes/artifact-service.js'

let service: FakeArtifactService
let root: string
let release = (): void => {}

beforeEach(async () => {
  service = await FakeArtifactService.start()
  root = await mkdtemp(join(tmpdir(), 'assetgen-unpublished-test-'))
  await writeFile(join(root, 'fast.png'), 'fast image')
  await writeFile(join(root, 'slow.png'), 'slow image')
  for (const [name, value] of Object.entries(service.runtimeEnv()))
    vi.stubEnv(name, value)
  vi.stubEnv('RUNNER_TEMP', root)
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(async () => {
  release()
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  await service.close()
  await rm(root, { recursive: true, force: true })
})

describe('saveUnpublished', () => {
  it('saves what finishes before the deadline and names the rest', async () => {
    const slow = new Promise<void>((resolve) => (release = resolve))
    service.onRequest(/\/CreateArtifact$/, async (request) => {
      if (request.body.toString().includes('slow.png')) await slow
    })
    const rescue = await saveUnpublished(
      { changedFiles: ['fast.png', 'slow.png'], spec: { root } },
      { owner: 'acme', repo: 'site', serverUrl: 'https://github.com' },
      { artifactName: 'assetgen', deadlineMs: 1500 }
    )
    expect(rescue.saved.map((artifact) => artifact.name)).toEqual([
      'assetgen-unpublished-1-fast.png'
    ])
    expect(rescue.missed).toEqual([
      { path: 'slow.png', reason: 'not finished before the deadline' }
    ])
    expect(service.artifact('assetgen-unpublished-1-fast.png')?.bytes).toEqual(
      Buffer.from('fast image')
    )
  })
})
