import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'

/**
 * Writes a file atomically: to a temp file in the same folder, then renamed over the target.
 * A failed or interrupted write therefore never damages the previous good file.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array
): Promise<void> {
  const directory = dirname(path)
  await mkdir(directory, { recursive: true })
  const temporary = join(
    directory,
    `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`
  )
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
