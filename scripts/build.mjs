// Builds dist/: the action bundle (dist/index.js), the CLI bundle (dist/cli/index.js), and sharp's
// native and wasm packages beside them (ncc cannot inline the platform `require` sharp makes, so
// dist/node_modules carries them; Node resolves them from both bundles by walking up).
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  chmodSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const ncc = join(
  root,
  'node_modules',
  '@vercel',
  'ncc',
  'dist',
  'ncc',
  'cli.js'
)

rmSync(dist, { recursive: true, force: true })
const bundle = (entry, out) =>
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
bundle('src/index.ts', 'dist')
bundle('src/bin.ts', 'dist/cli')

// The CLI bundle is what `npx assetgen` runs: give it its shebang and the exec bit.
const cli = join(dist, 'cli', 'index.js')
const source = readFileSync(cli, 'utf8')
if (!source.startsWith('#!'))
  writeFileSync(cli, `#!/usr/bin/env node\n${source}`)
chmodSync(cli, 0o755)

// sharp's platform packages: native linux-x64 (full speed) and wasm32 (any other runner).
const packages = [
  '@img/sharp-linux-x64',
  '@img/sharp-libvips-linux-x64',
  '@img/sharp-wasm32',
  '@emnapi/runtime'
]
for (const name of packages) {
  const from = join(root, 'node_modules', name)
  if (!existsSync(from)) throw new Error(`${name} is not installed: run npm ci`)
  const to = join(dist, 'node_modules', name)
  mkdirSync(dirname(to), { recursive: true })
  cpSync(from, to, { recursive: true, dereference: true })
}
console.log('dist/ built')
