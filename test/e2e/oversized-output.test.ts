import { randomBytes } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeArtifactService } from '../fakes/artifact-service.js'
import { ok, startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { runAction } from '../helpers/runner.js'
import { workspace } from '../helpers/workspace.js'

const KEY = 'agw_oversize_key'
let gateway: FakeGateway
let github: FakeGitHub
let artifacts: FakeArtifactService

beforeAll(async () => {
  // Noise does not compress: a 3800×3800 RGB PNG of it is over GitHub's 40 MiB blob limit.
  const side = 3800
  const noise = await sharp(randomBytes(side * side * 3), {
    raw: { width: side, height: side, channels: 3 }
  })
    .png({ compressionLevel: 1 })
    .toBuffer()
  gateway = await startFakeGateway({
    apiKeys: KEY,
    behavior: ok({ image: noise })
  })
  github = await FakeGitHub.start({ token: 'ghs_runner_token' })
  artifacts = await FakeArtifactService.start()
})
afterAll(async () => {
  await Promise.all([gateway.close(), github.close(), artifacts.close()])
})

describe('an output over the 40 MiB blob limit', () => {
  it('is refused before any upload, with the file named; the image stays in the workspace', async () => {
    const seeded = github.seedRepo({ 'README.md': '# site' })
    await using ws = await workspace(`version: 1
assets:
  - id: poster
    prompt: A poster
    model: acme/huge-image-model
`)
    const run = await runAction({
      workspace: ws.root,
      inputs: { 'api-key': KEY, 'gateway-url': gateway.url },
      env: { GITHUB_API_URL: github.url, ...artifacts.runtimeEnv() }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::commit failed: .*assets\/poster\.png.*40 MiB/
    )
    expect(github.requestsOf('POST')).toHaveLength(0)
    expect(github.headSha('main')).toBe(seeded)
    expect(
      (await stat(join(ws.root, 'assets/poster.png'))).size
    ).toBeGreaterThan(41_943_040)
  })
})
