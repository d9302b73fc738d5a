import { describe, expect, it } from 'vitest'
import { parseCost, readCalls } from '../../src/generate/cost.js'
import { costWarnings } from '../../src/generate/verify.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'

const call = (gateway: Record<string, unknown> | undefined) => ({
  providerMetadata: gateway === undefined ? undefined : { gateway }
})

describe('readCalls', () => {
  it('sums the gateway cost over every call and keeps each generation id', () => {
    const reported = readCalls([
      call({ cost: '0.03', generationId: 'gen_a' }),
      call({ cost: '0.015', generationId: 'gen_b' }),
      call(undefined)
    ])
    expect(reported).toEqual({
      cost: 0.045,
      generationIds: ['gen_a', 'gen_b'],
      warnings: []
    })
  })

  it.each([['-5'], [-5], ['1e308'], [1e308], ['abc'], ['NaN'], [{ usd: 1 }]])(
    'records %j as unknown, with a warning',
    (raw) => {
      const reported = readCalls([call({ cost: '0.03' }), call({ cost: raw })])
      expect(reported.cost).toBeUndefined()
      expect(reported.warnings).toHaveLength(1)
      expect(reported.warnings[0]?.type).toBe('cost')
      expect(costWarnings(reported.warnings)[0]).toMatch(
        /the gateway reported a cost of .+, not an amount from \$0 to \$100: recorded as unknown/
      )
    }
  )

  it('shows a hostile reported cost only as inert characters', () => {
    const [warning] = costWarnings(
      readCalls([call({ cost: '<img src=x>\n::error::@admin' })]).warnings
    )
    const shown = /cost of (.*), not an amount/.exec(warning ?? '')?.[1]
    expect(shown).toBe('"imgsrcxnerroradmin"')
  })

  it("keeps each call's SDK warnings as they came, before a cost warning", () => {
    const seed = { type: 'unsupported' as const, feature: 'seed' }
    const other = { type: 'other' as const, message: 'upscaled' }
    const reported = readCalls([
      { ...call({ cost: '0.03' }), warnings: [seed] },
      { ...call({ cost: 'abc' }), warnings: [other] },
      call(undefined)
    ])
    expect(reported.warnings.slice(0, 2)).toEqual([seed, other])
    expect(reported.warnings[2]?.type).toBe('cost')
    expect(costWarnings(reported.warnings)).toHaveLength(1)
  })

  it('drops generation ids that are not plain ids', () => {
    expect(
      readCalls([
        call({ generationId: 'gen_ok' }),
        call({ generationId: '<b>x</b>' })
      ]).generationIds
    ).toEqual(['gen_ok'])
  })
})

describe('parseCost', () => {
  it('accepts decimal strings and numbers from 0 to 100 only', () => {
    expect(parseCost('0.04')).toBe(0.04)
    expect(parseCost(0)).toBe(0)
    expect(parseCost('100')).toBe(100)
    expect(parseCost('100.01')).toBeUndefined()
    expect(parseCost('')).toBeUndefined()
    expect(parseCost('Infinity')).toBeUndefined()
  })
})

describe('readCalls edges', () => {
  it('sums to the micro-dollar, not to float noise', () => {
    expect(readCalls([call({ cost: '0.1' }), call({ cost: 0.2 })]).cost).toBe(
      0.3
    )
  })

  it('stays unknown after an unbelievable cost, whatever follows', () => {
    const reported = readCalls([call({ cost: 'abc' }), call({ cost: '0.03' })])
    expect(reported.cost).toBeUndefined()
    expect(reported.warnings).toHaveLength(1)
  })

  it('takes a null cost as not reported: no cost added, no warning', () => {
    expect(readCalls([call({ cost: null }), call({ cost: '0.02' })])).toEqual({
      cost: 0.02,
      generationIds: [],
      warnings: []
    })
  })

  it('keeps ids of up to 100 word characters and dashes only', () => {
    const longest = 'g'.repeat(100)
    expect(
      readCalls(
        [longest, 'g'.repeat(101), '', 'gen 1', 'gen\n', 42, 'gen-2_b'].map(
          (generationId) => call({ generationId })
        )
      ).generationIds
    ).toEqual([longest, 'gen-2_b'])
  })

  it('shows at most 40 characters of a reported cost, and names one with none left', () => {
    const shownOf = (raw: unknown) =>
      /cost of (.*), not an amount/.exec(
        costWarnings(readCalls([call({ cost: raw })]).warnings)[0] ?? ''
      )?.[1]
    expect(shownOf('9'.repeat(60))).toBe(`"${'9'.repeat(39)}`)
    expect(shownOf([])).toBe('an unreadable value')
  })

  it('never shows a registered secret reported as the cost', () => {
    registerSecret('sk-cost-secret-value')
    try {
      const [warning] = costWarnings(
        readCalls([call({ cost: 'sk-cost-secret-value' })]).warnings
      )
      expect(warning).toMatch(/cost of .*, not an amount/)
      expect(warning).not.toContain('secret')
    } finally {
      clearSecrets()
    }
  })
})

describe('parseCost edges', () => {
  it('takes what a decimal may hold: padding, a sign, an exponent', () => {
    expect(parseCost(' 0.5 ')).toBe(0.5)
    expect(parseCost('+1e1')).toBe(10)
    expect(parseCost(2.5e-3)).toBe(0.0025)
  })

  it('refuses what Number would read but no decimal is: blanks, hex, binary, booleans', () => {
    for (const raw of [
      '   ',
      '0x10',
      '0b1',
      '0o7',
      '1_0',
      true,
      null,
      ['0.5']
    ]) {
      expect(parseCost(raw)).toBeUndefined()
    }
  })
})
