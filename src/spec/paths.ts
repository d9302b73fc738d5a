/**
 * Path rules. Paths in a spec (`out`, `outDir`, `references`) are resolved
 * against the spec file's folder, as most config files do, so a spec and its
 * inputs can move together. Whatever they resolve to must stay inside the
 * workspace root, both as written and after following symlinks: a spec runs in
 * CI with write access, and must not read or write outside the checkout.
 */
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'

/** Where a spec lives and what its paths are confined to. */
export interface Workspace {
  /** Absolute workspace root, as given. */
  root: string
  /** The root with symlinks resolved, for comparing real paths. */
  realRoot: string
  /** Absolute folder of the spec file: relative paths start here. */
  specDir: string
}

/** Returns the path with POSIX separators. */
export function toPosix(text: string): string {
  return text.split(path.sep).join('/')
}

/** Returns whether `child` is `parent` or lies below it. */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return (
    relative === '' ||
    (relative !== '..' &&
      !relative.startsWith(`..${path.sep}`) &&
      !path.isAbsolute(relative))
  )
}

/**
 * Returns an absolute path inside the workspace as a workspace-relative POSIX
 * path.
 */
export function workspacePath(workspace: Workspace, absolute: string): string {
  return toPosix(path.relative(workspace.root, absolute))
}

/**
 * Resolves a path written in the spec against the spec's folder, without
 * touching the disk. Returns the absolute path, or a message when the path is
 * absolute or escapes the workspace.
 */
export function resolveSpecPath(
  workspace: Workspace,
  text: string
): { absolute: string } | { message: string } {
  // Both flavours: a spec written on Windows (`C:\x`) must be refused on Linux
  // runners too.
  if (path.posix.isAbsolute(text) || path.win32.isAbsolute(text)) {
    return {
      message: `${text} is absolute: write paths relative to the spec file's folder`
    }
  }
  const refused = refusePathText(text)
  if (refused) return { message: refused }
  const absolute = path.resolve(workspace.specDir, text)
  if (!isInside(workspace.root, absolute)) {
    return {
      message: `${text} resolves to ${toPosix(absolute)}, outside the workspace root ${toPosix(workspace.root)}`
    }
  }
  return { absolute }
}

/** Longest file or folder name Linux, macOS and Windows file systems accept. */
const MAX_COMPONENT_BYTES = 255

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/**
 * Returns why a path as written is refused, or undefined: characters that
 * mean something else on another platform or in a log line (backslash, NUL,
 * control characters), names no file system takes, and any `.git` component,
 * since git's own files (hooks, config) are code.
 */
export function refusePathText(text: string): string | undefined {
  const control = CONTROL_CHARACTER.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0')
    return `contains the control character U+${code.toUpperCase()}: paths are plain text`
  }
  if (text.includes('\\')) {
    return 'contains a backslash: separate folders with / on every platform'
  }
  const components = text.split('/')
  const long = components.find(
    (component) => Buffer.byteLength(component) > MAX_COMPONENT_BYTES
  )
  if (long !== undefined) {
    return `has a name of ${Buffer.byteLength(long)} bytes; file systems take at most ${MAX_COMPONENT_BYTES}`
  }
  if (components.some(isGitComponent)) return GIT_MESSAGE
  return undefined
}

const GIT_MESSAGE =
  'goes through .git: assetgen never reads or writes git’s own files'

function isGitComponent(component: string): boolean {
  return component.toLowerCase() === '.git'
}

/**
 * Returns a message when the real (symlink-resolved) path, relative to the real
 * workspace root, goes through a `.git` folder.
 */
function realGitMessage(
  workspace: Workspace,
  shown: string,
  real: string
): string | undefined {
  const relative = path.relative(workspace.realRoot, real)
  return relative.split(path.sep).some(isGitComponent)
    ? `${shown} leads through a symlink into .git: assetgen never reads or writes git’s own files`
    : undefined
}

/**
 * Checks that an existing path, or for a path still to be written its nearest
 * existing ancestor, really lies inside the workspace once symlinks are
 * followed. Returns a message when it does not.
 */
export async function checkRealPath(
  workspace: Workspace,
  absolute: string
): Promise<string | undefined> {
  let existing = absolute
  while (!(await exists(existing))) {
    const parent = path.dirname(existing)
    if (parent === existing) return undefined
    existing = parent
  }
  let real: string
  try {
    real = await realpath(existing)
  } catch {
    // A dangling symlink: it points nowhere yet, so writing through it would
    // create its target.
    const shown = workspacePath(workspace, existing)
    return `${shown} is a symlink whose target does not exist`
  }
  const shown = workspacePath(workspace, existing)
  if (isInside(workspace.realRoot, real))
    return realGitMessage(workspace, shown, real)
  return `${shown} leads through a symlink to ${toPosix(real)}, outside the workspace root`
}

async function exists(target: string): Promise<boolean> {
  try {
    await lstat(target)
    return true
  } catch {
    return false
  }
}
