/**
 * The YAML layer: parses spec text into a node tree hardened against hostile
 * input (size cap, duplicate keys, bounded alias expansion, no custom tags) and
 * collects located problems. The validator walks nodes rather than plain JS
 * values so every problem can point at a line and column.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml'
import type { Alias, Document, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml'
import type { Problems } from './problems.js'
import { syntaxMessage, unclosedOpening } from './yaml-syntax.js'

export { Problems } from './problems.js'

/**
 * Largest spec file accepted, checked before parsing so a huge file never
 * reaches the parser.
 */
export const MAX_SPEC_BYTES = 1_048_576

/** Most alias dereferences (nested ones included) a spec may make. */
export const MAX_ALIASES = 100

// Caps the nodes reachable through aliases too: a few aliases of a huge anchor
// cost as much as many.
const MAX_ALIASED_NODES = 10_000

// Specs need a handful of levels (structured prompts a few more); the cap keeps
// recursion shallow.
const MAX_DEPTH = 64

// Tags of the YAML 1.2 core schema. Others (!!binary, !!timestamp, !custom)
// would hand the validator values that are not JSON, so they are refused.
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map(
    (name) => `tag:yaml.org,2002:${name}`
  )
)

/** A node after alias resolution: what the validator inspects. */
export type ValueNode = Scalar | YAMLMap | YAMLSeq

/**
 * A parsed spec document whose aliases are known to resolve, without cycles,
 * within bounds.
 */
export class SpecDocument {
  readonly root: Node | null
  readonly #targets: Map<Alias, ValueNode>

  constructor(root: Node | null, targets: Map<Alias, ValueNode>) {
    this.root = root
    this.#targets = targets
  }

  /**
   * Follows an alias to its anchored node; other nodes are returned as they
   * are.
   */
  deref(node: unknown): ValueNode | undefined {
    if (isAlias(node)) return this.#targets.get(node)
    if (isScalar(node) || isMap(node) || isSeq(node)) return node
    return undefined
  }
}

/**
 * Parses spec text. Returns undefined when the text is not a usable YAML
 * document; the reasons are in `problems`. Validation stops there because a
 * broken tree would produce misleading follow-ups.
 */
export function parseSpecYaml(
  text: string,
  problems: Problems
): SpecDocument | undefined {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_SPEC_BYTES) {
    problems.add(
      undefined,
      '',
      `the spec is ${bytes} bytes, larger than the 1 MB (${MAX_SPEC_BYTES} bytes) limit`
    )
    return undefined
  }
  let doc: Document.Parsed
  try {
    doc = parseDocument(text, {
      lineCounter: problems.lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      version: '1.2'
    })
  } catch (error) {
    // yaml reports problems rather than throwing; this guards the spec loader
    // against surprises.
    problems.add(
      undefined,
      '',
      error instanceof RangeError
        ? `nested too deeply: at most ${MAX_DEPTH} levels`
        : `the YAML could not be parsed: ${String(error)}`
    )
    return undefined
  }
  const unclosed = doc.errors.some(
    (error) =>
      (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) ||
      (error.code === 'BAD_INDENT' && /end with a [\]}]/.test(error.message))
  )
  const opening = unclosed ? unclosedOpening(text) : undefined
  if (opening) {
    // The parser notices a missing quote or bracket where the text ends; the mistake is where it
    // opened, so point there, once.
    problems.addAt(opening.offset, '', opening.message)
    return undefined
  }
  for (const error of doc.errors) {
    const source = text.slice(error.pos[0], error.pos[0] + 200)
    const message = syntaxMessage(error.code, error.message, source, MAX_DEPTH)
    problems.addAt(error.pos[0], '', message)
    // After a stack overflow the parser's further errors are echoes of it.
    if (message.startsWith('nested too deeply')) break
  }
  if (doc.errors.length > 0) return undefined
  const targets = resolveAliases(doc, problems)
  if (targets === undefined) return undefined
  return new SpecDocument(doc.contents, targets)
}

/**
 * Maps every alias to its anchor (the last one before it, as YAML defines),
 * refusing unknown anchors, custom tags, cycles and excessive expansion.
 * Computing targets once avoids yaml's per-alias document scan, and the bounded
 * walk means later walks over aliases cannot blow up.
 */
function resolveAliases(
  doc: Document.Parsed,
  problems: Problems
): Map<Alias, ValueNode> | undefined {
  const before = problems.count
  const anchors = new Map<string, ValueNode>()
  const targets = new Map<Alias, ValueNode>()
  visit(doc, {
    Alias(_key, alias) {
      const target = anchors.get(alias.source)
      if (target) targets.set(alias, target)
      else {
        problems.add(
          alias,
          '',
          `unknown alias *${alias.source}: define the anchor &${alias.source} before using it`
        )
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        problems.add(
          pair.key,
          '',
          'YAML merge keys (`<<: *anchor`) are not supported: write the keys out, or put shared settings in `defaults`'
        )
      }
    },
    Node(_key, node) {
      if (isAlias(node)) return
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        const tag = node.tag.replace('tag:yaml.org,2002:', '!!')
        problems.add(node, '', `unsupported YAML tag ${tag}: use plain values`)
      }
      if (node.anchor) anchors.set(node.anchor, node)
    }
  })
  if (problems.count > before) return undefined
  return checkExpansion(doc.contents, targets, problems) ? targets : undefined
}

/**
 * Walks the tree with aliases expanded, stopping at the first cycle, at
 * excessive nesting or when the alias budget runs out. Later recursive walks
 * rely on these bounds.
 */
function checkExpansion(
  root: Node | null,
  targets: Map<Alias, ValueNode>,
  problems: Problems
): boolean {
  let aliases = 0
  let aliasedNodes = 0
  const active = new Set<Node>()
  const walk = (
    node: unknown,
    via: Alias | undefined,
    depth: number
  ): boolean => {
    if (isAlias(node)) {
      const target = targets.get(node)
      if (target === undefined) return true
      if (active.has(target)) {
        problems.add(
          node,
          '',
          `alias *${node.source} refers to itself (a cycle)`
        )
        return false
      }
      if (++aliases > MAX_ALIASES) {
        // Point at the alias the user wrote here, not at one nested inside what
        // it expands to.
        problems.add(
          via ?? node,
          '',
          `too many aliases: more than ${MAX_ALIASES} expansions`
        )
        return false
      }
      return walk(target, via ?? node, depth)
    }
    if (via && ++aliasedNodes > MAX_ALIASED_NODES) {
      problems.add(
        via,
        '',
        `too many aliases: they expand to more than ${MAX_ALIASED_NODES} values`
      )
      return false
    }
    if (!isMap(node) && !isSeq(node)) return true
    if (depth >= MAX_DEPTH) {
      problems.add(node, '', `nested too deeply: at most ${MAX_DEPTH} levels`)
      return false
    }
    active.add(node)
    const children = isMap(node)
      ? node.items.flatMap((pair) => [pair.key, pair.value])
      : node.items
    const ok = children.every((child) => walk(child, via, depth + 1))
    active.delete(node)
    return ok
  }
  return walk(root, undefined, 0)
}
