import { describe, expect, it } from 'vitest'
import {
  initialOutcome,
  type AssetOutcome
} from '../../src/generate/outcome.js'
import {
  markdownTable,
  rowsFromOutcomes,
  textTable,
  type AssetRow
} from '../../src/report/table.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'

const outcome = (overrides: Partial<AssetOutcome>): AssetOutcome => ({
  id: 'hero',
  status: 'generated',
  planStatus: 'new',
  reason: 'not in the lockfile',
  out: 'assets/hero.png',
  cost: 0.5,
  durationMs: 0,
  attempts: 1,
  warnings: [],
  variants: [],
  placeholder: false,
  files: [],
  ...overrides
})

describe('rowsFromOutcomes', () => {
  it('shows estimate and actual, an unknown cost, and assets a budget stopped', () => {
    const rows = rowsFromOutcomes([
      outcome({ estimate: 0.03 }),
      outcome({ id: 'odd', estimate: null, costUnknown: true, cost: 0 }),
      outcome({
        id: 'late',
        status: 'skipped',
        stoppedBy: 'max-cost',
        cost: 0,
        estimate: 0.03
      })
    ])
    expect(
      textTable(rows, ['id', 'status', 'estimate', 'cost']).split('\n')
    ).toEqual([
      'id    status            estimate  cost',
      'hero  generated         $0.03     $0.50',
      'odd   generated         ?         ?',
      'late  skipped (budget)  $0.03'
    ])
  })
})

const row = (id: string, status = 'generated', ok = true): AssetRow => ({
  id,
  status,
  reason: 'prompt changed',
  out: `img/${id}.png`,
  size: '64×64',
  color: 'ΔE 1.2 ✓',
  time: '1.0s',
  estimate: '',
  cost: '$0.03',
  seed: '42',
  note: '',
  ok
})

const url = (kind: string, id: string) =>
  `https://github.com/acme/site/blob/${kind === 'before' ? 'b' : 'a'}${'0'.repeat(39)}/img/${id}.png?raw=true`

describe('markdownTable', () => {
  it('shows before | after inline with status, ΔE, seed and cost columns', () => {
    const rows = [row('hero'), row('icon', 'from store')]
    const text = markdownTable(rows, {
      images: (item) =>
        item.id === 'hero'
          ? { before: url('before', 'hero'), after: url('after', 'hero') }
          : { after: url('after', 'icon') }
    })
    const [header, , hero, icon] = text.split('\n')
    expect(header).toBe(
      '| Asset | Before | After | Status | Reason | ΔE | Seed | Estimate | Cost |'
    )
    expect(hero).toBe(
      `| \`hero\` | [<img src="${url('before', 'hero')}" width="240" alt="before">](${url('before', 'hero')}) | [<img src="${url('after', 'hero')}" width="240" alt="after">](${url('after', 'hero')}) | ✅ generated | prompt changed | ΔE 1.2 ✓ | 42 |  | $0.03 |`
    )
    // No "before" (a new asset): a dash, not a broken image.
    expect(icon).toMatch(
      /^\| `icon` \| — \| \[<img src=".*" alt="after">.*\| 📦 from store \|/
    )
  })

  it('without images keeps the plain columns, seed included', () => {
    const text = markdownTable([row('hero')], { images: () => undefined })
    expect(text.split('\n')[0]).toBe(
      '| Asset | Status | Reason | Size | ΔE | Seed | Time | Estimate | Cost |'
    )
    expect(text).not.toContain('<img')
  })

  it('folds rows past ten into <details>, failed and changed rows first', () => {
    const rows = [
      ...Array.from({ length: 8 }, (_, index) =>
        row(`kept-${index}`, 'skipped')
      ),
      ...Array.from({ length: 5 }, (_, index) => row(`new-${index}`)),
      row('broken', 'failed', false)
    ]
    const text = markdownTable(rows)
    const [visible, folded = ''] = text.split('<details>')
    const ids = (part: string) =>
      [...part.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1])
    expect(ids(visible)).toEqual([
      'broken',
      ...Array.from({ length: 5 }, (_, index) => `new-${index}`),
      'kept-0',
      'kept-1',
      'kept-2',
      'kept-3'
    ])
    expect(folded).toMatch(/^<summary>4 more assets<\/summary>\n\n\| Asset \|/)
    expect(ids(folded)).toEqual(['kept-4', 'kept-5', 'kept-6', 'kept-7'])
    expect(text.trimEnd().endsWith('</details>')).toBe(true)
    expect(markdownTable(rows.slice(0, 10))).not.toContain('<details>')
  })

  it('renders outside text inert: no HTML, mentions, links or table breaks; secrets redacted', () => {
    registerSecret('agw_secret_value_123')
    try {
      const hostile = {
        ...row('x`y'),
        reason:
          '<img src=x onerror=alert(1)> @octocat | [click](https://evil.test)',
        note: 'key agw_secret_value_123 leaked',
        size: '<b>big</b>',
        color: 'ΔE 9.0 ✗ #FFB000'
      }
      const text = markdownTable([hostile])
      const line = text.split('\n')[2] ?? ''
      expect(line).not.toMatch(/<img|<b>|[^\\]\]\(http/)
      expect(line).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(line).toContain('@\u200docto')
      expect(line).not.toContain('agw_secret_value_123')
      expect(line).toContain('``x`y``')
      // Every cell separator is ours: 10 pipes for 9 columns, escaped ones aside.
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(11)
    } finally {
      clearSecrets()
    }
  })
})

describe('rows', () => {
  it('label a restored outcome `from store` with its seed and no cost', () => {
    const outcome = {
      ...initialOutcome(
        {
          asset: { id: 'hero', out: 'img/hero.png' },
          status: 'from-store',
          action: 'restore',
          reason: 'in the image store'
        } as never,
        false
      ),
      status: 'restored' as const,
      seed: 7
    }
    const [restored] = rowsFromOutcomes([outcome])
    expect(restored).toMatchObject({
      status: 'from store',
      seed: '7',
      cost: '',
      ok: true
    })
    expect(textTable([restored], ['id', 'status'])).toBe(
      'id    status\nhero  from store'
    )
  })
})
