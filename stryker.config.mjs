// Mutation testing for the core: `npm run mutation` (scripts/mutation.mjs) runs Stryker once per
// module group below, each with its own incremental file, and prints a score per module. Too slow
// for two cores in CI, so it is not part of .ci/run.
// @ts-check

/**
 * Module groups: one Stryker run each, so a rerun of one group keeps the others' results.
 * The core is where assetgen decides something: what to pay for (plan/, budget, cost), how to
 * retry (attempts, pool, classify), what to commit and post (publish/), what the store holds
 * (store/), what reaches a log or markdown (safe-text), colours (color-check, snap) and what a
 * spec may ask (validate, paths). Each of these modules must score 85% or more. The wiring
 * modules left out (gateway, network, request, run, placeholder, publish, artifacts, ...) pass
 * values along and are exercised by the end-to-end tests through dist/, which a mutant in src/
 * cannot reach.
 */
export const groups = {
  plan: ['src/plan/**/*.ts'],
  generate: [
    'src/generate/attempts.ts',
    'src/generate/pool.ts',
    'src/generate/classify.ts',
    'src/generate/budget.ts',
    'src/generate/cost.ts'
  ],
  publish: [
    'src/publish/commit.ts',
    'src/publish/comment.ts',
    'src/publish/mode.ts',
    'src/publish/git-tree.ts',
    'src/publish/before-after.ts'
  ],
  store: ['src/store/**/*.ts'],
  'safe-text': ['src/safe-text.ts'],
  images: ['src/images/color-check.ts', 'src/images/snap.ts'],
  spec: ['src/spec/validate.ts', 'src/spec/paths.ts']
}

const group = process.env.ASSETGEN_MUTATION_GROUP
const mutate = group ? groups[group] : Object.values(groups).flat()
if (!mutate) throw new Error(`unknown mutation group "${group}"`)
const name = group ?? 'all'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mjs' },
  // Only the tests that cover a mutant run against it.
  coverageAnalysis: 'perTest',
  // Code that also runs outside any test (module load, beforeAll) would otherwise rerun the whole
  // suite per mutant: run only the tests covering it. Mutants reached only there are reported as
  // Ignored and checked by hand (test/equivalent-mutants.md).
  ignoreStatic: true,
  // Reruns test only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  mutate,
  // dist/node_modules holds sharp's native package: the sandbox needs a real copy of it rather
  // than the default exclusion of every node_modules folder.
  ignorePatterns: ['/bench-results', '/coverage', '!dist/node_modules/**'],
  reporters: ['progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The suite's own timeouts are long (60 s); a mutant that loops is cut off well before that.
  timeoutMS: 30_000
}
