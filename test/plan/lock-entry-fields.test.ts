/**
 * checkLockEntry field by field: each required field missing or malformed is refused with its
 * own message, optional fields only when present, and every bound holds at its edge.
 */
import { describe, expect, it } from 'vitest'
import { checkLockEntry, isConfinedPath } from '../../src/plan/lock-entry.js'

const HEX = 'ab'.repeat(32)

/** An entry as assetgen writes it, with `overrides` applied (undefined deletes a field). */
function entry(
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  const value: Record<string, unknown> = {
    inputHash: `sha256:${HEX}`,
    inputs: { prompt: 'abc123', seed: '0f' },
    out: 'assets/hero.png',
    sha256: HEX,
    bytes: 100,
    width: 1024,
    height: 768,
    model: 'bfl/flux-2-pro',
    seed: 42,
    generatedAt: '2026-11-25T00:00:00.000Z'
  }
  for (const [name, replacement] of Object.entries(overrides)) {
    if (replacement === undefined) delete value[name]
    else value[name] = replacement
  }
  return value
}

const accepted = (overrides: Record<string, unknown>) => {
  const value = entry(overrides)
  expect(checkLockEntry(value)).toBe(value)
}
const refused = (overrides: Record<string, unknown>) =>
  checkLockEntry(entry(overrides))

const variant = (overrides: Record<string, unknown> = {}) => ({
  out: 'assets/hero-64w.webp',
  sha256: HEX,
  width: 64,
  format: 'webp',
  ...overrides
})

describe('checkLockEntry, field by field', () => {
  it('names what is not an entry at all', () => {
    expect(checkLockEntry(null)).toBe('is null, not an entry')
    expect(checkLockEntry([entry()])).toBe('is a list, not an entry')
    expect(checkLockEntry('entry')).toBe('is a string, not an entry')
    expect(checkLockEntry(7)).toBe('is a number, not an entry')
  })

  it.each([
    'inputHash',
    'inputs',
    'out',
    'sha256',
    'bytes',
    'width',
    'height',
    'model',
    'seed',
    'generatedAt'
  ])('refuses an entry without %s, by name', (name) => {
    expect(refused({ [name]: undefined })).toBe(`has no ${name}`)
  })

  it.each<[string, unknown, string]>([
    ['inputHash', `sha256:${HEX}0`, 'inputHash is not a sha256: digest'],
    ['inputHash', `xsha256:${HEX}`, 'inputHash is not a sha256: digest'],
    ['inputHash', 42, 'inputHash is not a sha256: digest'],
    ['inputs', { prompt: 'XYZ' }, 'inputs is not a map of input digests'],
    ['inputs', { prompt: 5 }, 'inputs is not a map of input digests'],
    ['inputs', ['abc'], 'inputs is not a map of input digests'],
    ['out', 'C:\\x.png', 'out is not a relative path inside the workspace'],
    ['sha256', `${HEX}a`, 'sha256 is not a hex sha256 digest'],
    ['sha256', 64, 'sha256 is not a hex sha256 digest'],
    ['bytes', 1.5, 'bytes is not a whole number'],
    ['width', '1024', 'width is not a whole number'],
    ['height', -1, 'height is not a whole number'],
    ['seed', 2 ** 53, 'seed is not a whole number'],
    ['model', '', 'model is not a model id'],
    ['model', 'm'.repeat(201), 'model is not a model id'],
    // A list has a length too.
    ['model', ['bfl/flux-2-pro'], 'model is not a model id'],
    ['generatedAt', 0, 'generatedAt is not a timestamp'],
    ['placeholder', 'true', 'placeholder is not true or false'],
    ['variantsHash', '', 'variantsHash is not a hex digest'],
    ['variantsHash', 'a'.repeat(65), 'variantsHash is not a hex digest'],
    ['variantsHash', 'ABCD', 'variantsHash is not a hex digest'],
    // A number's digits would pass the pattern as text.
    ['variantsHash', 1234, 'variantsHash is not a hex digest'],
    ['variants', [null], 'variants is not a list of at most 64 variants'],
    ['cost', 0.03, 'cost is not a decimal number'],
    ['cost', '.5', 'cost is not a decimal number'],
    ['cost', '1.', 'cost is not a decimal number'],
    ['cost', 'x1', 'cost is not a decimal number'],
    ['cost', '1x', 'cost is not a decimal number'],
    ['cost', '1234567890123', 'cost is not a decimal number'],
    ['cost', '1.1234567890123', 'cost is not a decimal number'],
    ['images', 0, 'images is not a whole number of at least 1'],
    ['images', 0.5, 'images is not a whole number of at least 1'],
    ['images', '2', 'images is not a whole number of at least 1']
  ])('refuses %s = %j with its own message', (name, value, message) => {
    expect(refused({ [name]: value })).toBe(message)
  })

  it('accepts every field at its bound', () => {
    accepted({ bytes: 0, width: 0, seed: Number.MAX_SAFE_INTEGER })
    accepted({ model: 'm'.repeat(200), generatedAt: 't' })
    accepted({ inputs: {} })
    accepted({ inputs: { prompt: 'a'.repeat(64) } })
    accepted({ placeholder: false, variantsHash: 'a' })
    accepted({ variantsHash: 'f'.repeat(64) })
    accepted({ cost: '123456789012.123456789012' })
    accepted({ cost: '0' })
    accepted({ cost: '0.0600', images: 1 })
    accepted({ cost: '0.0600', images: 2 })
    accepted({ variants: [] })
    accepted({ variants: Array.from({ length: 64 }, () => variant()) })
  })

  it('refuses a 65th variant and any variant missing a valid field', () => {
    const message = 'variants is not a list of at most 64 variants'
    expect(
      refused({ variants: Array.from({ length: 65 }, () => variant()) })
    ).toBe(message)
    for (const bad of [
      { out: '/tmp/x.webp' },
      { sha256: 'abc' },
      { width: -64 },
      { format: '' },
      { format: 'f'.repeat(201) }
    ]) {
      expect(
        refused({ variants: [variant(), variant(bad)] }),
        JSON.stringify(bad)
      ).toBe(message)
    }
    expect(refused({ variants: [['assets/x.webp']] })).toBe(message)
  })
})

describe('isConfinedPath', () => {
  it('takes a relative path that stays inside the workspace once normalised', () => {
    for (const inside of [
      'a.png',
      './a.png',
      'assets/./a.png',
      'assets/../a.png',
      // 4096 characters in short names (one name may not pass 255 bytes).
      `${'a/'.repeat(2047)}aa`
    ])
      expect(isConfinedPath(inside), inside.slice(0, 40)).toBe(true)
  })

  it('refuses empty, too long, absolute, escaping and non-text paths', () => {
    for (const outside of [
      '',
      `${'a/'.repeat(2047)}aaa`,
      '/a.png',
      'C:\\a.png',
      'C:/a.png',
      '.',
      '..',
      '../a.png',
      'assets/../../a.png',
      'a\u0000.png',
      42
    ])
      expect(isConfinedPath(outside), String(outside)).toBe(false)
  })
})
