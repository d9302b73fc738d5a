import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A real temporary directory, removed when the `await using` scope ends. */
export async function tempDir(
  prefix = 'assetgen-'
): Promise<AsyncDisposable & { path: string }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return {
    path,
    [Symbol.asyncDispose]: () => rm(path, { recursive: true, force: true })
  }
}
