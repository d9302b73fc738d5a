import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fitReferences, type ReferenceInput } from '../images/fit-references.js'
import { renderSwatch } from '../images/swatch.js'
import { modelLimits } from '../spec/models.js'
import type { Asset } from '../spec/types.js'

/** The palette swatch's size: wide bands, small enough to cost little of the reference budget. */
const SWATCH = { width: 512, height: 128 }

/**
 * The reference images sent with an asset, in spec order, read at generation time: the swatch goes
 * last (it counts against the model's limit like any reference), and a set over the model's total
 * pixel budget is downscaled. The input hash used the original bytes, so fitting never changes it.
 */
export async function referenceBytes(
  root: string,
  asset: Asset
): Promise<Uint8Array[]> {
  const references: ReferenceInput[] = await Promise.all(
    asset.references.map(async (reference) => ({
      bytes: new Uint8Array(await readFile(join(root, reference.path))),
      width: reference.width,
      height: reference.height,
      mediaType: reference.mediaType
    }))
  )
  if (asset.swatch && asset.palette.length > 0) {
    references.push({
      bytes: await renderSwatch(asset.palette, SWATCH),
      ...SWATCH,
      mediaType: 'image/png'
    })
  }
  const fitted = await fitReferences(
    references,
    modelLimits(asset.model).maxReferencePixels
  )
  return fitted.map((reference) => reference.bytes)
}
