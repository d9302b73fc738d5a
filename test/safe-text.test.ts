import { Writable } from 'node:stream'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  REDACTED,
  clearSecrets,
  inlineCode,
  logText,
  markdownText,
  markdownUrl,
  redact,
  redactJson,
  redactingSink,
  registerSecret,
  urlPath
} from '../src/safe-text.js'

const KEY = 'agk_live_0123456789abcdef'
const RUNS = { numRuns: 500, seed: 20_261_130 }

/** Strings made mostly of the characters that matter here, so the hostile cases come up often. */
const hostile = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        ':',
        '::',
        '#',
        '##[',
        '[',
        ']',
        '(',
        ')',
        '\n',
        '\r',
        '%',
        '@',
        '<',
        '>',
        '&',
        '`',
        '\\',
        '|',
        '!',
        'a',
        'x',
        ' ',
        '/',
        '\u0001',
        '\u0085',
        '\u2028',
        'https://',
        'www.',
        KEY
      ),
      { maxLength: 40 }
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 60 })
)

/** Index of every `char` in `text` that is not preceded by an odd run of backslashes. */
function unescaped(text: string, char: string): number[] {
  const found: number[] = []
  for (let index = 0; index < text.length; index++) {
    if (text[index] !== char) continue
    let run = 0
    while (index - run - 1 >= 0 && text[index - run - 1] === '\\') run++
    if (run % 2 === 0) found.push(index)
  }
  return found
}

/** The cells of one GFM table row, split the way cmark-gfm splits them (`\x` is one unit). */
function tableCells(row: string): string[] {
  const cells: string[] = []
  let cell = ''
  for (let index = 0; index < row.length; index++) {
    if (row[index] === '\\' && index + 1 < row.length) {
      cell += row[index] + row[index + 1]
      index++
    } else if (row[index] === '|') {
      cells.push(cell)
      cell = ''
    } else cell += row[index]
  }
  return [...cells, cell]
}

/** Whether `text` holds a C0 control character other than a tab (an ANSI escape, NUL, …). */
function hasControl(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 && char !== '\t')
}

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

describe('markdownText', () => {
  it('renders HTML, mentions, links and images as text', () => {
    const text = markdownText(
      '<img src=x> @acme/security-team [click](https://evil.example) ![i](http://x/y.png) www.evil.example $x$'
    )
    expect(text).toBe(
      '&lt;img src=x&gt; @\u200dacme/security-team \\[click\\](https&#58;//evil.example) \\!\\[i\\](http&#58;//x/y.png) www&#46;evil.example \\$x\\$'
    )
  })

  it('escapes `&`, turns a run of line breaks into one space and drops control characters', () => {
    expect(markdownText('a & b\r\n\nc\u0001d\u001b[31m')).toBe(
      'a &amp; b cd\\[31m'
    )
  })

  it('stays in one table cell and one line', () => {
    const cells = tableCells(`| ${markdownText('a | b\\| c\n| d')} |`)
    expect(cells).toHaveLength(3)
    expect(cells[1]).not.toContain('\n')
  })

  it('never yields raw `<`, an unescaped `[` or `]`, a notifying mention, a URL or a secret (property)', () => {
    registerSecret(KEY)
    fc.assert(
      fc.property(hostile, (text) => {
        const result = markdownText(text)
        expect(result).not.toContain('<')
        expect(result).not.toContain('>')
        expect(unescaped(result, '[')).toEqual([])
        expect(unescaped(result, ']')).toEqual([])
        expect(unescaped(result, '`')).toEqual([])
        expect(unescaped(result, '|')).toEqual([])
        expect(result).not.toMatch(/@(?!\u200d)/)
        expect(result).not.toContain('://')
        expect(result).not.toMatch(/[\r\n]/)
        expect(hasControl(result)).toBe(false)
        expect(result).not.toContain(KEY)
        expect(tableCells(`|${result}|`)).toHaveLength(3)
      }),
      RUNS
    )
  })
})

describe('inlineCode', () => {
  it('wraps text in a code span with a fence longer than any backtick run inside', () => {
    expect(inlineCode('hero')).toBe('`hero`')
    expect(inlineCode('a `b` ``c``')).toBe('``` a `b` ``c`` ```')
    expect(inlineCode('`edge`')).toBe('`` `edge` ``')
    expect(inlineCode('')).toBe('`  `')
  })

  it('keeps a `|` after backslashes from ending the table cell', () => {
    const hostileCell = '\\| <img src=x> `|'
    const row = `| ${inlineCode(hostileCell)} | next |`
    const cells = tableCells(row)
    expect(cells).toHaveLength(4)
    expect(cells[1]).toContain('<img src=x>')
    expect(cells[2]).toBe(' next ')
  })

  it('puts an odd run of backslashes before every `|`', () => {
    expect(inlineCode('a|b')).toBe('`a\\|b`')
    // One backslash before the `|`: two more make three; two: one more makes three.
    expect(inlineCode('a\\|b')).toBe('`a\\\\\\|b`')
    expect(inlineCode('a\\\\|b')).toBe('`a\\\\\\|b`')
    expect(inlineCode('a\\\\\\|b')).toBe('`a\\\\\\\\\\|b`')
  })

  it('is exactly one code span that stays in its table cell (property)', () => {
    registerSecret(KEY)
    fc.assert(
      fc.property(hostile, (text) => {
        const result = inlineCode(text)
        const fence = /^`+/.exec(result)?.[0] ?? ''
        expect(fence.length).toBeGreaterThan(0)
        expect(result.endsWith(fence)).toBe(true)
        const inside = result.slice(fence.length, -fence.length)
        // No backtick run inside is as long as the fence, so the span can't close early and
        // whatever follows (raw `<`, `[`, `@`) stays code.
        for (const run of inside.match(/`+/g) ?? [])
          expect(run.length).toBeLessThan(fence.length)
        expect(result).not.toMatch(/[\r\n]/)
        expect(hasControl(result)).toBe(false)
        expect(result).not.toContain(KEY)
        expect(tableCells(`|${result}|`)).toHaveLength(3)
      }),
      RUNS
    )
  })
})

describe('urlPath', () => {
  it('keeps slashes and encodes everything that could add a query or fragment', () => {
    expect(urlPath('assets/a b?x=1#y/ü.png')).toBe(
      'assets/a%20b%3Fx%3D1%23y/%C3%BC.png'
    )
  })
})

describe('markdownUrl', () => {
  it('keeps an http(s) URL and percent-encodes what could end a link or an attribute', () => {
    expect(markdownUrl('http://x.example')).toBe('http://x.example/')
    expect(
      markdownUrl(`https://x.example/a(b)<c>"d'e\`f|g[h] i?q=(1)#[x]`)
    ).toBe(
      'https://x.example/a%28b%29%3Cc%3E%22d%27e%60f%7Cg%5Bh%5D%20i?q=%281%29#%5Bx%5D'
    )
  })

  it('refuses anything that is not an http(s) URL', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'javascript:alert(1)',
      'ftp://x.example/a',
      'data:text/html,<b>x</b>'
    ]) {
      expect(markdownUrl(url), String(url)).toBeUndefined()
    }
  })

  it('redacts a secret in the URL', () => {
    registerSecret(KEY)
    expect(markdownUrl(`https://x.example/?k=${KEY}`)).toBe(
      'https://x.example/?k=***'
    )
  })
})
