/**
 * Palette colours: `#RRGGBB`, `#RGB` or `{ hex, name }`, normalised to
 * upper-case `#RRGGBB`, and the `palette` setting that names or lists them.
 */
import { isMap, isSeq } from 'yaml'
import type { Node } from 'yaml'
import {
  childPath,
  nonEmptyString,
  readList,
  readMapping,
  readScalar
} from './nodes.js'
import type { Reader } from './nodes.js'
import type { PaletteColor } from './types.js'

/** Keys of a palette colour given as a mapping. */
export const COLOR_KEYS = ['hex', 'name'] as const

/** A palette as an asset gives it: a `palettes` name, or inline colours. */
export type PaletteChoice = { name: string } | { colors: PaletteColor[] }

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/**
 * Reads `#RGB`, `#RRGGBB` or `{ hex, name }`, normalised to upper-case
 * `#RRGGBB`.
 */
export function readColor(
  reader: Reader,
  node: Node,
  path: string
): PaletteColor | undefined {
  if (isMap(reader.doc.deref(node))) return readColorObject(reader, node, path)
  const hex = readHex(reader, node, path)
  return hex === undefined ? undefined : { hex }
}

function readColorObject(
  reader: Reader,
  node: Node,
  path: string
): PaletteColor | undefined {
  const entries = readMapping(reader, node, path, COLOR_KEYS)
  if (!entries) return undefined
  const hexEntry = entries.get('hex')
  if (!hexEntry) {
    reader.problems.add(
      node,
      childPath(path, 'hex'),
      'is required: give the colour as "#RRGGBB"'
    )
    return undefined
  }
  const hex = readHex(reader, hexEntry.node, hexEntry.path)
  const nameEntry = entries.get('name')
  const name = nameEntry
    ? readScalar(
        reader,
        nameEntry.node,
        nameEntry.path,
        'a non-empty string',
        nonEmptyString
      )
    : undefined
  if (hex === undefined || (nameEntry && name === undefined)) return undefined
  return name === undefined ? { hex } : { hex, name }
}

function readHex(reader: Reader, node: Node, path: string): string | undefined {
  return readScalar(
    reader,
    node,
    path,
    'a colour like "#0B5FFF" or "#FB0"',
    (value) =>
      typeof value === 'string' && HEX.test(value)
        ? normaliseHex(value)
        : undefined,
    // The classic YAML trap: an unquoted `#0B5FFF` is a comment, so the value
    // arrives empty.
    (value) =>
      value === null
        ? ' (quote colours: an unquoted # starts a YAML comment)'
        : ''
  )
}

function normaliseHex(hex: string): string {
  const digits = hex.slice(1).toUpperCase()
  return digits.length === 3
    ? `#${[...digits].map((digit) => digit + digit).join('')}`
    : `#${digits}`
}

/** Reads a non-empty list of colours. */
export function readColors(
  reader: Reader,
  node: Node,
  path: string
): PaletteColor[] | undefined {
  const items = readList(reader, node, path, 'a list of colours')
  if (!items) return undefined
  if (items.length === 0) {
    reader.problems.add(node, path, 'must list at least one colour')
    return undefined
  }
  const colors = items.map((item, index) =>
    readColor(reader, item, `${path}[${index}]`)
  )
  return colors.every((color) => color !== undefined) ? colors : undefined
}

/** Reads `palette`: a palette name or an inline list of colours. */
export function readPaletteChoice(
  reader: Reader,
  node: Node,
  path: string
): PaletteChoice | undefined {
  const value = reader.doc.deref(node)
  if (isSeq(value) || isMap(value)) {
    const colors = readColors(reader, node, path)
    return colors && { colors }
  }
  const name = readScalar(
    reader,
    node,
    path,
    'a palette name or a list of colours',
    nonEmptyString
  )
  return name === undefined ? undefined : { name }
}
