import { afterEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../src/errors.js'
import { getInputs, parseStoreBranch } from '../src/inputs.js'

afterEach(() => vi.unstubAllEnvs())

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
