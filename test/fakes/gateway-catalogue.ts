/** The fake gateway's default `GET /v1/models` list (./gateway.ts re-exports it). */
import type { CatalogueModel } from './gateway-types.js'

/** A small catalogue: one language model (token prices) and image models. */
export const DEFAULT_CATALOGUE: CatalogueModel[] = [
  {
    id: 'openai/gpt-5',
    object: 'model',
    owned_by: 'openai',
    name: 'GPT-5',
    type: 'language',
    pricing: { input: '0.00000125', output: '0.00001' }
  },
  {
    id: 'bfl/flux-kontext-pro',
    object: 'model',
    owned_by: 'bfl',
    name: 'FLUX.1 Kontext Pro',
    type: 'image',
    pricing: { image: '0.04' }
  },
  {
    id: 'acme/catalogued-image',
    object: 'model',
    owned_by: 'acme',
    name: 'Catalogued Image',
    type: 'image',
    pricing: { image: '0.25' }
  }
]
