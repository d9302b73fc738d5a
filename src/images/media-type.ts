/**
 * Telling image formats apart by their magic bytes (PNG, JPEG, WebP, GIF, AVIF), without decoding
 * anything or loading sharp.
 */

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end))
}

/** True when an ISO-BMFF `ftyp` box lists an AVIF brand as its major or a compatible brand. */
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return false
  const boxSize = new DataView(
    bytes.buffer,
    bytes.byteOffset,
    bytes.byteLength
  ).getUint32(0)
  const end = Math.min(boxSize, bytes.length)
  // Brands: the major one at 8, then compatible ones from 16 (12..16 is the minor version).
  for (let offset = 8; offset + 4 <= end; offset += offset === 8 ? 8 : 4) {
    const brand = ascii(bytes, offset, offset + 4)
    if (brand === 'avif' || brand === 'avis') return true
  }
  return false
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Sniffs a media type from magic bytes: PNG, JPEG, WebP, GIF or AVIF; undefined otherwise. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    return 'image/png'
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg'
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return 'image/webp'
  }
  const gif = ascii(bytes, 0, 6)
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'image/gif'
  if (isAvif(bytes)) return 'image/avif'
  return undefined
}
