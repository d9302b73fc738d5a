import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { parseUsd } from '../src/inputs.js'

describe('parseUsd (max-cost)', () => {
  it('reads amounts in USD, with or without a dollar sign; empty is no budget', () => {
    expect(parseUsd('max-cost', '1.20')).toBe(1.2)
    expect(parseUsd('max-cost', ' $5 ')).toBe(5)
    expect(parseUsd('max-cost', '')).toBe(0)
    expect(parseUsd('max-cost', undefined)).toBe(0)
  })

  it.each(['-1', 'abc', '1e3', 'Infinity', '2000000'])(
    'refuses %s with the input named',
    (raw) => {
      expect(() => parseUsd('input max-cost', raw)).toThrow(InputError)
      expect(() => parseUsd('input max-cost', raw)).toThrow(/input max-cost/)
    }
  )
})
