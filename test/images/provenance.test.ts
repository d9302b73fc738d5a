import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ImageError } from '../../src/errors.js'
import type { Provenance } from '../../src/images/provenance.js'
import { provenanceXmp, readProvenance } from '../../src/images/provenance.js'
import { solidImage } from '../helpers/images.js'

const provenance: Provenance = {
  model: 'bfl/flux-2-pro',
  seed: 4_294_967_295,
  inputHash: 'sha256:ab12',
  assetgenVersion: '0.1.0',
  assetId: 'hero "<main>" & co'
}

async function withXmp(xmp: string): Promise<Buffer> {
  return sharp(await solidImage('#336699', 8, 8))
    .withXmp(xmp)
    .png()
    .toBuffer()
}

describe('provenanceXmp', () => {
  it('is a well-formed packet in the assetgen namespace, the same every time', () => {
    const xmp = provenanceXmp(provenance)
    expect(xmp).toMatch(/^<\?xpacket begin="\uFEFF"/)
    expect(xmp).toMatch(/<\?xpacket end="w"\?>$/)
    expect(xmp).toContain('xmlns:assetgen="https://assetgen.dev/ns/1.0/"')
    expect(xmp).toContain(
      'assetgen:assetId="hero &quot;&lt;main&gt;&quot; &amp; co"'
    )
    expect(xmp).toContain('xmp:CreatorTool="assetgen 0.1.0"')
    expect(xmp).not.toContain('placeholder')
    expect(provenanceXmp(provenance)).toBe(xmp)
  })
})

describe('readProvenance', () => {
  it('round-trips every field, escaping included', async () => {
    const image = await withXmp(provenanceXmp(provenance))
    expect(await readProvenance(image)).toEqual(provenance)
  })

  it('round-trips the placeholder flag', async () => {
    const image = await withXmp(
      provenanceXmp({ ...provenance, placeholder: true })
    )
    expect(await readProvenance(image)).toEqual({
      ...provenance,
      placeholder: true
    })
  })

  it('reads the element form XMP editors rewrite packets into', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:assetgen="https://assetgen.dev/ns/1.0/"><assetgen:assetId>logo</assetgen:assetId><assetgen:model>bfl/flux-2-pro</assetgen:model><assetgen:seed>7</assetgen:seed><assetgen:inputHash>h</assetgen:inputHash><assetgen:version>0.2.0</assetgen:version></rdf:Description></rdf:RDF></x:xmpmeta>`
    expect(await readProvenance(await withXmp(xmp))).toEqual({
      assetId: 'logo',
      model: 'bfl/flux-2-pro',
      seed: 7,
      inputHash: 'h',
      assetgenVersion: '0.2.0'
    })
  })

  it('is undefined without XMP, or with XMP that is not assetgen’s', async () => {
    expect(await readProvenance(await solidImage('#336699', 8, 8))).toBe(
      undefined
    )
    const foreign = provenanceXmp(provenance).replace(
      /assetgen:seed="[^"]*"/,
      'assetgen:seed="soon"'
    )
    expect(await readProvenance(await withXmp(foreign))).toBe(undefined)
  })

  it('throws ImageError for bytes that are not an image', async () => {
    await expect(
      readProvenance(new TextEncoder().encode('not an image'))
    ).rejects.toBeInstanceOf(ImageError)
  })
})
