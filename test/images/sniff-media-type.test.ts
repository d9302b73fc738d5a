import { describe, expect, it } from 'vitest'
import { sniffMediaType } from '../../src/images/process.js'
import { solidImage } from '../helpers/images.js'

describe('sniffMediaType', () => {
  it.each(['png', 'jpeg', 'webp', 'gif', 'avif'] as const)(
    'recognises %s',
    async (format) => {
      const bytes = await solidImage('#123456', 4, 4, format)
      expect(sniffMediaType(bytes)).toBe(`image/${format}`)
    }
  )

  it('recognises AVIF by a compatible brand', () => {
    const ftyp = new Uint8Array([
      0,
      0,
      0,
      24,
      ...new TextEncoder().encode('ftypmif1\0\0\0\0miafavif')
    ])
    expect(sniffMediaType(ftyp)).toBe('image/avif')
  })

  it('is undefined for anything else', () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    expect(sniffMediaType(new Uint8Array())).toBeUndefined()
    expect(sniffMediaType(encode('{"error":"quota"}'))).toBeUndefined()
    expect(
      sniffMediaType(encode('\0\0\0\x18ftypheic\0\0\0\0mif1heic'))
    ).toBeUndefined()
    expect(sniffMediaType(encode('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined()
  })
})
