import { readFile } from 'node:fs/promises'
import { LockfileError, getErrorMessage } from '../errors.js'
import { writeFileAtomic } from '../fs-atomic.js'
import { redact } from '../safe-text.js'
import type { InputDigests } from './hash.js'

/** The lockfile's format version. */
export const LOCKFILE_VERSION = 1

/** One derived copy of an output, tracked with its own hash. */
export interface LockedVariant {
  out: string
  sha256: string
  width: number
  format: string
}

/** What the lockfile remembers about one successfully generated asset. */
export interface LockEntry {
  inputHash: string
  inputs: InputDigests
  out: string
  sha256: string
  bytes: number
  width: number
  height: number
  model: string
  seed: number
  /** Rendered offline by the placeholder renderer: a real run regenerates it. */
  placeholder?: boolean
  /** A digest of the variant settings the variants were rendered with. */
  variantsHash?: string
  variants?: LockedVariant[]
  /** USD the gateway reported for the images paid for this entry (colour retries included). */
  cost?: string
  /** Images paid for this entry when more than one (colour retries), so `cost` can be split. */
  images?: number
  generatedAt: string
}

/** The whole lockfile: entries by asset id. */
export interface Lockfile {
  version: number
  assets: Record<string, LockEntry>
}

/** An empty lockfile. */
export function emptyLockfile(): Lockfile {
  return { version: LOCKFILE_VERSION, assets: {} }
}

/** Reads a lockfile; a missing file is an empty lockfile, a corrupt one a LockfileError. */
export async function readLockfile(path: string): Promise<Lockfile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return emptyLockfile()
    throw new LockfileError(`cannot read ${path}: ${getErrorMessage(error)}`, {
      cause: error
    })
  }
  return parseLockfile(text, path)
}

/** Parses lockfile text, checking its shape enough that later code can trust it. */
export function parseLockfile(
  text: string,
  path = 'assetgen.lock.json'
): Lockfile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new LockfileError(
      `${path} is not valid JSON (${getErrorMessage(error)}); fix it or delete it to regenerate everything`,
      { cause: error }
    )
  }
  const candidate = data as Partial<Lockfile> | null
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    candidate.version !== LOCKFILE_VERSION ||
    !candidate.assets ||
    typeof candidate.assets !== 'object'
  ) {
    throw new LockfileError(
      `${path} is not an assetgen lockfile of version ${LOCKFILE_VERSION}`
    )
  }
  return { version: LOCKFILE_VERSION, assets: candidate.assets }
}

const entryKeyOrder: Array<keyof LockEntry> = [
  'inputHash',
  'inputs',
  'out',
  'sha256',
  'bytes',
  'width',
  'height',
  'model',
  'seed',
  'placeholder',
  'variantsHash',
  'variants',
  'cost',
  'images',
  'generatedAt'
]

/** Serialises with assets sorted by id and a fixed key order, so diffs stay minimal. */
export function serializeLockfile(lockfile: Lockfile): string {
  const assets: Record<string, Record<string, unknown>> = {}
  for (const id of Object.keys(lockfile.assets).sort()) {
    const entry = lockfile.assets[id]
    const ordered: Record<string, unknown> = {}
    for (const key of entryKeyOrder) {
      if (entry[key] !== undefined) ordered[key] = entry[key]
    }
    assets[id] = ordered
  }
  // Redacted like every text that leaves: the lockfile is committed.
  return redact(
    `${JSON.stringify({ version: LOCKFILE_VERSION, assets }, null, 2)}\n`
  )
}

/** Writes the lockfile atomically (temp file, then rename): a crash never leaves half a file. */
export async function writeLockfile(
  path: string,
  lockfile: Lockfile
): Promise<void> {
  await writeFileAtomic(path, serializeLockfile(lockfile))
}

/**
 * Merges two lockfiles entry by entry: `ours` wins for the ids it generated in this run, `theirs`
 * (e.g. the branch head written by another shard) keeps everything else. Ids in neither spec list
 * are kept only when `keepIds` says so.
 */
export function mergeLockfiles(
  theirs: Lockfile,
  ours: Lockfile,
  oursWins: ReadonlySet<string>,
  keepIds?: ReadonlySet<string>
): Lockfile {
  const assets: Record<string, LockEntry> = {}
  for (const [id, entry] of Object.entries(theirs.assets)) {
    if (!keepIds || keepIds.has(id)) assets[id] = entry
  }
  for (const [id, entry] of Object.entries(ours.assets)) {
    if (oursWins.has(id) || !(id in assets)) {
      if (!keepIds || keepIds.has(id)) assets[id] = entry
    }
  }
  return { version: LOCKFILE_VERSION, assets }
}
