import { describe, expect, it } from 'vitest'
import { truncateCommentBody } from '../../src/publish/comment.js'

describe('truncateCommentBody', () => {
  it('returns a body within the limit unchanged', () => {
    expect(truncateCommentBody('a\nb', 3)).toBe('a\nb')
  })

  it('cuts at a line boundary and counts the dropped lines', () => {
    const lines = Array.from({ length: 8 }, (_, i) => String(i).repeat(10))
    const note = '\n\n…and 6 more lines truncated'
    const result = truncateCommentBody(lines.join('\n'), 21 + note.length)
    expect(result).toBe(`${lines[0]}\n${lines[1]}${note}`)
  })

  it('never exceeds the limit, whatever the line lengths', () => {
    const body = Array.from({ length: 500 }, (_, i) => 'y'.repeat(i % 37)).join(
      '\n'
    )
    for (const limit of [60, 200, 1000, 5000]) {
      const result = truncateCommentBody(body, limit)
      expect(result.length).toBeLessThanOrEqual(limit)
      const kept = result.split('\n\n…and ')[0]
      expect(body.startsWith(kept)).toBe(true)
      expect(body[kept.length]).toBe('\n')
    }
  })

  it('keeps as many whole lines as fit with the note', () => {
    const body = Array.from({ length: 40 }, (_, i) =>
      'z'.repeat((i * 7) % 23)
    ).join('\n')
    const lines = body.split('\n')
    const note = (dropped: number) => `\n\n…and ${dropped} more lines truncated`
    for (let limit = 40; limit < body.length; limit++) {
      const result = truncateCommentBody(body, limit)
      expect(result.length, `limit ${limit}`).toBeLessThanOrEqual(limit)
      const dropped = Number(
        /…and (\d+) more lines truncated$/.exec(result)?.[1]
      )
      const kept = lines.length - dropped
      if (kept === 0 || lines.slice(0, kept).join('\n').length === 0) continue
      expect(result, `limit ${limit}`).toBe(
        lines.slice(0, kept).join('\n') + note(dropped)
      )
      // One more line would not have fitted.
      expect(
        lines.slice(0, kept + 1).join('\n').length + note(dropped - 1).length,
        `limit ${limit}`
      ).toBeGreaterThan(limit)
    }
  })

  it('cuts an overlong first line at exactly the limit and counts the lines after it', () => {
    const note = '\n\n…and 9 more lines truncated'
    const cut = 100 - note.length
    // An emoji far before the cut, and one just after it: neither moves the cut.
    // Nine lines after the first: 9 fits in the note's one digit, 11 would not.
    const body = `🎨${'a'.repeat(cut - 1)}🎨${'b'.repeat(50)}${'\nx'.repeat(9)}`
    const result = truncateCommentBody(body, 100)
    expect(result).toBe(body.slice(0, cut) + note)
    expect(result).toHaveLength(100)
  })

  it('cuts inside a single overlong line without splitting an emoji', () => {
    const result = truncateCommentBody('🎨'.repeat(100), 60)
    expect(result.length).toBeLessThanOrEqual(60)
    expect(result).toMatch(/^(🎨)+\n\n…and 0 more lines truncated$/)
  })
})
