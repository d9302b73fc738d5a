/**
 * The image store end to end with a read-only token: `dist/index.js` on a pull request against a
 * fake GitHub that refuses writes to the store branch falls back to artifacts and links.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAgainstFakes as run } from '../helpers/action-fakes.js'
import {
  STORE,
  TOKEN,
  baseSpec,
  prSpec,
  pullRequestEvent,
  startFakes
} from '../helpers/store-e2e.js'
import { workspace } from '../helpers/workspace.js'

describe('the image store, end to end', () => {
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
