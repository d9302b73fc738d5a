import * as core from '@actions/core'
import { InputError } from './errors.js'
import { registerSecret } from './safe-text.js'

/** Publishing behaviour. */
export type Mode = 'auto' | 'commit' | 'artifact' | 'store' | 'none'

/** Every action input, parsed and validated. */
export interface Inputs {
  /** Path of the spec file, relative to the workspace. */
  spec: string
  /** auto | commit | artifact | store | none. */
  mode: Mode
  /** The AI Gateway key: the input, else env AI_GATEWAY_API_KEY; '' when neither is set. */
  apiKey: string
  /** The gateway's base URL; undefined uses the SDK's default. */
  gatewayUrl?: string
  /** Token for commits, artifacts' links and the PR comment. */
  githubToken: string
  /** Most image requests in flight at once. */
  concurrency: number
  /** Retries per image after the first attempt. */
  maxRetries: number
  /** Seconds per image, across its attempts. */
  timeoutSeconds: number
  /** Regenerate every selected asset, even up-to-date or hand-edited ones. */
  force: boolean
  /** Asset ids or globs to build; empty = all. */
  only: string[]
  /** Validate and plan only: no model call, no write. */
  dryRun: boolean
  /** Fail the step when any asset failed. */
  failOnError: boolean
  /** The commit's subject line. */
  commitMessage: string
  /** The branch to commit to, overriding the event's. */
  branch?: string
  /** Prefix of the uploaded artifacts' names. */
  artifactName: string
  /** Days to keep artifacts; undefined = the repository's default. */
  retentionDays?: number
  /** Post or update the sticky PR comment. */
  comment: boolean
  /** Refuse before any call when the plan would generate more images; 0 = no cap. */
  maxImages: number
  /** USD budget: refuse before any call when the estimate is higher, start no request past it; 0 = none. */
  maxCost: number
  /** Tag each gateway request with the repository and asset id, for the gateway's spend reports. */
  tagRequests: boolean
  /** Render offline placeholders instead of calling the gateway. */
  placeholder: boolean
  /** This job's part of a sharded build: index (1-based) and count. */
  shard?: { index: number; count: number }
  /** Longest single wait for a GitHub rate limit or retry-after, in seconds. */
  maxWait: number
  /** Fail an asset whose answer differs from the request (size, ignored settings). */
  strict: boolean
  /** The image store's branch; undefined turns the store off. */
  storeBranch?: string
}

/** Input names as declared in action.yml. */
export const InputName = {
  Spec: 'spec',
  Mode: 'mode',
  ApiKey: 'api-key',
  GatewayUrl: 'gateway-url',
  GithubToken: 'github-token',
  Concurrency: 'concurrency',
  MaxRetries: 'max-retries',
  Timeout: 'timeout',
  Force: 'force',
  Only: 'only',
  DryRun: 'dry-run',
  FailOnError: 'fail-on-error',
  CommitMessage: 'commit-message',
  Branch: 'branch',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  Comment: 'comment',
  MaxImages: 'max-images',
  MaxCost: 'max-cost',
  TagRequests: 'tag-requests',
  Placeholder: 'placeholder',
  Shard: 'shard',
  MaxWait: 'max-wait',
  Strict: 'strict',
  StoreBranch: 'store-branch'
} as const

/** An input's value, or undefined when empty. */
export function getOptionalInput(name: string): string | undefined {
  const value = core.getInput(name)
  return value === '' ? undefined : value
}

/** Splits a list input on newlines and commas, trimming and dropping empties. */
export function getStringAsArray(value: string): string[] {
  return value
    .split(/[\n,]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase()
  if (value === '') return fallback
  if (['true', 'yes', '1', 'on'].includes(value)) return true
  if (['false', 'no', '0', 'off'].includes(value)) return false
  throw new InputError(`input ${name} must be true or false, got "${value}"`)
}

function integerInput(
  name: string,
  fallback: number,
  min: number,
  max: number
): number {
  const raw = core.getInput(name).trim()
  if (raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `input ${name} must be a whole number from ${min} to ${max}, got "${raw}"`
    )
  }
  return value
}

/** Parses a USD amount such as `1.20` (0 = no budget). */
export function parseUsd(name: string, raw: string | undefined): number {
  const text = (raw ?? '').trim().replace(/^\$/, '')
  if (text === '') return 0
  const value = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || value > 1_000_000) {
    throw new InputError(
      `${name} must be an amount in USD from 0 to 1000000 (e.g. 1.50), got "${raw}"`
    )
  }
  return value
}

