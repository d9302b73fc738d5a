/** Text for the workflow log: no line break, no workflow command, no secret. */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { clearSecrets, logText, registerSecret } from '../src/safe-text.js'
import { KEY, RUNS, hostile } from './helpers/hostile-text.js'

afterEach(() => clearSecrets())

describe('logText', () => {
  it('keeps workflow commands from a gateway message inert', () => {
    const message =
      'bad\n::error title=pwned::owned\r\n::add-mask::x\n::set-output name=a::b\n##[set-env name=A]b'
    const line = logText(message)
    expect(line).not.toMatch(/[\r\n]/)
    expect(line).not.toContain('::')
    expect(line).not.toContain('##[')
    expect(line).toBe(
      'bad%0A:%3Aerror title=pwned:%3Aowned%0D%0A:%3Aadd-mask:%3Ax%0A:%3Aset-output name=a:%3Ab%0A##%5Bset-env name=A]b'
    )
  })

  it('escapes `%` first, so text that looks escaped is not decoded into a line break', () => {
    expect(logText('100% done %0A::x')).toBe('100%25 done %250A:%3Ax')
  })

  it('cannot be tricked into `::` by a control character between two colons', () => {
    expect(logText(':\u0001:stop-commands:\u0007:x')).not.toContain('::')
    expect(logText('#\u0000#[add-mask]x')).not.toContain('##[')
  })

  it('redacts, also a secret split by a control character', () => {
    registerSecret(KEY)
    expect(logText(`key ${KEY.slice(0, 5)}\u0000${KEY.slice(5)}`)).toBe(
      'key ***'
    )
  })

  it('never yields a line break, a `::` or a `##[`, or a secret (property)', () => {
    registerSecret(KEY)
    fc.assert(
      fc.property(hostile, hostile, (prefix, text) => {
        const line = logText(text)
        expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
        expect(line).not.toContain('::')
        expect(line).not.toContain('##[')
        expect(line).not.toContain(KEY)
        // However our own text precedes it, no line of the result starts a command.
        for (const printed of `${prefix.replace(/[\r\n:#]/g, '')}${line}`.split(
          /\r\n|\r|\n/
        )) {
          expect(printed.trimStart().startsWith('::')).toBe(false)
        }
      }),
      RUNS
    )
  })
})
