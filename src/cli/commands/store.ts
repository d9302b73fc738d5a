/** `assetgen store prune`: rewrite the image store branch without old, unused entries. */
import path from 'node:path'
import { pruneCommand } from '../../store/prune-command.js'
import type { CliArguments } from '../args.js'
import type { CliStreams } from '../io.js'
import { workspaceRoot } from '../root.js'

/** Prunes the store of the spec's repository; resolves with the exit code. */
export async function runStorePrune(
  args: CliArguments,
  io: CliStreams
): Promise<number> {
  const specPath = path.resolve(io.cwd, args.values.spec ?? 'assetgen.yml')
  const root = await workspaceRoot({
    specPath,
    cwd: io.cwd,
    ...(args.values.root !== undefined ? { override: args.values.root } : {})
  })
  return pruneCommand(
    {
      spec: specPath,
      'store-branch': args.values['store-branch'] ?? 'assetgen-store',
      ...(args.values['older-than'] !== undefined
        ? { 'older-than': args.values['older-than'] }
        : {}),
      json: args.values.json
    },
    root,
    io.stdout
  )
}
