import { createHash } from 'node:crypto'
import type { StoreEntry } from '../../src/store/types.js'

/** The 64 hex digits of sha256(`text`): a stand-in input hash. */
export const inputHash = (text: string): string =>
  createHash('sha256').update(text).digest('hex')

/**
 * A store entry whose image is `image-<name>` followed by every byte value (so base64 or UTF-8
 * slips show), with a record that verifies it, stored under `hash` (default: `inputHash(name)`).
 */
export function storeEntry(name: string, hash = inputHash(name)): StoreEntry {
  const image = Buffer.concat([
    Buffer.from(`image-${name}`),
    Buffer.from(Array.from({ length: 256 }, (_, i) => i))
  ])
  return {
    hash,
    image,
    preview: Buffer.from(`preview-${name}`),
    record: {
      id: name,
      model: 'bfl/flux-2-pro',
      seed: 7,
      width: 64,
      height: 64,
      format: 'png',
      sha256: createHash('sha256').update(image).digest('hex'),
      bytes: image.length,
      cost: 0.03,
      createdAt: '2026-11-30T12:00:00.000Z',
      file: `${name}.png`
    }
  }
}
