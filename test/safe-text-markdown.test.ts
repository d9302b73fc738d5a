/** Text, code spans and URLs for markdown (summaries, PR comments): inert, in one table cell. */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  clearSecrets,
  inlineCode,
  markdownText,
  markdownUrl,
  registerSecret,
  urlPath
} from '../src/safe-text.js'
import {
  KEY,
  RUNS,
  hasControl,
  hostile,
  tableCells,
  unescaped
} from './helpers/hostile-text.js'

afterEach(() => clearSecrets())

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
