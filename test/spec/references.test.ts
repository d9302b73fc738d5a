import { describe, expect, it } from 'vitest'
import { MAX_REFERENCE_BYTES, megabytes } from '../../src/spec/references.js'

describe('the reference size in messages', () => {
  it('never rounds a file over the limit down to the limit', () => {
    expect(megabytes(MAX_REFERENCE_BYTES + 1)).toBe('20.1 MB')
    expect(megabytes(MAX_REFERENCE_BYTES)).toBe('20.0 MB')
    expect(megabytes(21 * 1024 * 1024)).toBe('21.0 MB')
    expect(megabytes(1)).toBe('0.1 MB')
  })
})
