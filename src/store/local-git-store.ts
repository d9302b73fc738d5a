/**
 * The CLI's read side of the image store: `origin/<store-branch>` in the local clone (after
 * `git fetch origin assetgen-store`), read through git plumbing. A local build after a teammate's
 * PR preview then pays nothing.
 */
import { MAX_BLOB_BYTES } from '../publish/git-tree.js'
import { listBlobs, readBlobs, resolveCommit } from './git-plumbing.js'
import {
  MAX_RECORD_BYTES,
  RECORD_FILE,
  entryFolder,
  isVerified,
  parseRecord,
  storeKey,
  storePaths
} from './layout.js'
import type { ImageStore, StoreHit } from './types.js'

/** The store at `origin/<branch>` of the clone at `root`; a missing branch is an empty store. */
export class LocalGitImageStore implements ImageStore {
  constructor(
    private readonly root: string,
    private readonly branch: string,
    private readonly log: (message: string) => void = () => {}
  ) {}

  /** The remote-tracking ref read, e.g. `refs/remotes/origin/assetgen-store`. */
  get ref(): string {
    return `refs/remotes/origin/${this.branch}`
  }

  /** Whether the clone has the store branch at all (for the CLI's hint). */
  async exists(): Promise<boolean> {
    return (await resolveCommit(this.root, this.ref)) !== undefined
  }

  async lookup(hashes: string[]): Promise<Map<string, StoreHit>> {
    const found = new Map<string, StoreHit>()
    try {
      const commit = await resolveCommit(this.root, this.ref)
      if (commit === undefined) return found
      const keys = [...new Set(hashes.map(storeKey))]
      const listed = new Map(
        (await listBlobs(this.root, commit, keys.map(entryFolder))).map(
          (blob) => [blob.path, blob]
        )
      )
      const records = keys.flatMap((key) => {
        const blob = listed.get(`${entryFolder(key)}/${RECORD_FILE}`)
        return blob && blob.size <= MAX_RECORD_BYTES ? [{ key, blob }] : []
      })
      const recordBytes = await readBlobs(
        this.root,
        records.map(({ blob }) => blob.sha)
      )
      const candidates = records.flatMap(({ key, blob }) => {
        const record = parseRecord(
          recordBytes.get(blob.sha)?.toString('utf8') ?? ''
        )
        const image = record && listed.get(storePaths(key, record.file).image)
        return record &&
          image &&
          image.size === record.bytes &&
          image.size <= MAX_BLOB_BYTES
          ? [{ key, record, image }]
          : []
      })
      const images = await readBlobs(
        this.root,
        candidates.map(({ image }) => image.sha)
      )
      for (const { key, record, image } of candidates) {
        const bytes = images.get(image.sha)
        if (!bytes) continue
        const hit = { hash: key, record, image: new Uint8Array(bytes) }
        if (isVerified(hit)) found.set(key, hit)
      }
    } catch (error) {
      this.log(
        `could not read the image store ${this.ref}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
    return found
  }
}
