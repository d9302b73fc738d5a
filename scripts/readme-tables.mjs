// Pure builders for the README's generated API block: the Inputs and Outputs
// tables from a parsed action.yml, and the splice between the markers.
// The tables come out the way Prettier aligns Markdown tables, so
// `npm run format:check` and `update-readme.mjs --check` agree.

export const START_MARKER = '<!-- api-start -->'
export const END_MARKER = '<!-- api-end -->'

/**
 * Makes text safe for one Markdown table cell: escapes `|`, turns line breaks
 * into `<br>` (a blank line into one paragraph break) and trims the ends.
 * @param {unknown} value
 * @returns {string}
 */
export function escapeCell(value) {
  return String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\n{2,}/g, '<br><br>')
    .replace(/\n/g, '<br>')
}

/**
 * Wraps text in a code span, with a fence longer than any backtick run inside.
 * @param {string} text
 * @returns {string}
 */
export function codeSpan(text) {
  const longestRun = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map((run) => run.length)
  )
  const fence = '`'.repeat(longestRun + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * The Default cell: empty when the input has no default, `''` for an explicit
 * empty string, otherwise the value as written (`${{ github.token }}` too).
 * @param {{ default?: unknown }} input
 * @returns {string}
 */
export function defaultCell(input) {
  if (!('default' in input) || input.default == null) return ''
  const text = String(input.default)
  return escapeCell(codeSpan(text === '' ? "''" : text))
}

/**
 * Renders rows as a Markdown table, columns padded the way Prettier does.
 * @param {string[]} header
 * @param {string[][]} rows
 * @returns {string}
 */
export function renderTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(3, width(title), ...rows.map((row) => width(row[column] ?? '')))
  )
  const line = (cells) =>
    `| ${cells.map((cell, column) => pad(cell ?? '', widths[column])).join(' | ')} |`
  const rule = `| ${widths.map((size) => '-'.repeat(size)).join(' | ')} |`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/**
 * The Inputs table, `| Name | Description | Default |`, in action.yml order.
 * @param {Record<string, { description?: string, default?: unknown, required?: boolean }>} inputs
 * @returns {string}
 */
export function buildInputsTable(inputs) {
  const rows = Object.entries(inputs ?? {}).map(([name, input]) => {
    const required = input?.required === true ? '**Required.** ' : ''
    return [
      codeSpan(name),
      required + escapeCell(input?.description),
      defaultCell(input ?? {})
    ]
  })
  return renderTable(['Name', 'Description', 'Default'], rows)
}

/**
 * The Outputs table, `| Name | Description |`, in action.yml order.
 * @param {Record<string, { description?: string }>} outputs
 * @returns {string}
 */
export function buildOutputsTable(outputs) {
  const rows = Object.entries(outputs ?? {}).map(([name, output]) => [
    codeSpan(name),
    escapeCell(output?.description)
  ])
  return renderTable(['Name', 'Description'], rows)
}

/**
 * Everything that goes between the markers, for a parsed action.yml.
 * @param {{ inputs?: object, outputs?: object }} action
 * @returns {string}
 */
export function buildApiBlock(action) {
  return [
    '',
    '#### Inputs',
    '',
    buildInputsTable(action?.inputs ?? {}),
    '',
    '#### Outputs',
    '',
    buildOutputsTable(action?.outputs ?? {}),
    ''
  ].join('\n')
}

/**
 * Replaces the text between the markers (markers kept, the rest untouched).
 * Throws when a marker is missing, repeated or out of order.
 * @param {string} readme
 * @param {string} block
 * @returns {string}
 */
export function replaceApiBlock(readme, block) {
  const start = readme.indexOf(START_MARKER)
  const end = readme.indexOf(END_MARKER)
  if (start === -1 || end === -1) {
    throw new Error(
      `README.md needs both ${START_MARKER} and ${END_MARKER} markers`
    )
  }
  if (
    readme.indexOf(START_MARKER, start + 1) !== -1 ||
    readme.indexOf(END_MARKER, end + 1) !== -1
  ) {
    throw new Error(
      `README.md must hold exactly one ${START_MARKER} … ${END_MARKER} block`
    )
  }
  if (end < start) {
    throw new Error(`README.md has ${END_MARKER} before ${START_MARKER}`)
  }
  const bodyStart = start + START_MARKER.length
  return `${readme.slice(0, bodyStart)}\n${block}\n${readme.slice(end)}`
}

// Display width as Prettier counts it for ASCII and most text: code points.
function width(text) {
  return [...text].length
}

function pad(text, size) {
  return text + ' '.repeat(Math.max(0, size - width(text)))
}

export const MODELS_START = '<!-- models-start -->'
export const MODELS_END = '<!-- models-end -->'

/**
 * One table cell for a model table value: numbers grouped, booleans yes/no, objects as JSON.
 * @param {unknown} value
 * @returns {string}
 */
function modelCell(value) {
  if (typeof value === 'number') return value.toLocaleString('en-US')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return codeSpan(value)
  return escapeCell(codeSpan(JSON.stringify(value)))
}

/**
 * The supported-models table from `assetgen models --json` rows: one column per field, so a
 * field added to the model table (size rules, prices) shows up without changing this script.
 * @param {Array<Record<string, unknown>>} rows
 * @returns {string}
 */
export function buildModelsTable(rows) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  return renderTable(
    columns.map((column) => codeSpan(column)),
    rows.map((row) => columns.map((column) => modelCell(row[column])))
  )
}

/**
 * Replaces the models block when the README has one; returns the README unchanged otherwise.
 * @param {string} readme
 * @param {string} table
 * @returns {string}
 */
export function replaceModelsBlock(readme, table) {
  const start = readme.indexOf(MODELS_START)
  const end = readme.indexOf(MODELS_END)
  if (start === -1 && end === -1) return readme
  if (start === -1 || end === -1 || end < start)
    throw new Error(
      `README.md needs ${MODELS_START} before ${MODELS_END}, or neither`
    )
  const bodyStart = start + MODELS_START.length
  return `${readme.slice(0, bodyStart)}\n\n${table}\n\n${readme.slice(end)}`
}
