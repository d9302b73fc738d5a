/**
 * One same-repo pull request run of dist/index.js, and one CLI build, against a gateway that
 * echoes the API key and injects workflow commands and Markdown, with a spec whose paths and
 * prompts carry the same. Every sink is searched: no key, no live command, no live Markdown.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import { FakeArtifactService } from '../fakes/artifact-service.js'
import {
  byPrompt,
  errorReply,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'
import { CLI_ENTRY, runAction } from '../helpers/runner.js'

const KEY = 'agk_hostile_key_5f3c9a1e7d2b'
const TOKEN = 'ghs_runner_token'
const INJECTION = [
  '',
  '::error title=pwned::owned by the gateway',
  '::add-mask::everything',
  '::set-output name=changed::pwned',
  '##[error]legacy pwned \u001b[2J\u001b]0;terminal title\u0007',
  '<img src=x onerror=alert(1)> @acme/security-team [click](https://evil.example)'
].join('\n')
const HOSTILE_OUT =
  'public/img/@acme-security-team <img src=x> [click](https:/evil.example) ::warning::x.png'

const spec = (withOld: boolean) => `version: 1
assets:
  - id: hero
    prompt: "A lighthouse ::error title=pwned::spec <img src=x> @acme/security-team"
    size: 64x64
    out: "${HOSTILE_OUT}"
  - id: broken
    prompt: "refused: the gateway echoes the key"
    size: 64x64
${
  withOld
    ? `  - id: old
    prompt: An asset about to be dropped
    size: 64x64
    out: "public/img/old @acme/security-team <img src=x>.png"
`
    : ''
}`

let gateway: FakeGateway
let github: FakeGitHub
let artifacts: FakeArtifactService

beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: KEY })
  gateway.behavior = byPrompt({
    refused: () =>
      errorReply(
        400,
        'invalid_request_error',
        `Invalid request for API key ${KEY} (${Buffer.from(KEY).toString('base64')})${INJECTION}`
      )
  })
  github = await FakeGitHub.start({ token: TOKEN })
  artifacts = await FakeArtifactService.start()
})
afterAll(async () => {
  await Promise.all([gateway.close(), github.close(), artifacts.close()])
})

/** Fails if `text` holds the key in any form a gateway might echo it in. */
function expectNoKey(text: string, sink: string): void {
  for (const form of [
    KEY,
    Buffer.from(KEY).toString('base64'),
    encodeURIComponent(KEY),
    TOKEN
  ])
    expect(text, `${sink} leaks a secret`).not.toContain(form)
}

/** Every line a runner would obey as a command is one we wrote. */
function expectOnlyOurCommands(log: string, sink: string): void {
  for (const line of log.split(/\r\n|\r|\n/)) {
    expect(line, sink).not.toContain('##[')
    const trimmed = line.trimStart()
    if (!trimmed.startsWith('::')) continue
    expect(trimmed, sink).toMatch(
      /^::(group|endgroup|debug|notice|warning|error|add-mask)::/
    )
    expect(trimmed, sink).not.toMatch(/^::(error|warning|notice) title=pwned/)
    // Our masks (and @actions/artifact's) only: never the one the gateway sent.
    expect(trimmed, sink).not.toBe('::add-mask::everything')
  }
}

/** Markdown with its code spans removed: what GitHub renders as Markdown. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '')
}

/** No raw HTML, no notifying mention, no link from outside. */
function expectInertMarkdown(markdown: string, sink: string): void {
  const rendered = outsideCode(markdown)
  // Our own `<br>`, marker comment, folding and commit-pinned preview images are the only raw HTML.
  const ours =
    /<br>|<!-- assetgen:[a-z0-9-]+ -->|<\/?(?:details|summary)>|<img src="https:\/\/github\.com\/acme\/site\/blob\/[0-9a-f]{40}\/[\w./%-]+\?raw=true" width="\d+" alt="(?:before|after|asset)">/g
  expect(rendered.replace(ours, ''), sink).not.toContain('<')
  expect(rendered, sink).not.toMatch(/@acme\/security-team/)
  expect(rendered, sink).not.toMatch(/(?<!\\)\[click(?<!\\)\]/)
  expect(rendered, sink).not.toContain('https://evil.example')
}

