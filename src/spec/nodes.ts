/**
 * Generic readers over YAML nodes: mappings with a fixed key set, lists,
 * scalars and JSON subtrees. Each reader reports what it expected and what it
 * got, at the node, and returns undefined on a problem so callers can carry on
 * and collect every problem in one pass.
 */
import { Scalar, isMap, isScalar, isSeq } from 'yaml'
import type { Node, Pair } from 'yaml'
import type { Problems, SpecDocument, ValueNode } from './document.js'
import { didYouMean } from './suggest.js'
import type { JsonObject, JsonValue } from './types.js'

/**
 * What a reader needs: the document (to follow aliases) and where to put
 * problems.
 */
export interface Reader {
  doc: SpecDocument
  problems: Problems
}

/**
 * A checked value with the node and path it came from, so later checks can
 * point at it.
 */
export interface Field<T> {
  value: T
  node: Node
  path: string
}

/** One known key of a mapping and its value node. */
export interface Entry {
  node: Node
  path: string
}

/** Joins a field path: `assets[2]` + `size` → `assets[2].size`. */
export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

/** Describes a node's value for "got ..." in messages. */
export function describe(node: ValueNode | undefined): string {
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  const value: unknown = node?.value
  if (value === null || value === undefined) return 'nothing'
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  if (typeof value !== 'string') return 'a value of an unsupported type'
  const quoted = JSON.stringify(value)
  return quoted.length > 40 ? `${quoted.slice(0, 37)}..."` : quoted
}

/**
 * Reads a mapping whose keys must come from `keys`. Unknown keys are reported
 * at the key, with a suggestion when one is close. Returns the known entries,
 * or undefined if `node` is no mapping.
 */
export function readMapping(
  reader: Reader,
  node: Node,
  path: string,
  keys: readonly string[],
  what = 'a mapping'
): Map<string, Entry> | undefined {
  const value = reader.doc.deref(node)
  if (!isMap(value)) {
    reader.problems.add(node, path, `must be ${what}; got ${describe(value)}`)
    return undefined
  }
  const entries = new Map<string, Entry>()
  for (const pair of value.items) {
    const keyNode = reader.doc.deref(pair.key)
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined
    if (key === undefined || !keys.includes(key)) {
      const name = key ?? describe(keyNode)
      const hint = key === undefined ? '' : didYouMean(key, keys)
      reader.problems.add(
        pair.key as Node,
        childPath(path, name),
        `unknown key \`${name}\`${hint}; expected one of: ${keys.join(', ')}`
      )
      continue
    }
    entries.set(key, {
      node: pairValue(pair),
      path: childPath(path, key)
    })
  }
  return entries
}

/**
 * The value node of a mapping entry. `? key` without a value has none: an
 * empty scalar right after the key stands in, so the value is located and
 * reads as "nothing".
 */
export function pairValue(pair: Pair): Node {
  if (pair.value !== null && pair.value !== undefined) return pair.value as Node
  const empty = new Scalar(null)
  const end = (pair.key as Node | null)?.range?.[1] ?? 0
  empty.range = [end, end, end]
  return empty
}

/** Reads a list; reports `must be <what>` otherwise. */
export function readList(
  reader: Reader,
  node: Node,
  path: string,
  what: string
): Node[] | undefined {
  const value = reader.doc.deref(node)
  if (isSeq(value)) return value.items as Node[]
  reader.problems.add(node, path, `must be ${what}; got ${describe(value)}`)
  return undefined
}

/**
 * Reads a scalar through `check`, which returns the accepted value or
 * undefined. On undefined the problem reads `must be <expected>; got <value>`,
 * plus `hint` when given.
 */
export function readScalar<T>(
  reader: Reader,
  node: Node,
  path: string,
  expected: string,
  check: (value: unknown) => T | undefined,
  hint: (value: unknown) => string = () => ''
): T | undefined {
  const value = reader.doc.deref(node)
  const result = isScalar(value) ? check(value.value) : undefined
  if (result === undefined) {
    const got = describe(value)
    const extra = isScalar(value) ? hint(value.value) : ''
    reader.problems.add(node, path, `must be ${expected}; got ${got}${extra}`)
  }
  return result
}

/** Accepts a string with visible content. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** Accepts an integer in `min..max`. */
export function integerIn(min: number, max: number) {
  return (value: unknown): number | undefined =>
    Number.isInteger(value) &&
    (value as number) >= min &&
    (value as number) <= max
      ? (value as number)
      : undefined
}

/** Accepts one of `options`. */
export function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown): T | undefined =>
    options.find((option) => option === value)
}

/**
 * Reads a JSON object (a mapping of JSON values), refusing values JSON cannot
 * hold.
 */
export function readJsonObject(
  reader: Reader,
  node: Node,
  path: string,
  what: string
): JsonObject | undefined {
  const value = reader.doc.deref(node)
  if (!isMap(value)) {
    reader.problems.add(node, path, `must be ${what}; got ${describe(value)}`)
    return undefined
  }
  return readJson(reader, node, path) as JsonObject | undefined
}

function readJson(
  reader: Reader,
  node: Node,
  path: string
): JsonValue | undefined {
  const value = reader.doc.deref(node)
  if (isSeq(value)) {
    const items = value.items.map((item, index) =>
      readJson(reader, item as Node, `${path}[${index}]`)
    )
    return items.every((item) => item !== undefined) ? items : undefined
  }
  if (isMap(value)) {
    const object: JsonObject = {}
    let ok = true
    for (const pair of value.items) {
      const keyNode = reader.doc.deref(pair.key)
      const key = isScalar(keyNode) ? keyNode.value : undefined
      if (
        typeof key !== 'string' &&
        typeof key !== 'number' &&
        typeof key !== 'boolean'
      ) {
        reader.problems.add(
          pair.key as Node,
          path,
          `keys must be strings; got ${describe(keyNode)}`
        )
        ok = false
        continue
      }
      const item = readJson(
        reader,
        pairValue(pair),
        childPath(path, String(key))
      )
      if (item === undefined) {
        ok = false
        continue
      }
      // defineProperty, not assignment: `__proto__` must stay a plain key.
      Object.defineProperty(object, String(key), {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    return ok ? object : undefined
  }
  const scalar: unknown = value?.value
  if (typeof scalar === 'number' && !Number.isFinite(scalar)) {
    reader.problems.add(
      node,
      path,
      `must be a finite number (JSON has no ${scalar})`
    )
    return undefined
  }
  if (
    scalar === null ||
    ['string', 'number', 'boolean'].includes(typeof scalar)
  ) {
    return scalar as JsonValue
  }
  reader.problems.add(
    node,
    path,
    `must be a JSON value; got ${describe(value)}`
  )
  return undefined
}
