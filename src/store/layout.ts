/**
 * Where things live on the store branch, and what makes a stored entry trustworthy.
 *
 * Layout (one folder per input hash, fanned out by its first two hex digits so a lookup reads one
 * small subtree instead of the whole store):
 *
 * ```
 * <hash[0:2]>/<hash>/<file>          the output exactly as written to the workspace (`file` = its base name)
 * <hash[0:2]>/<hash>/record.json     a StoreRecord: id, model, seed, size, format, sha256, bytes, cost,
 *                                    colour check, createdAt, runUrl, file
 * <hash[0:2]>/<hash>/preview.webp    a WebP preview for PR comments, at most 800 px wide
 * ```
 *
 * `<hash>` is the lockfile's input hash without its `sha256:` prefix (64 hex digits).
 */
import { sha256 } from '../plan/hash.js'
import type { StoreHit, StoreRecord } from './types.js'

/** The record's file name inside an entry's folder. */
export const RECORD_FILE = 'record.json'
/** The preview's file name inside an entry's folder. */
export const PREVIEW_FILE = 'preview.webp'
/** Records are small; anything bigger is not one of ours. */
export const MAX_RECORD_BYTES = 64 * 1024

/** The store key of an input hash: its 64 hex digits. Throws on anything else. */
export function storeKey(inputHash: string): string {
  const key = inputHash.replace(/^sha256:/, '')
  if (!/^[0-9a-f]{64}$/.test(key)) {
    throw new Error(`not an input hash: ${JSON.stringify(inputHash)}`)
  }
  return key
}

/** The first-level folder (`<hash[0:2]>`) a hash lives under. */
export function storePrefix(inputHash: string): string {
  return storeKey(inputHash).slice(0, 2)
}

/** The folder (`<hash[0:2]>/<hash>`) of the entry for `inputHash`. */
export function entryFolder(inputHash: string): string {
  const key = storeKey(inputHash)
  return `${key.slice(0, 2)}/${key}`
}

/** Repo paths of one entry on the store branch. */
export interface StorePaths {
  folder: string
  image: string
  record: string
  preview: string
}

/** The paths of the entry for `inputHash` whose output's base name is `file`. */
export function storePaths(inputHash: string, file: string): StorePaths {
  if (!isBaseName(file)) {
    throw new Error(`not a file name: ${JSON.stringify(file)}`)
  }
  const folder = entryFolder(inputHash)
  return {
    folder,
    image: `${folder}/${file}`,
    record: `${folder}/${RECORD_FILE}`,
    preview: `${folder}/${PREVIEW_FILE}`
  }
}

/** A plain file name: no folder, no `.`/`..`, not one of the entry's own files. */
export function isBaseName(file: string): boolean {
  return (
    /^[^/\\]+$/.test(file) &&
    // No control characters: a name that could split a line in git's plumbing is not a file name.
    ![...file].some((character) => character.charCodeAt(0) < 0x20) &&
    file !== '.' &&
    file !== '..' &&
    file !== RECORD_FILE &&
    file !== PREVIEW_FILE
  )
}

/**
 * Parses a record.json read from the store (outside text: the branch may have been written by
 * anyone with push access); undefined when it is not a well-formed record.
 */
export function parseRecord(text: string): StoreRecord | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const strings = ['id', 'model', 'format', 'sha256', 'createdAt', 'file']
  const numbers = ['seed', 'width', 'height', 'bytes']
  if (strings.some((key) => typeof record[key] !== 'string')) return undefined
  if (numbers.some((key) => !Number.isFinite(record[key]))) return undefined
  if (!isBaseName(record.file as string)) return undefined
  return value as StoreRecord
}

/** A hit is usable when its bytes are exactly what its record promises. */
export function isVerified(hit: StoreHit): boolean {
  return (
    hit.image.length === hit.record.bytes &&
    sha256(hit.image) === hit.record.sha256
  )
}
