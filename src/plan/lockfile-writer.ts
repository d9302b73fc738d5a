import type { Spec } from '../spec/types.js'
import {
  emptyLockfile,
  mergeLockfiles,
  readLockfile,
  serializeLockfile,
  writeLockfile,
  type Lockfile
} from './lockfile.js'

/**
 * Keeps the lockfile on disk in step with the files: each success is written at once (atomically,
 * one write at a time), so a run killed halfway keeps what it paid for. Entries of assets no longer
 * in the spec are dropped; failed assets keep their previous entries.
 */
export class LockfileWriter {
  current: Lockfile
  private readonly original: string
  private queue: Promise<void> = Promise.resolve()
  private readonly path: string

  private readonly recorded = new Set<string>()
  private readonly specIds: ReadonlySet<string>
  private readonly root: string

  constructor(spec: Spec, previous: Lockfile) {
    this.path = spec.lockfilePath
    this.root = spec.root
    this.original = serializeLockfile(previous)
    const ids = new Set(spec.assets.map((asset) => asset.id))
    this.specIds = ids
    const assets = Object.fromEntries(
      Object.entries(previous.assets).filter(([id]) => ids.has(id))
    )
    this.current = { version: previous.version, assets }
  }

  get changed(): boolean {
    return serializeLockfile(this.current) !== this.original
  }

  record(id: string, entry: Lockfile['assets'][string]): Promise<void> {
    this.current.assets[id] = entry
    this.recorded.add(id)
    return this.flush()
  }

  finish(): Promise<void> {
    return this.changed ? this.flush() : this.queue
  }

  private flush(): Promise<void> {
    this.queue = this.queue.then(async () => {
      // Re-read and merge entry by entry before each write: an entry another writer put on disk
      // (a hand edit, a build that ran before the lock existed) is never dropped; ours win only
      // for the assets this run wrote, and entries of assets gone from the spec are dropped.
      const onDisk = await readLockfile(this.path).catch(() => emptyLockfile())
      const merged = mergeLockfiles(
        onDisk,
        this.current,
        this.recorded,
        this.specIds
      )
      this.current = merged
      await writeLockfile(this.path, merged, this.root)
    })
    return this.queue
  }
}
