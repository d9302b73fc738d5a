import { createGateway } from '@ai-sdk/gateway'
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
  const gateway = createGateway({
    apiKey: settings.apiKey,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {})
  })
  return (asset) => gateway.imageModel(asset.model)
}
