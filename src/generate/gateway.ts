import { createGateway } from '@ai-sdk/gateway'
import type { ImageModelV4 } from '@ai-sdk/provider'
import type { ImageModel } from 'ai'
import type { Asset } from '../spec/types.js'

/** Builds the image model for an asset. The engine takes one of these, so tests can pass fakes. */
export type ImageModelFactory = (asset: Asset) => ImageModel

/** Settings for the real gateway. */
export interface GatewaySettings {
  apiKey: string
  /** e.g. `http://127.0.0.1:4010/v4/ai`; undefined uses the SDK's default (the Vercel AI Gateway). */
  baseURL?: string
}

/**
 * The one place that builds the AI Gateway provider. The key is passed explicitly rather than read
 * from the environment by the SDK, so the action controls (and masks) exactly which key is used.
 */
export function gatewayModelFactory(
  settings: GatewaySettings
): ImageModelFactory {
  // assetgen reports the SDK's warnings per asset (generate/verify.ts), through the text-safety
  // module; the SDK's own logging would print the gateway's text raw into the runner log.
  globalThis.AI_SDK_LOG_WARNINGS = false
  const gateway = createGateway({
    apiKey: settings.apiKey,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {})
  })
  return (asset) => retryableEmptyResults(gateway.imageModel(asset.model))
}

/** An empty `images` answer the gateway did not mark final (`isRetryable: false`). */
export class RetryableNoImageResultError extends Error {
  constructor() {
    super('No image generated.')
    this.name = 'RetryableNoImageResultError'
  }
}

/**
 * With the SDK's own retries off (see attempts.ts), `generateImage` reports an empty but retryable
 * answer as a final NoImageGeneratedError, the same as one marked `isRetryable: false`. Throwing
 * from the model instead keeps the difference, so classify.ts can retry the one and not the other.
 */
function retryableEmptyResults(model: ImageModelV4): ImageModelV4 {
  const wrapped = Object.create(model) as ImageModelV4
  wrapped.doGenerate = async (options) => {
    const result = await model.doGenerate(options)
    if (result.images.length === 0 && result.isRetryable !== false)
      throw new RetryableNoImageResultError()
    return result
  }
  return wrapped
}
