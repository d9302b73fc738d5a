/**
 * The output pass: decides where each asset is written and refuses outputs that
 * escape the workspace, overwrite the spec or lockfile, or collide with another
 * asset's files.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Node } from 'yaml'
import type { Problems } from './document.js'
import { checkRealPath, resolveSpecPath, workspacePath } from './paths.js'
import type { Workspace } from './paths.js'
import { FOREIGN_IMAGE_EXTENSIONS, FORMAT_BY_EXTENSION } from './plan.js'
import type { AssetPlan } from './plan.js'
import type { Setting } from './settings.js'

/**
 * Where outputs go when `defaults.outDir` is not set, relative to the spec
 * file's folder.
 */
export const DEFAULT_OUT_DIR = 'assets'

/** Files an output must never replace. */
export interface ProtectedFiles {
  specPath: string
  lockfilePath: string
}

interface Output {
  plan: AssetPlan
  absolute: string
  node: Node | undefined
  path: string
}

/**
 * Resolves every asset's output path (absolute), keyed by asset index. `out` is
 * taken as written; without it the output is `<outDir>/<id>.<format>`. Problems
 * go to `problems`; assets whose output is refused are left out of the map.
 */
export async function resolveOutputs(
  problems: Problems,
  workspace: Workspace,
  protectedFiles: ProtectedFiles,
  outDir: Setting<string>,
  plans: AssetPlan[]
): Promise<Map<number, string>> {
  const outDirAbsolute = await resolveOutDir(problems, workspace, outDir)
  const candidates = plans.flatMap((plan): Output[] => {
    const { entry } = plan
    const outPath = `${entry.path}.out`
    if (entry.out) {
      const { node, value } = entry.out
      const resolved = resolveSpecPath(workspace, value)
      if ('message' in resolved) problems.add(node, outPath, resolved.message)
      else if (/[/\\]$/.test(value)) {
        problems.add(
          node,
          outPath,
          'ends in a slash: give a file name such as hero.png'
        )
      } else return [{ plan, absolute: resolved.absolute, node, path: outPath }]
      return []
    }
    if (!entry.id || outDirAbsolute === undefined) return []
    const name = `${entry.id.value}.${plan.format}`
    // A derived output is located at the id it is named after.
    return [
      {
        plan,
        absolute: path.join(outDirAbsolute, name),
        node: entry.id.node,
        path: outPath
      }
    ]
  })
  const checked = await Promise.all(
    candidates.map(async (output) => {
      const message = await checkOutput(
        workspace,
        protectedFiles,
        output.absolute
      )
      if (message) problems.add(output.node, output.path, message)
      return message ? undefined : output
    })
  )
  return findCollisions(
    problems,
    workspace,
    checked.filter((output) => output !== undefined)
  )
}

async function resolveOutDir(
  problems: Problems,
  workspace: Workspace,
  outDir: Setting<string>
): Promise<string | undefined> {
  if (outDir === null) return undefined
  const resolved = resolveSpecPath(workspace, outDir?.value ?? DEFAULT_OUT_DIR)
  const message =
    'message' in resolved
      ? resolved.message
      : await checkRealPath(workspace, resolved.absolute)
  if (message) {
    problems.add(outDir?.node, 'defaults.outDir', message)
    return undefined
  }
  return 'absolute' in resolved ? resolved.absolute : undefined
}

async function checkOutput(
  workspace: Workspace,
  protectedFiles: ProtectedFiles,
  absolute: string
): Promise<string | undefined> {
  const shown = workspacePath(workspace, absolute)
  if (absolute === protectedFiles.specPath) {
    return `${shown} is the spec file itself: choose another output path`
  }
  if (absolute === protectedFiles.lockfilePath) {
    return `${shown} is the lockfile: choose another output path`
  }
  const message = await checkRealPath(workspace, absolute)
  if (message) return message
  const isDirectory = await stat(absolute).then(
    (stats) => stats.isDirectory(),
    () => false
  )
  if (isDirectory)
    return `${shown} is a directory: give a file name such as hero.png`
  const extension = path.extname(absolute).toLowerCase()
  // Foreign image extensions (.gif) get their own message from the format pass.
  if (
    !(extension in FORMAT_BY_EXTENSION) &&
    !FOREIGN_IMAGE_EXTENSIONS.includes(extension)
  ) {
    return `${shown} is not an image file name: an output ends in .png, .jpg, .jpeg or .webp`
  }
  return undefined
}

/**
 * Refuses two assets writing the same file, and variants
 * (`<stem>-<width>w.<format>`) landing on another asset's output or variant.
 * Paths compare case-sensitively, as the files are named.
 */
function findCollisions(
  problems: Problems,
  workspace: Workspace,
  outputs: Output[]
): Map<number, string> {
  const owners = new Map<string, AssetPlan>()
  const result = new Map<number, string>()
  for (const output of outputs) {
    const owner = owners.get(output.absolute)
    if (owner) {
      problems.add(
        output.node,
        output.path,
        `${workspacePath(workspace, output.absolute)} is also the output of ${describeAsset(owner)}: each asset needs its own out`
      )
      continue
    }
    owners.set(output.absolute, output.plan)
    result.set(output.plan.entry.index, output.absolute)
  }
  for (const output of outputs) {
    const setting = output.plan.variants
    if (!setting) continue
    for (const variant of setting.value) {
      const file = variantPath(output.absolute, variant.width, variant.format)
      const owner = owners.get(file)
      if (owner && owner !== output.plan) {
        problems.add(
          setting.node,
          setting.path,
          `variant ${variant.width}w ${variant.format} writes ${workspacePath(workspace, file)}, which is also written by ${describeAsset(owner)}`
        )
      } else owners.set(file, output.plan)
    }
  }
  return result
}

/** The path of a variant: `<stem>-<width>w.<format>` beside the main output. */
export function variantPath(
  out: string,
  width: number,
  format: string
): string {
  const parsed = path.parse(out)
  return path.join(parsed.dir, `${parsed.name}-${width}w.${format}`)
}

function describeAsset(plan: AssetPlan): string {
  const id = plan.entry.id?.value
  return id === undefined ? plan.entry.path : `${plan.entry.path} (${id})`
}
