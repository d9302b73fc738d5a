// Flat ESLint config: @eslint/js recommended, typescript-eslint's type-checked
// recommended rules on the TypeScript that tsconfig.test.json covers, and
// eslint-config-prettier last so formatting is Prettier's job alone.
// Type-aware linting costs about 20 s on two cores (the program build), and
// catches floating promises and awaits of non-promises that tsc lets through.
// @vitest/eslint-plugin is left out: its current release needs TypeScript 6.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

// Everything tsconfig.test.json includes; other .ts files get the plain rules.
const typedFiles = ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts']

// The Node globals the plain .mjs/.js scripts use (the `globals` package is
// not installed). TypeScript files need none: tsc checks names there.
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'performance',
    'process',
    'queueMicrotask',
    'setInterval',
    'setTimeout',
    'structuredClone'
  ].map((name) => [name, 'readonly'])
)

export default defineConfig(
  {
    name: 'assetgen/ignores',
    ignores: [
      'dist/',
      'node_modules/',
      'build-tsc/',
      'coverage/',
      'bench-results/',
      'examples/generated/',
      'reports/',
      '.stryker-tmp/'
    ]
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'assetgen/type-checked',
    files: typedFiles,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.test.json',
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      // `reject(signal.reason)` is the platform's own abort idiom.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true }
      ]
    }
  },
  {
    name: 'assetgen/all',
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // One unused-variable rule (the TS one), with `_` marking intent.
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true
        }
      ],
      // Style item 12: `import type` for types.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' }
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error'
    }
  },
  {
    name: 'assetgen/src',
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' }
  },
  {
    // Fakes stand in for loosely typed HTTP bodies and SDK internals, and
    // tests read parsed JSON: `any` and its flow are fine there.
    name: 'assetgen/test',
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
    }
  },
  {
    name: 'assetgen/node-scripts',
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: nodeGlobals }
  },
  {
    // The Node launcher is CommonJS so that it parses on any old Node.
    name: 'assetgen/commonjs-scripts',
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly'
      }
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  prettier
)
