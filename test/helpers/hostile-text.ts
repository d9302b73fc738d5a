/**
 * Hostile input for the safe-text tests: a made-up key, fast-check strings rich in the characters
 * that break logs and markdown, and checks on what a rendered string would do in a GFM table.
 */
import fc from 'fast-check'

/** A made-up key the tests register as a secret. */
export const KEY = 'agk_live_0123456789abcdef'
/** fast-check settings for every property: many runs, a fixed seed. */
export const RUNS = { numRuns: 500, seed: 20_261_130 }

/** Strings made mostly of the characters that matter here, so the hostile cases come up often. */
export const hostile = fc.oneof(
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
export function unescaped(text: string, char: string): number[] {
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
export function tableCells(row: string): string[] {
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
export function hasControl(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 && char !== '\t')
}
