import { afterEach, describe, expect, it } from 'vitest'
import {
  answerProblems,
  costWarnings,
  describeSdkWarning,
  outputSteps,
  verifyAnswer
} from '../../src/generate/verify.js'
import { GenerationError } from '../../src/errors.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'
import { makeAsset } from '../helpers/asset.js'

afterEach(() => clearSecrets())

describe('describeSdkWarning', () => {
  it('puts each kind of SDK warning in words', () => {
    expect(describeSdkWarning({ type: 'unsupported', feature: 'seed' })).toBe(
      'the model ignored `seed`'
    )
    expect(
      describeSdkWarning({
        type: 'compatibility',
        feature: 'size',
        details: 'rounded to 1024x1024'
      })
    ).toBe('the model only approximated `size` (rounded to 1024x1024)')
    expect(
      describeSdkWarning({
        type: 'deprecated',
        setting: 'inputImage',
        message: 'use prompt.images'
      })
    ).toBe('`inputImage` is deprecated for this model (use prompt.images)')
    expect(describeSdkWarning({ type: 'other', message: 'upscaled' })).toBe(
      'the model warned: upscaled'
    )
  })

  it('quotes outside text on one bounded line, redacted, and names only plain names', () => {
    registerSecret('agw_secret_key_1234567890')
    const words = describeSdkWarning({
      type: 'unsupported',
      feature: '<img src=x>`',
      details: `key agw_secret_key_1234567890\n${'x'.repeat(500)}`
    })
    expect(words.startsWith('the model ignored a setting (key *** x')).toBe(
      true
    )
    expect(words).not.toContain('\n')
    expect(words.length).toBeLessThan(260)
  })
})

describe('answerProblems and verifyAnswer', () => {
  const exact = makeAsset({
    size: '1200x630',
    width: 1200,
    height: 630,
    generation: { width: 1216, height: 640 }
  })

  it('names both sizes when the answer is not the requested generation size', () => {
    expect(answerProblems(exact, { width: 1216, height: 640 }, [])).toEqual([])
    expect(answerProblems(exact, { width: 1024, height: 1024 }, [])).toEqual([
      'the model returned 1024x1024 instead of the requested 1216x640'
    ])
    // Without `size` nothing was requested, so any size is what was asked for.
    expect(
      answerProblems(makeAsset(), { width: 512, height: 512 }, [])
    ).toEqual([])
  })

  it('warns without strict and throws a GenerationError with it', () => {
    const warning = [{ type: 'unsupported', feature: 'seed' }] as const
    const returned = { width: 1216, height: 640 }
    expect(verifyAnswer(exact, returned, warning, {})).toEqual([
      'the model ignored `seed`'
    ])
    expect(() =>
      verifyAnswer(exact, returned, warning, { strict: true })
    ).toThrow(GenerationError)
  })

  it('leaves cost reports to costWarnings: strict does not fail on them', () => {
    const warnings = [
      { type: 'cost', message: 'the gateway reported a cost of "abc"' }
    ] as const
    const returned = { width: 1216, height: 640 }
    expect(verifyAnswer(exact, returned, warnings, { strict: true })).toEqual(
      []
    )
    expect(costWarnings(warnings)).toEqual([
      'the gateway reported a cost of "abc"'
    ])
  })

  it('fits only exact sizes and snaps only when asked', () => {
    expect(outputSteps(makeAsset({ aspectRatio: '16:9' }))).toEqual({})
    expect(
      outputSteps({ ...exact, crop: 'center', snapColors: { tolerance: 2 } })
    ).toEqual({
      fit: { width: 1200, height: 630, crop: 'center' },
      snap: { palette: exact.palette, tolerance: 2 }
    })
  })
})
