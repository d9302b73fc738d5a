import { createHash } from 'node:crypto'
import { storePaths } from '../../src/store/layout.js'
import type { StoreRecord } from '../../src/store/types.js'

/** The sha256 of `text` in hex: a stand-in store key derived from a name. */
export const hex = (text: string): string =>
  createHash('sha256').update(text).digest('hex')

/**
 * The three files of a well-formed store entry keyed `hex(name)`, created at `createdAt`, as
 * repo paths on the store branch (for `GitRemote.push`). Its image is not a real PNG: the store
 * checks only length and sha256, and binary bytes catch text-mode reads.
 */
export function entryFiles(
  name: string,
  createdAt: string
): Record<string, Buffer> {
  const image = Buffer.from(`image of ${name}\n\0\xff`)
  const record: StoreRecord = {
    id: name,
    model: 'bfl/flux-2-pro',
    seed: 1,
    width: 8,
    height: 8,
    format: 'png',
    sha256: createHash('sha256').update(image).digest('hex'),
    bytes: image.length,
    createdAt,
    file: `${name}.png`
  }
  const paths = storePaths(hex(name), record.file)
  return {
    [paths.image]: image,
    [paths.record]: Buffer.from(JSON.stringify(record)),
    [paths.preview]: Buffer.from('webp')
  }
}
