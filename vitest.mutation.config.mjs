// The tests Stryker runs (npm run mutation): those that import src/ in-process. Tests that spawn
// the dist/ bundles (test/e2e/, test/cli-bundle-builds.test.ts) cannot see a mutant in src/, and
// the fake's own tests and the README script's test exercise no src/ module; leaving them out
// keeps each mutant's run short. test/cli-commands.test.ts runs the CLI in-process but stays out,
// as it did while it was part of test/cli.test.ts (with the bundle tests).
import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

/**
 * Groups scored by their own tests only: these modules are also reached by every engine test,
 * and running those builds per mutant takes hours on two cores. The score then says what the
 * module's own tests catch, which is the stricter measure.
 */
const ownTests = {
  images: ['test/images/**/*.test.ts'],
  generate: ['test/generate/**/*.test.ts'],
  plan: ['test/plan/**/*.test.ts'],
  publish: ['test/publish/**/*.test.ts'],
  store: ['test/store/**/*.test.ts'],
  'safe-text': ['test/safe-text-*.test.ts'],
  spec: ['test/spec/**/*.test.ts']
}

const group = process.env.ASSETGEN_MUTATION_GROUP ?? ''

// Spread rather than mergeConfig: that would append to the base's include list, not replace it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ownTests[group] ?? base.test?.include,
    exclude: [
      'node_modules/**',
      'test/e2e/**',
      'test/cli-commands.test.ts',
      'test/cli-bundle-builds.test.ts',
      'test/fakes/**',
      'test/scripts/**'
    ]
  }
})
