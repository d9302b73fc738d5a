import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readProvenance } from '../../src/images/provenance.js'
import { workspace } from '../helpers/workspace.js'

const dist = join(import.meta.dirname, '..', '..', 'dist')
let copy: string

// A copy of dist/ outside the repository: no node_modules anywhere above it, as on a runner.
// Dereferenced: where dist/node_modules is a symlink (a mutation sandbox), a plain copy keeps the
// link, and deleting sharp's native package in the copy would delete the real one.
beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'assetgen-dist-'))
  await cp(dist, join(copy, 'dist'), { recursive: true, dereference: true })
})
afterAll(() => rm(copy, { recursive: true, force: true }))

const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000", "#111827"]
assets:
  - id: hero
    prompt: A banner
    palette: brand
    size: 512x256
    format: webp
    colorCheck: { tolerance: 5, onMiss: fail }
    variants: [{ width: 256, format: avif }, { width: 128, format: jpeg }]
`

function run(entry: string, args: string[], cwd: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [entry, ...args], {
        cwd,
        env: { PATH: process.env.PATH ?? '' }
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    }
  )
}

async function expectProcessed(root: string): Promise<void> {
  const main = await readFile(join(root, 'assets/hero.webp'))
  const meta = await sharp(main).metadata()
  expect([meta.format, meta.width, meta.height]).toEqual(['webp', 512, 256])
  expect((await readProvenance(main))?.assetId).toBe('hero')
  expect(
    (
      await sharp(
        await readFile(join(root, 'assets/hero-256w.avif'))
      ).metadata()
    ).width
  ).toBe(256)
  expect(
    (
      await sharp(
        await readFile(join(root, 'assets/hero-128w.jpeg'))
      ).metadata()
    ).format
  ).toBe('jpeg')
}

describe('the bundled dist/ on its own', () => {
  it('processes images with the native sharp it carries (convert, colour check, variants, provenance)', async () => {
    await using ws = await workspace(spec)
    const result = await run(
      join(copy, 'dist', 'cli', 'index.js'),
      ['build', '--placeholder'],
      ws.root
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/hero\s+generated.*ΔE \d+\.\d ✓/)
    await expectProcessed(ws.root)
  })

  it('falls back to the wasm32 build of sharp when no native build fits the machine', async () => {
    const wasmOnly = await mkdtemp(join(tmpdir(), 'assetgen-dist-wasm-'))
    try {
      await cp(join(copy, 'dist'), join(wasmOnly, 'dist'), { recursive: true })
      await rm(join(wasmOnly, 'dist/node_modules/@img/sharp-linux-x64'), {
        recursive: true
      })
      await rm(
        join(wasmOnly, 'dist/node_modules/@img/sharp-libvips-linux-x64'),
        { recursive: true }
      )
      await using ws = await workspace(spec)
      const result = await run(
        join(wasmOnly, 'dist', 'cli', 'index.js'),
        ['build', '--placeholder'],
        ws.root
      )
      expect(result.code, result.stderr).toBe(0)
      await expectProcessed(ws.root)
    } finally {
      await rm(wasmOnly, { recursive: true, force: true })
    }
  })
})
