/**
 * The reference pass: expands reference paths and globs (relative to the spec
 * file's folder, confined to the workspace), checks each file is a real PNG,
 * JPEG or WebP within the size limit, and reads and hashes it once, however
 * many assets use it.
 */
import { createHash } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import sharp from 'sharp'
import { glob, isDynamicPattern } from 'tinyglobby'
import type { Problems } from './document.js'
import { modelLimits } from './models.js'
import type { Field } from './nodes.js'
import {
  checkRealPath,
  isInside,
  resolveSpecPath,
  toPosix,
  workspacePath
} from './paths.js'
import type { Workspace } from './paths.js'
import type { AssetPlan } from './plan.js'
import type { ReferenceImage } from './types.js'

/** Largest reference image accepted: 20 MB. */
export const MAX_REFERENCE_BYTES = 20 * 1024 * 1024

type MediaType = ReferenceImage['mediaType']
type LoadedImage = Omit<ReferenceImage, 'path' | 'absolutePath'>

/**
 * One file a reference entry expanded to, with the entry it came from for
 * messages.
 */
interface Candidate {
  absolute: string
  reference: Field<string>
  /** The glob that matched the file, when it came from one. */
  pattern?: string
}

/**
 * Resolves the references of every asset, keyed by asset index. Problems go to
 * `problems`; an asset with any reference problem is left out of the map.
 */
export async function resolveReferences(
  problems: Problems,
  workspace: Workspace,
  plans: AssetPlan[]
): Promise<Map<number, ReferenceImage[]>> {
  const cache = new Map<string, Promise<LoadedImage | string>>()
  const load = (absolute: string): Promise<LoadedImage | string> =>
    realpath(absolute).then(
      (real) => {
        let loaded = cache.get(real)
        if (!loaded) {
          loaded = loadImage(real)
          cache.set(real, loaded)
        }
        return loaded
      },
      (error: unknown) => `could not be read: ${errorText(error)}`
    )
  const results = await Promise.all(
    plans.map((plan) => resolveAsset(problems, workspace, plan, load))
  )
  const byIndex = new Map<number, ReferenceImage[]>()
  plans.forEach((plan, position) => {
    const images = results[position]
    if (images) byIndex.set(plan.entry.index, images)
  })
  return byIndex
}

async function resolveAsset(
  problems: Problems,
  workspace: Workspace,
  plan: AssetPlan,
  load: (absolute: string) => Promise<LoadedImage | string>
): Promise<ReferenceImage[] | undefined> {
  const setting = plan.entry.references
  if (!setting) return setting === null ? undefined : []
  const expanded = await Promise.all(
    setting.value.map((reference) => expand(problems, workspace, reference))
  )
  if (!expanded.every((files) => files !== undefined)) return undefined
  // The same file named twice (a path and a glob over it) is sent once, at its
  // first position.
  const seen = new Set<string>()
  const candidates = expanded.flat().filter((candidate) => {
    if (seen.has(candidate.absolute)) return false
    seen.add(candidate.absolute)
    return true
  })
  const { maxReferences } = modelLimits(plan.model)
  const count = candidates.length + (plan.swatch ? 1 : 0)
  if (count > maxReferences) {
    const swatch = plan.swatch
      ? ` (${candidates.length} files and the palette swatch)`
      : ''
    problems.add(
      setting.node,
      setting.path,
      `${count} reference images${swatch} is more than the ${maxReferences} ${plan.model} accepts`
    )
    return undefined
  }
  const images = await Promise.all(
    candidates.map(async (candidate): Promise<ReferenceImage | undefined> => {
      const loaded = await load(candidate.absolute)
      const shown = workspacePath(workspace, candidate.absolute)
      if (typeof loaded !== 'string') {
        return { path: shown, absolutePath: candidate.absolute, ...loaded }
      }
      const via = candidate.pattern ? ` (matched by ${candidate.pattern})` : ''
      problems.add(
        candidate.reference.node,
        candidate.reference.path,
        `${shown}${via} ${loaded}`
      )
      return undefined
    })
  )
  return images.every((image) => image !== undefined) ? images : undefined
}

/**
 * Expands one entry to files: a plain path, or a glob whose matches are sorted
 * by path.
 */
