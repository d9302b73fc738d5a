// The tests Stryker runs (npm run mutation): those that import src/ in-process. Tests that spawn
// the dist/ bundles (test/e2e/, test/cli.test.ts) cannot see a mutant in src/, and the fake's own
// tests and the README script's test exercise no src/ module; leaving them out keeps each
// mutant's run short.
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.ts'

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'node_modules/**',
        'test/e2e/**',
        'test/cli.test.ts',
        'test/fakes/**',
        'test/scripts/**'
      ]
    }
  })
)
