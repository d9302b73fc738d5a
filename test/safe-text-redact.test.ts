/** Redaction of registered secrets: the forms of a secret, which values count, and streams. */
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import {
  REDACTED,
  clearSecrets,
  redact,
  redactJson,
  redactingSink,
  registerSecret
} from '../src/safe-text.js'
import { KEY } from './helpers/hostile-text.js'

afterEach(() => clearSecrets())

describe('redact', () => {
  it('replaces a registered secret and its JSON, URL and base64 forms', () => {
    const key = 'agk_"quoted"/key+1'
    registerSecret(key)
    const text = [
      key,
      JSON.stringify(key),
      encodeURIComponent(key),
      Buffer.from(key).toString('base64')
    ].join(' ')
    const result = redact(text)
    expect(result).not.toContain('agk_')
    expect(result).not.toContain(Buffer.from(key).toString('base64'))
    expect(result.split(REDACTED).length - 1).toBe(4)
  })

  it('ignores empty and very short values instead of garbling all text', () => {
    registerSecret('')
    registerSecret(undefined)
    registerSecret('ab')
    expect(redact('about a cab')).toBe('about a cab')
  })

  it('registers a value of exactly four characters, and no form of a shorter one', () => {
    registerSecret('abc')
    // 'abc' in base64 is 'YWJj', four characters: still not registered, the value was too short.
    expect(redact('abc YWJj')).toBe('abc YWJj')
    registerSecret('wxyz')
    expect(redact('a wxyz b')).toBe('a *** b')
  })

  it('forgets every secret on clearSecrets', () => {
    registerSecret(KEY)
    clearSecrets()
    expect(redact(`key ${KEY}`)).toBe(`key ${KEY}`)
  })

  it('trims a registered value, as keys pasted into secrets often carry a newline', () => {
    registerSecret(`  ${KEY}\n`)
    expect(redact(`key=${KEY}.`)).toBe('key=***.')
  })

  it('redacts the longest secret first, so a secret containing another leaves no tail', () => {
    registerSecret('token')
    registerSecret('token-with-suffix')
    expect(redact('a token-with-suffix b')).toBe('a *** b')
  })

  it('redacts JSON-able values, keys included', () => {
    registerSecret(KEY)
    expect(redactJson({ [KEY]: [`x ${KEY}`, 3, null] })).toEqual({
      '***': ['x ***', 3, null]
    })
  })

  it('redacts every write through a wrapped stream', async () => {
    registerSecret(KEY)
    let written = ''
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.toString()
        callback()
      }
    })
    const sink = redactingSink(stream)
    sink.write(`error: Invalid API key ${KEY}\n`)
    await new Promise((resolve) => stream.end(resolve))
    expect(written).toBe('error: Invalid API key ***\n')
  })
})
