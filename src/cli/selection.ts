/** Turns CLI arguments into the engine's plan request: spec path, workspace root, selection. */
import path from 'node:path'
import type { PlanRequest } from '../engine.js'
import { parseShard, parseStoreBranch } from '../inputs.js'
import { LocalGitImageStore } from '../store/local-git-store.js'
import type { CliArguments } from './args.js'
import { workspaceRoot } from './root.js'

/** Resolves the spec (relative to the current folder) and its workspace root. */
export async function planRequest(
  args: CliArguments,
  cwd: string,
  onWarning?: (message: string) => void
): Promise<PlanRequest> {
  const specPath = path.resolve(cwd, args.values.spec ?? 'assetgen.yml')
  const root = await workspaceRoot({
    specPath,
    cwd,
    ...(args.values.root !== undefined ? { override: args.values.root } : {})
  })
  const shard = parseShard(args.values.shard)
  const gateway = gatewaySettings(args)
  return {
    root,
    specPath,
    only: args.values.only,
    force: args.values.force,
    placeholder: args.values.placeholder,
    ...(shard ? { shard } : {}),
    ...(onWarning ? { onWarning } : {}),
    ...localStore(args, root, onWarning),
    // The gateway's price list is the estimate's last source; it needs a key.
    ...(gateway.apiKey && !args.values.placeholder
      ? {
          imagePrices: async () =>
            (await import('../generate/gateway.js')).readImagePrices(gateway)
        }
      : {})
  }
}

/** The image store read from the local clone's `origin/<store-branch>`, unless `--no-store`. */
function localStore(
  args: CliArguments,
  root: string,
  onWarning?: (message: string) => void
): Pick<PlanRequest, 'store'> {
  if (args.values['no-store']) return {}
  const branch = parseStoreBranch(
    args.values['store-branch'] ?? 'assetgen-store'
  )
  if (branch === undefined) return {}
  return {
    store: new LocalGitImageStore(root, branch, (message) =>
      onWarning?.(message)
    )
  }
}

/** The key (env AI_GATEWAY_API_KEY) and base URL (`--gateway-url`, else env AI_GATEWAY_BASE_URL). */
export function gatewaySettings(args: CliArguments): {
  apiKey: string
  baseURL?: string
} {
  const apiKey = (process.env.AI_GATEWAY_API_KEY ?? '').trim()
  const baseURL = args.values['gateway-url'] ?? process.env.AI_GATEWAY_BASE_URL
  return { apiKey, ...(baseURL ? { baseURL } : {}) }
}
