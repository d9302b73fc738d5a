/**
 * The one place where text from outside (the gateway's and GitHub's answers, spec and lockfile
 * strings) is made safe for where it goes. Every sink goes through it:
 *
 * - {@link redact} replaces every registered secret (the API key, the GitHub token, anything
 *   else registered) with `***`, in any text that leaves the process: logs, summary, comment,
 *   manifest, artifacts, commit messages, lockfile, outputs, CLI stdout/stderr;
 * - {@link logText} makes text inert in a runner log line: it can't start a workflow command;
 * - {@link markdownText} and {@link inlineCode} make text render as text in GitHub Markdown:
 *   no raw HTML, no @mentions, no links or images, no table breakage.
 *
 * Redaction is applied by the escaping functions too, so a caller can't escape without redacting.
 */

/** Secrets shorter than this are not registered: replacing `a` everywhere would garble all text. */
const MIN_SECRET_LENGTH = 4

/** The replacement for a secret. */
export const REDACTED = '***'

const secrets = new Set<string>()

/**
 * Registers a value that must never leave the process. Its JSON- and URL-encoded forms are
 * registered too, since error bodies often echo a key inside a JSON string or a query.
 */
export function registerSecret(value: string | undefined): void {
  const trimmed = value?.trim()
  if (!trimmed || trimmed.length < MIN_SECRET_LENGTH) return
  for (const form of [
    trimmed,
    JSON.stringify(trimmed).slice(1, -1),
    encodeURIComponent(trimmed),
    Buffer.from(trimmed).toString('base64')
  ]) {
    if (form.length >= MIN_SECRET_LENGTH) secrets.add(form)
  }
}

/** Forgets every registered secret (tests only: a process never un-registers a secret). */
export function clearSecrets(): void {
  secrets.clear()
}

/** Replaces every registered secret in `text` with `***`, longest first. */
export function redact(text: string): string {
  if (secrets.size === 0) return text
  let result = text
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED)
  }
  return result
}

/** {@link redact} for a value that may not be a string (JSON-able data for manifests). */
export function redactJson(value: unknown): unknown {
  return JSON.parse(redact(JSON.stringify(value) ?? 'null')) as unknown
}

const CONTROL =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029]/g

/**
 * Makes outside text safe inside one runner log line: redacted, and unable to start a workflow
 * command (`::error::`, `::add-mask::`, `::set-output`, `::stop-commands::`). Line breaks and `%`
 * are escaped the way `@actions/core` escapes command data (`%0A`, `%0D`, `%25`), and every `::`
 * becomes `:%3A`, so the text can neither begin a new line nor begin a command itself. The
 * runner also obeys the legacy `##[command]` form anywhere in a line, so `##[` becomes `##%5B`.
 */
export function logText(text: string): string {
  // Control characters go first: removing one later could join `:` and `:` into `::`, or the
  // halves of a secret.
  return redact(text.replace(CONTROL, ''))
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/::/g, ':%3A')
    .replace(/##\[/g, '##%5B')
}

/** One line of redacted text: line breaks become spaces, control characters (ANSI escapes) go. */
function flatten(text: string): string {
  return redact(
    text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ').replace(CONTROL, '')
  )
}

/**
 * Makes outside text render as plain text in GitHub Markdown, also inside a table cell: HTML is
 * shown as text (`<`, `>`, `&` as entities), `[`, `]`, `` ` ``, `*`, `_`, `~`, `\`, `|`, `#`, `!`
 * and `$` (math) are backslash-escaped so no link, image, emphasis or code starts, an `@` gets a
 * zero-width joiner after it so no one is notified, `://` is broken so bare URLs do not autolink,
 * line breaks become spaces and control characters go.
 */
export function markdownText(text: string): string {
  return flatten(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_~[\]|#!$])/g, '\\$1')
    .replace(/@/g, '@\u200d')
    .replace(/:\/\//g, '&#58;//')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}&#46;`)
}

/**
 * Wraps outside text in a Markdown code span: nothing inside renders (no HTML, mentions or
 * links). The fence is one backtick longer than the longest backtick run inside; `|` is escaped
 * so the span can stand in a table cell, and line breaks become spaces.
 *
 * A table splits its row before it parses code spans, and reads `\\` as an escaped backslash, so
 * a `|` after an even run of backslashes would still end the cell (and the rest would render as
 * Markdown). Every `|` therefore gets an odd run before it.
 */
export function inlineCode(text: string): string {
  const flat = flatten(text)
  const longest = Math.max(
    0,
    ...[...flat.matchAll(/`+/g)].map((match) => match[0].length)
  )
  const fence = '`'.repeat(longest + 1)
  const pad =
    flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  const piped = flat.replace(/(\\*)\|/g, (_match, run: string) =>
    run.length % 2 === 0 ? `${run}\\|` : `${run}\\\\|`
  )
  return `${fence}${pad}${piped}${pad}${fence}`
}

/**
 * Percent-encodes each segment of a repository path for use in a URL (`blob/<sha>/<path>`), so a
 * path from a spec or lockfile can't add a query, a fragment or break out of the link.
 */
export function urlPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/**
 * An http(s) URL from outside (an artifact URL from GitHub's answer, a blob URL with a spec path)
 * made safe as a Markdown link target and an HTML attribute: characters that could end the link or
 * the attribute are percent-encoded. Anything else (`javascript:`, not a URL) gives `undefined`.
 */
export function markdownUrl(url: string | undefined): string | undefined {
  const text = redact(url ?? '')
  if (!URL.canParse(text)) return undefined
  const parsed = new URL(text)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return undefined
  return parsed.href.replace(
    /[()<>"'`|[\]\\\s]/g,
    (char) =>
      `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
}

/** Anything text can be written to (a stream, a test's collector). */
export interface TextSink {
  write(text: string): boolean
}

/**
 * Wraps a stream so every write is redacted: the CLI wraps stdout and stderr once, so no line it
 * prints can carry a secret, whoever wrote it.
 */
export function redactingSink(stream: TextSink): TextSink {
  return { write: (text: string) => stream.write(redact(text)) }
}
