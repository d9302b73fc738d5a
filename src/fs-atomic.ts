import { randomBytes } from 'node:crypto'
import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { FileWriteError, getErrorMessage } from './errors.js'
import { checkRealPath, refusePathText, toPosix } from './spec/paths.js'

/** Options for {@link writeFileAtomic}. */
export interface WriteOptions {
  /**
   * The workspace root the file must stay inside. Checked at write time, after the spec was
   * validated: a symlink swapped in since then must not redirect the write.
   */
  root?: string
}

/**
 * Writes a file atomically: to a temp file in the same folder, then renamed over the target.
 * A failed or interrupted write therefore never damages the previous good file. With `root`, the
 * target folder's real path is checked to be inside it (and outside `.git`) before and after the
 * folder is created. Every failure is a FileWriteError naming the file.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteOptions = {}
): Promise<void> {
  const directory = dirname(path)
  const temporary = join(
    directory,
    `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`
  )
  let created = false
  try {
    if (options.root !== undefined) await confine(options.root, path)
    await mkdir(directory, { recursive: true })
    if (options.root !== undefined) await confine(options.root, path)
    // `wx`: never follow or reuse something already at the temp name.
    await writeFile(temporary, data, { flag: 'wx' })
    created = true
    // rename replaces a symlink at the target instead of writing through it.
    await rename(temporary, path)
  } catch (error) {
    if (created) await rm(temporary, { force: true })
    throw fileWriteError(path, error)
  }
}

/** Throws when `path`'s folder is, or leads through a symlink, outside `root` or into `.git`. */
async function confine(root: string, path: string): Promise<void> {
  const shown = toPosix(relative(root, path))
  const refused =
    shown.startsWith('../') || shown === '..'
      ? 'is outside the workspace'
      : refusePathText(shown)
  const message =
    refused === undefined
      ? await checkRealPath(
          { root, realRoot: await realpath(root), specDir: root },
          dirname(path)
        )
      : `${shown} ${refused}`
  if (message !== undefined)
    throw new FileWriteError(path, `refused to write: ${message}`)
}

/** Wraps a write failure so the message names the file, and says plainly when the disk is full. */
export function fileWriteError(path: string, error: unknown): FileWriteError {
  if (error instanceof FileWriteError) return error
  const code = (error as NodeJS.ErrnoException | null)?.code
  const reason =
    code === 'ENOSPC'
      ? 'no space left on the device (ENOSPC): free some disk space and rerun'
      : getErrorMessage(error)
  return new FileWriteError(path, `could not write ${path}: ${reason}`, {
    cause: error
  })
}
