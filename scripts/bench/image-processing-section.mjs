// Section 6: what image processing (colour check, variants) adds per 4 MP image (needs no gateway).
import {
  PALETTE,
  expectExit,
  manyAssets,
  median,
  ms,
  note,
  printTable,
  resetWorkspace,
  runCli,
  tempDir,
  writeSpec
} from './lib.mjs'

/** Section 6: what the colour check and the variants add per 4 MP image (placeholders, serial). */
export async function imageProcessing({ runs, N }) {
  const base = manyAssets(N, '2048x2048', { palette: PALETTE })
  const configs = {
    plain: base,
    colorCheck: {
      ...base,
      defaults: {
        ...base.defaults,
        colorCheck: { tolerance: 10, onMiss: 'warn' }
      }
    },
    variants: {
      ...base,
      defaults: {
        ...base.defaults,
        variants: [
          { width: 640, format: 'webp' },
          { width: 1280, format: 'avif' }
        ]
      }
    }
  }
  const dirs = Object.fromEntries(
    Object.entries(configs).map(([name, spec]) => {
      const dir = tempDir(`processing-${name}`)
      writeSpec(dir, spec)
      return [name, dir]
    })
  )
  const samples = Object.fromEntries(Object.keys(configs).map((k) => [k, []]))
  // Interleaved (plain, colorCheck, variants, plain, ...) so drift in machine load hits every
  // configuration alike; round -1 is a warm-up.
  for (let i = -1; i < runs; i += 1) {
    for (const [name, dir] of Object.entries(dirs)) {
      resetWorkspace(dir)
      const run = expectExit(
        await runCli(dir, [
          'build',
          '--placeholder',
          '--concurrency',
          '1',
          '--json'
        ]),
        0,
        `processing ${name}`
      )
      const manifest = JSON.parse(run.stdout)
      const perImage =
        manifest.assets.reduce((sum, a) => sum + a.durationMs, 0) / N
      if (i >= 0)
        samples[name].push({
          wallMs: run.wallMs,
          perImageMs: perImage,
          maxRssKiB: run.maxRssKiB
        })
    }
  }
  const spread = (values) => Math.max(...values) - Math.min(...values)
  const results = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        samples: list,
        wallMs: median(list.map((s) => s.wallMs)),
        wallSpreadMs: spread(list.map((s) => s.wallMs)),
        perImageMs: median(list.map((s) => s.perImageMs)),
        perImageSpreadMs: spread(list.map((s) => s.perImageMs))
      }
    ])
  )
  // Throughput cost: what the option adds to the whole build, per image.
  const wallDelta = (name) => (results[name].wallMs - results.plain.wallMs) / N
  // Latency cost: what it adds to each asset's own duration (overlapping: see the note).
  const delta = (name) => results[name].perImageMs - results.plain.perImageMs
  const label = {
    plain: 'plain (render + PNG encode + write)',
    colorCheck: '+ colorCheck',
    variants: '+ variants webp 640 + avif 1280'
  }
  printTable(
    `6. Image processing: ${N} placeholder assets of 2048x2048, --concurrency 1 (median of ${runs} interleaved runs after 1 warm-up)`,
    [
      'build',
      'wall (whole)',
      'wall spread',
      'added per image (wall/N)',
      'per-asset duration',
      'spread',
      'added per asset'
    ],
    Object.keys(configs).map((name) => [
      label[name],
      ms(results[name].wallMs),
      ms(results[name].wallSpreadMs),
      name === 'plain' ? '' : ms(wallDelta(name)),
      ms(results[name].perImageMs),
      ms(results[name].perImageSpreadMs),
      name === 'plain' ? '' : ms(delta(name))
    ])
  )
  note(
    `colour check ≈ ${ms(wallDelta('colorCheck'))} per 4 MP image, variants (webp 640 + avif 1280) ≈ ${ms(wallDelta('variants'))}\n` +
      "(added wall time / N). Per-asset durations (the manifest's durationMs) add " +
      `${ms(delta('colorCheck'))} and ${ms(delta('variants'))}:\n` +
      'larger, because even at --concurrency 1 the engine keeps 2 assets in progress (2 x the\n' +
      'concurrency), so two assets are processed at once on the 2 cores. Deltas smaller than a\n' +
      'spread (max - min over the runs) are within noise. Placeholders are flat palette art, so the\n' +
      "colour check's k-means sees few distinct colours: a photo costs it more than this."
  )
  return {
    results: {
      N,
      runs,
      configs: results,
      colorCheckMs: wallDelta('colorCheck'),
      variantsMs: wallDelta('variants'),
      colorCheckPerAssetMs: delta('colorCheck'),
      variantsPerAssetMs: delta('variants')
    },
    summary: [
      {
        metric: 'colour check per 4 MP image (added wall / N)',
        measured: ms(wallDelta('colorCheck')),
        target: ''
      },
      {
        metric: 'variants webp 640 + avif 1280 per 4 MP image (wall / N)',
        measured: ms(wallDelta('variants')),
        target: ''
      }
    ]
  }
}
