/**
 * Located spec problems: each one names the file, the path in the spec and,
 * through the parser's line counter, a line and column.
 */
import { LineCounter } from 'yaml'
import type { Node } from 'yaml'
import type { SpecProblem } from '../errors.js'

/**
 * Collects problems for one spec file, locating them through the parser's line
 * counter.
 */
export class Problems {
  readonly lineCounter = new LineCounter()
  readonly #file: string
  readonly #items: SpecProblem[] = []

  constructor(file: string) {
    this.#file = file
  }

  /**
   * Adds a problem at the first character of `node`; without a node, the
   * problem has no line.
   */
  add(node: Node | null | undefined, path: string, message: string): void {
    this.addAt(node?.range?.[0], path, message)
  }

  /** Adds a problem at a character offset of the spec text. */
  addAt(offset: number | undefined, path: string, message: string): void {
    const problem: SpecProblem = { file: this.#file, path, message }
    if (offset !== undefined) {
      const { line, col } = this.lineCounter.linePos(offset)
      problem.line = line
      problem.column = col
    }
    this.#items.push(problem)
  }

  /** How many problems have been added so far. */
  get count(): number {
    return this.#items.length
  }

  /**
   * The problems sorted by position, unlocated ones first. Duplicates are
   * dropped: a bad value in `defaults` is checked once per asset but should be
   * reported once.
   */
  list(): SpecProblem[] {
    const seen = new Set<string>()
    const unique = this.#items.filter((problem) => {
      const key = JSON.stringify(problem)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    return unique.sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
    )
  }
}
