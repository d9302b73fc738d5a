/**
 * The Git Data half of the fake GitHub: the REST routes that read and write the repository's
 * refs, commits, trees and blobs. The repository and its test helpers are in ./git-repo.ts.
 */
import { FakeGitRepo } from './git-repo.js'
import type { FlatEntry } from './git-store.js'
import { error, ok, type FakeResponse } from './github-responses.js'

/** The repository (./git-repo.ts) with GitHub's Git Data routes over it. */
export class FakeGitData extends FakeGitRepo {
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
      // GitHub gives a blob's size in tree listings (never a tree's).
      tree: tree.map(({ path, mode, type, sha: entrySha }) => ({
        path,
        mode,
        type,
        sha: entrySha,
        ...(type === 'blob'
          ? { size: this.git.blob(entrySha)?.length ?? 0 }
          : {})
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
