/**
 * The content-addressed image store's shared types. The store lives on a
 * branch of the same repository (see `layout.ts`); the engine reads it through
 * `ImageStore` and publishing writes `StoreEntry` values to it.
 */

/** The small JSON record stored beside each image. */
export interface StoreRecord {
  id: string
  model: string
  seed: number
  width: number
  height: number
  format: string
  sha256: string
  bytes: number
  cost?: number
  colorCheck?: unknown
  createdAt: string
  runUrl?: string
  file: string
}

/** A verified hit: bytes match record.sha256. */
export interface StoreHit {
  hash: string
  record: StoreRecord
  image: Uint8Array
}

/** The read side the engine takes as a collaborator (GitHub API for the action, local git for the CLI, in-memory in unit tests). */
export interface ImageStore {
  lookup(hashes: string[]): Promise<Map<string, StoreHit>>
}

/** One image to add. */
export interface StoreEntry {
  hash: string
  record: StoreRecord
  image: Uint8Array
  preview: Uint8Array
}
