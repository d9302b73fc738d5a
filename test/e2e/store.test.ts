/**
 * The image store end to end: `dist/index.js` as a child process against the fake GitHub (Git
 * Data over a real object store, orphan branch creation, a 403 mode) and the fake gateway.
 *
 * - the review flow (1 → refresh → 2 → 3) shares one repository: a PR run stores its images and
 *   comments before | after, a second PR run and the merge's push run pay nothing;
 * - sharded `mode: store` + one fan-in commit (4) and the read-only fallback (5) have their own.
 *
 * The three groups run concurrently: the action's GitHub writes are spaced 1 s apart (as GitHub
 * asks), so these tests mostly wait, and waiting side by side keeps the file short.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import { storePaths } from '../../src/store/layout.js'
import { FakeArtifactService } from '../fakes/artifact-service.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { runAction, type RunActionOptions } from '../helpers/runner.js'
import { workspace, type Workspace } from '../helpers/workspace.js'

const KEY = 'agw_store_key_1122334455'
const TOKEN = 'ghs_store_token_5544332211'
const STORE = 'assetgen-store'

/** The fakes of one group, started and closed together. */
interface Fakes {
  gateway: FakeGateway
  github: FakeGitHub
  artifacts: FakeArtifactService
  close(): Promise<void>
}

async function startFakes(): Promise<Fakes> {
  const [gateway, github, artifacts] = await Promise.all([
    startFakeGateway({ apiKeys: KEY }),
    FakeGitHub.start({ token: TOKEN }),
    FakeArtifactService.start()
  ])
  return {
    gateway,
    github,
    artifacts,
    close: async () => {
      await Promise.all([gateway.close(), github.close(), artifacts.close()])
    }
  }
}

function run(
  fakes: Fakes,
  root: string,
  options: Partial<RunActionOptions> = {}
) {
  return runAction({
    workspace: root,
    ...options,
    inputs: {
      'api-key': KEY,
      'gateway-url': fakes.gateway.url,
      'github-token': TOKEN,
      ...options.inputs
    },
    env: {
      GITHUB_API_URL: fakes.github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ...fakes.artifacts.runtimeEnv(),
      ...options.env
    }
  })
}

const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

const baseSpec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: public/img }
assets:
  - id: hero
    prompt: A trail at dawn
    size: 64x64
`
/** The PR: a new prompt for hero, and a new asset. */
const prSpec = `${baseSpec.replace('A trail at dawn', 'A trail at dusk')}  - id: icon
    prompt: An app icon
    size: 64x64
