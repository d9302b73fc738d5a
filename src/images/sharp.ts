/**
 * The one place that imports sharp, so its process-wide settings are applied once before any image
 * is touched.
 */
import { availableParallelism } from 'node:os'
import sharp from 'sharp'

// libvips' operation cache pays off when the same input is processed repeatedly (servers); assetgen
// touches each image a handful of times, so the cache would only hold memory.
sharp.cache(false)

// On glibc without jemalloc sharp defaults to one libvips thread per image, to limit memory
// fragmentation in long-lived servers. assetgen is a short-lived CLI, and the AVIF encoder uses the
// extra threads: on the 2-core machine a 2048px AVIF variant took 0.62 s with 1 thread and 0.43 s
// with 2 (PNG, JPEG and WebP encodes, single-threaded in their codecs, were unchanged).
sharp.concurrency(availableParallelism())

export { sharp }

/**
 * The most pixels any decoded image may claim in its header (64 Mpx, 16 times the largest model
 * output). sharp checks it before decoding, so a small file announcing a gigapixel canvas is
 * refused instead of allocating gigabytes.
 */
export const MAX_INPUT_PIXELS = 67_108_864
