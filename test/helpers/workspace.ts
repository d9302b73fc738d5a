import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build, type BuildRequest, type BuildResult } from '../../src/engine.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import type { FakeGateway } from '../fakes/gateway.js'

/** A real workspace in a temp dir with a spec and any other files; removed on dispose. */
export interface Workspace extends AsyncDisposable {
  root: string
  write(path: string, content: string | Uint8Array): Promise<void>
}

/** Creates a workspace holding `assetgen.yml` (and `files`). */
export async function workspace(
  spec: string,
  files: Record<string, string | Uint8Array> = {}
): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'assetgen-ws-'))
  const write = async (
    path: string,
    content: string | Uint8Array
  ): Promise<void> => {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), content)
  }
  await write('assetgen.yml', spec)
  for (const [path, content] of Object.entries(files))
    await write(path, content)
  return {
    root,
    write,
    [Symbol.asyncDispose]: () => rm(root, { recursive: true, force: true })
  }
}

/** Builds the workspace against a fake gateway with fast retries; override anything. */
export function buildAgainst(
  root: string,
  gateway: FakeGateway,
  overrides: Partial<BuildRequest> = {}
): Promise<BuildResult> {
  return build({
    root,
    specPath: 'assetgen.yml',
    imageModel: gatewayModelFactory({
      apiKey: 'test-key',
      baseURL: gateway.url
    }),
    concurrency: 4,
    maxRetries: 2,
    timeoutMs: 20_000,
    maxImages: 0,
    version: '0.0.0-test',
    backoffMs: 5,
    ...overrides
  })
}
