/**
 * A real, content-addressed git object store for the fake GitHub: blobs, trees and commits are
 * hashed exactly as git hashes them, so a sha the code under test computes locally must match.
 */
import { createHash } from 'node:crypto'

export interface TreeItem {
  name: string
  mode: string
  type: 'blob' | 'tree'
  sha: string
}

export interface CommitObject {
  type: 'commit'
  tree: string
  parents: string[]
  message: string
  verified: boolean
}

export type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; items: TreeItem[] }
  | CommitObject

/** A file in a flattened tree. */
export interface FlatEntry {
  mode: string
  sha: string
}

function hashObject(type: string, body: Buffer): string {
  return createHash('sha1')
    .update(`${type} ${body.length}\0`)
    .update(body)
    .digest('hex')
}

/** Git orders tree entries by name, with a directory compared as `name/`. */
function sortKey(item: TreeItem): string {
  return item.type === 'tree' ? `${item.name}/` : item.name
}

export class GitStore {
  readonly objects = new Map<string, GitObject>()
  private clock = 1_700_000_000

  putBlob(content: Buffer): string {
    const sha = hashObject('blob', content)
    this.objects.set(sha, { type: 'blob', content })
    return sha
  }

  putTree(items: TreeItem[]): string {
    const sorted = [...items].sort((a, b) =>
      Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b)))
    )
    const body = Buffer.concat(
      sorted.flatMap((item) => [
        Buffer.from(
          `${item.type === 'tree' ? '40000' : item.mode} ${item.name}\0`
        ),
        Buffer.from(item.sha, 'hex')
      ])
    )
    const sha = hashObject('tree', body)
    this.objects.set(sha, { type: 'tree', items: sorted })
    return sha
  }

  putCommit(
    tree: string,
    parents: string[],
    message: string,
    verified: boolean
  ): string {
    const when = `${this.clock++} +0000`
    const text =
      `tree ${tree}\n` +
      parents.map((parent) => `parent ${parent}\n`).join('') +
      `author assetgen <assetgen@example.com> ${when}\n` +
      `committer GitHub <noreply@github.com> ${when}\n\n${message}`
    const sha = hashObject('commit', Buffer.from(text))
    this.objects.set(sha, { type: 'commit', tree, parents, message, verified })
    return sha
  }

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha)
  }

  blob(sha: string): Buffer | undefined {
    const object = this.objects.get(sha)
    return object?.type === 'blob' ? object.content : undefined
  }

  tree(sha: string): TreeItem[] | undefined {
    const object = this.objects.get(sha)
    return object?.type === 'tree' ? object.items : undefined
  }

  commit(sha: string): CommitObject | undefined {
    const object = this.objects.get(sha)
    return object?.type === 'commit' ? object : undefined
  }

  /** Every file under `treeSha` by full path. */
  flatten(treeSha: string, prefix = ''): Map<string, FlatEntry> {
    const files = new Map<string, FlatEntry>()
    for (const item of this.tree(treeSha) ?? []) {
      const path = prefix + item.name
      if (item.type === 'tree') {
        for (const [inner, entry] of this.flatten(item.sha, `${path}/`)) {
          files.set(inner, entry)
        }
      } else {
        files.set(path, { mode: item.mode, sha: item.sha })
      }
    }
    return files
  }

  /** Builds nested trees for `files` (full path → entry) and returns the root tree's sha. */
  buildTree(files: Map<string, FlatEntry>): string {
    const here: TreeItem[] = []
    const below = new Map<string, Map<string, FlatEntry>>()
    for (const [path, entry] of files) {
      const slash = path.indexOf('/')
      if (slash === -1) {
        here.push({
          name: path,
          mode: entry.mode,
          type: 'blob',
          sha: entry.sha
        })
      } else {
        const dir = path.slice(0, slash)
        const inner = below.get(dir) ?? new Map<string, FlatEntry>()
        inner.set(path.slice(slash + 1), entry)
        below.set(dir, inner)
      }
    }
    for (const [dir, inner] of below) {
      here.push({
        name: dir,
        mode: '040000',
        type: 'tree',
        sha: this.buildTree(inner)
      })
    }
    return this.putTree(here)
  }

  /** Every entry under `treeSha`, trees included, as GET git/trees?recursive=1 lists them. */
  listRecursive(
    treeSha: string,
    prefix = ''
  ): Array<TreeItem & { path: string; size?: number }> {
    return (this.tree(treeSha) ?? []).flatMap((item) => {
      const path = prefix + item.name
      if (item.type === 'tree') {
        return [{ ...item, path }, ...this.listRecursive(item.sha, `${path}/`)]
      }
      return [{ ...item, path, size: this.blob(item.sha)?.length ?? 0 }]
    })
  }

  /** Whether `ancestor` is `descendant` or reachable from it through parents. */
  isAncestor(ancestor: string, descendant: string): boolean {
    const queue = [descendant]
    const seen = new Set<string>()
    while (queue.length > 0) {
      const sha = queue.pop() as string
      if (sha === ancestor) return true
      if (seen.has(sha)) continue
      seen.add(sha)
      queue.push(...(this.commit(sha)?.parents ?? []))
    }
    return false
  }

  commitCount(): number {
    let count = 0
    for (const object of this.objects.values()) {
      if (object.type === 'commit') count++
    }
    return count
  }
}
