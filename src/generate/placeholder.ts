import type { ImageModelV4 } from '@ai-sdk/provider'
import { renderPlaceholder } from '../images/placeholder.js'
import type { ImageModelFactory } from './gateway.js'

/**
 * The offline model: renders a deterministic placeholder at the asset's planned size from its
 * palette, with no network and no key. It goes through the same `generateImage` path as the real
 * gateway, so the rest of the pipeline (processing, lockfile, publishing) is exercised unchanged.
 */
export const placeholderModelFactory: ImageModelFactory = (asset) => {
  const model: ImageModelV4 = {
    specificationVersion: 'v4',
    provider: 'assetgen',
    modelId: 'placeholder',
    maxImagesPerCall: 1,
    async doGenerate() {
      const image = await renderPlaceholder({
        id: asset.id,
        // The size a real model is asked for, so the fit runs as it would.
        width: asset.generation?.width ?? asset.width,
        height: asset.generation?.height ?? asset.height,
        palette: asset.palette,
        prompt:
          typeof asset.prompt === 'string'
            ? asset.prompt
            : Object.values(asset.prompt)
                .filter((value) => typeof value === 'string')
                .join(' ')
      })
      return {
        images: [new Uint8Array(image)],
        warnings: [],
        providerMetadata: { assetgen: { images: [{ placeholder: true }] } },
        response: {
          timestamp: new Date(),
          modelId: 'placeholder',
          headers: undefined
        }
      }
    }
  }
  return model
}
