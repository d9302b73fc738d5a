import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi
} from 'vitest'
import { reportFailure, writeSummary } from '../src/action-report.js'
import { SpecError } from '../src/errors.js'
import { clearSecrets, registerSecret } from '../src/safe-text.js'
import { tempDir } from './helpers/temp-dir.js'

const SECRET = 'agk_action_report_secret_5'

afterEach(() => {
  clearSecrets()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

// @actions/core remembers the summary file of its first write, so every test shares one.
let directory: AsyncDisposable & { path: string }
beforeAll(async () => {
  directory = await tempDir()
})
afterAll(() => directory[Symbol.asyncDispose]())

/** An empty job summary file as the runner provides one. */
async function summaryFile(): Promise<string> {
  const path = join(directory.path, 'summary.md')
  await writeFile(path, '')
  vi.stubEnv('GITHUB_STEP_SUMMARY', path)
  return path
}

describe('writeSummary', () => {
  it('redacts registered secrets on the way out', async () => {
    const path = await summaryFile()
    registerSecret(SECRET)
    await writeSummary(`error: Invalid key ${SECRET}\n`)
    expect(await readFile(path, 'utf8')).toBe('error: Invalid key ***\n')
  })
})

describe('reportFailure', () => {
  it('keeps outside text in annotations and the summary inert', async () => {
    const path = await summaryFile()
    registerSecret(SECRET)
    const printed: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk))
      return true
    })
    const hostile = `bad ${SECRET}\n::error title=pwned::x <img src=x> @acme/team`
    await reportFailure(
      new SpecError([
        {
          file: 'assetgen.yml',
          path: 'assets[0].out',
          line: 3,
          column: 5,
          message: hostile
        }
      ])
    )
    const log = printed.join('')
    expect(log).not.toContain(SECRET)
    expect(log.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      expect.stringMatching(/^::error title=assetgen spec,file=assetgen\.yml/)
    ])
    const summary = await readFile(path, 'utf8')
    expect(summary).not.toContain(SECRET)
    expect(summary).toContain(
      '- `assetgen.yml:3:5: assets[0].out: bad *** ::error title=pwned::x <img src=x> @acme/team`'
    )
    // The first line of the message, outside a code span, is escaped.
    expect(summary).toContain('1 problem in the spec:')
  })

  it('escapes a plain error message in the summary', async () => {
    const path = await summaryFile()
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    await reportFailure(new Error('GitHub said <img src=x> [click](https://x)'))
    const summary = await readFile(path, 'utf8')
    expect(summary).toContain(
      'GitHub said &lt;img src=x&gt; \\[click\\](https&#58;//x)'
    )
  })
})
