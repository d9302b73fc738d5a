/**
 * Provenance embedded in every image assetgen writes, as an XMP packet: which model, seed and
 * inputs made it, so a file can be traced back (and recognised as assetgen's) without the lockfile.
 */
import { crc32 } from 'node:zlib'
import { getErrorMessage, ImageError } from '../errors.js'
import { sharp } from './sharp.js'

/** What made an image. */
export interface Provenance {
  model: string
  seed: number
  /** The asset's input hash, as recorded in the lockfile. */
  inputHash: string
  assetgenVersion: string
  assetId: string
  /** Set when the image is an offline placeholder rather than a model's output. */
  placeholder?: boolean
}

/** The XMP namespace of assetgen's properties. */
const PROVENANCE_NAMESPACE = 'https://assetgen.dev/ns/1.0/'

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;'
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char)
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'"
}

function unescapeXml(value: string): string {
  return value.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => XML_ENTITIES[name]
  )
}

/**
 * Returns an XMP packet carrying `p` as `assetgen:*` attributes, plus the standard
 * `xmp:CreatorTool` so generic tools (exiftool, image viewers) show where the file came from.
 * Contains no timestamp, so the same provenance always gives the same bytes.
 */
export function provenanceXmp(p: Provenance): string {
  const properties: Array<[string, string]> = [
    ['assetgen:assetId', p.assetId],
    ['assetgen:model', p.model],
    ['assetgen:seed', String(p.seed)],
    ['assetgen:inputHash', p.inputHash],
    ['assetgen:version', p.assetgenVersion]
  ]
  if (p.placeholder) properties.push(['assetgen:placeholder', 'true'])
  properties.push(['xmp:CreatorTool', `assetgen ${p.assetgenVersion}`])
  const attributes = properties
    .map(([name, value]) => `\n    ${name}="${escapeXml(value)}"`)
    .join('')
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '  <rdf:Description rdf:about=""\n' +
    `    xmlns:assetgen="${PROVENANCE_NAMESPACE}"\n` +
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
    `${attributes}/>\n` +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  )
}

/**
 * Returns `png` with `xmp` in an uncompressed iTXt chunk keyed `XML:com.adobe.xmp`, right after
 * IHDR: the form the XMP specification (part 3) prescribes for PNG. libvips' own `withXmp` writes
 * a compressed zTXt chunk instead, which readers that follow the specification need not look at.
 * `png` must be a PNG as sharp writes it (signature, then IHDR) and carry no XMP yet.
 */
export function pngWithXmp(png: Buffer, xmp: string): Buffer {
  // iTXt data: keyword NUL, compression flag 0, method 0, empty language NUL, empty
  // translated keyword NUL, then the UTF-8 text.
  const type = Buffer.from('iTXt', 'latin1')
  const data = Buffer.concat([
    Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'),
    Buffer.from(xmp, 'utf8')
  ])
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  type.copy(chunk, 4)
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length)
  // 8-byte signature, then IHDR: 4 length + 4 type + 13 data + 4 CRC.
  const afterHeader = 8 + 12 + png.readUInt32BE(8)
  return Buffer.concat([
    png.subarray(0, afterHeader),
    chunk,
    png.subarray(afterHeader)
  ])
}

/**
 * Reads one `assetgen:` property. Accepts the attribute form provenanceXmp writes and the element
 * form, because XMP editors (exiftool, Photoshop) may rewrite a packet they touch into elements.
 */
function readProperty(xmp: string, name: string): string | undefined {
  const match = new RegExp(
    `assetgen:${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')|<assetgen:${name}>([^<]*)</assetgen:${name}>`
  ).exec(xmp)
  if (!match) return undefined
  return unescapeXml(match[1] ?? match[2] ?? match[3] ?? '')
}

/** Parses the assetgen properties out of an XMP packet; undefined when any required one is missing. */
function parseProvenanceXmp(xmp: string): Provenance | undefined {
  const model = readProperty(xmp, 'model')
  const seedText = readProperty(xmp, 'seed')
  const inputHash = readProperty(xmp, 'inputHash')
  const assetgenVersion = readProperty(xmp, 'version')
  const assetId = readProperty(xmp, 'assetId')
  const seed = Number(seedText)
  if (
    model === undefined ||
    inputHash === undefined ||
    assetgenVersion === undefined ||
    assetId === undefined ||
    !seedText ||
    !Number.isSafeInteger(seed)
  ) {
    return undefined
  }
  const provenance: Provenance = {
    model,
    seed,
    inputHash,
    assetgenVersion,
    assetId
  }
  if (readProperty(xmp, 'placeholder') === 'true') provenance.placeholder = true
  return provenance
}

/**
 * Reads the provenance embedded in an image (PNG, JPEG, WebP or AVIF); undefined when the image
 * carries no assetgen XMP. Throws ImageError when the bytes are not a decodable image.
 */
export async function readProvenance(
  image: Uint8Array
): Promise<Provenance | undefined> {
  let xmp: string | undefined
  try {
    xmp = (await sharp(image).metadata()).xmpAsString
  } catch (error) {
    throw new ImageError(
      `Could not read the image's metadata: ${getErrorMessage(error)}`,
      { cause: error }
    )
  }
  return xmp === undefined ? undefined : parseProvenanceXmp(xmp)
}
