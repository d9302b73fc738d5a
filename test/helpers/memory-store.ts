import { storeKey } from '../../src/store/layout.js'
import type { ImageStore, StoreEntry, StoreHit } from '../../src/store/types.js'

/** An in-memory image store: what the engine sees of the GitHub or local-git one. */
export class MemoryStore implements ImageStore {
  readonly entries = new Map<string, StoreHit>()
  /** Every batch of hashes asked for. */
  readonly lookups: string[][] = []

  /** Adds entries, as a store write would. */
  add(entries: Iterable<StoreEntry>): void {
    for (const { hash, record, image } of entries)
      this.entries.set(storeKey(hash), { hash, record, image })
  }

  lookup(hashes: string[]): Promise<Map<string, StoreHit>> {
    this.lookups.push([...hashes])
    const found = new Map<string, StoreHit>()
    for (const hash of hashes) {
      const hit = this.entries.get(storeKey(hash))
      if (hit) found.set(hash, hit)
    }
    return Promise.resolve(found)
  }
}
