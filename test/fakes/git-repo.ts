/**
 * The repository behind the fake GitHub: branches over a real git object store (./git-store.ts),
 * and the helpers tests use to set it up and inspect it. The REST routes over it are in
 * ./git-data.ts.
 */
import { GitStore } from './git-store.js'
import type { FlatEntry } from './git-store.js'

/** Branches over a git object store, with setup and inspection helpers for tests. */
export class FakeGitRepo {
  readonly git = new GitStore()
  readonly refs = new Map<string, string>()
  /** Answer recursive tree listings as GitHub does for huge trees: one level, `truncated: true`. */
  truncateTreeListings = false
  /** Branches whose ref writes (and every object write) answer 403, as for a `contents: read` token. */
  protected readonly deniedBranches = new Set<string>()

  /**
   * Answers 403 `Resource not accessible by integration` to creating or moving `branch`, and to
   * every blob, tree and commit upload (a `contents: read` token fails on its first blob).
   */
  denyWritesTo(branch: string): void {
    this.deniedBranches.add(branch)
  }

  /**
   * The bytes a `{server}/{owner}/{repo}/blob/{sha}/{path}?raw=true` URL shows, or undefined when
   * the URL is not of that form or names nothing in the repository. The server and repository
   * parts are not checked here: the caller asserts on them.
   */
  rawUrl(url: string): Buffer | undefined {
    const parsed = new URL(url)
    if (parsed.searchParams.get('raw') !== 'true') return undefined
    const match = /^\/[^/]+\/[^/]+\/blob\/([0-9a-f]{40})\/(.+)$/.exec(
      parsed.pathname
    )
    if (match === null || this.git.commit(match[1]) === undefined) {
      return undefined
    }
    const path = match[2].split('/').map(decodeURIComponent).join('/')
    return this.readFileAt(match[1], path)
  }

  /** Creates a root commit holding `files` and points `branch` at it. */
  seedRepo(files: Record<string, string | Buffer>, branch = 'main'): string {
    const tree = this.git.buildTree(this.toEntries(files))
    const sha = this.git.putCommit(tree, [], 'Initial commit', true)
    this.refs.set(branch, sha)
    return sha
  }

  /** Someone else pushes: a commit on top of `branch` that sets `files`. */
  pushCommit(
    branch: string,
    files: Record<string, string | Buffer>,
    message = 'Someone else'
  ): string {
    const head = this.headSha(branch)
    const tree = this.git.flatten(this.commitOf(head).tree)
    for (const [path, entry] of this.toEntries(files)) tree.set(path, entry)
    const root = this.git.buildTree(tree)
    const sha = this.git.putCommit(root, [head], message, true)
    this.refs.set(branch, sha)
    return sha
  }

  headSha(branch: string): string {
    const sha = this.refs.get(branch)
    if (sha === undefined) throw new Error(`no branch ${branch}`)
    return sha
  }

  /** A file's bytes at a branch or commit sha. */
  readFileAt(ref: string, path: string): Buffer | undefined {
    const entry = this.flatAt(ref).get(path)
    return entry === undefined ? undefined : this.git.blob(entry.sha)
  }

  /** Every file path at a branch or commit sha. */
  filesAt(ref: string): string[] {
    return [...this.flatAt(ref).keys()]
  }

  commitCount(): number {
    return this.git.commitCount()
  }

  commitOf(sha: string) {
    const commit = this.git.commit(sha)
    if (commit === undefined) throw new Error(`no commit ${sha}`)
    return commit
  }

  private flatAt(ref: string): Map<string, FlatEntry> {
    return this.git.flatten(this.commitOf(this.refs.get(ref) ?? ref).tree)
  }

  private toEntries(
    files: Record<string, string | Buffer>
  ): Map<string, FlatEntry> {
    return new Map(
      Object.entries(files).map(([path, content]) => [
        path,
        { mode: '100644', sha: this.git.putBlob(Buffer.from(content)) }
      ])
    )
  }
}
