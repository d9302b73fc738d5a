import { describe, expect, it } from 'vitest'
import type { AssetOutcome } from '../../src/generate/outcome.js'
import { formatProgress } from '../../src/report/progress.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'

const outcome = (overrides: Partial<AssetOutcome>): AssetOutcome => ({
  id: 'hero',
  status: 'generated',
  planStatus: 'new',
  reason: 'not in the lockfile',
  out: 'assets/hero.png',
  cost: 0.03,
  durationMs: 3210,
  attempts: 1,
  warnings: [],
  variants: [],
  placeholder: false,
  files: [],
  ...overrides
})

describe('formatProgress', () => {
  it('prints the counter, aligned id and status, time and cost', () => {
    expect(
      formatProgress({ done: 3, total: 48, idWidth: 8, outcome: outcome({}) })
    ).toBe('[ 3/48]  hero      generated    3.2s  $0.03')
  })

  it('adds attempts, the reason of a skip and the error of a failure', () => {
    expect(
      formatProgress({
        done: 1,
        total: 2,
        idWidth: 4,
        outcome: outcome({
          status: 'skipped',
          cost: 0,
          durationMs: 0,
          reason: 'up to date'
        })
      })
    ).toBe('[1/2]  hero  skipped      (up to date)')
    expect(
      formatProgress({
        done: 2,
        total: 2,
        idWidth: 4,
        outcome: outcome({
          status: 'failed',
          cost: 0,
          attempts: 3,
          error: 'rate limited after 3 attempts'
        })
      })
    ).toBe(
      '[2/2]  hero  failed       3.2s  3 attempts  error: rate limited after 3 attempts'
    )
  })

  it('keeps a gateway error from starting a workflow command, and redacts it', () => {
    registerSecret('agk_progress_secret_9')
    try {
      const line = formatProgress({
        done: 1,
        total: 1,
        idWidth: 4,
        outcome: outcome({
          status: 'failed',
          error: 'bad key agk_progress_secret_9\n::error title=pwned::x',
          warnings: ['w\r\n::add-mask::y']
        })
      })
      expect(line).not.toMatch(/[\r\n]/)
      expect(line).not.toContain('::')
      expect(line).toContain('error: bad key ***%0A:%3Aerror title=pwned:%3Ax')
    } finally {
      clearSecrets()
    }
  })

  it('says a budget stopped an asset, and why', () => {
    expect(
      formatProgress({
        done: 3,
        total: 6,
        idWidth: 2,
        outcome: outcome({
          id: 'a2',
          status: 'skipped',
          stoppedBy: 'max-cost',
          cost: 0,
          durationMs: 0,
          error: 'max-cost $1.20 reached'
        })
      })
    ).toBe(
      '[3/6]  a2  skipped      (budget)  not started: max-cost $1.20 reached'
    )
  })
})
