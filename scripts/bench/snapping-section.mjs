// Section 8: palette snapping on raw pixels, in process (needs no gateway).
import { PALETTE, median, ms, note, printTable } from './lib.mjs'

/**
 * Section 8: palette snapping (`snapColors`) on 4 MP raw RGBA, in process: the snapping itself,
 * without decode and encode. Loads src/images/snap.ts through Node's type stripping.
 */
export async function snapping({ runs }) {
  const { snapPixels } = await import('../../src/images/snap.ts')
  const side = 2048
  const palette = PALETTE.map((hex) => ({ hex }))
  const rgb = (hex) => {
    const value = Number.parseInt(hex.slice(1), 16)
    return [value >> 16, (value >> 8) & 0xff, value & 0xff]
  }
  // Flat art: four bands of the palette, every pixel drifted by up to ±2 per channel.
  const flat = () => {
    const data = new Uint8Array(side * side * 4)
    let state = 1
    for (let y = 0; y < side; y += 1) {
      const base = rgb(PALETTE[Math.floor((y * PALETTE.length) / side)])
      for (let x = 0; x < side; x += 1) {
        const offset = (y * side + x) * 4
        for (let channel = 0; channel < 3; channel += 1) {
          state = (state * 1103515245 + 12345) >>> 0
          const drift = Math.round(((state >>> 8) / 2 ** 24) * 4 - 2)
          data[offset + channel] = Math.min(
            255,
            Math.max(0, base[channel] + drift)
          )
        }
        data[offset + 3] = 255
      }
    }
    return data
  }
  // A photo-like worst case: a smooth 2-D gradient with grain, hundreds of thousands of colours.
  const photo = () => {
    const data = new Uint8Array(side * side * 4)
    let state = 7
    for (let y = 0; y < side; y += 1) {
      for (let x = 0; x < side; x += 1) {
        const offset = (y * side + x) * 4
        state = (state * 1103515245 + 12345) >>> 0
        const grain = (state >>> 29) - 4
        data[offset] = Math.min(255, Math.max(0, (x * 255) / side + grain))
        data[offset + 1] = Math.min(255, Math.max(0, (y * 255) / side - grain))
        data[offset + 2] = ((x + y) * 255) / (2 * side)
        data[offset + 3] = 255
      }
    }
    return data
  }
  // A smooth gradient from one palette colour to another (shading a default must not flatten).
  const gradient = () => {
    const [from, to] = [rgb(PALETTE[0]), rgb(PALETTE[1])]
    const data = new Uint8Array(side * side * 4)
    for (let y = 0; y < side; y += 1) {
      for (let x = 0; x < side; x += 1) {
        const offset = (y * side + x) * 4
        const t = x / (side - 1)
        for (let channel = 0; channel < 3; channel += 1) {
          data[offset + channel] = Math.round(
            from[channel] + (to[channel] - from[channel]) * t
          )
        }
        data[offset + 3] = 255
      }
    }
    return data
  }
  const images = { flat: flat(), photo: photo() }
  // The floor on this machine right now: one pass that reads every pixel and does nothing.
  const readEveryPixel = (data) => {
    const pixels = new Uint32Array(
      data.buffer,
      data.byteOffset,
      data.length / 4
    )
    let sum = 0
    for (let index = 0; index < pixels.length; index += 1) {
      sum = (sum + pixels[index]) | 0
    }
    // Returned, so the loop cannot be optimised away.
    return { onPalette: 0, changed: 0, sum }
  }
  const results = {}
  const cases = [
    ['flat', images.flat, (data) => snapPixels(data, palette, 3)],
    ['photo', images.photo, (data) => snapPixels(data, palette, 3)],
    ['floor', images.flat, readEveryPixel]
  ]
  for (const [name, image, run] of cases) {
    const samples = []
    let stats
    for (let i = -1; i < runs; i += 1) {
      const data = Uint8Array.from(image)
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      stats = run(data)
      const wallMs = performance.now() - start
      const cpu = process.cpuUsage(cpuStart)
      if (i >= 0)
        samples.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 })
    }
    results[name] = {
      samples,
      wallMs: median(samples.map((s) => s.wallMs)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
      onPalette: stats.onPalette,
      changed: stats.changed
    }
  }
  const label = {
    flat: 'flat art, 4 palette colours drifted ±2 per channel',
    photo: 'photo-like gradient with grain (worst case)',
    floor: 'reference: one pass reading every pixel, no work'
  }
  printTable(
    `8. Palette snapping (snapColors, tolerance 3) per 4 MP image, raw RGBA in process (median of ${runs} runs after 1 warm-up)`,
    ['image', 'wall', 'CPU', 'on palette after', 'pixels changed'],
    Object.entries(results).map(([name, r]) => [
      label[name],
      ms(r.wallMs),
      ms(r.cpuMs),
      name === 'floor' ? '' : `${(r.onPalette * 100).toFixed(1)}%`,
      name === 'floor' ? '' : `${(r.changed * 100).toFixed(1)}%`
    ])
  )
  note(
    'CPU is the process CPU time of the call (one thread); wall also counts waiting for a core.'
  )
  // How the default tolerance was chosen: the share put on the palette against the share of a
  // gradient between palette colours that snapping changes.
  const sweep = [1, 2, 3, 4, 5].map((tolerance) => {
    const onFlat = snapPixels(Uint8Array.from(images.flat), palette, tolerance)
    const onGradient = snapPixels(gradient(), palette, tolerance)
    return [
      String(tolerance),
      `${(onFlat.onPalette * 100).toFixed(1)}%`,
      `${(onGradient.changed * 100).toFixed(1)}%`
    ]
  })
  printTable(
    '8b. snapColors tolerance (ΔE2000): flat art drifted ±2 per channel vs a gradient between two palette colours',
    ['tolerance', 'flat art on palette', 'gradient changed'],
    sweep
  )
  return {
    results: { runs, images: results, toleranceSweep: sweep },
    summary: [
      {
        // CPU time: on a shared machine the wall clock also counts other processes' turns.
        metric: 'snapColors per 4 MP flat-art image (CPU)',
        measured: ms(results.flat.cpuMs),
        target: '<= 100 ms',
        pass: results.flat.cpuMs <= 100
      },
      {
        metric: 'snapColors per 4 MP photo-like image (CPU)',
        measured: ms(results.photo.cpuMs),
        target: ''
      }
    ]
  }
}
