export const id = 891;
export const ids = [891];
export const modules = {

/***/ 8891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generateAsset: () => (/* binding */ generateAsset),
  reprocessAsset: () => (/* binding */ reprocessAsset)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/images/color-check.ts + 132 modules
var color_check = __webpack_require__(2928);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/images/sharp.ts
var sharp = __webpack_require__(4378);
;// CONCATENATED MODULE: ./src/images/provenance.ts
/**
 * Provenance embedded in every image assetgen writes, as an XMP packet: which model, seed and
 * inputs made it, so a file can be traced back (and recognised as assetgen's) without the lockfile.
 */



/** The XMP namespace of assetgen's properties. */
const PROVENANCE_NAMESPACE = 'https://assetgen.dev/ns/1.0/';
const XML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;'
};
function escapeXml(value) {
    return value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}
const XML_ENTITIES = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'"
};
function unescapeXml(value) {
    return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => XML_ENTITIES[name]);
}
/**
 * Returns an XMP packet carrying `p` as `assetgen:*` attributes, plus the standard
 * `xmp:CreatorTool` so generic tools (exiftool, image viewers) show where the file came from.
 * Contains no timestamp, so the same provenance always gives the same bytes.
 */
function provenanceXmp(p) {
    const properties = [
        ['assetgen:assetId', p.assetId],
        ['assetgen:model', p.model],
        ['assetgen:seed', String(p.seed)],
        ['assetgen:inputHash', p.inputHash],
        ['assetgen:version', p.assetgenVersion]
    ];
    if (p.placeholder)
        properties.push(['assetgen:placeholder', 'true']);
    properties.push(['xmp:CreatorTool', `assetgen ${p.assetgenVersion}`]);
    const attributes = properties
        .map(([name, value]) => `\n    ${name}="${escapeXml(value)}"`)
        .join('');
    return ('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
        '  <rdf:Description rdf:about=""\n' +
        `    xmlns:assetgen="${PROVENANCE_NAMESPACE}"\n` +
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
        `${attributes}/>\n` +
        ' </rdf:RDF>\n' +
        '</x:xmpmeta>\n' +
        '<?xpacket end="w"?>');
}
/**
 * Returns `png` with `xmp` in an uncompressed iTXt chunk keyed `XML:com.adobe.xmp`, right after
 * IHDR: the form the XMP specification (part 3) prescribes for PNG. libvips' own `withXmp` writes
 * a compressed zTXt chunk instead, which readers that follow the specification need not look at.
 * `png` must be a PNG as sharp writes it (signature, then IHDR) and carry no XMP yet.
 */
function pngWithXmp(png, xmp) {
    // iTXt data: keyword NUL, compression flag 0, method 0, empty language NUL, empty
    // translated keyword NUL, then the UTF-8 text.
    const type = Buffer.from('iTXt', 'latin1');
    const data = Buffer.concat([
        Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'),
        Buffer.from(xmp, 'utf8')
    ]);
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    type.copy(chunk, 4);
    data.copy(chunk, 8);
    chunk.writeUInt32BE((0,external_node_zlib_.crc32)(Buffer.concat([type, data])), 8 + data.length);
    // 8-byte signature, then IHDR: 4 length + 4 type + 13 data + 4 CRC.
    const afterHeader = 8 + 12 + png.readUInt32BE(8);
    return Buffer.concat([
        png.subarray(0, afterHeader),
        chunk,
        png.subarray(afterHeader)
    ]);
}
/**
 * Reads one `assetgen:` property. Accepts the attribute form provenanceXmp writes and the element
 * form, because XMP editors (exiftool, Photoshop) may rewrite a packet they touch into elements.
 */
