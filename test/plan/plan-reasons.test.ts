/**
 * The plan's status and reason per asset, as the summary, the PR comment and the CLI show them.
 * The shard split around assets that need no work: plan-shard-split.test.ts.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deriveSeed, sha256 } from '../../src/plan/hash.js'
import { planSpec, variantsDigest } from '../../src/plan/plan.js'
import { makeSpec } from '../helpers/asset.js'
import { asset, generated, lock } from '../helpers/plan-lock.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('plan reasons', () => {
  it('says why each asset is kept or generated', async () => {
    await using dir = await tempDir()
    const root = dir.path
    const kept = asset('kept', 0)
    const moved = asset('moved', 1)
    const edited = asset('edited', 2)
    const entries = {
      kept: await generated(root, kept),
      moved: await generated(root, moved),
      edited: await generated(root, edited)
    }
    await writeFile(join(root, 'assets/edited.png'), 'retouched')
    const spec = makeSpec(root, [
      kept,
      { ...moved, out: 'assets/moved-here.png' },
      { ...edited, prompt: 'A new prompt' },
      asset('fresh', 3)
    ])
    await writeFile(join(root, 'assets/moved-here.png'), 'stale')
    const plan = await planSpec(spec, lock(entries), {
      only: ['m*', 'e*', 'f*']
    })
    expect(
      plan.items.map(({ asset: { id }, status, action, reason }) => [
        id,
        status,
        action,
        reason
      ])
    ).toEqual([
      ['kept', 'not-selected', 'keep', 'not selected by --only'],
      ['moved', 'missing', 'generate', 'output moved from assets/moved.png'],
      [
        'edited',
        'edited',
        'keep',
        'assets/edited.png was edited by hand (prompt changed too): kept; use force to regenerate'
      ],
      ['fresh', 'new', 'generate', 'not in the lockfile']
    ])
  })

  it('names a missing output and keeps an edited one that changed nothing else', async () => {
    await using dir = await tempDir()
    const gone = asset('gone', 0)
    const touched = asset('touched', 1)
    const entries = {
      gone: await generated(dir.path, gone),
      touched: await generated(dir.path, touched)
    }
    await rm(join(dir.path, 'assets/gone.png'))
    await writeFile(join(dir.path, 'assets/touched.png'), 'retouched')
    const plan = await planSpec(
      makeSpec(dir.path, [gone, touched]),
      lock(entries)
    )
    expect(plan.items.map((item) => item.reason)).toEqual([
      'assets/gone.png is missing',
      'assets/touched.png was edited by hand: kept; use force to regenerate'
    ])
  })

  it('drops the remembered seed when the spec seed that made it was removed', async () => {
    await using dir = await tempDir()
    const seeded = asset('hero', 0, { seed: 5 })
    const entry = await generated(dir.path, seeded, { seed: 5 })
    const plan = await planSpec(
      makeSpec(dir.path, [{ ...seeded, seed: undefined }]),
      lock({ hero: entry })
    )
    expect(plan.items[0]).toMatchObject({
      status: 'changed',
      reason: 'seed changed',
      seed: deriveSeed('hero')
    })
  })
})

describe('more reasons', () => {
  it('names every changed input, and says why a placeholder, forced or variant-only asset is redone', async () => {
    await using dir = await tempDir()
    const root = dir.path
    const both = asset('both', 0)
    const placeholder = asset('placeholder', 1)
    const same = asset('same', 2)
    const entries = {
      both: await generated(root, both),
      placeholder: await generated(root, placeholder, { placeholder: true }),
      same: await generated(root, same)
    }
    await writeFile(join(root, 'assets/both.png'), 'retouched')
    const spec = makeSpec(root, [
      { ...both, prompt: 'new', seed: 3 },
      placeholder,
      same
    ])
    const plan = await planSpec(spec, lock(entries))
    expect(plan.items.map((item) => item.reason)).toEqual([
      'assets/both.png was edited by hand (prompt, seed changed too): kept; use force to regenerate',
      'placeholder image: generate the real one',
      'up to date'
    ])
    const forced = await planSpec(spec, lock(entries), { force: true })
    expect(forced.items[0]?.reason).toBe('forced')
  })

  it('regenerates a moved output whose inputs changed as changed, not as moved', async () => {
    await using dir = await tempDir()
    const hero = asset('hero')
    const entry = await generated(dir.path, hero)
    await writeFile(join(dir.path, 'assets/new-home.png'), 'image of hero')
    const plan = await planSpec(
      makeSpec(dir.path, [
        { ...hero, out: 'assets/new-home.png', prompt: 'new' }
      ]),
      lock({ hero: entry })
    )
    expect(plan.items[0]).toMatchObject({
      status: 'changed',
      reason: 'prompt changed'
    })
  })

  it('re-renders when variants are added to an asset that had none, or all removed', async () => {
    await using dir = await tempDir()
    const plain = asset('plain', 0)
    const withVariants = asset('rich', 1, {
      variants: [{ width: 64, format: 'webp' }]
    })
    const entries = {
      plain: await generated(dir.path, plain),
      rich: await generated(dir.path, withVariants, {
        variantsHash: variantsDigest(withVariants),
        variants: [
          {
            out: 'assets/rich-64w.webp',
            sha256: 'e'.repeat(64),
            width: 64,
            format: 'webp'
          }
        ]
      })
    }
    const spec = makeSpec(dir.path, [
      { ...plain, variants: [{ width: 64, format: 'webp' }] },
      { ...withVariants, variants: [] }
    ])
    const plan = await planSpec(spec, lock(entries))
    expect(plan.items.map((item) => [item.status, item.action])).toEqual([
      ['variants', 'reprocess'],
      ['variants', 'reprocess']
    ])
    expect(plan.items[0]?.reason).toBe(
      'variants changed: re-rendered from the existing image'
    )
  })

  it('re-renders when one of several variant files was changed', async () => {
    await using dir = await tempDir()
    const hero = asset('hero', 0, {
      variants: [
        { width: 64, format: 'webp' },
        { width: 32, format: 'webp' }
      ]
    })
    const variant = async (out: string, content: string) => {
      await mkdir(join(dir.path, 'assets'), { recursive: true })
      await writeFile(join(dir.path, out), content)
      return { out, sha256: sha256(content), width: 64, format: 'webp' }
    }
    const entry = await generated(dir.path, hero, {
      variantsHash: variantsDigest(hero),
      variants: [
        await variant('assets/hero-64w.webp', 'a'),
        await variant('assets/hero-32w.webp', 'b')
      ]
    })
    const planOf = async () =>
      (await planSpec(makeSpec(dir.path, [hero]), lock({ hero: entry })))
        .items[0]?.status
    expect(await planOf()).toBe('up-to-date')
    await writeFile(join(dir.path, 'assets/hero-32w.webp'), 'changed')
    expect(await planOf()).toBe('variants')
  })

  it('selects everything with an empty --only list, and lists orphans by id', async () => {
    await using dir = await tempDir()
    const plan = await planSpec(
      makeSpec(dir.path, [asset('a')]),
      lock({
        zeta: await generated(dir.path, asset('zeta')),
        alpha: await generated(dir.path, asset('alpha'))
      }),
      { only: [] }
    )
    expect(plan.items[0]?.status).toBe('new')
    expect(plan.orphans).toEqual([
      { id: 'alpha', out: 'assets/alpha.png' },
      { id: 'zeta', out: 'assets/zeta.png' }
    ])
  })

  it('never reads what is not a regular file at an output path: a directory there is missing', async () => {
    await using dir = await tempDir()
    const hero = asset('hero')
    const entry = await generated(dir.path, hero)
    await rm(join(dir.path, hero.out))
    await mkdir(join(dir.path, hero.out))
    const plan = await planSpec(
      makeSpec(dir.path, [hero]),
      lock({ hero: entry })
    )
    expect(plan.items[0]).toMatchObject({
      status: 'missing',
      action: 'generate'
    })
  })
})
