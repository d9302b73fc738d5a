/**
 * classifyFailure on SDK errors built directly, for the branches a build against the fake
 * gateway does not reach: attempts.ts stops on a refused key before classifying it, and a
 * 200 that broke off or a status-less APICallError are hard to provoke over HTTP.
 */
import {
  GatewayAuthenticationError,
  GatewayForbiddenError,
  GatewayRateLimitError,
  GatewayResponseError
} from '@ai-sdk/gateway'
import { APICallError } from '@ai-sdk/provider'
import { describe, expect, it } from 'vitest'
import { classifyFailure } from '../../src/generate/classify.js'

const classify = (error: unknown) =>
  classifyFailure(error, 'hero', 'bfl/flux-2-pro')

describe('classifyFailure branches', () => {
  it('does not retry a refused key, and says which secret to set', () => {
    expect(
      classify(new GatewayAuthenticationError({ message: 'Invalid key' }))
    ).toEqual({
      retryable: false,
      rateLimited: false,
      message: expect.stringMatching(
        /^AI Gateway authentication failed: set the AI_GATEWAY_API_KEY secret .*\(Invalid key\)$/
      )
    })
  })

  it('does not retry a forbidden request, naming the asset', () => {
    expect(
      classify(new GatewayForbiddenError({ message: 'No access to model' }))
    ).toEqual({
      retryable: false,
      rateLimited: false,
      message:
        'the AI Gateway forbade the request for "hero": No access to model'
    })
  })

  it('retries a 429 that came without a response to read headers from', () => {
    expect(classify(new GatewayRateLimitError())).toMatchObject({
      retryable: true,
      rateLimited: true,
      retryAfterMs: undefined
    })
  })

  it('retries a success whose body broke off, naming the causes down the chain (at most four)', () => {
    let cause: Error = new Error('level 6')
    for (let level = 5; level >= 1; level--) {
      cause = new Error(`level ${level}`, { cause })
    }
    const broken = new GatewayResponseError({
      statusCode: 200,
      isRetryable: true,
      cause
    })
    const failure = classify(broken)
    expect(failure.retryable).toBe(true)
    expect(failure.message).toContain('(level 1: level 2: level 3: level 4)')
    const bare = classify(
      new GatewayResponseError({ statusCode: 200, isRetryable: true })
    )
    expect(bare.message).toContain('(no details)')
  })

  it('treats an invalid response with an error status as a gateway error, retried when 5xx', () => {
    const failure = classify(
      new GatewayResponseError({ message: 'Bad gateway', statusCode: 502 })
    )
    expect(failure).toEqual({
      retryable: true,
      rateLimited: false,
      retryAfterMs: undefined,
      message: 'AI Gateway error 502: Bad gateway'
    })
  })

  it('leaves the status out of the message when the call has none', () => {
    const failure = classify(
      new APICallError({
        message: 'socket closed',
        url: 'http://127.0.0.1/v4/ai/image-model',
        requestBodyValues: {}
      })
    )
    expect(failure.message).toBe('AI Gateway error: socket closed')
  })

  it('takes only a thrown error, not any object, named InvalidCharacterError as bad base64', () => {
    const thrown = { name: 'InvalidCharacterError', message: 'not an error' }
    expect(classify(thrown).message).not.toMatch(/malformed image/)
    expect(classify(null)).toMatchObject({ retryable: false })
    let decodeError: unknown
    try {
      atob('%%%')
    } catch (caught) {
      decodeError = caught
    }
    expect(classify(decodeError).message).toBe(
      'the AI Gateway returned a malformed image for "hero": its base64 does not decode'
    )
  })
})