function readProperty(xmp, name) {
    const match = new RegExp(`assetgen:${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')|<assetgen:${name}>([^<]*)</assetgen:${name}>`).exec(xmp);
    if (!match)
        return undefined;
    return unescapeXml(match[1] ?? match[2] ?? match[3] ?? '');
}
/** Parses the assetgen properties out of an XMP packet; undefined when any required one is missing. */
function parseProvenanceXmp(xmp) {
    const model = readProperty(xmp, 'model');
    const seedText = readProperty(xmp, 'seed');
    const inputHash = readProperty(xmp, 'inputHash');
    const assetgenVersion = readProperty(xmp, 'version');
    const assetId = readProperty(xmp, 'assetId');
    const seed = Number(seedText);
    if (model === undefined ||
        inputHash === undefined ||
        assetgenVersion === undefined ||
        assetId === undefined ||
        !seedText ||
        !Number.isSafeInteger(seed)) {
        return undefined;
    }
    const provenance = {
        model,
        seed,
        inputHash,
        assetgenVersion,
        assetId
    };
    if (readProperty(xmp, 'placeholder') === 'true')
        provenance.placeholder = true;
    return provenance;
}
/**
 * Reads the provenance embedded in an image (PNG, JPEG, WebP or AVIF); undefined when the image
 * carries no assetgen XMP. Throws ImageError when the bytes are not a decodable image.
 */
