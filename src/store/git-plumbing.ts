/**
 * The few git plumbing commands the CLI's store needs, run with execFile (no shell) in the local
 * clone, with every output bounded.
 */
import { execFile, spawn } from 'node:child_process'

/** Output cap for listings: generous for a big store, finite for a broken one. */
export const MAX_LISTING_BYTES = 64 * 1024 * 1024

/** Runs `git args` in `cwd` and resolves with stdout; rejects with git's stderr on failure. */
export function git(
  cwd: string,
  args: string[],
  options: { maxBuffer?: number; env?: NodeJS.ProcessEnv; input?: string } = {}
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        maxBuffer: options.maxBuffer ?? MAX_LISTING_BYTES,
        env: { ...process.env, ...options.env },
        encoding: 'utf8'
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args[0]} failed: ${stderr.trim() || error.message}`,
              { cause: error }
            )
          )
        } else resolve(stdout)
      }
    )
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

/** The commit `ref` names, or undefined when it does not exist (or this is not a git clone). */
export async function resolveCommit(
  cwd: string,
  ref: string
): Promise<string | undefined> {
  try {
    return (
      await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    ).trim()
  } catch {
    return undefined
  }
}

/** One blob of a listing: its path, sha and size. */
export interface ListedBlob {
  path: string
  sha: string
  size: number
}

/** Blobs under `paths` (folders) at `commit`, recursively, with their sizes. */
export async function listBlobs(
  cwd: string,
  commit: string,
  paths: string[] = []
): Promise<ListedBlob[]> {
  const output = await git(cwd, [
    'ls-tree',
    '-r',
    '-l',
    '-z',
    commit,
    '--',
    ...paths
  ])
  const blobs: ListedBlob[] = []
  for (const line of output.split('\0')) {
    // `<mode> blob <sha> <size>\t<path>`
    const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/s.exec(line)
    if (match)
      blobs.push({ sha: match[1], size: Number(match[2]), path: match[3] })
  }
  return blobs
}

/**
 * Reads blobs through one `git cat-file --batch` process. Callers pass only blobs whose listed
 * sizes they accept, so the total read is bounded by them.
 */
export function readBlobs(
  cwd: string,
  shas: string[]
): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>()
  if (shas.length === 0) return Promise.resolve(found)
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git cat-file failed: ${stderr.trim()}`))
        return
      }
      const output = Buffer.concat(chunks)
      let offset = 0
      while (offset < output.length) {
        const end = output.indexOf(0x0a, offset)
        if (end < 0) break
        const header = output.subarray(offset, end).toString('utf8')
        const match = /^([0-9a-f]+) blob (\d+)$/.exec(header)
        if (!match) {
          offset = end + 1 // `<sha> missing`
          continue
        }
        const size = Number(match[2])
        found.set(match[1], output.subarray(end + 1, end + 1 + size))
        offset = end + 1 + size + 1
      }
      resolve(found)
    })
    child.stdin.end(`${shas.join('\n')}\n`)
  })
}