/** Parses `i/n` (1-based), e.g. `2/4`. */
export function parseShard(
  value: string | undefined
): { index: number; count: number } | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(
      `shard must be i/n with 1 <= i <= n (e.g. 2/4), got "${value}"`
    )
  }
  return { index, count }
}

/** Parses the `store-branch` input: '' turns the store off; otherwise a plain branch name. */
export function parseStoreBranch(value: string): string | undefined {
  const branch = value.trim().replace(/^refs\/heads\//, '')
  if (branch === '') return undefined
  if (
    !/^[A-Za-z0-9._/-]+$/.test(branch) ||
    /^[-/.]|\/\/|\.\.|[/.]$|\.lock$/.test(branch)
  ) {
    throw new InputError(
      `input store-branch must be a branch name (e.g. assetgen-store) or empty to turn the store off, got "${value}"`
    )
  }
  return branch
}

/** Reads every input the way the runner passes them (env INPUT_*), with defaults, and validates. */
export function getInputs(): Inputs {
  const mode = (core.getInput(InputName.Mode).trim() || 'auto') as Mode
  if (!['auto', 'commit', 'artifact', 'store', 'none'].includes(mode)) {
    throw new InputError(
      `input mode must be auto, commit, artifact, store or none, got "${mode}"`
    )
  }
  const storeBranch = parseStoreBranch(core.getInput(InputName.StoreBranch))
  if (mode === 'store' && storeBranch === undefined) {
    throw new InputError(
      'input mode is store but store-branch is empty: set store-branch (default assetgen-store)'
    )
  }
  const apiKey =
    core.getInput(InputName.ApiKey).trim() ||
    (process.env.AI_GATEWAY_API_KEY ?? '').trim()
  // Mask before anything could print it, whichever way it arrived.
  if (apiKey) core.setSecret(apiKey)
  // setSecret masks the runner's log only; every other sink redacts what is registered here.
  registerSecret(apiKey)
  const gatewayUrl = getOptionalInput(InputName.GatewayUrl)?.trim()
  if (gatewayUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(gatewayUrl)) {
    throw new InputError(
      `input gateway-url must be an http(s) URL, got "${gatewayUrl}"`
    )
  }
  const githubToken = core.getInput(InputName.GithubToken).trim()
  if (githubToken) core.setSecret(githubToken)
  registerSecret(githubToken)
  const branch = getOptionalInput(InputName.Branch)?.trim()
  const retentionDays = core.getInput(InputName.RetentionDays).trim()
  const shard = parseShard(getOptionalInput(InputName.Shard))
  return {
    spec: core.getInput(InputName.Spec).trim() || 'assetgen.yml',
    mode,
    apiKey,
    ...(gatewayUrl ? { gatewayUrl } : {}),
    githubToken,
    concurrency: integerInput(InputName.Concurrency, 4, 1, 64),
    maxRetries: integerInput(InputName.MaxRetries, 2, 0, 10),
    timeoutSeconds: integerInput(InputName.Timeout, 300, 1, 3600),
    force: booleanInput(InputName.Force, false),
    only: getStringAsArray(core.getInput(InputName.Only)),
    dryRun: booleanInput(InputName.DryRun, false),
    failOnError: booleanInput(InputName.FailOnError, true),
    commitMessage:
      core.getInput(InputName.CommitMessage).trim() ||
      'chore(assets): regenerate images with assetgen',
    ...(branch ? { branch: branch.replace(/^refs\/heads\//, '') } : {}),
    artifactName: core.getInput(InputName.ArtifactName).trim() || 'assetgen',
    ...(retentionDays
      ? { retentionDays: integerInput(InputName.RetentionDays, 0, 1, 90) }
      : {}),
    comment: booleanInput(InputName.Comment, true),
    maxImages: integerInput(InputName.MaxImages, 0, 0, 100_000),
    maxCost: parseUsd(
      `input ${InputName.MaxCost}`,
      core.getInput(InputName.MaxCost)
    ),
    tagRequests: booleanInput(InputName.TagRequests, true),
    placeholder: booleanInput(InputName.Placeholder, false),
    ...(shard ? { shard } : {}),
    maxWait: integerInput(InputName.MaxWait, 60, 0, 3600),
    strict: booleanInput(InputName.Strict, false),
    ...(storeBranch ? { storeBranch } : {})
  }
}
