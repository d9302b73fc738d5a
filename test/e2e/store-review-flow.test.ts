/**
 * The image store end to end, the review flow: `dist/index.js` as a child process against the
 * fake GitHub (Git Data over a real object store, orphan branch creation) and the fake gateway.
 * Its steps (1 → refresh → 2 → 3) share one repository and build on each other: a PR run stores
 * its images and comments before | after, a second PR run and the merge's push run pay nothing.
 * Sharded `mode: store`: store-shards.test.ts; the read-only fallback: store-read-only.test.ts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  runAgainstFakes as run,
  type ActionFakes as Fakes
} from '../helpers/action-fakes.js'
import { sha256 } from '../helpers/lock-on-disk.js'
import {
  STORE,
  baseSpec,
  entryOf,
  prSpec,
  pullRequestEvent,
  rowImages,
  startFakes
} from '../helpers/store-e2e.js'
import { workspace, type Workspace } from '../helpers/workspace.js'

/** The review flow's steps build on each other: they run in order. */
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
})
