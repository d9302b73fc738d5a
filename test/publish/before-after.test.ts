import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github.js'
import {
  blobUrl,
  existingFiles,
  resolveBeforeAfter
} from '../../src/publish/before-after.js'
import { FakeGitHub } from '../fakes/github.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>
const target = {
  owner: 'acme',
  repo: 'site',
  serverUrl: 'https://ghe.example.test'
}

beforeEach(async () => {
  github = await FakeGitHub.start()
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
})
afterEach(() => github.close())

/** A repository with many folders the lookups must not read. */
function seedBase(): string {
  const files: Record<string, string> = {
    'public/img/hero.png': 'old hero',
    'public/img/og/home.png': 'old og'
  }
  for (let index = 0; index < 50; index++) {
    files[`docs/section-${index}/page.md`] = `page ${index}`
  }
  return github.seedRepo(files)
}

describe('existingFiles', () => {
  it('finds files at a commit reading only the trees on their paths, each once', async () => {
    const base = seedBase()
    github.pushCommit('main', { 'public/img/new.png': 'added later' })
    const found = await existingFiles(octokit, target, base, [
      'public/img/hero.png',
      'public/img/og/home.png',
      'public/img/new.png',
      'public/img', // a folder, not a file
      'missing/deep/file.png'
    ])
    expect([...found].sort()).toEqual([
      'public/img/hero.png',
      'public/img/og/home.png'
    ])
    const reads = github.requests.map((request) => request.path)
    expect(reads[0]).toBe(`/repos/acme/site/git/commits/${base}`)
    const trees = github.requestsOf('GET', /git\/trees\//)
    // root, public, public/img, public/img/og: never docs/*, never recursive.
    expect(trees).toHaveLength(4)
    expect(trees.every((request) => !request.query.has('recursive'))).toBe(true)
    expect(new Set(trees.map((request) => request.path)).size).toBe(4)
  })
})

describe('resolveBeforeAfter', () => {
  it('pins before to the base commit and after to the store commit, paths percent-encoded', async () => {
    const base = github.seedRepo({ 'img/hero image.png': 'old hero' })
    const storeSha = github.seedRepo(
      { 'ab/abcd/preview.webp': 'preview', 'cd/cdef/preview.webp': 'p2' },
      'assetgen-store'
    )
    const images = await resolveBeforeAfter(octokit, target, {
      assets: [
        { id: 'hero', out: 'img/hero image.png' },
        { id: 'brand-new', out: 'img/brand-new.png' },
        { id: 'no-preview', out: 'img/none.png' }
      ],
      baseSha: base,
      store: {
        commitSha: storeSha,
        previews: new Map([
          ['hero', 'ab/abcd/preview.webp'],
          ['brand-new', 'cd/cdef/preview.webp']
        ])
      }
    })
    expect(images.get('hero')).toEqual({
      before: `https://ghe.example.test/acme/site/blob/${base}/img/hero%20image.png?raw=true`,
      after: `https://ghe.example.test/acme/site/blob/${storeSha}/ab/abcd/preview.webp?raw=true`
    })
    expect(images.get('brand-new')).toEqual({
      after: blobUrl(target, storeSha, 'cd/cdef/preview.webp')
    })
    expect(images.has('no-preview')).toBe(false)
    const hero = images.get('hero')
    expect(github.rawUrl(hero?.before ?? '')?.toString()).toBe('old hero')
    expect(github.rawUrl(hero?.after ?? '')?.toString()).toBe('preview')
  })

  it('still gives "after" when the base commit cannot be read, and warns', async () => {
    const warnings: string[] = []
    const images = await resolveBeforeAfter(octokit, target, {
      assets: [{ id: 'hero', out: 'img/hero.png' }],
      baseSha: 'f'.repeat(40),
      store: {
        commitSha: 'e'.repeat(40),
        previews: new Map([['hero', 'ab/abcd/preview.webp']])
      },
      warn: (message) => warnings.push(message)
    })
    expect(images.get('hero')).toEqual({
      after: blobUrl(target, 'e'.repeat(40), 'ab/abcd/preview.webp')
    })
    expect(warnings).toEqual([expect.stringMatching(/base commit/)])
  })
})

describe('existingFiles limits', () => {
  it('answers false for a path that runs through a file, without reading the file as a folder', async () => {
    const base = github.seedRepo({ 'img/hero.png': 'hero' })
    const found = await existingFiles(octokit, target, base, [
      'img/hero.png/inner.png',
      'img/hero.png'
    ])
    expect([...found]).toEqual(['img/hero.png'])
    // root and img only: a blob's sha is never asked for as a tree.
    expect(github.requestsOf('GET', /git\/trees\//)).toHaveLength(2)
  })

  it('checks at most 200 distinct paths', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 201; index++) files[`img/${index}.png`] = 'x'
    const base = github.seedRepo(files)
    const paths = Object.keys(files)
    const found = await existingFiles(octokit, target, base, [
      paths[0], // a repeat is not counted twice
      ...paths
    ])
    expect(found.size).toBe(200)
    expect(found.has(paths[200])).toBe(false)
  })
})

describe('resolveBeforeAfter inputs', () => {
  it('reads no base commit for a base that is not a full lowercase sha, or no assets', async () => {
    const base = github.seedRepo({ 'img/hero.png': 'old hero' })
    const assets = [{ id: 'hero', out: 'img/hero.png' }]
    for (const baseSha of [
      undefined,
      '',
      'main',
      `${base}0`,
      `0${base}`,
      base.toUpperCase()
    ]) {
      const images = await resolveBeforeAfter(octokit, target, {
        assets,
        baseSha
      })
      expect(images.size).toBe(0)
    }
    await resolveBeforeAfter(octokit, target, { assets: [], baseSha: base })
    expect(github.requests).toEqual([])
    // The same asset with the real sha does get its "before".
    const images = await resolveBeforeAfter(octokit, target, {
      assets,
      baseSha: base
    })
    expect(images.get('hero')).toEqual({
      before: blobUrl(target, base, 'img/hero.png')
    })
  })

  it('gives "before" alone without a store, and survives an unreadable base without warn', async () => {
    const base = github.seedRepo({ 'img/hero.png': 'old hero' })
    const images = await resolveBeforeAfter(octokit, target, {
      assets: [
        { id: 'hero', out: 'img/hero.png' },
        { id: 'new', out: 'img/new.png' }
      ],
      baseSha: base
    })
    expect([...images]).toEqual([
      ['hero', { before: blobUrl(target, base, 'img/hero.png') }]
    ])
    const unreadable = await resolveBeforeAfter(octokit, target, {
      assets: [{ id: 'hero', out: 'img/hero.png' }],
      baseSha: 'f'.repeat(40)
    })
    expect(unreadable.size).toBe(0)
  })
})
