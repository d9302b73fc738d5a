import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BudgetExceededError } from '../../src/errors.js'
import { SpendGuard, openBudget } from '../../src/generate/budget.js'
import { readLockfile } from '../../src/plan/lockfile.js'
import { ok, startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

const sixAssets = `version: 1\nassets:\n${Array.from(
  { length: 6 },
  (_, index) =>
    `  - id: a${index}\n    prompt: Asset ${index}\n    size: 64x64\n`
).join('')}`

describe('SpendGuard', () => {
  it('counts spent, in-flight and the request’s own estimate against max-cost', () => {
    const guard = new SpendGuard({ maxCost: 1, maxImages: 0 })
    const first = guard.reserve('m', 0.4)
    const second = guard.reserve('m', 0.4)
    // 0.4 + 0.4 in flight: a third 0.4 would pass $1.
    expect(() => guard.reserve('m', 0.4)).toThrow(BudgetExceededError)
    expect(() => guard.reserve('m', 0.4)).toThrow(/max-cost \$1\.00 reached/)
    first.settle({ paid: false })
    guard.reserve('m', 0.2).settle({ paid: true, cost: 0.2 })
    second.settle({ paid: true, cost: 0.4 })
    expect(guard.spent).toBeCloseTo(0.6)
    expect(guard.images).toBe(2)
  })

  it('reserves what a model really cost once the gateway has shown it', () => {
    const guard = new SpendGuard({ maxCost: 1.2, maxImages: 0 })
    guard.reserve('m', 0.03).settle({ paid: true, cost: 0.5 })
    guard.reserve('m', 0.03).settle({ paid: true, cost: 0.5 })
    // Estimated at 0.03 but known to cost 0.50: 1.00 + 0.50 > 1.20.
    expect(() => guard.reserve('m', 0.03)).toThrow(BudgetExceededError)
    expect(() => guard.reserve('other', 0.03)).not.toThrow()
  })

  it('counts an unknown reported cost at its estimate, and paid images against max-images', () => {
    const guard = new SpendGuard({ maxCost: 0, maxImages: 2 })
    guard.reserve('m', 0.1).settle({ paid: true })
    expect(guard.spent).toBeCloseTo(0.1)
    const inFlight = guard.reserve('m', 0.1)
    expect(() => guard.reserve('m', 0.1)).toThrow(/max-images 2 reached/)
    inFlight.settle({ paid: false })
    expect(() => guard.reserve('m', 0.1)).not.toThrow()
  })
})

describe('openBudget', () => {
  const estimate = (total: number, unknown: string[] = []) => ({
    assets: new Map(),
    total,
    unknown,
    unknownModels: unknown.length ? ['acme/painter'] : []
  })

  it('refuses an estimate over max-cost, naming both and how to narrow the run', async () => {
    const error = await openBudget(estimate(0.18), {
      maxCost: 0.1,
      maxImages: 0
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BudgetExceededError)
    expect((error as Error).message).toMatch(
      /estimated at \$0\.18, more than max-cost \$0\.10.*only.*shards/
    )
  })

  it('refuses a budget it cannot keep because a price is unknown', async () => {
    await expect(
      openBudget(estimate(0, ['hero']), { maxCost: 5, maxImages: 0 })
    ).rejects.toThrow(/no price is known for acme\/painter \(hero\)/)
    await expect(
      openBudget(estimate(0, ['hero']), { maxCost: 0, maxImages: 0 })
    ).resolves.toMatchObject({ warnings: [] })
  })

  it('warns, never fails, when the estimate exceeds the credit balance', async () => {
    const low = await openBudget(
      estimate(0.18),
      { maxCost: 0, maxImages: 0 },
      () => Promise.resolve(0.05)
    )
    expect(low.warnings).toEqual([
      expect.stringContaining(
        'the estimate $0.18 exceeds the gateway credit balance $0.05'
      )
    ])
    const unreadable = await openBudget(
      estimate(0.18),
      { maxCost: 0, maxImages: 0 },
      () => Promise.resolve(undefined)
    )
    expect(unreadable.warnings).toEqual([])
  })
})

describe('budgets through the engine and the fake gateway', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({ apiKeys: 'test-key', costPerImage: 0.5 })
  })
  afterAll(() => gateway.close())
  beforeEach(() => {
    gateway.reset()
    gateway.behavior = ok()
  })

  it('refuses before any call when the estimate passes max-cost', async () => {
    await using ws = await workspace(sixAssets)
    // 6 × $0.03 (FLUX.2 [pro], first megapixel) = $0.18 > $0.10
    await expect(
      buildAgainst(ws.root, gateway, { maxCost: 0.1 })
    ).rejects.toThrow(/estimated at \$0\.18, more than max-cost \$0\.10/)
    expect(gateway.requestCount()).toBe(0)
  })

  it('stops mid-run: $0.50 per image, $1.20 budget, 6 assets, concurrency 1 → 2 paid calls, kept and locked', async () => {
    await using ws = await workspace(sixAssets)
    const result = await buildAgainst(ws.root, gateway, {
      maxCost: 1.2,
      concurrency: 1
    })
    // A third call would make $1.50: spent ($1.00) + its own estimate, corrected to what the
    // gateway charged ($0.50), passes $1.20, so it never starts.
    expect(gateway.requestCount()).toBe(2)
    expect(result.generated).toBe(2)
    expect(result.cost).toBe(1)
    const stopped = result.outcomes.filter((outcome) => outcome.stoppedBy)
    expect(stopped.map((outcome) => outcome.id)).toEqual([
      'a2',
      'a3',
      'a4',
      'a5'
    ])
    for (const outcome of stopped) {
      expect(outcome).toMatchObject({
        status: 'skipped',
        stoppedBy: 'max-cost',
        attempts: 0,
        cost: 0
      })
    }
    expect(result.budgetStop).toMatch(
      /^max-cost \$1\.20 reached: 4 assets skipped \(budget\) after 2 paid images \(\$1\.00\)/
    )
    expect(result.failed).toBe(0)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets).sort()).toEqual(['a0', 'a1'])
    for (const id of ['a0', 'a1']) {
      expect(lockfile.assets[id]?.cost).toBe('0.5000')
      const bytes = await readFile(join(ws.root, `assets/${id}.png`))
      expect(bytes.length).toBe(lockfile.assets[id]?.bytes)
    }
    expect(result.changedFiles).toContain('assetgen.lock.json')
  })

  it('max-images counts colour retries: max-images 1 with 5 retries pays for one image, and keeps it', async () => {
    gateway.behavior = ok({ colors: ['#00FF00'] })
    await using ws = await workspace(`version: 1
assets:
  - id: logo
    prompt: A logo
    size: 64x64
    palette: ['#FF0000']
    colorCheck: { onMiss: retry, retries: 5, tolerance: 5 }
`)
    const result = await buildAgainst(ws.root, gateway, { maxImages: 1 })
    expect(gateway.requestCount()).toBe(1)
    const [logo] = result.outcomes
    expect(logo?.status).toBe('generated')
    expect(logo?.warnings.join(' ')).toContain(
      'colour retries stopped: max-images 1 reached'
    )
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(lockfile.assets.logo?.cost).toBe('0.5000')
  })

  it('records an unbelievable reported cost as unknown, with a warning, and keeps the image', async () => {
    gateway.behavior = ok({ providerMetadata: { gateway: { cost: '1e308' } } })
    await using ws = await workspace(sixAssets.split('  - id: a1')[0] ?? '')
    const result = await buildAgainst(ws.root, gateway)
    const [a0] = result.outcomes
    expect(a0).toMatchObject({
      status: 'generated',
      cost: 0,
      costUnknown: true
    })
    expect(a0?.warnings.join(' ')).toContain('recorded as unknown')
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(lockfile.assets.a0).toBeDefined()
    expect(lockfile.assets.a0?.cost).toBeUndefined()
  })
})
