/**
 * Plain-words YAML syntax errors: what to do for the mistakes people make, and for an unclosed
 * quote or bracket, where it opened rather than where the parser gave up.
 */
import { CST, Parser } from 'yaml'

/** A syntax error message with advice, from yaml's error code and message. */
export function syntaxMessage(
  code: string,
  message: string,
  source: string
): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^(.+?)\s*:(\s|$)/.exec(source)?.[1]
    const name = key === undefined ? '' : ` \`${key}\``
    return `duplicate key${name}: each key may appear only once in a mapping`
  }
  if (code === 'MULTIPLE_DOCS') {
    return 'a spec is a single YAML document; remove the extra `---` documents'
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    return `YAML syntax error: ${message} (quote text that contains ": ")`
  }
  return `YAML syntax error: ${message}`
}

/**
 * Finds the first quoted scalar or flow collection (`[`, `{`) that is never closed, from yaml's
 * concrete syntax tree; undefined when there is none.
 */
export function unclosedOpening(
  text: string
): { offset: number; message: string } | undefined {
  let found: { offset: number; message: string } | undefined
  for (const document of new Parser().parse(text)) {
    if (document.type !== 'document') continue
    CST.visit(document, (item) => {
      for (const token of [item.key, item.value]) {
        if (!token || found) continue
        if (
          token.type === 'double-quoted-scalar' ||
          token.type === 'single-quoted-scalar'
        ) {
          const quote = token.source[0] ?? '"'
          const body = token.source.trimEnd()
          if (body.length < 2 || !body.endsWith(quote))
            found = {
              offset: token.offset,
              message: `YAML syntax error: this ${quote} quote is never closed: end the text with ${quote} on the same line`
            }
        } else if (token.type === 'flow-collection') {
          const close = token.start.source === '[' ? ']' : '}'
          if (!token.end.some((end) => end.source === close))
            found = {
              offset: token.offset,
              message: `YAML syntax error: this ${token.start.source} is never closed: add ${close}, or quote text that starts with ${token.start.source}`
            }
        }
      }
      return found ? CST.visit.BREAK : undefined
    })
    if (found) break
  }
  return found
}
