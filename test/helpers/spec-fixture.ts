/**
 * Helpers for the broken-spec corpus in test/fixtures/specs: each fixture
 * states the one problem it must produce in `# expect-*` header lines, and may
 * name a `# setup:` that creates files which should not be committed (huge,
 * corrupt, or symlinks leading outside the workspace).
 */
import {
  cp,
  rm,
  mkdir,
  mkdtemp,
  readFile,
  symlink,
  truncate,
  writeFile
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The committed corpus: broken specs at the top level, valid ones in valid/,
 * images in refs/.
 */
export const FIXTURE_DIR = path.resolve(
  fileURLToPath(import.meta.url),
  '../../fixtures/specs'
)

/** What a broken fixture must produce. */
export interface Expectation {
  path: string
  line?: number
  column?: number
  message: string
  setup?: string
}

/** Reads the `# expect-*` and `# setup:` header lines of a fixture. */
export function readExpectation(text: string): Expectation {
  const header = new Map<string, string>()
  for (const line of text.split('\n')) {
    const match = /^# (expect-[a-z]+|setup):(.*)$/.exec(line)
    if (!match) break
    header.set(match[1], match[2].trim())
  }
  const message = header.get('expect-message')
  if (!header.has('expect-path') || !message) {
    throw new Error(
      'a fixture needs # expect-path: and # expect-message: lines'
    )
  }
  const number = (key: string): number | undefined =>
    header.has(key) ? Number(header.get(key)) : undefined
  return {
    path: header.get('expect-path') as string,
    line: number('expect-line'),
    column: number('expect-column'),
    message,
    setup: header.get('setup')
  }
}

/**
 * A temporary workspace holding a copy of the corpus, and a folder outside it.
 */
export interface FixtureWorkspace {
  root: string
  outside: string
  /** Deletes both. */
  remove: () => Promise<void>
}

/**
 * Copies the corpus into a fresh temporary workspace (so setups never touch the
 * repository).
 */
export async function createFixtureWorkspace(): Promise<FixtureWorkspace> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'assetgen-spec-'))
  const root = path.join(base, 'workspace')
  const outside = path.join(base, 'outside')
  await cp(FIXTURE_DIR, root, { recursive: true })
  await mkdir(outside)
  await mkdir(path.join(root, 'made'))
  const remove = (): Promise<void> => rm(base, { recursive: true, force: true })
  return { root, outside, remove }
}

const PNG_SIGNATURE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a
])

/** Setups by name, as fixtures refer to them. Each is idempotent. */
export const SETUPS: Record<
  string,
  (workspace: FixtureWorkspace, fixture: string) => Promise<void>
> = {
  // Comment lines past 1 MB: the loader must refuse before parsing.
  'pad-spec': async ({ root }, fixture) => {
    const file = path.join(root, fixture)
    const text = await readFile(file, 'utf8')
    await writeFile(
      file,
      text + '#'.padEnd(99, '.').concat('\n').repeat(11_000)
    )
  },
  // A real PNG outside the workspace, reached through a symlink inside it.
  'outside-symlink': async ({ root, outside }) => {
    const target = path.join(outside, 'secret.png')
    await cp(path.join(root, 'refs/a.png'), target)
    await symlinkOnce(target, path.join(root, 'made/outside.png'))
  },
  // A directory symlink leading outside the workspace, for outputs.
  'outside-dir-link': async ({ root, outside }) => {
    await symlinkOnce(outside, path.join(root, 'made/linked-dir'))
  },
  // 21 MB with a PNG signature; sparse, so cheap to create.
  'huge-reference': async ({ root }) => {
    const file = path.join(root, 'made/huge.png')
    await writeFile(file, PNG_SIGNATURE)
    await truncate(file, 21 * 1024 * 1024)
  },
  'text-as-png': async ({ root }) => {
    await writeFile(
      path.join(root, 'made/notes.png'),
      'not an image, just notes\n'
    )
  },
  // A PNG signature followed by junk: sniffs as PNG, fails to decode.
  'corrupt-png': async ({ root }) => {
    const junk = Buffer.from('this is not a PNG chunk stream at all')
    await writeFile(
      path.join(root, 'made/corrupt.png'),
      Buffer.concat([PNG_SIGNATURE, junk])
    )
  },
  // A real PNG cut inside its pixel data: its header reads fine, its pixels
  // do not.
  'truncated-png': async ({ root }) => {
    const whole = await readFile(path.join(root, 'refs/a.png'))
    const pixels = whole.indexOf('IDAT')
    await writeFile(
      path.join(root, 'made/truncated.png'),
      whole.subarray(0, pixels + 8)
    )
  },
  // 200,000 nested flow sequences: deeper than any parser's stack.
  'deep-brackets': async ({ root }, fixture) => {
    const file = path.join(root, fixture)
    const text = await readFile(file, 'utf8')
    if (text.includes('[[[')) return
    await writeFile(
      file,
      `${text.trimEnd()} ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`
    )
  },
  // A directory symlink inside the workspace leading into .git.
  'git-dir-link': async ({ root }) => {
    await mkdir(path.join(root, '.git/hooks'), { recursive: true })
    await symlinkOnce(
      path.join(root, '.git/hooks'),
      path.join(root, 'made/hooks-link')
    )
  }
}

async function symlinkOnce(target: string, link: string): Promise<void> {
  await symlink(target, link).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error
  })
}
