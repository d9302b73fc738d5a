import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  entryFolder,
  isBaseName,
  isVerified,
  parseRecord,
  storeKey,
  storePaths,
  storePrefix
} from '../../src/store/layout.js'
import type { StoreRecord } from '../../src/store/types.js'

const HASH = `ab${'0123456789abcdef'.repeat(4).slice(2)}`

const record: StoreRecord = {
  id: 'hero',
  model: 'bfl/flux-2-pro',
  seed: 7,
  width: 512,
  height: 256,
  format: 'png',
  sha256: createHash('sha256').update('png bytes').digest('hex'),
  bytes: 9,
  createdAt: '2026-11-30T12:00:00.000Z',
  file: 'hero.png'
}

describe('store keys and paths', () => {
  it('takes an input hash with or without its sha256: prefix', () => {
    expect(storeKey(`sha256:${HASH}`)).toBe(HASH)
    expect(storeKey(HASH)).toBe(HASH)
    expect(storePrefix(`sha256:${HASH}`)).toBe('ab')
    expect(entryFolder(`sha256:${HASH}`)).toBe(`ab/${HASH}`)
  })

  it('refuses anything that is not 64 lowercase hex digits', () => {
    for (const bad of [
      '',
      HASH.slice(1),
      `${HASH}0`,
      HASH.toUpperCase(),
      `x${HASH.slice(1)}`,
      `sha256:sha256:${HASH}`,
      `md5:${HASH}`,
      `${HASH.slice(0, 10)}sha256:${HASH.slice(10)}`,
      `../${HASH.slice(3)}`
    ]) {
      expect(() => storeKey(bad), bad).toThrow(/not an input hash/)
    }
  })

  it("lays out an entry's image, record and preview in its folder", () => {
    expect(storePaths(`sha256:${HASH}`, 'hero.png')).toEqual({
      folder: `ab/${HASH}`,
      image: `ab/${HASH}/hero.png`,
      record: `ab/${HASH}/record.json`,
      preview: `ab/${HASH}/preview.webp`
    })
  })

  it("takes only plain file names that are not the entry's own files", () => {
    for (const good of ['hero.png', 'a b.webp', '..png', 'x'])
      expect(isBaseName(good), good).toBe(true)
    for (const bad of [
      '',
      'a/b.png',
      'a\\b.png',
      '.',
      '..',
      'record.json',
      'preview.webp',
      'a\nb.png',
      'a\u001fb.png',
      '\u0000'
    ]) {
      expect(isBaseName(bad), JSON.stringify(bad)).toBe(false)
      expect(() => storePaths(HASH, bad)).toThrow(/not a file name/)
    }
  })
})

describe('parseRecord', () => {
  it('reads a well-formed record', () => {
    expect(parseRecord(JSON.stringify(record))).toEqual(record)
  })

  it('refuses text that is not a record', () => {
    expect(parseRecord('{')).toBeUndefined()
    expect(parseRecord('null')).toBeUndefined()
    expect(parseRecord('"hero"')).toBeUndefined()
    expect(parseRecord('[]')).toBeUndefined()
  })

  it('refuses a record with a field missing or of the wrong type', () => {
    for (const key of [
      'id',
      'model',
      'format',
      'sha256',
      'createdAt',
      'file',
      'seed',
      'width',
      'height',
      'bytes'
    ]) {
      const { [key]: _dropped, ...rest } = record as unknown as Record<
        string,
        unknown
      >
      expect(parseRecord(JSON.stringify(rest)), `no ${key}`).toBeUndefined()
      const wrong = typeof _dropped === 'string' ? 1 : String(_dropped)
      expect(
        parseRecord(JSON.stringify({ ...rest, [key]: wrong })),
        `${key} of the wrong type`
      ).toBeUndefined()
    }
  })

  it('refuses a record whose file is not a plain file name', () => {
    for (const file of ['../hero.png', 'a/hero.png', 'record.json'])
      expect(parseRecord(JSON.stringify({ ...record, file })), file).toBe(
        undefined
      )
  })
})

describe('isVerified', () => {
  const image = new TextEncoder().encode('png bytes')

  it('accepts bytes that match the record in length and sha256', () => {
    expect(isVerified({ hash: HASH, record, image })).toBe(true)
  })

  it('refuses bytes of another length or digest', () => {
    expect(
      isVerified({ hash: HASH, record: { ...record, bytes: 10 }, image })
    ).toBe(false)
    expect(
      isVerified({
        hash: HASH,
        record,
        image: new TextEncoder().encode('png bytez')
      })
    ).toBe(false)
  })
})
