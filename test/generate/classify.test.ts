import { describe, expect, it } from 'vitest'
import {
  classifyFailure,
  retryAfterMs,
  retryDelay
} from '../../src/generate/classify.js'

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, reads seconds and HTTP dates, ignores unreasonable values', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(
      250
    )
    expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000)
    const now = Date.parse('2026-11-25T12:00:00Z')
    expect(
      retryAfterMs({ 'retry-after': 'Wed, 25 Nov 2026 12:00:03 GMT' }, now)
    ).toBe(3000)
    expect(retryAfterMs({ 'retry-after': '3600' })).toBeUndefined()
    expect(retryAfterMs({ 'retry-after': '-1' })).toBeUndefined()
    expect(retryAfterMs(undefined)).toBeUndefined()
  })
})

describe('retryDelay', () => {
  it('uses retry-after when given, else doubles with jitter inside [ceiling/2, ceiling]', () => {
    const plain = { retryable: true, rateLimited: false, message: '' }
    expect(retryDelay(3, 1000, { ...plain, retryAfterMs: 10 })).toBe(10)
    expect(retryDelay(1, 1000, plain, () => 0)).toBe(500)
    expect(retryDelay(1, 1000, plain, () => 1)).toBe(1000)
    expect(retryDelay(3, 1000, plain, () => 0)).toBe(2000)
    expect(retryDelay(3, 1000, plain, () => 1)).toBe(4000)
  })
})

describe('classifyFailure', () => {
  it('treats unknown errors as final with their message', () => {
    expect(
      classifyFailure(new Error('boom'), 'hero', 'bfl/flux-2-pro')
    ).toEqual({
      retryable: false,
      rateLimited: false,
      message: 'boom'
    })
  })
})
