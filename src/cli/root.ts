/**
 * Where the CLI's workspace root is. The same spec must plan the same from any folder, so the
 * root follows the spec, not the current directory: the git top level of the spec's folder, else
 * the spec's folder itself; `--root` overrides both. (The action keeps GITHUB_WORKSPACE.)
 */
import { execFile } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import path from 'node:path'

/** How long `git rev-parse` may take before the spec's folder is used instead. */
const GIT_TIMEOUT_MS = 5000

/** Asks git for the top level of the work tree containing `folder`; undefined when there is none. */
export function gitTopLevel(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['rev-parse', '--show-toplevel'],
      {
        cwd: folder,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: 64 * 1024,
        windowsHide: true
      },
      (error, stdout) => {
        const top = String(stdout).trim()
        resolve(error || !top ? undefined : path.resolve(top))
      }
    )
  })
}

/**
 * Resolves the workspace root for a spec at `specPath` (absolute): `override` (relative to `cwd`)
 * when given, else git's top level when it contains the spec, else the spec's folder.
 */
export async function workspaceRoot(options: {
  specPath: string
  cwd: string
  override?: string
  topLevel?: (folder: string) => Promise<string | undefined>
}): Promise<string> {
  if (options.override !== undefined)
    return path.resolve(options.cwd, options.override)
  const folder = path.dirname(options.specPath)
  const top = await (options.topLevel ?? gitTopLevel)(folder)
  if (top !== undefined) {
    // git prints the real path; the spec path may go through a symlink (e.g. /tmp on macOS).
    const realFolder = await realpath(folder).catch(() => folder)
    const relative = path.relative(top, realFolder)
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      return path.resolve(folder, path.relative(realFolder, top))
    }
  }
  return folder
}
