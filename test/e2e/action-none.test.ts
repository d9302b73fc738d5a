import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import {
  byPrompt,
  error,
  hang,
  ok,
  sequence,
  rateLimited,
  startFakeGateway,
  withWarnings,
  type FakeGateway
} from '../fakes/gateway.js'
import { runAction } from '../helpers/runner.js'
import { workspace } from '../helpers/workspace.js'

const KEY = 'agw_secret_key_1234567890'
let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: KEY })
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.reset()
  gateway.behavior = ok()
})

const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: public/img }
assets:
  - id: hero
    prompt: A trail at dawn
    size: 256x128
  - id: icon
    prompt: An app icon
    size: 64x64
  - id: banner
    prompt: A wide banner
    size: 320x64
`

const modeNone = (extra: Record<string, string> = {}) => ({
  mode: 'none',
  'api-key': KEY,
  'gateway-url': gateway.url,
  'max-retries': '1',
  ...extra
})

describe('dist/index.js in mode none', () => {
  it('generates, writes files and lockfile, sets outputs and a summary, and never prints the key', async () => {
    await using ws = await workspace(spec)
    const run = await runAction({
      workspace: ws.root,
      inputs: modeNone({ 'max-cost': '5' })
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      generated: '3',
      skipped: '0',
      failed: '0',
      changed: 'true',
      cost: '0.0900',
      'estimated-cost': '0.0900'
    })
    expect(gateway.requestCount()).toBe(3)
    // Tagged for the gateway's spend reports (tag-requests defaults to true).
    expect(
      gateway.requests.map((request) => request.body.providerOptions?.gateway)
    ).toContainEqual({
      tags: ['repository:acme/site', 'asset:hero'],
      user: 'acme/site'
    })
    expect(run.manifest?.totals).toMatchObject({
      cost: 0.09,
      estimatedCost: 0.09
    })
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets).sort()).toEqual([
      'banner',
      'hero',
      'icon'
    ])
    for (const entry of Object.values(lockfile.assets)) {
      expect(await readFile(join(ws.root, entry.out))).toHaveLength(entry.bytes)
    }
    expect(run.summary).toContain('3 generated')
    expect(run.summary).toMatch(/\| `hero` \| ✅ generated \|/)
    expect(run.manifest?.assets.map((asset) => asset.id)).toEqual([
      'hero',
      'icon',
      'banner'
    ])
    expect(run.manifest?.assets[0]).toMatchObject({
      status: 'generated',
      width: 256,
      height: 128,
      attempts: 1,
      cost: 0.03
    })
    // The key is masked for the runner and appears nowhere else.
    expect(run.stdout).toContain(`::add-mask::${KEY}`)
    const leaks = [
      run.stdout.replace(`::add-mask::${KEY}`, ''),
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(run.manifest),
      await readFile(join(ws.root, 'assetgen.lock.json'), 'utf8')
    ]
    for (const text of leaks) expect(text).not.toContain(KEY)
    expect(run.stdout).toMatch(/\[1\/3\] .*generated/)
  })

  it('makes zero requests on a rerun and reports everything skipped', async () => {
    await using ws = await workspace(spec)
    await runAction({ workspace: ws.root, inputs: modeNone() })
    gateway.reset()
    const run = await runAction({ workspace: ws.root, inputs: modeNone() })
    expect(run.code).toBe(0)
    expect(gateway.requestCount()).toBe(0)
    expect(run.outputs).toMatchObject({
      generated: '0',
      skipped: '3',
      changed: 'false'
    })
  })

  it('fails the step when an asset fails (fail-on-error), keeping the others; passes with fail-on-error false', async () => {
    gateway.behavior = byPrompt({
      'An app icon': error(500, 'internal_server_error', 'boom'),
      'A trail': sequence(rateLimited(0), ok()),
      // The gateway's text tries to start a workflow command on a line of its own.
      'A wide banner': withWarnings([
        {
          type: 'unsupported',
          feature: 'seed',
          details: 'no seeds\n::set-output name=changed::false'
        }
      ])
    })
    await using ws = await workspace(spec)
    const run = await runAction({ workspace: ws.root, inputs: modeNone() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::1 of 3 assets failed/)
    // The SDK's warning is an annotation in words, inert; the SDK itself logs nothing.
    expect(run.stdout).toContain(
      '::warning title=assetgen%3A banner::the model ignored `seed` (no seeds :%253Aset-output name=changed:%253Afalse)'
    )
    expect(run.stdout).not.toMatch(/^::set-output/m)
    expect(run.stderr).not.toContain('AI SDK Warning')
    expect(run.outputs).toMatchObject({ generated: '2', failed: '1' })
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets).sort()).toEqual(['banner', 'hero'])
    expect(
      run.manifest?.assets.find((asset) => asset.id === 'hero')
    ).toMatchObject({ attempts: 2, status: 'generated' })
    expect(
      run.manifest?.assets.find((asset) => asset.id === 'icon')?.error
    ).toMatch(/500.*boom.*after 2 attempts/)
    gateway.reset()
    const lenient = await runAction({
      workspace: ws.root,
      inputs: modeNone({ 'fail-on-error': 'false' })
    })
    expect(lenient.code).toBe(0)
    expect(gateway.requestCount()).toBe(2) // only the failed icon, retried once
  })

  it('times out a hung request per the timeout input', async () => {
    gateway.behavior = byPrompt({ 'A wide banner': hang() })
    await using ws = await workspace(spec)
    const run = await runAction({
      workspace: ws.root,
      inputs: modeNone({ timeout: '1' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ generated: '2', failed: '1' })
    expect(
      run.manifest?.assets.find((asset) => asset.id === 'banner')?.error
    ).toMatch(/timed out/)
  })

  it('refuses to run without a key or placeholder, with a message saying what to set', async () => {
    await using ws = await workspace(spec)
    const run = await runAction({
      workspace: ws.root,
      inputs: { mode: 'none' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::no AI Gateway key: .*api-key.*placeholder: true/
    )
    expect(gateway.requestCount()).toBe(0)
  })

  it('takes the key from env AI_GATEWAY_API_KEY when the input is empty', async () => {
    await using ws = await workspace(spec)
    const run = await runAction({
      workspace: ws.root,
      inputs: { mode: 'none', 'gateway-url': gateway.url },
      env: { AI_GATEWAY_API_KEY: KEY }
    })
    expect(run.code).toBe(0)
    expect(gateway.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(run.stdout).toContain(`::add-mask::${KEY}`)
  })

  it('plans only on dry-run: no request, no write, a plan summary', async () => {
    await using ws = await workspace(spec)
    const run = await runAction({
      workspace: ws.root,
      inputs: modeNone({ 'dry-run': 'true' })
    })
    expect(run.code).toBe(0)
    expect(gateway.requestCount()).toBe(0)
    await expect(readFile(join(ws.root, 'assetgen.lock.json'))).rejects.toThrow(
      /ENOENT/
    )
    expect(run.summary).toMatch(/Plan: \d+ to generate, 0 to reprocess, 0 kept/)
    expect(run.summary).toContain('🆕 new')
    expect(run.summary).not.toMatch(/\b0 generated/)
    expect(run.summary).toContain('estimated $0.09')
    expect(run.outputs['estimated-cost']).toBe('0.0900')
    expect(run.manifest?.dryRun).toBe(true)
  })

  it('warns once per model id it does not know, naming its assets, and still plans them', async () => {
    await using ws = await workspace(
      spec.replace(
        '    size: 64x64\n',
        '    size: 64x64\n    model: acme/brand-new-model\n'
      )
    )
    const run = await runAction({
      workspace: ws.root,
      inputs: modeNone({ 'dry-run': 'true' })
    })
    expect(run.code).toBe(0)
    const warnings = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning::model '))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^::warning::model "acme\/brand-new-model" \(icon\) is not one assetgen knows.*Known: bfl\/flux-2-pro/
    )
    expect(run.summary).toMatch(/Plan: 3 to generate/)
  })

  it('annotates every spec problem with file, line and column, before any request', async () => {
    await using ws = await workspace(
      `version: 1\nassets:\n  - id: hero\n    prompt: x\n    size: 3000x3000\n  - id: Bad Id\n    prompt: y\n`
    )
    const run = await runAction({ workspace: ws.root, inputs: modeNone() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=assetgen spec,file=assetgen.yml,line=5,col=\d+::assets\[0\]\.size: /
    )
    expect(run.stdout).toMatch(
      /::error title=assetgen spec,file=assetgen.yml,line=6,col=\d+::assets\[1\]\.id: /
    )
    expect(gateway.requestCount()).toBe(0)
    expect(run.summary).toContain('### assetgen failed')
    expect(run.summary).toMatch(/`assetgen.yml:5:\d+: assets\[0\]\.size: /)
  })

  it('renders placeholders with placeholder: true and no key', async () => {
    await using ws = await workspace(spec)
    const run = await runAction({
      workspace: ws.root,
      inputs: { mode: 'none', placeholder: 'true' }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.generated).toBe('3')
    expect(gateway.requestCount()).toBe(0)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(
      Object.values(lockfile.assets).every(
        (entry) => entry.placeholder === true
      )
    ).toBe(true)
  })
})
