// Regenerates README.md's Inputs and Outputs tables from action.yml, between
// <!-- api-start --> and <!-- api-end -->, and the supported-models table from
// `assetgen models --json` (the built CLI), between <!-- models-start --> and
// <!-- models-end --> when present; the rest of README.md is untouched.
//
//   node scripts/update-readme.mjs            rewrite README.md in place
//   node scripts/update-readme.mjs --check    exit 1 when README.md is stale (CI)
//   --root <dir>                              read both files from <dir>
//                                             (default: the current directory)
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import {
  MODELS_START,
  buildApiBlock,
  buildModelsTable,
  replaceApiBlock,
  replaceModelsBlock
} from './readme-tables.mjs'

/** The model table as the built CLI lists it (dist/ is what users run). */
function modelRows(root) {
  const cli = join(root, 'dist', 'cli', 'index.js')
  if (!existsSync(cli))
    throw new Error(`${cli} does not exist: run npm run build`)
  return JSON.parse(
    execFileSync(process.execPath, [cli, 'models', '--json'], {
      encoding: 'utf8'
    })
  )
}

function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string', default: process.cwd() }
    }
  })
  const root = resolve(values.root)
  const actionPath = join(root, 'action.yml')
  const readmePath = join(root, 'README.md')
  for (const file of [actionPath, readmePath]) {
    if (!existsSync(file)) return fail(`${file} does not exist`)
  }

  const action = parse(readFileSync(actionPath, 'utf8'))
  const readme = readFileSync(readmePath, 'utf8')
  let updated = replaceApiBlock(readme, buildApiBlock(action))
  if (updated.includes(MODELS_START))
    updated = replaceModelsBlock(updated, buildModelsTable(modelRows(root)))
  if (updated === readme) {
    console.log(
      'README.md: the API tables match action.yml (and models the CLI)'
    )
    return 0
  }
  if (values.check) {
    return fail(
      'README.md: the API tables are out of date with action.yml (or the models with the CLI); ' +
        'run `npm run readme` and commit README.md'
    )
  }
  writeFileSync(readmePath, updated)
  console.log('README.md: API and model tables regenerated')
  return 0
}

function fail(message) {
  console.error(`error: ${message}`)
  return 1
}

try {
  process.exitCode = main()
} catch (error) {
  process.exitCode = fail(error instanceof Error ? error.message : error)
}
