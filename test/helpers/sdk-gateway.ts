/**
 * Driving the fake gateway through the real AI SDK, for the fake's own tests: a fake per test,
 * one `generateImage` call, the error a caller sees, and pixels of the images it returns.
 */
import { createGateway } from '@ai-sdk/gateway'
import { generateImage, RetryError } from 'ai'
import sharp from 'sharp'
import { afterEach, expect } from 'vitest'
import {
  startFakeGateway,
  type FakeGateway,
  type FakeGatewayOptions
} from '../fakes/gateway.js'

/**
 * Registers an `afterEach` that closes the fake last started, and returns the function that
 * starts one (call it once per test).
 */
export function gatewayStarter(): (
  options?: FakeGatewayOptions
) => Promise<FakeGateway> {
  let fake: FakeGateway | undefined
  afterEach(async () => {
    await fake?.close()
    fake = undefined
  })
  return async (options) => {
    fake = await startFakeGateway(options)
    return fake
  }
}

type Options = Omit<Parameters<typeof generateImage>[0], 'model'>

/** Calls the real SDK against `url` with retries off unless asked. */
export function generate(
  url: string,
  options: Partial<Options> = {},
  apiKey = 'test-key'
) {
  const gateway = createGateway({ baseURL: url, apiKey })
  const model = gateway.imageModel('bfl/flux-2-pro')
  return generateImage({ model, prompt: 'grey', maxRetries: 0, ...options })
}

/** The SDK error as a caller sees it once RetryError is unwrapped. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  const caught = await promise.then(
    () => expect.unreachable('expected the call to fail'),
    (e: unknown) => e
  )
  return RetryError.isInstance(caught) ? caught.lastError : caught
}

/** The RGB of the pixel at (`x`, `y`). */
export async function pixel(bytes: Uint8Array, x: number, y: number) {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at], data[at + 1], data[at + 2]]
}

/** An 8×8 PNG of one colour. */
export const solid = (r: number, g: number, b: number) =>
  sharp({
    create: { width: 8, height: 8, channels: 3, background: { r, g, b } }
  })
    .png()
    .toBuffer()
