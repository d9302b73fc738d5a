import { createHash } from 'node:crypto'
import { storePaths } from '../../src/store/layout.js'
import type { StoreRecord } from '../../src/store/types.js'

/** The sha256 hex of `text`: the store key the tests give the entry named `text`. */
export const hex = (text: string): string =>
  createHash('sha256').update(text).digest('hex')

/**
 * The three files of a valid store entry keyed `hex(name)`, created at `createdAt`, as paths on
 * the store branch. The image holds a NUL and a 0xff byte so a text round trip would break it.
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
