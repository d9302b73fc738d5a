import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const identity = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com'
}

/** Runs git in `cwd` and returns its stdout. */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...identity }
  })

/** A bare `origin` on disk and a clone of it with one commit on main; removed on dispose. */
export interface GitRemote extends AsyncDisposable {
  folder: string
  origin: string
  clone: string
  /** Pushes `files` onto `branch` of origin from another clone (created as an orphan when new). */
  push(
    branch: string,
    files: Record<string, string | Uint8Array>
  ): Promise<void>
}

/** Creates the remote and the clone; `files` go into main's first commit. */
export async function gitRemote(
  files: Record<string, string | Uint8Array> = { 'README.md': 'hello' }
): Promise<GitRemote> {
  const folder = await mkdtemp(join(tmpdir(), 'assetgen-git-'))
  const origin = join(folder, 'origin.git')
  const clone = join(folder, 'clone')
  git(folder, 'init', '--quiet', '--bare', '-b', 'main', origin)
  git(folder, 'clone', '--quiet', origin, clone)
  const write = async (root: string, entries: typeof files) => {
    for (const [path, content] of Object.entries(entries)) {
      await mkdir(dirname(join(root, path)), { recursive: true })
      await writeFile(join(root, path), content)
      git(root, 'add', path)
    }
  }
  await write(clone, files)
  git(clone, 'commit', '--quiet', '-m', 'init')
  git(clone, 'push', '--quiet', 'origin', 'HEAD:main')
  return {
    folder,
    origin,
    clone,
    async push(branch, entries) {
      const other = await mkdtemp(join(folder, 'other-'))
      git(folder, 'clone', '--quiet', origin, other)
      if (git(other, 'ls-remote', 'origin', branch).trim())
        git(other, 'checkout', '--quiet', branch)
      else {
        git(other, 'checkout', '--quiet', '--orphan', branch)
        git(other, 'rm', '-rq', '--cached', '.')
      }
      await write(other, entries)
      git(other, 'commit', '--quiet', '-m', `update ${branch}`)
      git(other, 'push', '--quiet', 'origin', branch)
    },
    [Symbol.asyncDispose]: () => rm(folder, { recursive: true, force: true })
  }
}
