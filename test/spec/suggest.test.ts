import { describe, expect, it } from 'vitest'
import {
  closestMatch,
  didYouMean,
  editDistance
} from '../../src/spec/suggest.js'

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['size', 'size', 0],
    ['', 'seed', 4],
    ['tolerence', 'tolerance', 1],
    ['kitten', 'sitting', 3],
    ['widht', 'width', 2]
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
    expect(editDistance(b, a)).toBe(distance)
  })
})

describe('closestMatch', () => {
  const keys = ['id', 'prompt', 'out', 'outDir', 'aspectRatio', 'size', 'seed']

  it('prefers a case-insensitive match, ignoring - and _', () => {
    expect(closestMatch('outdir', keys)).toBe('outDir')
    expect(closestMatch('aspect_ratio', keys)).toBe('aspectRatio')
    expect(closestMatch('ASPECT-RATIO', keys)).toBe('aspectRatio')
  })

  it('accepts typos up to two edits and nothing further', () => {
    expect(closestMatch('promt', keys)).toBe('prompt')
    expect(closestMatch('seeds', keys)).toBe('seed')
    expect(closestMatch('background', keys)).toBeUndefined()
  })

  it('formats a hint only when there is a match', () => {
    expect(didYouMean('sise', keys)).toBe(' (did you mean `size`?)')
    expect(didYouMean('colour', keys)).toBe('')
  })
})
