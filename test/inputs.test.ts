import { afterEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../src/errors.js'
import { getInputs } from '../src/inputs.js'

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