`

function pullRequestEvent(baseSha: string, runId: string) {
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
function rowImages(markdown: string, id: string) {
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
async function entryOf(root: string, id: string) {
  const lock = await readLockfile(join(root, 'assetgen.lock.json'))
  const entry = lock.assets[id]
  if (entry === undefined) throw new Error(`no lock entry for ${id}`)
  return storePaths(entry.inputHash, entry.out.split('/').at(-1) ?? '')
}

/** The review flow's steps build on each other: they run in order, beside the other groups. */
const inOrder = { concurrent: false }

describe.concurrent('the image store, end to end', () => {
  describe('review flow: PR → inline previews → merge, paid once', () => {
    let fakes: Fakes
    let base: string
    let oldHero: Buffer
    let previewed: Record<string, Buffer>
    const workspaces: Workspace[] = []
    /** A fresh checkout of the PR head (the base's old hero.png included). */
    const checkout = async (spec: string) => {
      const ws = await workspace(spec, { 'public/img/hero.png': oldHero })
      workspaces.push(ws)
      return ws
    }

    beforeAll(async () => {
      fakes = await startFakes()
      oldHero = await sharp({
        create: { width: 64, height: 64, channels: 3, background: '#333333' }
      })
        .png()
        .toBuffer()
      base = fakes.github.seedRepo({
        'assetgen.yml': baseSpec,
        'public/img/hero.png': oldHero
      })
    })
    afterAll(async () => {
      await Promise.all(workspaces.map((ws) => ws[Symbol.asyncDispose]()))
      await fakes.close()
    })

    it(
      '1: a PR run writes one store commit and comments before | after images that resolve to the right bytes',
      inOrder,
      async () => {
        const { github, gateway, artifacts } = fakes
        const ws = await checkout(prSpec)
        const result = await run(fakes, ws.root, pullRequestEvent(base, '2001'))
        expect(result.code, result.stdout).toBe(0)
        expect(gateway.requestCount()).toBe(2)
        // One store commit, an orphan: the branch did not exist.
        const storeHead = github.headSha(STORE)
        expect(github.commitOf(storeHead).parents).toEqual([])
        expect(github.requestsOf('POST', /git\/refs$/)).toHaveLength(1)
        // Stored as soon as generation ended: before the comment was even looked for.
        const index = (pattern: RegExp) =>
          github.requests.findIndex((request) => pattern.test(request.path))
        expect(index(/git\/refs$/)).toBeLessThan(index(/issues\/7\/comments$/))
        expect(github.requestsOf('PATCH', /git\/refs\//)).toHaveLength(0)
        // Nothing committed to main in a PR.
        expect(github.headSha('main')).toBe(base)
        previewed = {}
        for (const id of ['hero', 'icon']) {
          const output = await readFile(join(ws.root, `public/img/${id}.png`))
          const paths = await entryOf(ws.root, id)
          expect(github.readFileAt(STORE, paths.image)).toEqual(output)
          const record = JSON.parse(
            github.readFileAt(STORE, paths.record)?.toString() ?? '{}'
          ) as { sha256: string; id: string }
          expect(record).toMatchObject({ id, sha256: sha256(output) })
          previewed[id] = output
        }
        // Artifacts as today.
        expect(
          artifacts.list().some((item) => item.name.endsWith('hero.png'))
        ).toBe(true)
        // The comment: before = hero.png at the base commit, after = the store preview.
        const comments = github.listComments(7)
        expect(comments).toHaveLength(1)
        const body = comments[0]?.body ?? ''
        const hero = rowImages(body, 'hero')
        expect(hero.before).toBe(
          `https://github.com/acme/site/blob/${base}/public/img/hero.png?raw=true`
        )
        expect(github.rawUrl(hero.before ?? '')).toEqual(oldHero)
        const heroPaths = await entryOf(ws.root, 'hero')
        expect(hero.after).toBe(
          `https://github.com/acme/site/blob/${storeHead}/${heroPaths.preview}?raw=true`
        )
        const preview = github.rawUrl(hero.after ?? '')
        expect(preview).toBeDefined()
        const meta = await sharp(preview).metadata()
        expect(meta.format).toBe('webp')
        expect(meta.width).toBeLessThanOrEqual(800)
        // A new asset has no "before"; its "after" resolves too.
        const icon = rowImages(body, 'icon')
        expect(icon.before).toBeUndefined()
        expect(icon.line).toMatch(/^\| \[?`icon`[^|]*\| — \|/)
        expect(github.rawUrl(icon.after ?? '')).toEqual(
          github.readFileAt(STORE, (await entryOf(ws.root, 'icon')).preview)
        )
        expect(body).toMatch(/\| ΔE \| Seed \| Estimate \| Cost \|/)
        // The summary shows the same table.
        expect(rowImages(result.summary, 'hero').after).toBe(hero.after)
      }
    )

    it(
      '2: a second PR run (new run id, fresh checkout of the same head) makes 0 gateway calls',
      inOrder,
      async () => {
        const { github, gateway } = fakes
        gateway.reset()
        const storeHead = github.headSha(STORE)
        const ws = await checkout(prSpec)
        const result = await run(fakes, ws.root, pullRequestEvent(base, '2002'))
        expect(result.code, result.stdout).toBe(0)
        expect(gateway.requestCount()).toBe(0)
        expect(github.headSha(STORE)).toBe(storeHead) // nothing new to store
        for (const id of ['hero', 'icon']) {
          expect(await readFile(join(ws.root, `public/img/${id}.png`))).toEqual(
            previewed[id]
          )
        }
        const statuses = result.manifest?.assets.map((asset) => asset.status)
        expect(statuses).toEqual(['from-store', 'from-store'])
        expect(result.outputs.cost).toBe('0.0000')
        const body = github.listComments(7)[0]?.body ?? ''
        expect(github.listComments(7)).toHaveLength(1)
        expect(rowImages(body, 'hero').line).toContain('from store')
        expect(github.rawUrl(rowImages(body, 'hero').after ?? '')).toBeDefined()
      }
    )

    it(
      'a PR back to up to date refreshes its comment instead of leaving a stale one',
      inOrder,
      async () => {
        const { github, gateway } = fakes
        gateway.reset()
        // The PR's author commits the images and lockfile of run 1: every asset is up to date.
        const first = workspaces[0]?.root ?? ''
        const ws = await checkout(prSpec)
        for (const path of [
          'assetgen.lock.json',
          'public/img/hero.png',
          'public/img/icon.png'
        ]) {
          await ws.write(path, await readFile(join(first, path)))
        }
        const before = github.listComments(7)[0]?.body
        const result = await run(fakes, ws.root, pullRequestEvent(base, '2003'))
        expect(result.code, result.stdout).toBe(0)
        const comments = github.listComments(7)
        expect(comments).toHaveLength(1)
        expect(comments[0]?.body).not.toBe(before)
        expect(comments[0]?.body).toContain('0 generated · 2 skipped')
        expect(gateway.requestCount()).toBe(0)
      }
    )

    it(
      '3: the merge’s push run makes 0 gateway calls and commits the previewed bytes',
      inOrder,
      async () => {
        const { github, gateway } = fakes
        gateway.reset()
        const merged = github.pushCommit(
          'main',
          { 'assetgen.yml': prSpec },
          'Merge #7'
        )
        const ws = await checkout(prSpec)
        const result = await run(fakes, ws.root)
        expect(result.code, result.stdout).toBe(0)
        expect(gateway.requestCount()).toBe(0)
        const head = github.headSha('main')
        expect(github.commitOf(head).parents).toEqual([merged])
        for (const id of ['hero', 'icon']) {
          expect(github.readFileAt('main', `public/img/${id}.png`)).toEqual(
            previewed[id]
          )
        }
        expect(github.readFileAt('main', 'assetgen.lock.json')).toEqual(
          await readFile(join(ws.root, 'assetgen.lock.json'))
        )
        expect(result.outputs.cost).toBe('0.0000')
      }
    )
  })

  it('4: three `mode: store` shards in parallel, then one commit run: 0 calls in the fan-in, exactly one new commit on main with every output', async () => {
    const fakes = await startFakes()
    const ids = ['s0', 's1', 's2']
    const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: img }
assets:
${ids.map((id) => `  - id: ${id}\n    prompt: Shard asset ${id}\n    size: 64x64\n`).join('')}`
    const { github, gateway } = fakes
    try {
      const seeded = github.seedRepo({ 'assetgen.yml': spec })
      await using ws1 = await workspace(spec)
      await using ws2 = await workspace(spec)
      await using ws3 = await workspace(spec)
      const shards = await Promise.all(
        [ws1, ws2, ws3].map((ws, index) =>
          run(fakes, ws.root, {
            inputs: { mode: 'store', shard: `${index + 1}/3` }
          })
        )
      )
      for (const shard of shards) expect(shard.code, shard.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(3)
      expect(github.headSha('main')).toBe(seeded) // shards commit nothing to main
      expect(
        github
          .requestsOf('PATCH')
          .every((request) => request.body.force !== true)
      ).toBe(true)
      // Every shard's images landed in the store: no lost entry.
      const stored = github.filesAt(STORE)
      for (const id of ids) {
        expect(
          stored.some((path) => path.endsWith(`/${id}.png`)),
          id
        ).toBe(true)
      }

      gateway.reset()
      await using fanIn = await workspace(spec)
      const result = await run(fakes, fanIn.root, {
        inputs: { mode: 'commit' }
      })
      expect(result.code, result.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(0)
      const head = github.headSha('main')
      expect(github.commitOf(head).parents).toEqual([seeded])
      for (const id of ids) {
        const onMain = github.readFileAt('main', `img/${id}.png`)
        expect(onMain, id).toBeDefined()
        expect(onMain).toEqual(
          github.readFileAt(STORE, (await entryOf(fanIn.root, id)).image)
        )
      }
      const lock = await readLockfile(join(fanIn.root, 'assetgen.lock.json'))
      expect(Object.keys(lock.assets).sort()).toEqual(ids)
    } finally {
      await fakes.close()
    }
  })

  it('5: a read-only token falls back to artifacts and a comment with links, one warning, exit 0', async () => {
    const fakes = await startFakes()
    const { github, gateway, artifacts } = fakes
    try {
      const base = github.seedRepo({ 'assetgen.yml': baseSpec })
      github.denyWritesTo(STORE)
      await using ws = await workspace(prSpec)
      const result = await run(fakes, ws.root, pullRequestEvent(base, '3001'))
      expect(result.code, result.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(2)
      expect(github.refs.has(STORE)).toBe(false)
      const warnings = result.stdout
        .split('\n')
        .filter((line) => line.startsWith('::warning'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/store/i)
      const names = artifacts.list().map((item) => item.name)
      expect(names.some((name) => name.endsWith('public__img__hero.png'))).toBe(
        true
      )
      const hero = artifacts
        .list()
        .find((item) => item.name.endsWith('public__img__hero.png'))
      expect(hero?.bytes).toEqual(
        await readFile(join(ws.root, 'public/img/hero.png'))
      )
      const body = github.listComments(7)[0]?.body ?? ''
      expect(body).toMatch(
        /\[`hero`\]\(https:\/\/github.com\/acme\/site\/actions\/runs\/3001\/artifacts\/\d+\)/
      )
      expect(body).not.toContain('alt="after"')
      expect(result.stdout.replace(`::add-mask::${TOKEN}`, '')).not.toContain(
        TOKEN
      )
    } finally {
      await fakes.close()
    }
  })
})
