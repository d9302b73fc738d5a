/**
 * The CLI's commands and options, in one table: parsing, per-command help, did-you-mean and
 * numeric ranges all read from it, so a new flag is one entry here.
 */

/** The CLI's commands. */
export type Command = 'plan' | 'check' | 'build' | 'models' | 'store'

/** Each command and its one-line summary, for help. */
export const COMMANDS: Record<Command, string> = {
  plan: 'validate the spec and show what would be generated, and why (no network)',
  check: 'exit 1 when anything would be generated (for CI jobs without a key)',
  build: 'generate what the plan says, write the files and assetgen.lock.json',
  models: 'list the models assetgen knows, with their limits',
  store:
    "`store prune --older-than 90d`: rewrite the image store branch without entries older than the bound that the default branch's lockfile does not use (force-pushes the store branch only)"
}

/** The commands that plan a spec. */
const planning: Command[] = ['plan', 'check', 'build']

/** One option: its parser type, help text, the commands that take it and, if numeric, its range. */
export interface OptionDefinition {
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
  /** Shown after the flag in help, e.g. `<file>`. */
  value?: string
  description: string
  commands: Command[]
  /** A whole number in [min, max]; `fallback` when absent. */
  range?: { min: number; max: number; fallback: number }
}

/** Every option; add a flag here and it is parsed, validated and listed in help. */
export const OPTIONS = {
  spec: {
    type: 'string',
    value: '<file>',
    description: 'spec file (default assetgen.yml in the current folder)',
    commands: [...planning, 'store']
  },
  root: {
    type: 'string',
    value: '<dir>',
    description:
      "workspace root (default: the git top level of the spec's folder, else that folder)",
    commands: [...planning, 'store']
  },
  only: {
    type: 'string',
    multiple: true,
    value: '<ids>',
    description: 'asset ids or globs, comma-separated or repeated',
    commands: planning
  },
  force: {
    type: 'boolean',
    description: 'regenerate every selected asset',
    commands: planning
  },
  json: {
    type: 'boolean',
    description: 'print machine-readable JSON (errors too)',
    commands: [...planning, 'models', 'store']
  },
  placeholder: {
    type: 'boolean',
    description: 'render offline placeholders instead of calling the gateway',
    commands: planning
  },
  'gateway-url': {
    type: 'string',
    value: '<url>',
    description:
      "AI Gateway base URL (default env AI_GATEWAY_BASE_URL, else the SDK's)",
    commands: ['build']
  },
  concurrency: {
    type: 'string',
    value: '<n>',
    description: 'image requests in flight, 1-64 (default 4)',
    commands: planning,
    range: { min: 1, max: 64, fallback: 4 }
  },
  'max-retries': {
    type: 'string',
    value: '<n>',
    description: 'retries per image, 0-10 (default 2)',
    commands: planning,
    range: { min: 0, max: 10, fallback: 2 }
  },
  timeout: {
    type: 'string',
    value: '<seconds>',
    description: 'per image, 1-3600 (default 300)',
    commands: planning,
    range: { min: 1, max: 3600, fallback: 300 }
  },
  'max-images': {
    type: 'string',
    value: '<n>',
    description:
      'refuse when more images would be generated, 0-100000 (default 0: no cap)',
    commands: planning,
    range: { min: 0, max: 100_000, fallback: 0 }
  },
  'max-cost': {
    type: 'string',
    value: '<usd>',
    description:
      'budget in USD: refuse when the estimate is higher, start nothing past it (default 0: none)',
    commands: planning
  },
  'no-tags': {
    type: 'boolean',
    description: 'do not tag gateway requests with the repository and asset id',
    commands: ['build']
  },
  strict: {
    type: 'boolean',
    description:
      'fail an asset whose answer differs from the request (size, ignored settings)',
    commands: ['build']
  },
  shard: {
    type: 'string',
    value: '<i/n>',
    description: "build only this shard's share of the work",
    commands: planning
  },
  manifest: {
    type: 'string',
    value: '<file>',
    description: 'also write the JSON manifest here',
    commands: ['build']
  },
  'no-store': {
    type: 'boolean',
    description:
      'do not restore images from origin/<store-branch> (read with git, after `git fetch origin assetgen-store`)',
    commands: planning
  },
  'store-branch': {
    type: 'string',
    value: '<name>',
    description: "the image store's branch (default assetgen-store)",
    commands: [...planning, 'store']
  },
  'older-than': {
    type: 'string',
    value: '<age>',
    description:
      'store prune: drop entries older than this (e.g. 90d, 12h) that the lockfile does not use',
    commands: ['store']
  },
  help: {
    type: 'boolean',
    short: 'h',
    description: 'show help (for a command: `assetgen build --help`)',
    commands: [...planning, 'models', 'store']
  },
  version: {
    type: 'boolean',
    short: 'v',
    description: 'show the version',
    commands: [...planning, 'models', 'store']
  }
} satisfies Record<string, OptionDefinition>

/** An option's name, e.g. `max-images`. */
export type OptionName = keyof typeof OPTIONS
/** The options that take a whole number. */
export type Numeric = {
  [Name in OptionName]: (typeof OPTIONS)[Name] extends { range: object }
    ? Name
    : never
}[OptionName]
