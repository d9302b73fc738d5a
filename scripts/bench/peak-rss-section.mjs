// Section 4: peak RSS while generating 4 MP images through the fake gateway.
import { timedBuild } from './gateway-builds.mjs'
import {
  manyAssets,
  max,
  mb,
  median,
  ms,
  note,
  printTable,
  tempDir,
  writeSpec
} from './lib.mjs'

/** Section 4: peak RSS while generating N images of 2048x2048 at concurrency C. */
export async function peakRss4mp(fake, { runs, N, C, L }) {
  const dir = tempDir('rss-4mp')
  writeSpec(dir, manyAssets(N, '2048x2048'))
  const samples = []
  for (let i = 0; i < runs; i += 1)
    samples.push(await timedBuild(dir, fake, ['--concurrency', String(C)], N))
  const rss = median(samples.map((s) => s.maxRssKiB))
  const worst = max(samples.map((s) => s.maxRssKiB))
  const wall = median(samples.map((s) => s.wallMs))
  printTable(
    `4. Peak RSS: N=${N} images of 2048x2048 (4 MP), concurrency ${C}, latency ${L} ms (${runs} runs)`,
    ['measure', 'value'],
    [
      ['peak RSS, median', mb(rss)],
      ['peak RSS, worst run', mb(worst)],
      ['peak RSS per run', samples.map((s) => mb(s.maxRssKiB)).join(', ')],
      ['wall time, median (whole process)', ms(wall)],
      ['ideal ceil(N/C)*L', ms(Math.ceil(N / C) * L)]
    ]
  )
  note(
    'MB = 10^6 bytes; RSS is getrusage ru_maxrss of the CLI process (sharp threads included).'
  )
  return {
    results: {
      N,
      C,
      L,
      runs,
      samples,
      maxRssKiB: rss,
      worstRssKiB: worst,
      wallMs: wall
    },
    summary: [
      {
        metric: 'peak RSS, 48 x 4 MP at concurrency 8 (worst run)',
        measured: mb(worst),
        target: '<= 300 MB',
        pass: (worst * 1024) / 1e6 <= 300
      }
    ]
  }
}