async function expand(
  problems: Problems,
  workspace: Workspace,
  reference: Field<string>
): Promise<Candidate[] | undefined> {
  const fail = (message: string): undefined => {
    problems.add(reference.node, reference.path, message)
  }
  const text = reference.value
  const literal = resolveSpecPath(workspace, text)
  // A file whose name merely looks like a glob (`logo (1).png`) is taken
  // literally when it exists.
  const literalExists =
    'absolute' in literal &&
    (await stat(literal.absolute).then(
      () => true,
      () => false
    ))
  if (!isDynamicPattern(text) || literalExists) {
    if ('message' in literal) return fail(literal.message)
    const message = await checkFile(workspace, literal.absolute)
    return message ? fail(message) : [{ absolute: literal.absolute, reference }]
  }
  // Glob from the pattern's fixed prefix, after confining it, so a pattern such
  // as `../../**` is refused before anything outside the workspace is crawled.
  const { base, glob: rest } = picomatch.scan(text)
  if (rest.split('/').includes('..')) {
    return fail(
      `${text} uses .. after a wildcard: put .. only before the first wildcard`
    )
  }
  const resolvedBase = resolveSpecPath(workspace, base || '.')
  if ('message' in resolvedBase) return fail(resolvedBase.message)
  const baseMessage = await checkRealPath(workspace, resolvedBase.absolute)
  if (baseMessage) return fail(baseMessage)
  const matches = await glob(rest, {
    cwd: resolvedBase.absolute,
    absolute: true,
    onlyFiles: true
  })
  if (matches.length === 0) {
    return fail(
      `${text} matches no files (globs are relative to the spec file's folder)`
    )
  }
  const files = matches
    .map((match) => path.resolve(match))
    .sort((a, b) =>
      compare(workspacePath(workspace, a), workspacePath(workspace, b))
    )
  const messages = await Promise.all(
    files.map(async (file) =>
      isInside(workspace.root, file)
        ? checkRealPath(workspace, file)
        : `${toPosix(file)} is outside the workspace root`
    )
  )
  const outside = messages.find((message) => message !== undefined)
  if (outside) return fail(`${outside} (matched by ${text})`)
  return files.map((absolute) => ({ absolute, reference, pattern: text }))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function checkFile(
  workspace: Workspace,
  absolute: string
): Promise<string | undefined> {
  const shown = workspacePath(workspace, absolute)
  const outside = await checkRealPath(workspace, absolute)
  if (outside) return outside
  const stats = await stat(absolute).catch(() => undefined)
  if (!stats) return `${shown} does not exist`
  if (!stats.isFile()) return `${shown} is not a file`
  return undefined
}

/**
 * Reads, checks and hashes one image. Returns a message (to follow the file
 * name) on failure.
 */
async function loadImage(real: string): Promise<LoadedImage | string> {
  let bytes: Buffer
  try {
    // Size first, so an oversized file is refused without being read into
    // memory.
    const size = (await stat(real)).size
    if (size > MAX_REFERENCE_BYTES) {
      return `is ${megabytes(size)}, larger than the 20 MB limit for reference images`
    }
    bytes = await readFile(real)
  } catch (error) {
    return `could not be read: ${errorText(error)}`
  }
  const mediaType = sniff(bytes)
  if (!mediaType) {
    return 'is not a PNG, JPEG or WebP image (judged by its contents, not its name)'
  }
  try {
    const { width, height } = await sharp(bytes).metadata()
    if (!width || !height) return 'has no readable width and height'
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    return { sha256, mediaType, bytes: bytes.length, width, height }
  } catch (error) {
    const type = mediaType.slice('image/'.length).toUpperCase()
    return `could not be decoded as ${type}: ${errorText(error)}`
  }
}

// The first line only, without a dangling colon: sharp's messages run on with
// decoder details.
function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return (text.split('\n')[0] ?? '').trim().replace(/:$/, '')
}

/**
 * A size in MB with one decimal, rounded up: a file just over a limit must not read as the limit
 * itself (20 MB + 1 byte is "20.1 MB", not "20.0 MB").
 */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`
}

const PNG_SIGNATURE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a
])

/**
 * Tells the image type from the file's first bytes: names lie, signatures
 * rarely do.
 */
function sniff(bytes: Buffer): MediaType | undefined {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg'
  }
  if (
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'image/webp'
  }
  return undefined
}
