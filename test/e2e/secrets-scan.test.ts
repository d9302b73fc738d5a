/**
 * A scan for leaked secrets in everything the bundled action (dist/index.js as a child process)
 * wrote or sent: logs, summary, outputs, manifest, workspace files, GitHub requests and objects,
 * and gateway requests.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { byPrompt, error, type FakeGateway } from '../fakes/gateway.js'
import type { FakeGitHub } from '../fakes/github.js'
import { actionFakesBeforeEach } from '../helpers/action-fakes.js'
import { KEY, TOKEN, spec } from '../helpers/publish-faults.js'
import { workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
let github: FakeGitHub
const run = actionFakesBeforeEach(KEY, TOKEN, (fakes) => {
  ;({ gateway, github } = fakes)
})

/** Every file under `dir`, workspace-relative, with its bytes. */
async function allFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = new Map<string, Buffer>()
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path), await readFile(path))
  }
  return files
}

describe('secrets', () => {
  it('never leak: not in logs, summary, outputs, manifest, files, nor anything sent to GitHub', async () => {
    github.seedRepo({ 'assetgen.yml': spec })
    // One asset fails, so the error paths (annotations, summary rows) are covered too.
    gateway.behavior = byPrompt({
      'An app icon': error(500, 'internal_server_error', 'upstream exploded')
    })
    await using ws = await workspace(spec)
    const result = await run(ws.root, { inputs: { 'max-retries': '0' } })
    expect(result.code).toBe(1)
    expect(result.outputs['commit-sha']).toBe(github.headSha('main'))
    // The runner is asked to mask both...
    expect(result.stdout).toContain(`::add-mask::${KEY}`)
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`)

    // ...and nothing else carries either of them, in text or base64.
    const texts = new Map<string, string | Buffer>([
      [
        'stdout',
        result.stdout
          .split('\n')
          .filter((line) => !line.startsWith('::add-mask::'))
          .join('\n')
      ],
      ['stderr', result.stderr],
      ['summary', result.summary],
      ['outputs', JSON.stringify(result.outputs)],
      ['manifest', JSON.stringify(result.manifest)]
    ])
    expect(result.manifest).toBeDefined()
    for (const [path, bytes] of await allFiles(ws.root))
      texts.set(`workspace ${path}`, bytes)
    for (const [index, request] of github.requests.entries()) {
      texts.set(
        `github request ${index} ${request.method} ${request.path}`,
        `${request.path}?${request.query.toString()} ${JSON.stringify(request.body ?? null)}`
      )
      const content = (request.body as { content?: unknown } | undefined)
        ?.content
      if (typeof content === 'string')
        texts.set(
          `github blob ${index}`,
          Buffer.from(content, 'base64') // what the blob actually stores
        )
    }
    for (const [sha, object] of github.git.objects) {
      if (object.type === 'blob') texts.set(`git blob ${sha}`, object.content)
      if (object.type === 'commit')
        texts.set(`git commit ${sha}`, object.message)
      if (object.type === 'tree')
        texts.set(`git tree ${sha}`, JSON.stringify(object.items))
    }
    for (const [index, request] of gateway.requests.entries())
      texts.set(`gateway request ${index}`, JSON.stringify(request.body))
    // The committed files really were scanned.
    expect(
      [...texts.keys()].filter((name) => name.startsWith('git blob'))
    ).not.toHaveLength(0)

    for (const secret of [KEY, TOKEN]) {
      const base64 = Buffer.from(secret).toString('base64').slice(0, 16)
      for (const [name, text] of texts) {
        const haystack = Buffer.isBuffer(text) ? text.toString('latin1') : text
        expect(haystack, `${name} contains a secret`).not.toContain(secret)
        expect(haystack, `${name} contains a base64 secret`).not.toContain(
          base64
        )
      }
    }
  })
})
