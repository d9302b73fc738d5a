/**
 * The Git Data half of the fake GitHub: branches over a real git object store, the REST routes
 * that read and write them, and helpers for tests to set up and inspect the repository.
 */
import { GitStore } from './git-store.js'
import type { FlatEntry } from './git-store.js'

export interface FakeResponse {
  status: number
  /** An object is sent as JSON, a string as text/html. */
  body?: unknown
  headers?: Record<string, string>
}

export function ok(body: unknown): FakeResponse {
  return { status: 200, body }
}

/** A GitHub-shaped error. */
export function error(status: number, message: string): FakeResponse {
  return {
    status,
    body: { message, documentation_url: 'https://docs.github.com/rest' }
  }
}

export class FakeGitData {
  readonly git = new GitStore()
  readonly refs = new Map<string, string>()
  /** Answer recursive tree listings as GitHub does for huge trees: one level, `truncated: true`. */
  truncateTreeListings = false
  /** Branches whose ref writes (and every object write) answer 403, as for a `contents: read` token. */
  private readonly deniedBranches = new Set<string>()

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

  /** Answers a Git Data request (`path` relative to `/repos/o/r/`), or undefined if not one. */
  protected routeGit(
    method: string,
    path: string,
    query: URLSearchParams,
    body: any
  ): FakeResponse | undefined {
    let m: RegExpMatchArray | null
    if (method === 'GET' && (m = path.match(/^git\/ref\/heads\/(.+)$/))) {
      const sha = this.refs.get(m[1])
      if (sha === undefined) return error(404, 'Not Found')
      return ok({ ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit' } })
    }
    const denied = this.deniedWrite(method, path, body)
    if (denied) return denied
    if (method === 'PATCH' && (m = path.match(/^git\/refs\/heads\/(.+)$/))) {
      return this.updateRef(m[1], body)
    }
    if (method === 'POST' && path === 'git/refs') return this.createRef(body)
    if (method === 'GET' && (m = path.match(/^git\/commits\/(\w+)$/))) {
      if (this.git.commit(m[1]) === undefined) {
        return error(404, 'Not Found')
      }
      return ok(this.commitJson(m[1]))
    }
    if (method === 'POST' && path === 'git/commits') {
      return this.createCommit(body)
    }
    if (method === 'GET' && (m = path.match(/^git\/trees\/(\w+)$/))) {
      return this.getTree(m[1], query.has('recursive'))
    }
    if (method === 'POST' && path === 'git/trees') return this.createTree(body)
    if (method === 'GET' && (m = path.match(/^git\/blobs\/(\w+)$/))) {
      const content = this.git.blob(m[1])
      if (content === undefined) return error(404, 'Not Found')
      // GitHub wraps base64 at 60 characters; readers must cope with the line breaks.
      const base64 = content.toString('base64').replace(/.{60}/g, '$&\n')
      return ok({
        sha: m[1],
        size: content.length,
        encoding: 'base64',
        content: base64
      })
    }
    if (method === 'POST' && path === 'git/blobs') {
      const encoding = body.encoding === 'base64' ? 'base64' : 'utf8'
      const sha = this.git.putBlob(Buffer.from(body.content, encoding))
      return { status: 201, body: { sha } }
    }
    return undefined
  }

  private deniedWrite(
    method: string,
    path: string,
    body: any
  ): FakeResponse | undefined {
    if (this.deniedBranches.size === 0 || method === 'GET') return undefined
    const objectWrite = /^git\/(blobs|trees|commits)$/.test(path)
    const refWrite =
      path === 'git/refs'
        ? String(body?.ref ?? '').replace(/^refs\/heads\//, '')
        : /^git\/refs\/heads\/(.+)$/.exec(path)?.[1]
    if (
      objectWrite ||
      (refWrite !== undefined && this.deniedBranches.has(refWrite))
    ) {
      return error(403, 'Resource not accessible by integration')
    }
    return undefined
  }

  private createRef(body: any): FakeResponse {
    const ref = String(body?.ref ?? '')
    if (!/^refs\/heads\/.+/.test(ref)) {
      return error(422, 'Reference name must start with refs/heads/')
    }
    const branch = ref.slice('refs/heads/'.length)
    if (this.refs.has(branch)) return error(422, 'Reference already exists')
    if (this.git.commit(body.sha) === undefined) {
      return error(422, 'Object does not exist')
    }
    this.refs.set(branch, body.sha)
    return {
      status: 201,
      body: { ref, object: { sha: body.sha, type: 'commit' } }
    }
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

  private commitJson(sha: string) {
    const commit = this.commitOf(sha)
    return {
      sha,
      message: commit.message,
      tree: { sha: commit.tree },
      parents: commit.parents.map((parent) => ({ sha: parent })),
      verification: {
        verified: commit.verified,
        reason: commit.verified ? 'valid' : 'unsigned',
        signature: null,
        payload: null
      }
    }
  }

  private createCommit(body: any): FakeResponse {
    if (this.git.tree(body.tree) === undefined) {
      return error(422, 'Tree SHA does not exist')
    }
    const parents: string[] = body.parents ?? []
    if (parents.some((parent) => this.git.commit(parent) === undefined)) {
      return error(422, 'Parent SHA does not exist or is not a commit object')
    }
    // GitHub signs API commits made with an App/Actions token unless author/committer are set.
    const verified = body.author === undefined && body.committer === undefined
    const sha = this.git.putCommit(body.tree, parents, body.message, verified)
    return { status: 201, body: this.commitJson(sha) }
  }

  private updateRef(branch: string, body: any): FakeResponse {
    const current = this.refs.get(branch)
    if (current === undefined) return error(422, 'Reference does not exist')
    if (this.git.commit(body.sha) === undefined) {
      return error(422, 'Object does not exist')
    }
    if (!body.force && !this.git.isAncestor(current, body.sha)) {
      return error(422, 'Update is not a fast forward')
    }
    this.refs.set(branch, body.sha)
    return ok({
      ref: `refs/heads/${branch}`,
      object: { sha: body.sha, type: 'commit' }
    })
  }

  private getTree(sha: string, recursive: boolean): FakeResponse {
    const items = this.git.tree(sha)
    if (items === undefined) return error(404, 'Not Found')
    const truncated = recursive && this.truncateTreeListings
    const tree =
      recursive && !truncated
        ? this.git.listRecursive(sha)
        : items.map((item) => ({ ...item, path: item.name }))
    return ok({
      sha,
      truncated,
      tree: tree.map(({ path, mode, type, sha: entrySha }) => ({
        path,
        mode,
        type,
        sha: entrySha
      }))
    })
  }

  private createTree(body: any): FakeResponse {
    let files = new Map<string, FlatEntry>()
    if (body.base_tree !== undefined) {
      if (this.git.tree(body.base_tree) === undefined) {
        return error(422, 'Invalid base_tree')
      }
      files = this.git.flatten(body.base_tree)
    }
    for (const entry of body.tree as any[]) {
      if (entry.sha === null) {
        files.delete(entry.path)
      } else if (entry.content !== undefined) {
        const sha = this.git.putBlob(Buffer.from(entry.content))
        files.set(entry.path, { mode: entry.mode, sha })
      } else if (this.git.blob(entry.sha) === undefined) {
        return error(422, `tree.sha ${entry.sha} is not a valid blob`)
      } else {
        files.set(entry.path, { mode: entry.mode, sha: entry.sha })
      }
    }
    const sha = this.git.buildTree(files)
    return { status: 201, body: { sha, truncated: false, tree: [] } }
  }
}
