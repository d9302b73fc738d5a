import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../src/version.js'
import { tempDir } from './helpers/temp-dir.js'

const run = promisify(execFile)
const repoRoot = join(import.meta.dirname, '..')

// Packing gzips ~40 MB of dist/ (sharp's native and wasm builds): about 6 s of CPU, far more on a
// loaded machine, so this one test gets room beyond the default timeout.
const PACK_TIMEOUT_MS = 180_000

describe('the npm package', () => {
  it(
    'packs dist/, schema/ and the docs; installs offline from the tarball; its assetgen bin runs outside the repository',
    async () => {
      const manifest = JSON.parse(
        await readFile(join(repoRoot, 'package.json'), 'utf8')
      ) as { private?: boolean; dependencies?: Record<string, string> }
      expect(manifest.private).toBeUndefined()
      // ncc bundles every runtime dependency into dist/: nothing to fetch at install.
      expect(Object.keys(manifest.dependencies ?? {})).toEqual([])

      await using scratch = await tempDir('assetgen-pack-')
      // Node 24 first on PATH for npm and for the bin's `#!/usr/bin/env node`.
      const env = {
        ...process.env,
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        npm_config_cache: join(scratch.path, 'npm-cache'),
        npm_config_update_notifier: 'false'
      }
      const packed = await run(
        'npm',
        ['pack', '--json', '--pack-destination', scratch.path],
        { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }
      )
      const [pack] = JSON.parse(packed.stdout) as Array<{
        filename: string
        files: Array<{ path: string }>
      }>
      const files = (pack?.files ?? []).map((file) => file.path)
      for (const expected of [
        'dist/cli/index.js',
        'dist/index.js',
        'schema/assetgen.schema.json',
        'README.md',
        'LICENSE',
        'package.json'
      ])
        expect(files).toContain(expected)
      // sharp's native package travels with the bundle.
      expect(
        files.some((file) => file.startsWith('dist/node_modules/@img/sharp-'))
      ).toBe(true)
      expect(files.some((file) => file.startsWith('src/'))).toBe(false)
      expect(files.some((file) => file.startsWith('test/'))).toBe(false)

      const prefix = join(scratch.path, 'prefix')
      await run(
        'npm',
        [
          'install',
          '--global',
          '--offline',
          '--no-audit',
          '--no-fund',
          '--prefix',
          prefix,
          join(scratch.path, pack?.filename ?? '')
        ],
        { cwd: scratch.path, env }
      )
      const bin = join(prefix, 'bin', 'assetgen')
      const version = await run(bin, ['--version'], { cwd: scratch.path, env })
      expect(version.stdout.trim()).toBe(VERSION)

      await writeFile(
        join(scratch.path, 'assetgen.yml'),
        'version: 1\nassets:\n  - id: hero\n    prompt: A trail\n    size: 64x64\n'
      )
      const plan = await run(bin, ['plan'], { cwd: scratch.path, env })
      expect(plan.stdout).toMatch(/hero\s+new\s+not in the lockfile/)
      expect(plan.stdout).toContain('1 to generate, 0 to reprocess, 0 kept')
    },
    PACK_TIMEOUT_MS
  )
})
