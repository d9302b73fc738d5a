import { execFileSync, spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import { CLI_ENTRY } from '../helpers/runner.js'
import { tempDir } from '../helpers/temp-dir.js'

const spec = `version: 1
assets:
  - id: hero
    prompt: A mountain trail at dawn
    aspectRatio: "16:9"
  - id: icon
    prompt: An app icon
    size: 64x64
    model: acme/brand-new-model
`

/** Runs the built CLI as `npx assetgen` would, from `cwd`, without a key. */
function cli(cwd: string, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const env = { ...process.env }
      delete env.AI_GATEWAY_API_KEY
      const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd, env })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    }
  )
}

describe('the CLI bundle from any folder', () => {
  it("plans, builds and checks the same spec alike from the repository root, a subfolder, the spec's folder and outside", async () => {
    await using scratch = await tempDir('assetgen-cli-')
    const repo = join(scratch.path, 'repo')
    const examples = join(repo, 'examples')
    const sub = join(repo, 'sub', 'deeper')
    const outside = join(scratch.path, 'elsewhere')
    for (const folder of [examples, sub, outside])
      await mkdir(folder, { recursive: true })
    execFileSync('git', ['init', '-q', repo])
    await writeFile(join(examples, 'assetgen.yml'), spec)
    const absolute = join(examples, 'assetgen.yml')

    // Built from the spec's folder...
    const built = await cli(examples, 'build', '--placeholder')
    expect(built.stderr).toMatch(
      /warning: model "acme\/brand-new-model" \(icon\) is not one assetgen knows.*Known: bfl\/flux-2-pro/
    )
    expect(built.code).toBe(0)
    expect(built.stdout).toContain(
      'Wrote 2 files in assets/; lockfile assetgen.lock.json'
    )
    // ...every other folder sees it up to date.
    const places: Array<[string, string]> = [
      [repo, 'examples/assetgen.yml'],
      [sub, '../../examples/assetgen.yml'],
      [examples, 'assetgen.yml'],
      [outside, absolute]
    ]
    const plans: string[] = []
    for (const [cwd, path] of places) {
      const check = await cli(cwd, 'check', '--placeholder', '--spec', path)
      expect(check.code, `${cwd}: ${check.stdout}${check.stderr}`).toBe(0)
      // The plan itself from two of them (each run is a process start).
      if (cwd === repo || cwd === outside)
        plans.push((await cli(cwd, 'plan', '--json', '--spec', path)).stdout)
    }
    const parsed = JSON.parse(plans[0] ?? '') as {
      root: string
      toGenerate: number
      assets: Array<{ id: string; planStatus: string }>
    }
    expect(parsed.root).toBe(repo)
    // Placeholders are due for replacement in a real run: the same answer everywhere.
    expect(parsed.assets.map((asset) => asset.planStatus)).toEqual([
      'placeholder',
      'placeholder'
    ])
    expect(new Set(plans).size).toBe(1)

    // The plan's size for an aspectRatio asset is what the placeholder rendered.
    const text = await cli(repo, 'plan', '--placeholder', '--spec', absolute)
    const size =
      /hero\s+up to date\s+up to date\s+\S+\s+16:9 \((\d+)×(\d+)\)/.exec(
        text.stdout
      )
    expect(size, text.stdout).not.toBeNull()
    const image = await sharp(
      await readFile(join(examples, 'assets/hero.png'))
    ).metadata()
    expect([image.width, image.height]).toEqual([
      Number(size?.[1]),
      Number(size?.[2])
    ])
    const lock = await readLockfile(join(examples, 'assetgen.lock.json'))
    expect(lock.assets.hero?.width).toBe(image.width)
  })

  it('checks arguments before any banner, in every command, and answers --json failures in JSON', async () => {
    await using folder = await tempDir('assetgen-cli-')
    await writeFile(join(folder.path, 'assetgen.yml'), spec)
    const zero = await cli(folder.path, 'build', '--concurrency', '0')
    expect(zero.code).toBe(2)
    expect(zero.stderr).toMatch(
      /^assetgen: --concurrency must be a whole number from 1 to 64, got "0"\nRun "assetgen build --help"/
    )
    expect(zero.stderr).not.toContain('WARNING')
    expect((await cli(folder.path, 'plan', '--concurrency', 'abc')).code).toBe(
      2
    )
    const typo = await cli(folder.path, 'build', '--palceholder')
    expect(typo.stderr).toContain('did you mean --placeholder?')

    const json = await cli(folder.path, 'plan', '--json', '--only', 'nope*')
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toEqual({
      error: {
        name: 'InputError',
        message: 'only "nope*" matches no asset id in assetgen.yml'
      },
      exitCode: 2
    })
    await writeFile(join(folder.path, 'bad.yml'), 'version: 2\nassets: []\n')
    const bad = JSON.parse(
      (await cli(folder.path, 'check', '--json', '--spec', 'bad.yml')).stdout
    ) as { error: { name: string; problems: unknown[] }; exitCode: number }
    expect(bad.error.name).toBe('SpecError')
    expect(bad.error.problems.length).toBeGreaterThan(0)
    expect(bad.exitCode).toBe(1)

    const help = await cli(folder.path, 'build', '--help')
    expect(help.stdout).toMatch(/^assetgen build: /)
    expect(help.stdout).toContain('--gateway-url <url>')
    const models = await cli(folder.path, 'models')
    expect(models.code).toBe(0)
    expect(models.stdout).toMatch(/^id\s+maxReferences\s+maxPixels/)
    expect(models.stdout).toMatch(/bfl\/flux-2-klein-4b\s+4\s/)
  })

  it('on an older Node says in one line that Node 24 is needed and how to get it', async () => {
    await using folder = await tempDir('assetgen-cli-')
    // Pretends to be Node 20 before the bundle loads: its check reads process.versions.
    const preload = join(folder.path, 'node-20.cjs')
    await writeFile(
      preload,
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.11.0' } })\n"
    )
    const old = await new Promise<{ code: number | null; stderr: string }>(
      (resolve) => {
        const child = spawn(
          process.execPath,
          ['-r', preload, CLI_ENTRY, 'plan'],
          {
            cwd: folder.path
          }
        )
        let stderr = ''
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        child.on('close', (code) => resolve({ code, stderr }))
      }
    )
    expect(old.code).toBe(1)
    expect(old.stderr).toBe(
      'assetgen needs Node 24 or newer (this is Node 20.11.0): install it from https://nodejs.org, or in a clone of assetgen run `source .ci/node.sh`\n'
    )
  })
})
