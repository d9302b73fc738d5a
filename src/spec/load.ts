/**
 * Loads `assetgen.yml` (spec v1) into a validated, resolved Spec. Checking runs
 * in passes (YAML, structure, merge, outputs, references) that all report into
 * one list, so a SpecError names every problem at once, sorted by line, instead
 * of making the user fix them one run at a time.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { SpecError } from '../errors.js'
import { MAX_SPEC_BYTES, Problems, parseSpecYaml } from './document.js'
import { resolveOutputs } from './outputs.js'
import { isInside, toPosix, workspacePath } from './paths.js'
import type { Workspace } from './paths.js'
import { planAsset } from './plan.js'
import { resolveReferences } from './references.js'
import type { Asset, Spec } from './types.js'
import { readOutline } from './validate.js'

/** The lockfile's name; it lives beside the spec. */
export const LOCKFILE_NAME = 'assetgen.lock.json'

/**
 * Reads and validates a spec file. `specPath` is absolute or relative to
 * `root`, the absolute workspace root every path in the spec is confined to.
 * Throws SpecError listing every problem.
 */
export async function loadSpec(options: {
  specPath: string
  root: string
}): Promise<Spec> {
  const root = path.resolve(options.root)
  const specPath = path.resolve(root, options.specPath)
  const specName = toPosix(
    isInside(root, specPath) ? path.relative(root, specPath) : specPath
  )
  const fail = (message: string, cause?: unknown): SpecError =>
    new SpecError([{ file: specName, path: '', message }], { cause })
  // Every path in a spec resolves from its folder and must stay inside the root; a spec outside
  // the root would fail on its default output folder with a confusing, line-less message.
  if (!isInside(root, specPath)) {
    throw fail(
      `the spec is outside the workspace root ${toPosix(root)}: every path in it must stay inside the root, so use a root that contains the spec (the CLI's --root)`
    )
  }
  let size: number
  try {
    size = (await stat(specPath)).size
  } catch (error) {
    throw fail(
      'cannot read the spec file: it does not exist or is not readable',
      error
    )
  }
  // Checked before reading, so an enormous file is never loaded, let alone
  // parsed.
  if (size > MAX_SPEC_BYTES) {
    throw fail(
      `the spec is ${size} bytes, larger than the 1 MB (${MAX_SPEC_BYTES} bytes) limit`
    )
  }
  let text: string
  try {
    text = await readFile(specPath, 'utf8')
  } catch (error) {
    throw fail('cannot read the spec file: it is not a readable file', error)
  }
  return parseSpecText(text, { specName, specPath, root })
}

/**
 * Validates spec text as if read from `specPath` (absolute, or relative to
 * `root`); problems name the file as `specName`. File-system rules (references,
 * output confinement) use the real disk. Throws SpecError, and nothing else,
 * when the spec is invalid.
 */
export async function parseSpecText(
  text: string,
  options: { specName: string; specPath: string; root: string }
): Promise<Spec> {
  const root = path.resolve(options.root)
  const specPath = path.resolve(root, options.specPath)
  const problems = new Problems(options.specName)
  const doc = parseSpecYaml(text, problems)
  const reader = doc && { doc, problems }
  const outline = reader && readOutline(reader)
  if (!reader || !outline) throw new SpecError(problems.list())
  let realRoot: string
  try {
    realRoot = await realpath(root)
  } catch (error) {
    problems.add(
      undefined,
      '',
      `the workspace root ${toPosix(root)} does not exist`
    )
    throw new SpecError(problems.list(), { cause: error })
  }
  const workspace: Workspace = {
    root,
    realRoot,
    specDir: path.dirname(specPath)
  }
  const lockfilePath = path.join(workspace.specDir, LOCKFILE_NAME)
  const plans = outline.assets.map((entry) => planAsset(reader, outline, entry))
  const [outputs, references] = await Promise.all([
    resolveOutputs(
      problems,
      workspace,
      { specPath, lockfilePath },
      outline.defaults.outDir,
      plans
    ),
    resolveReferences(problems, workspace, plans)
  ])
  if (problems.count > 0) throw new SpecError(problems.list())
  const assets = plans.map((plan): Asset => {
    const out = outputs.get(plan.entry.index)
    const images = references.get(plan.entry.index)
    // No problems were reported, so every asset has a draft, an output and its
    // references.
    if (!plan.draft || out === undefined || !images) {
      throw new Error(
        `internal: ${plan.entry.path} is incomplete without a reported problem`
      )
    }
    return {
      ...plan.draft,
      out: workspacePath(workspace, out),
      references: images
    }
  })
  return {
    specPath,
    specName: options.specName,
    root,
    lockfilePath,
    assets,
    pricing: outline.pricing
  }
}