async function readProvenance(image) {
    let xmp;
    try {
        xmp = (await (0,sharp/* sharp */.B)(image).metadata()).xmpAsString;
    }
    catch (error) {
        throw new errors/* ImageError */.C8(`Could not read the image's metadata: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    return xmp === undefined ? undefined : parseProvenanceXmp(xmp);
}

;// CONCATENATED MODULE: ./src/images/process.ts
/**
 * Re-encoding what the model returned into the spec's format, and the resized variants written
 * beside it, each with the provenance embedded as XMP.
 */




const MEDIA_TYPES = {
    png: 'image/png',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    avif: 'image/avif'
};
/** Default encoder qualities, used when a variant gives none (PNG is lossless and takes none). */
const DEFAULT_QUALITY = { jpeg: 90, webp: 90, avif: 60 };
/*
 * AVIF effort, measured with sharp 0.35.5 / aom 3.15.1 on the 2-core machine: encoding a 2048x2048
 * photo-like image at quality 60, best of 3, 2 libvips threads (grainy | smooth):
 *   effort 0:  0.42 s, 511 KiB | 0.22 s, 75.9 KiB
 *   effort 1:  0.41 s, 509 KiB | 0.27 s, 75.1 KiB
 *   effort 2:  0.96 s, 507 KiB | 0.47 s, 75.0 KiB
 *   effort 3:  2.10 s, 515 KiB | 0.79 s, 75.3 KiB
 *   effort 4: 12.4 s,  523 KiB | 6.58 s, 69.1 KiB (sharp's default)
 * Up to effort 3 sizes stay within 2%; effort 4 saves 8% on smooth images for 30x the time.
 * 0 is the fastest (a renderVariant avif 1280 from a 2048 PNG then takes ~0.25 s).
 */
const AVIF_EFFORT = 0;
/** Applies the encoder for `format`: fast settings, since CI time matters more than a few bytes. */
function encodeAs(pipeline, format, quality) {
    switch (format) {
        case 'png':
            // No `effort`/`quality` here: in sharp either one switches PNG to lossy palette quantisation.
            return pipeline.png({ compressionLevel: 6 });
        case 'jpeg':
            // JPEG has no alpha: flatten on white (libvips would otherwise flatten on black).
            return pipeline
                .flatten({ background: '#ffffff' })
                .jpeg({ quality: quality ?? DEFAULT_QUALITY.jpeg, mozjpeg: false });
        case 'webp':
            return pipeline.webp({
                quality: quality ?? DEFAULT_QUALITY.webp,
                effort: 4
            });
        case 'avif':
            return pipeline.avif({
                quality: quality ?? DEFAULT_QUALITY.avif,
                effort: AVIF_EFFORT
            });
    }
}
/**
 * Decodes `input`, narrows it to `width` (never wider than it is) when given, and encodes it as
 * `format` with the provenance embedded, turning any failure into an ImageError naming the input.
 */
async function encode(input, target) {
    const { format, provenance, width } = target;
    const xmp = provenance && provenanceXmp(provenance);
    // autoOrient: output metadata is replaced, so an EXIF rotation would be lost; apply it instead.
    let image = (0,sharp/* sharp */.B)(input).autoOrient();
    if (width !== undefined) {
        image = image.resize({ width, withoutEnlargement: true });
    }
    // PNG gets its XMP spliced in afterwards, as iTXt (see pngWithXmp).
    if (xmp !== undefined && format !== 'png')
        image = image.withXmp(xmp);
    try {
        const { data, info } = await encodeAs(image, format, target.quality).toBuffer({ resolveWithObject: true });
        return {
            bytes: xmp !== undefined && format === 'png' ? pngWithXmp(data, xmp) : data,
            width: info.width,
            height: info.height,
            format,
            mediaType: MEDIA_TYPES[format]
        };
    }
    catch (error) {
        const detected = sniffMediaType(input) ?? 'unknown';
        throw new errors/* ImageError */.C8(`The image bytes could not be decoded (${input.byteLength} bytes, detected type: ${detected}): ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
}
/**
 * Decodes whatever the model returned (PNG, JPEG, WebP, ...) and re-encodes it as `format` with the
 * provenance embedded as XMP (PNG: iTXt `XML:com.adobe.xmp`; JPEG, WebP: XMP). Other metadata is
 * dropped. Throws ImageError when the bytes cannot be decoded.
 */
async function encodeOutput(input, options) {
    return encode(input, options);
}
/**
 * Renders a resized copy for sites: `variant.width` wide with the aspect ratio kept, but never
 * upscaled (a variant wider than the source gets the source's width), encoded as `variant.format`
 * at `variant.quality`, with the provenance embedded.
 */
async function renderVariant(source, variant, provenance) {
    return encode(source, { ...variant, provenance });
}
/**
 * The path of a variant beside the main output, `<stem>-<width>w.<format>`:
 * `variantPath('public/img/hero.png', { width: 640, format: 'webp' })` is
 * `'public/img/hero-640w.webp'`. Paths are POSIX, as everywhere in a resolved spec.
 */
function variantPath(out, variant) {
    const { dir, name } = external_node_path_default().posix.parse(out);
    return external_node_path_default().posix.format({
        dir,
        name: `${name}-${variant.width}w`,
        ext: `.${variant.format}`
    });
}
function ascii(bytes, start, end) {
    return String.fromCharCode(...bytes.subarray(start, end));
}
/** True when an ISO-BMFF `ftyp` box lists an AVIF brand as its major or a compatible brand. */
function isAvif(bytes) {
    if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp')
        return false;
    const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
    const end = Math.min(boxSize, bytes.length);
    // Brands: the major one at 8, then compatible ones from 16 (12..16 is the minor version).
    for (let offset = 8; offset + 4 <= end; offset += offset === 8 ? 8 : 4) {
        const brand = ascii(bytes, offset, offset + 4);
        if (brand === 'avif' || brand === 'avis')
            return true;
    }
    return false;
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Sniffs a media type from magic bytes: PNG, JPEG, WebP, GIF or AVIF; undefined otherwise. */
function sniffMediaType(bytes) {
    if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
        return 'image/png';
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
        return 'image/jpeg';
    }
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
        return 'image/webp';
    }
    const gif = ascii(bytes, 0, 6);
    if (gif === 'GIF87a' || gif === 'GIF89a')
        return 'image/gif';
    if (isAvif(bytes))
        return 'image/avif';
    return undefined;
}

// EXTERNAL MODULE: ./src/plan/hash.ts
var hash = __webpack_require__(2239);
// EXTERNAL MODULE: ./node_modules/ai/dist/index.js + 3 modules
var dist = __webpack_require__(5926);
// EXTERNAL MODULE: ./node_modules/@ai-sdk/gateway/dist/index.js
var gateway_dist = __webpack_require__(6784);
// EXTERNAL MODULE: ./node_modules/@ai-sdk/provider/dist/index.js
var provider_dist = __webpack_require__(583);
;// CONCATENATED MODULE: ./src/generate/classify.ts




function responseHeaders(error) {
    if (provider_dist/* APICallError */.hL.isInstance(error))
        return error.responseHeaders;
    if (gateway_dist/* GatewayError */.Fe.isInstance(error) && provider_dist/* APICallError */.hL.isInstance(error.cause)) {
        return error.cause.responseHeaders;
    }
    return undefined;
}
/** Reads `retry-after-ms` (ms) or `retry-after` (seconds or an HTTP date); ignores > 60 s. */
function retryAfterMs(headers, now = Date.now()) {
    if (!headers)
        return undefined;
    let ms;
    const precise = headers['retry-after-ms'];
    if (precise !== undefined && !Number.isNaN(Number.parseFloat(precise))) {
        ms = Number.parseFloat(precise);
    }
    else if (headers['retry-after'] !== undefined) {
        const value = headers['retry-after'];
        const seconds = Number.parseFloat(value);
        ms = Number.isNaN(seconds) ? Date.parse(value) - now : seconds * 1000;
    }
    return ms !== undefined && ms >= 0 && ms <= 60_000 ? ms : undefined;
}
/** Classifies an error thrown by one `generateImage` attempt for asset `assetId` on `model`. */
function classifyFailure(error, assetId, model) {
    const plain = { retryable: false, rateLimited: false };
    if (gateway_dist/* GatewayAuthenticationError */.jN.isInstance(error)) {
        return {
            ...plain,
            message: `AI Gateway authentication failed: set the AI_GATEWAY_API_KEY secret or the api-key input to a valid AI Gateway API key (${error.message})`
        };
    }
    if (gateway_dist/* GatewayModelNotFoundError */.vj.isInstance(error)) {
        return {
            ...plain,
            message: `the AI Gateway has no model "${model}": check the asset's model id (${error.message})`
        };
    }
    if (gateway_dist/* GatewayInvalidRequestError */.tO.isInstance(error)) {
        return {
            ...plain,
            message: `the AI Gateway refused the request for "${assetId}": ${error.message}`
        };
    }
    if (gateway_dist/* GatewayForbiddenError */.Kw.isInstance(error)) {
        return {
            ...plain,
            message: `the AI Gateway forbade the request for "${assetId}": ${error.message}`
        };
    }
    if (gateway_dist/* GatewayRateLimitError */.w3.isInstance(error)) {
        return {
            retryable: true,
            rateLimited: true,
            retryAfterMs: retryAfterMs(responseHeaders(error)),
            message: `rate limited by the AI Gateway (${error.message})`
        };
    }
    if (gateway_dist/* GatewayResponseError */.aQ.isInstance(error) && error.statusCode < 300) {
        // A success whose body broke off (connection reset) is marked retryable by the SDK; a body
        // that arrived whole but does not parse is not.
        if (error.isRetryable) {
            return {
                retryable: true,
                rateLimited: false,
                message: `the connection to the AI Gateway broke while reading the response for "${assetId}" (${causeMessages(error.cause)})`
            };
        }
        return {
            ...plain,
            message: `the AI Gateway sent a malformed response for "${assetId}": ${error.message}`
        };
    }
    if (gateway_dist/* GatewayError */.Fe.isInstance(error) || provider_dist/* APICallError */.hL.isInstance(error)) {
        const status = gateway_dist/* GatewayError */.Fe.isInstance(error)
            ? error.statusCode
            : error.statusCode;
        return {
            retryable: error.isRetryable,
            rateLimited: status === 429,
            retryAfterMs: retryAfterMs(responseHeaders(error)),
            message: `AI Gateway error${status ? ` ${status}` : ''}: ${error.message}`
        };
    }
    if (dist/* NoImageGeneratedError */.AQ$.isInstance(error)) {
        return { ...plain, message: `the model returned no image for "${assetId}"` };
    }
    if (error instanceof Error && error.name === 'RetryableNoImageResultError') {
        return {
            retryable: true,
            rateLimited: false,
            message: `the model returned no image for "${assetId}"`
        };
    }
    return { ...plain, message: (0,errors/* getErrorMessage */.u1)(error) };
}
/** The messages down an error's cause chain, e.g. `terminated: other side closed`. */
function causeMessages(cause) {
    const messages = [];
    for (let depth = 0; cause instanceof Error && depth < 4; depth += 1) {
        messages.push(cause.message);
        cause = cause.cause;
    }
    return messages.join(': ') || 'no details';
}
/**
 * The delay before retry number `retry` (1-based): the server's retry-after when given, else
 * exponential backoff from `baseMs` with equal jitter (half fixed, half random), so many assets retrying at once spread out.
 */
function retryDelay(retry, baseMs, failure, random = Math.random) {
    if (failure.retryAfterMs !== undefined)
        return failure.retryAfterMs;
    const ceiling = baseMs * 2 ** (retry - 1);
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

;// CONCATENATED MODULE: ./src/generate/attempts.ts



/** Reads the gateway's cost (a decimal string) from a result's provider metadata. */
function readCost(providerMetadata) {
    const gateway = providerMetadata?.gateway;
    const raw = gateway?.cost;
    const cost = typeof raw === 'string' || typeof raw === 'number'
        ? Number(raw)
        : Number.NaN;
    return Number.isFinite(cost) ? cost : 0;
}
/**
 * Calls the model for one image, retrying retryable failures (408, 409, 429, 5xx, network) with
 * backoff and retry-after. The SDK's own retries are off (`maxRetries: 0`) so that every attempt
 * takes a pool slot and every 429 reaches the adaptive pool.
 */
async function requestImage(asset, request, context) {
    for (let attempt = 1;; attempt += 1) {
        const release = await context.pool.acquire(context.signal, attempt > 1);
        try {
            const result = await (0,dist/* generateImage */.Fz9)({
                model: context.imageModel(asset),
                ...request,
                maxRetries: 0,
                abortSignal: context.signal
            });
            context.pool.onSuccess();
            return {
                bytes: result.image.uint8Array,
                mediaType: result.image.mediaType,
                cost: readCost(result.providerMetadata),
                attempts: attempt
            };
        }
        catch (error) {
            if (context.signal.aborted)
                throw abortError(asset, context, attempt, error);
            const failure = classifyFailure(error, asset.id, asset.model);
            if (failure.rateLimited)
                context.pool.onRateLimited();
            if (!failure.retryable || attempt > context.maxRetries) {
                const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
                throw new errors/* GenerationError */.VP(asset.id, `${failure.message}${tries}`, {
                    cause: error,
                    attempts: attempt
                });
            }
            release();
            await context
                .sleep(retryDelay(attempt, context.backoffMs, failure), context.signal)
                .catch((sleepError) => {
                throw abortError(asset, context, attempt, sleepError);
            });
        }
        finally {
            release();
        }
    }
}
function abortError(asset, context, attempts, cause) {
    const reason = context.signal.reason;
    const message = reason?.name === 'TimeoutError'
        ? `timed out: no image for "${asset.id}" within ${context.timeoutMs / 1000} s (the timeout input)`
        : `cancelled before "${asset.id}" finished`;
    return new errors/* GenerationError */.VP(asset.id, message, { cause, attempts });
}

// EXTERNAL MODULE: ./src/generate/outcome.ts
var outcome = __webpack_require__(499);
;// CONCATENATED MODULE: ./src/images/fit-references.ts


/** Re-encodes in the reference's own format; anything else (GIF, AVIF, ...) becomes lossless PNG. */
function encodeLike(image, mediaType) {
    switch (mediaType) {
        case 'image/jpeg':
            return [image.jpeg({ quality: 90, mozjpeg: false }), mediaType];
        case 'image/webp':
            return [image.webp({ quality: 90, effort: 4 }), mediaType];
        default:
            return [image.png({ compressionLevel: 6 }), 'image/png'];
    }
}
async function downscale(reference, factor, index) {
    try {
        // The re-encode drops EXIF, so bake the orientation in; when it turns the image a quarter,
        // the given size (if stored, not oriented) must be swapped to match.
        const { autoOrient } = await (0,sharp/* sharp */.B)(reference.bytes).metadata();
        const swapped = autoOrient.width !== reference.width;
        const [width, height] = [reference.width, reference.height].map((side) => Math.max(1, Math.floor(side * factor)));
        const [image, mediaType] = encodeLike((0,sharp/* sharp */.B)(reference.bytes)
            .autoOrient()
            .resize({
            width: swapped ? height : width,
            height: swapped ? width : height,
            fit: 'fill'
        }), reference.mediaType);
        const { data, info } = await image.toBuffer({ resolveWithObject: true });
        return {
            bytes: data,
            mediaType,
            width: info.width,
            height: info.height,
            resized: true
        };
    }
    catch (error) {
        throw new errors/* ImageError */.C8(`Could not downscale reference image ${index + 1} (${reference.mediaType}): ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
}
/**
 * Downscales reference images so their total pixels stay within `maxTotalPixels`. A set already
 * within budget is passed through byte-identical (no re-encode, so no generation loss and the bytes
 * still match their recorded hash). An oversized set is scaled by one factor, sqrt(budget/total),
 * rounding sides down so the total cannot overshoot, keeping every image's relative size (the model
 * sees the references in the same proportions) and re-encoding each in its own format.
 * Returns the references in the order given.
 */
async function fitReferences(references, maxTotalPixels) {
    const total = references.reduce((sum, reference) => sum + reference.width * reference.height, 0);
    if (total <= maxTotalPixels) {
        return references.map(({ bytes, mediaType, width, height }) => ({
            bytes,
            mediaType,
            width,
            height,
            resized: false
        }));
    }
    const factor = Math.sqrt(maxTotalPixels / total);
    return Promise.all(references.map((reference, index) => downscale(reference, factor, index)));
}

;// CONCATENATED MODULE: ./src/images/swatch.ts
/**
 * A palette swatch: sent as an extra reference image so the model sees the exact brand colours,
 * not only their names or hex codes in the prompt.
 */


/**
 * Renders a PNG of the palette as equal vertical bands, left to right in palette order, each filled
 * with its exact colour (no antialiasing, no colour management). Default 512x128. The pixels are
 * written directly, so the same palette and size always give the same bytes.
 * Throws ImageError for an empty palette or one with more colours than the width has pixels.
 */
async function renderSwatch(palette, options = {}) {
    const { width = 512, height = 128 } = options;
    if (palette.length === 0 || palette.length > width) {
        throw new errors/* ImageError */.C8(`Cannot render a ${width}px wide swatch of ${palette.length} colours`);
    }
    const row = Buffer.alloc(width * 3);
    palette.forEach(({ hex }, index) => {
        const start = Math.floor((index * width) / palette.length);
        const end = Math.floor(((index + 1) * width) / palette.length);
        const rgb = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
        for (let x = start; x < end; x++)
            row.set(rgb, x * 3);
    });
    const pixels = Buffer.alloc(row.length * height);
    for (let y = 0; y < height; y++)
        row.copy(pixels, y * row.length);
    return (0,sharp/* sharp */.B)(pixels, { raw: { width, height, channels: 3 } })
        .png({ compressionLevel: 9 })
        .toBuffer();
}

// EXTERNAL MODULE: ./src/spec/models.ts
var models = __webpack_require__(1689);
;// CONCATENATED MODULE: ./src/generate/references.ts





/** The palette swatch's size: wide bands, small enough to cost little of the reference budget. */
const SWATCH = { width: 512, height: 128 };
/**
 * The reference images sent with an asset, in spec order, read at generation time: the swatch goes
 * last (it counts against the model's limit like any reference), and a set over the model's total
 * pixel budget is downscaled. The input hash used the original bytes, so fitting never changes it.
 */
async function referenceBytes(root, asset) {
    const references = await Promise.all(asset.references.map(async (reference) => ({
        bytes: new Uint8Array(await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(root, reference.path))),
        width: reference.width,
        height: reference.height,
        mediaType: reference.mediaType
    })));
    if (asset.swatch && asset.palette.length > 0) {
        references.push({
            bytes: await renderSwatch(asset.palette, SWATCH),
            ...SWATCH,
            mediaType: 'image/png'
        });
    }
    const fitted = await fitReferences(references, (0,models/* modelLimits */.k)(asset.model).maxReferencePixels);
    return fitted.map((reference) => reference.bytes);
}

;// CONCATENATED MODULE: ./src/generate/request.ts

/**
 * Turns a palette into a prompt clause in which every colour appears verbatim as `#RRGGBB`, tied to
 * its name, as FLUX.2's prompting guide recommends for exact colour matching.
 */
function paletteClause(palette) {
    if (palette.length === 0)
        return '';
    const colors = palette.map((color) => color.name ? `${color.name} ${color.hex}` : color.hex);
    return `Use exactly these colors from the brand palette: ${colors.join(', ')}.`;
}
/**
 * The prompt text sent to the model. A string prompt gets the palette clause appended; a structured
 * prompt is sent as JSON text with its `color_palette` filled from the palette.
 */
function promptText(asset) {
    if (typeof asset.prompt === 'string') {
        const clause = paletteClause(asset.palette);
        return clause ? `${asset.prompt.trim()}\n\n${clause}` : asset.prompt.trim();
    }
    const structured = { ...asset.prompt };
    if (asset.palette.length > 0) {
        structured.color_palette = asset.palette.map((color) => color.hex);
    }
    return JSON.stringify(structured);
}
/**
 * Provider options as sent: the spec's, plus the output format for BFL models (png or jpeg), so the
 * model returns the bytes we write and no conversion is needed. The user's own setting wins.
 */
function requestProviderOptions(asset) {
    const options = structuredClone(asset.providerOptions);
    if ((0,models/* modelLimits */.k)(asset.model).blackForestLabs && asset.format !== 'webp') {
        const bfl = options.blackForestLabs ?? {};
        if (bfl.outputFormat === undefined)
            bfl.outputFormat = asset.format;
        options.blackForestLabs = bfl;
    }
    return options;
}
/** Builds the request for an asset, given its (fitted) reference bytes in spec order. */
function buildRequest(asset, seed, referenceImages) {
    const text = promptText(asset);
    return {
        prompt: referenceImages.length > 0 ? { text, images: referenceImages } : text,
        ...(asset.size ? { size: asset.size } : {}),
        ...(asset.aspectRatio ? { aspectRatio: asset.aspectRatio } : {}),
        seed,
        providerOptions: requestProviderOptions(asset)
    };
}

;// CONCATENATED MODULE: ./src/generate/run.ts













/** A colour retry's seed: fresh, but still reproducible from the id and the base seed. */
function retrySeed(asset, base, retry) {
    return retry === 0 ? base : (0,hash/* deriveSeed */.B7)(`${asset.id}:${base}`, retry);
}
/**
 * Generates one asset: calls the model (with retries), converts to the spec's format with
 * provenance, checks colours (retrying with a new seed when asked), renders variants, and only then
 * writes every file atomically. A failure at any step leaves the previous files untouched.
 */
async function generateAsset(item, context) {
    const { asset } = item;
    const started = Date.now();
    let cost = 0;
    let attempts = 0;
    const warnings = [];
    const fail = (error) => ({
        outcome: {
            ...(0,outcome/* initialOutcome */.X)(item, context.placeholder),
            status: context.signal.aborted &&
                !(error instanceof errors/* GenerationError */.VP && /timed out/.test(error.message))
                ? 'cancelled'
                : 'failed',
            error: (0,errors/* getErrorMessage */.u1)(error),
            cost,
            attempts: error instanceof errors/* GenerationError */.VP ? attempts + error.attempts : attempts,
            durationMs: Date.now() - started,
            warnings
        }
    });
    try {
        const references = await referenceBytes(context.root, asset);
        const colorRetries = asset.colorCheck?.onMiss === 'retry' ? asset.colorCheck.retries : 0;
        let best;
        for (let retry = 0; retry <= colorRetries; retry += 1) {
            const seed = retrySeed(asset, item.seed, retry);
            const generated = await requestImage(asset, buildRequest(asset, seed, references), context);
            // Let the request that took this one's pool slot reach the socket before the CPU-bound
            // processing below: answers arrive in bursts, and the next requests should not queue behind
            // a burst of decoding and encoding.
            await (0,promises_.setImmediate)();
            cost += generated.cost;
            attempts += generated.attempts;
            const provenance = {
                model: context.placeholder ? 'placeholder' : asset.model,
                seed,
                inputHash: item.inputHash,
                assetgenVersion: context.version,
                assetId: asset.id,
                ...(context.placeholder ? { placeholder: true } : {})
            };
            const image = await encodeOutput(generated.bytes, {
                format: asset.format,
                provenance
            });
            const check = asset.colorCheck
                ? await (0,color_check/* checkColors */.H)(image.bytes, asset.palette, asset.colorCheck.tolerance)
                : undefined;
            if (!best ||
                (check && best.check && check.worstDeltaE < best.check.worstDeltaE)) {
                best = { image, seed, provenance, ...(check ? { check } : {}) };
            }
            if (!check || check.passed)
                break;
        }
        const chosen = best;
        if (chosen.check && !chosen.check.passed) {
            const miss = `colours missed: worst ΔE2000 ${chosen.check.worstDeltaE.toFixed(1)} > tolerance ${chosen.check.tolerance}`;
            if (asset.colorCheck?.onMiss === 'fail') {
                throw new errors/* GenerationError */.VP(asset.id, `${miss} (colorCheck.onMiss: fail; the previous image is kept)`, { attempts: 0 });
            }
            warnings.push(colorRetries > 0 ? `${miss} after ${colorRetries + 1} tries` : miss);
        }
        return await writeOutputs(item, context, chosen, {
            cost,
            attempts,
            started,
            warnings
        });
    }
    catch (error) {
        return fail(error);
    }
}
/**
 * Renders the asset's variants from `source` and writes each atomically. Returns the lock entry's
 * variant fields and the files written.
 */
async function writeVariants(item, root, source, provenance) {
    const { asset } = item;
    const variants = [];
    for (const settings of asset.variants) {
        const image = await renderVariant(source, settings, provenance);
        const out = variantPath(asset.out, {
            width: settings.width,
            format: settings.format
        });
        await (0,fs_atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(root, out), image.bytes);
        variants.push({
            out,
            sha256: (0,hash/* sha256 */.sc)(image.bytes),
            width: image.width,
            format: settings.format
        });
    }
    return {
        fields: variants.length > 0
            ? { variantsHash: item.variantsHash, variants }
            : { variantsHash: undefined, variants: undefined },
        files: variants.map((variant) => variant.out)
    };
}
async function writeOutputs(item, context, chosen, totals) {
    const { asset } = item;
    // Variants first, the main image last: the lock entry is written only after all of them.
    const variants = await writeVariants(item, context.root, chosen.image.bytes, chosen.provenance);
    await (0,fs_atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(context.root, asset.out), chosen.image.bytes);
    const digest = (0,hash/* sha256 */.sc)(chosen.image.bytes);
    const entry = {
        inputHash: item.inputHash,
        inputs: item.inputs,
        out: asset.out,
        sha256: digest,
        bytes: chosen.image.bytes.length,
        width: chosen.image.width,
        height: chosen.image.height,
        model: asset.model,
        seed: chosen.seed,
        ...(context.placeholder ? { placeholder: true } : {}),
        ...variants.fields,
        ...(totals.cost > 0 ? { cost: totals.cost.toFixed(4) } : {}),
        generatedAt: context.now().toISOString()
    };
    return {
        entry,
        outcome: {
            ...(0,outcome/* initialOutcome */.X)(item, context.placeholder),
            status: 'generated',
            bytes: entry.bytes,
            sha256: digest,
            width: entry.width,
            height: entry.height,
            seed: chosen.seed,
            cost: totals.cost,
            durationMs: Date.now() - totals.started,
            attempts: totals.attempts,
            warnings: totals.warnings,
            ...(chosen.check ? { colorCheck: chosen.check } : {}),
            variants: entry.variants ?? [],
            files: [...variants.files, asset.out]
        }
    };
}
/** Re-renders an asset's variants from its existing output, with no model call. */
async function reprocessAsset(item, context) {
    const started = Date.now();
    const previous = item.previous;
    try {
        const source = await (0,external_node_fs_promises_.readFile)((0,external_node_path_.join)(context.root, item.asset.out));
        const variants = await writeVariants(item, context.root, source, await readProvenance(source));
        const entry = { ...previous, ...variants.fields };
        return {
            entry,
            outcome: {
                ...(0,outcome/* initialOutcome */.X)(item, context.placeholder),
                status: 'reprocessed',
                bytes: previous.bytes,
                sha256: previous.sha256,
                width: previous.width,
                height: previous.height,
                seed: previous.seed,
                placeholder: previous.placeholder === true,
                durationMs: Date.now() - started,
                variants: entry.variants ?? [],
                files: variants.files
            }
        };
    }
    catch (error) {
        return {
            outcome: {
                ...(0,outcome/* initialOutcome */.X)(item, context.placeholder),
                status: 'failed',
                error: (0,errors/* getErrorMessage */.u1)(error),
                durationMs: Date.now() - started
            }
        };
    }
}


/***/ })

};
