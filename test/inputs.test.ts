import { afterEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../src/errors.js'
import { getInputs, parseStoreBranch, parseUsd } from '../src/inputs.js'

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

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('getInputs: max-wait', () => {
  it('defaults to 60 seconds and takes a whole number of seconds', () => {
    expect(getInputs().maxWait).toBe(60)
    vi.stubEnv('INPUT_MAX-WAIT', '5')
    expect(getInputs().maxWait).toBe(5)
  })

  it('refuses what is not a whole number of seconds up to an hour', () => {
    for (const value of ['-1', '1.5', 'soon', '3601']) {
      vi.stubEnv('INPUT_MAX-WAIT', value)
      expect(() => getInputs()).toThrow(InputError)
      expect(() => getInputs()).toThrow(
        `input max-wait must be a whole number from 0 to 3600, got "${value}"`
      )
    }
  })
})

describe('store inputs', () => {
  it('reads store-branch, turns the store off when empty, and refuses mode store without it', () => {
    vi.stubEnv('INPUT_STORE-BRANCH', 'assetgen-store')
    expect(getInputs().storeBranch).toBe('assetgen-store')
    vi.stubEnv('INPUT_STORE-BRANCH', '')
    expect(getInputs().storeBranch).toBeUndefined()
    vi.stubEnv('INPUT_MODE', 'store')
    expect(() => getInputs()).toThrow(/store-branch is empty/)
    vi.stubEnv('INPUT_STORE-BRANCH', 'refs/heads/cache/images')
    expect(getInputs()).toMatchObject({
      mode: 'store',
      storeBranch: 'cache/images'
    })
  })

  it('refuses a store branch git would refuse', () => {
    for (const bad of ['-x', 'a..b', 'a b', 'x.lock', 'a//b', 'a/', '.x'])
      expect(() => parseStoreBranch(bad), bad).toThrow(InputError)
    expect(parseStoreBranch('  ')).toBeUndefined()
  })
})