describe('a hostile gateway on a same-repo pull request', () => {
  it('leaks the key through no sink and leaves no live command or Markdown', async () => {
    await using ws = await workspace(spec(true))
    // An earlier build generated `old`; dropping it from the spec makes its hostile path an orphan.
    await buildAgainst(ws.root, gateway, {
      imageModel: gatewayModelFactory({ apiKey: KEY, baseURL: gateway.url }),
      only: ['old']
    })
    await ws.write('assetgen.yml', spec(false))

    // A human quoting our marker: that comment must never be edited.
    const human = github.addComment(
      7,
      '<!-- assetgen:assetgen -->\nquoted by a human'
    )
    const run = await runAction({
      workspace: ws.root,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: {
        number: 7,
        pull_request: {
          number: 7,
          head: { ref: 'feature/x', repo: { full_name: 'acme/site' } }
        }
      },
      inputs: {
        'api-key': KEY,
        'gateway-url': gateway.url,
        'max-retries': '0'
      },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        ...artifacts.runtimeEnv()
      }
    })
    // The hostile message did reach us (so the checks below are not vacuous) …
    expect(run.stdout).toMatch(/Invalid request for API key \*\*\*/)
    expect(run.outputs.failed).toBe('1')
    expect(run.outputs.generated).toBe('1')

    // … the runner's log: stdout and stderr.
    const log = run.stdout
      .replace(`::add-mask::${KEY}`, '')
      .replace(`::add-mask::${TOKEN}`, '')
    expectNoKey(log, 'stdout')
    expectNoKey(run.stderr, 'stderr')
    expectOnlyOurCommands(run.stdout, 'stdout')
    expectOnlyOurCommands(run.stderr, 'stderr')

    // The outputs file.
    expectNoKey(JSON.stringify(run.outputs), 'outputs')
    expect(run.outputs.changed).toBe('true')

    // The job summary.
    expect(run.summary).toContain('Invalid request for API key \\*\\*\\*')
    expectNoKey(run.summary, 'summary')
    expectInertMarkdown(run.summary, 'summary')
    expect(run.summary).toMatch(/Orphans .*`public\/img\/old @acme/)

    // The PR comment, as GitHub stored it: a new one of our own, the human's left alone.
    const [quoted, comment, ...more] = github.listComments(7)
    expect(more).toEqual([])
    expect(quoted?.id).toBe(human.id)
    expect(quoted?.body).toBe('<!-- assetgen:assetgen -->\nquoted by a human')
    expect(comment?.user.login).toBe('github-actions[bot]')
    expect(comment?.body).toContain('broken')
    expectNoKey(comment?.body ?? '', 'comment')
    expectInertMarkdown(comment?.body ?? '', 'comment')

    // The manifest file, and the manifest uploaded as an artifact.
    expect(run.manifest?.assets.length).toBe(2)
    expectNoKey(JSON.stringify(run.manifest), 'manifest')
    expect(JSON.stringify(run.manifest)).toContain(
      'Invalid request for API key ***'
    )
    const uploaded = artifacts
      .list()
      .find((artifact) => /manifest/.test(artifact.name))
    expect(uploaded?.bytes?.length).toBeGreaterThan(0)
    expectNoKey(uploaded?.bytes?.toString() ?? '', 'manifest artifact')
    for (const artifact of artifacts.list())
      expectNoKey(artifact.name, 'artifact name')

    // The lockfile, and the one commit a preview makes: the image store's, key-free.
    expectNoKey(
      await readFile(join(ws.root, 'assetgen.lock.json'), 'utf8'),
      'lockfile'
    )
    const commits = github.requestsOf('POST', /git\/commits$/)
    expect(commits).toHaveLength(1)
    const storeCommit = commits[0]?.body as { message: string }
    expect(storeCommit.message).toMatch(/^assetgen: store 1 image/)
    expectNoKey(JSON.stringify(commits.map((commit) => commit.body)), 'commit')

    // The CLI with the same gateway: stdout, stderr and its --manifest.
    const cli = await runCli(ws.root, [
      'build',
      '--force',
      '--max-retries',
      '0',
      '--gateway-url',
      gateway.url,
      '--manifest',
      'cli-manifest.json'
    ])
    expect(cli.code).toBe(1)
    expect(cli.stdout).toMatch(/Invalid request for API key \*\*\*/)
    expectNoKey(cli.stdout, 'CLI stdout')
    expectNoKey(cli.stderr, 'CLI stderr')
    expectOnlyOurCommands(cli.stdout, 'CLI stdout')
    expectOnlyOurCommands(cli.stderr, 'CLI stderr')
    // No terminal escape sequence from the gateway reaches the terminal.
    expect(cli.stdout + cli.stderr + run.stdout).not.toContain('\u001b')
    expectNoKey(
      await readFile(join(ws.root, 'cli-manifest.json'), 'utf8'),
      'CLI manifest'
    )
    // --json is checked in-process (test/cli.test.ts): one bundle run is enough here.
  })
})

function runCli(
  cwd: string,
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? cwd,
      AI_GATEWAY_API_KEY: KEY
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  )
}
