/**
 * Checks one lockfile entry. The lockfile may come from a pull request, so every entry is untrusted
 * input: an entry that is not exactly what assetgen writes is reported and treated as absent (the
 * asset is generated as new), never trusted halfway.
 */
import path from 'node:path'
import { refusePathText } from '../spec/paths.js'
import type { LockEntry, LockedVariant } from './lockfile.js'

const SHA256_HEX = /^[0-9a-f]{64}$/
const INPUT_HASH = /^sha256:[0-9a-f]{64}$/
const SHORT_HEX = /^[0-9a-f]{1,64}$/

/** Most variants an entry may list; specs have a handful. */
const MAX_VARIANTS = 64

type Fields = Record<string, unknown>

/** Returns the entry when it is valid, else why not (e.g. `sha256 is not a hex digest`). */
export function checkLockEntry(value: unknown): LockEntry | string {
  if (!isRecord(value)) return `is ${describe(value)}, not an entry`
  const problem =
    field(
      value,
      'inputHash',
      (v) => typeof v === 'string' && INPUT_HASH.test(v),
      'a sha256: digest'
    ) ??
    field(value, 'inputs', isDigests, 'a map of input digests') ??
    field(
      value,
      'out',
      isConfinedPath,
      'a relative path inside the workspace'
    ) ??
    field(value, 'sha256', isSha256, 'a hex sha256 digest') ??
    field(value, 'bytes', isCount, 'a whole number') ??
    field(value, 'width', isCount, 'a whole number') ??
    field(value, 'height', isCount, 'a whole number') ??
    field(value, 'model', isShortText, 'a model id') ??
    field(value, 'seed', isCount, 'a whole number') ??
    field(value, 'generatedAt', isShortText, 'a timestamp') ??
    optional(
      value,
      'placeholder',
      (v) => typeof v === 'boolean',
      'true or false'
    ) ??
    optional(
      value,
      'variantsHash',
      (v) => typeof v === 'string' && SHORT_HEX.test(v),
      'a hex digest'
    ) ??
    optional(
      value,
      'variants',
      isVariants,
      `a list of at most ${MAX_VARIANTS} variants`
    ) ??
    optional(
      value,
      'cost',
      (v) => typeof v === 'string' && /^\d{1,12}(\.\d{1,12})?$/.test(v),
      'a decimal number'
    ) ??
    // `cost` is split by it: a fraction or a string would skew every later estimate.
    optional(
      value,
      'images',
      (v) => isCount(v) && (v as number) >= 1,
      'a whole number of at least 1'
    )
  return problem ?? (value as unknown as LockEntry)
}

/** Returns whether a lockfile path is relative, stays inside the workspace and passes the spec's path rules. */
export function isConfinedPath(value: unknown): boolean {
  if (typeof value !== 'string' || value === '' || value.length > 4096)
    return false
  if (path.posix.isAbsolute(value) || path.win32.isAbsolute(value)) return false
  if (refusePathText(value) !== undefined) return false
  const normal = path.posix.normalize(value)
  return normal !== '.' && normal !== '..' && !normal.startsWith('../')
}

function field(
  entry: Fields,
  name: string,
  valid: (value: unknown) => boolean,
  expected: string
): string | undefined {
  if (!(name in entry)) return `has no ${name}`
  return valid(entry[name]) ? undefined : `${name} is not ${expected}`
}

function optional(
  entry: Fields,
  name: string,
  valid: (value: unknown) => boolean,
  expected: string
): string | undefined {
  return entry[name] === undefined
    ? undefined
    : field(entry, name, valid, expected)
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isSha256(value: unknown): boolean {
  return typeof value === 'string' && SHA256_HEX.test(value)
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0
}

function isShortText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= 200
}

function isDigests(value: unknown): boolean {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (digest) => typeof digest === 'string' && SHORT_HEX.test(digest)
    )
  )
}

function isVariants(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= MAX_VARIANTS &&
    value.every(
      (variant: unknown): variant is LockedVariant =>
        isRecord(variant) &&
        isConfinedPath(variant.out) &&
        isSha256(variant.sha256) &&
        isCount(variant.width) &&
        isShortText(variant.format)
    )
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}
