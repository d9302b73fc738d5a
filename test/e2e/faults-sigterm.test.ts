/**
 * SIGTERM through the bundled action (dist/index.js as a child process): while committing, the
 * paid images are saved as artifacts; in mode none, the lockfile stays in step with the files.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FakeArtifactService } from '../fakes/artifact-service.js'
import { startFakeGateway } from '../fakes/gateway.js'
import type { FakeGitHub } from '../fakes/github.js'
import { actionFakesBeforeEach } from '../helpers/action-fakes.js'
import { expectLockMatchesDisk as lockMatchesDisk } from '../helpers/lock-on-disk.js'
import { KEY, OUTPUTS, TOKEN, spec } from '../helpers/publish-faults.js'
import { runAction } from '../helpers/runner.js'
import { workspace } from '../helpers/workspace.js'

let github: FakeGitHub
let artifacts: FakeArtifactService
const run = actionFakesBeforeEach(KEY, TOKEN, (fakes) => {
  ;({ github, artifacts } = fakes)
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
