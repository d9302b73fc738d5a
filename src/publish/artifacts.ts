/**
 * Uploads PR previews as workflow artifacts, one artifact per file and unzipped, so a reviewer
 * can open each image in the browser straight from the run page (zipped artifacts only download).
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join, relative, sep } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import { PublishError, getErrorMessage } from '../errors.js'
import { mapBounded } from '../concurrency.js'

/** One file to upload. */
export interface PreviewFile {
  /** Absolute path. */
  path: string
  /**
   * The artifact's name after the run prefix; default the path relative to `rootDirectory` with
   * `/` turned into `__`, or the file name for a file outside it. Pass e.g. `manifest.json` to
   * upload the manifest next to the images under a fixed name.
   */
  name?: string
}

/** What to upload and how to name it. */
export interface UploadPreviewsRequest {
  files: PreviewFile[]
  /** Names are derived from paths relative to this directory. */
  rootDirectory: string
  /** Starts every artifact name; give each job (or shard) in a run its own. */
  namePrefix: string
  retentionDays?: number
  /** Default `GITHUB_RUN_ID`; used for the artifact URLs. */
  runId?: string
  /** Default `GITHUB_RUN_ATTEMPT`, else 1; part of every name so re-runs don't collide. */
  runAttempt?: string
}

/** One uploaded artifact. */
export interface UploadedArtifact {
  /** The source file's absolute path. */
  file: string
  name: string
  id: number
  /** Its page on GitHub, when the repository and run are known. */
  url?: string
  size: number
}

/** Every uploaded artifact, in request order. */
export interface UploadResult {
  artifacts: UploadedArtifact[]
}

const UPLOADS_IN_FLIGHT = 4

/**
 * Uploads each file as its own unzipped artifact named
 * `<namePrefix>-<runAttempt>-<name>`. Needs the runtime env the runner gives JavaScript actions
 * (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RESULTS_URL`); every failure is a PublishError naming the file.
 */
export async function uploadPreviews(
  request: UploadPreviewsRequest
): Promise<UploadResult> {
  for (const variable of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL']) {
    if (!process.env[variable]) {
      throw new PublishError(
        `Cannot upload preview artifacts: ${variable} is not set. The runner only gives it to ` +
          'actions (`uses:`), not to `run:` steps or local runs; use mode `commit` or `none` there.'
      )
    }
  }
  const runAttempt =
    request.runAttempt || process.env['GITHUB_RUN_ATTEMPT'] || '1'
  const runId = request.runId ?? process.env['GITHUB_RUN_ID']
  const planned = request.files.map((file) => ({
    file: file.path,
    name: artifactName(request, runAttempt, file)
  }))
  const seen = new Map<string, string>()
  for (const { file, name } of planned) {
    const other = seen.get(name)
    if (other !== undefined) {
      throw new PublishError(
        `${other} and ${file} would both be uploaded as artifact '${name}'; give one a distinct name.`
      )
    }
    seen.set(name, file)
  }

  // With skipArchive @actions/artifact ignores the name it is given and names the artifact after
  // the file, so each file is uploaded from a copy that carries the artifact's name.
  const staging = await mkdtemp(
    join(process.env['RUNNER_TEMP'] || tmpdir(), 'assetgen-artifacts-')
  )
  const client = new DefaultArtifactClient()
  try {
    const artifacts = await mapBounded(
      planned,
      UPLOADS_IN_FLIGHT,
      async ({ file, name }) => {
        try {
          const staged = join(staging, name)
          await copyFile(file, staged)
          const { id, size } = await client.uploadArtifact(
            name,
            [staged],
            staging,
            {
              skipArchive: true,
              ...(request.retentionDays === undefined
                ? {}
                : { retentionDays: request.retentionDays })
            }
          )
          if (id === undefined)
            throw new Error('the service returned no artifact id')
          const url = artifactUrl(runId, id)
          return { file, name, id, size: size ?? 0, ...(url ? { url } : {}) }
        } catch (error) {
          throw new PublishError(
            `Uploading ${file} as artifact '${name}' failed: ${getErrorMessage(error)}`,
            { cause: error }
          )
        }
      }
    )
    return { artifacts }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Characters @actions/artifact refuses in a name (NTFS limits); they become `_`. */
const INVALID_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/g

function artifactName(
  request: UploadPreviewsRequest,
  runAttempt: string,
  file: PreviewFile
): string {
  let name = file.name
  if (name === undefined) {
    const path = relative(request.rootDirectory, file.path)
    const outside =
      path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)
    // A file outside the root (e.g. the manifest in RUNNER_TEMP) goes by its file name.
    name = outside ? basename(file.path) : path.split(sep).join('__')
  }
  return `${request.namePrefix}-${runAttempt}-${name}`.replace(
    INVALID_NAME_CHARACTERS,
    '_'
  )
}

function artifactUrl(
  runId: string | undefined,
  id: number
): string | undefined {
  const repository = process.env['GITHUB_REPOSITORY']
  if (!repository || !runId) return undefined
  const server = (
    process.env['GITHUB_SERVER_URL'] || 'https://github.com'
  ).replace(/\/+$/, '')
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`
}
