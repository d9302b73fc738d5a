export const id = 627;
export const ids = [627];
export const modules = {

/***/ 72519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ul: () => (/* binding */ cappedFetch),
/* harmony export */   _g: () => (/* binding */ findResponseTooLarge),
/* harmony export */   nB: () => (/* binding */ MAX_RESPONSE_BYTES)
/* harmony export */ });
/* unused harmony export ResponseTooLargeError */
/**
 * A `fetch` that refuses to read more than a bound from any response. The gateway's answer is
 * untrusted: an image is a few MB as base64 JSON, and without a cap one hostile 200 MB body cost
 * 1.2 GB of memory while the SDK buffered and parsed it.
 */
/** The default cap on one gateway response body: 64 MiB. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MIB = 1024 * 1024;
/** A response body passed the cap; reading stopped there. */
class ResponseTooLargeError extends Error {
    name = 'ResponseTooLargeError';
    limit;
    constructor(url, limit) {
        super(`the AI Gateway's response from ${url} is larger than ${limit >= MIB ? `${Math.round(limit / MIB)} MiB` : `${limit} bytes`}: refused without reading the rest`);
        this.limit = limit;
    }
}
/**
 * Wraps `base` so that a body announced (content-length) or found to be larger than `limit` bytes
 * fails with a ResponseTooLargeError; the connection is cancelled instead of drained.
 */
function cappedFetch(limit, base = globalThis.fetch) {
    return async (input, init) => {
        const response = await base(input, init);
        const url = response.url || (input instanceof Request ? input.url : input.toString());
        const announced = Number(response.headers.get('content-length') ?? 0);
        if (announced > limit) {
            await response.body?.cancel().catch(() => { });
            throw new ResponseTooLargeError(url, limit);
        }
        if (!response.body)
            return response;
        let seen = 0;
        const counted = response.body.pipeThrough(new TransformStream({
            transform(chunk, controller) {
                seen += chunk.byteLength;
                if (seen > limit)
                    controller.error(new ResponseTooLargeError(url, limit));
                else
                    controller.enqueue(chunk);
            }
        }));
        return new Response(counted, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers
        });
    };
}
/**
 * The ResponseTooLargeError somewhere down `error`'s cause chain (the SDK wraps what fetch
 * throws), if any. Such an answer is not retried: a gateway that sent one will send it again.
 */
function findResponseTooLarge(error) {
    let current = error;
    for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
        if (current instanceof ResponseTooLargeError)
            return current;
        current = current.cause;
    }
    return undefined;
}


/***/ }),

/***/ 32678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sS: () => (/* binding */ readCalls),
/* harmony export */   v9: () => (/* binding */ parseCost)
/* harmony export */ });
/* unused harmony export MAX_REPORTED_COST_USD */
/* harmony import */ var _safe_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91452);
/**
 * Reads what the gateway says a result cost, from each call's `providerMetadata.gateway` (the
 * top-level `providerMetadata` of ai@7 is deprecated), and each call's SDK warnings. The numbers
 * are outside text: a cost that is not a believable amount is recorded as unknown, with a warning,
 * never as it came.
 */

/** The most one call may believably cost; more is a broken report, not a price. */
const MAX_REPORTED_COST_USD = 100;
/** Sums the gateway's cost over a result's calls and collects their generation ids and warnings. */
function readCalls(calls) {
    let cost = 0;
    const generationIds = [];
    const warnings = [];
    for (const call of calls) {
        warnings.push(...(call.warnings ?? []));
        const gateway = call.providerMetadata?.gateway;
        const id = gateway?.generationId;
        if (typeof id === 'string' && /^[\w-]{1,100}$/.test(id))
            generationIds.push(id);
        if (gateway?.cost === undefined || gateway.cost === null)
            continue;
        const amount = parseCost(gateway.cost);
        if (amount === undefined) {
            cost = undefined;
            warnings.push({
                type: 'cost',
                message: `the gateway reported a cost of ${shown(gateway.cost)}, not an amount from $0 to $${MAX_REPORTED_COST_USD}: recorded as unknown`
            });
        }
        else if (cost !== undefined)
            cost += amount;
    }
    return {
        cost: cost === undefined ? undefined : Math.round(cost * 1e6) / 1e6,
        generationIds,
        warnings
    };
}
/** A decimal string or number from 0 to the bound, else undefined. */
function parseCost(raw) {
    const text = typeof raw === 'number' ? String(raw) : raw;
    if (typeof text !== 'string' || !/^\s*[-+]?[\d.eE+-]+\s*$/.test(text))
        return undefined;
    const amount = Number(text);
    return Number.isFinite(amount) &&
        amount >= 0 &&
        amount <= MAX_REPORTED_COST_USD
        ? amount
        : undefined;
}
/** The reported value as inert text: only characters a number could hold, at most 40. */
function shown(raw) {
    const text = (0,_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(String(JSON.stringify(raw)));
    return text.replace(/[^\w.+\-"]/g, '').slice(0, 40) || 'an unreadable value';
}


/***/ }),

/***/ 8627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  generateAsset: () => (/* binding */ generateAsset),
  reprocessAsset: () => (/* reexport */ reprocessAsset),
  writeOutputs: () => (/* reexport */ writeOutputs)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/images/color-check.ts
var color_check = __webpack_require__(96684);
// EXTERNAL MODULE: ./src/images/process.ts + 2 modules
var process = __webpack_require__(16320);
// EXTERNAL MODULE: ./src/plan/hash.ts
var hash = __webpack_require__(22239);
// EXTERNAL MODULE: ./src/spec/models.ts
var models = __webpack_require__(1689);
// EXTERNAL MODULE: ./node_modules/ai/dist/index.js + 3 modules
var dist = __webpack_require__(65926);
// EXTERNAL MODULE: ./node_modules/@ai-sdk/gateway/dist/index.js
var gateway_dist = __webpack_require__(86784);
// EXTERNAL MODULE: ./node_modules/@ai-sdk/provider/dist/index.js
var provider_dist = __webpack_require__(90583);
;// CONCATENATED MODULE: ./src/generate/authentication.ts
/**
 * A wrong or missing key fails every request the same way, so the first 401 or 403 stops the
 * whole run: no further requests, one short message instead of the SDK's long text per asset.
 */



/**
 * Where AI Gateway API keys are created: the SDK's own link, unescaped so that it reads the same
 * in a terminal and in a runner log (which escapes `%`).
 */
const API_KEYS_URL = 'https://vercel.com/d?to=/[team]/~/ai/api-keys';
/** The default name of the key's source in messages: the CLI's environment variable. */
const DEFAULT_KEY_SOURCE = 'AI_GATEWAY_API_KEY';
function statusOf(error) {
    if (gateway_dist/* GatewayAuthenticationError */.jN.isInstance(error))
        return 401;
    if (gateway_dist/* GatewayForbiddenError */.Kw.isInstance(error))
        return 403;
    if (gateway_dist/* GatewayError */.Fe.isInstance(error) || provider_dist/* APICallError */.hL.isInstance(error))
        return error.statusCode;
    return undefined;
}
/**
 * Returns the run-stopping error for a 401 or 403 from the gateway, else undefined. `keySource`
 * names where the key comes from (`AI_GATEWAY_API_KEY`, or the action's `api-key` input).
 */
function authenticationFailure(error, keySource = DEFAULT_KEY_SOURCE) {
    const status = statusOf(error);
    if (status !== 401 && status !== 403)
        return undefined;
    const what = status === 401
        ? 'the AI Gateway rejected the API key (401)'
        : 'the AI Gateway refused access with this API key (403)';
    return new errors/* AuthenticationError */.v3(`${what}: set ${keySource} to a valid AI Gateway API key (create one at ${API_KEYS_URL}); stopped the run, no further requests were sent`, { status, cause: error });
}

// EXTERNAL MODULE: ./src/generate/capped-fetch.ts
var capped_fetch = __webpack_require__(72519);
;// CONCATENATED MODULE: ./src/generate/network.ts
/**
 * Recognises a failure to reach a peer at all (refused connection, DNS failure, socket timeout)
 * anywhere down an error's cause chain, and words it one way for every peer: the AI Gateway here,
 * and any other caller that talks to a network.
 */
/** Node and undici error codes that mean the peer was never (or no longer) reachable. */
const NETWORK_CODES = {
    ECONNREFUSED: 'connection refused',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ENOTFOUND: 'DNS lookup failed',
    EAI_AGAIN: 'DNS lookup failed (temporary)',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'socket timed out waiting for the response',
    UND_ERR_BODY_TIMEOUT: 'socket timed out reading the response'
};
/** Deep enough for SDK error → APICallError → TypeError('fetch failed') → AggregateError → cause. */
const MAX_DEPTH = 8;
/** The network failure behind `error`, if any; `url` names the request when the chain doesn't. */
function findNetworkFailure(error, url) {
    let found;
    let requestUrl = url;
    const seen = new Set();
    const visit = (value, depth) => {
        if (typeof value !== 'object' || value === null)
            return;
        if (depth > MAX_DEPTH || seen.has(value))
            return;
        seen.add(value);
        const record = value;
        if (requestUrl === undefined && typeof record.url === 'string')
            requestUrl = record.url;
        if (found === undefined &&
            typeof record.code === 'string' &&
            record.code in NETWORK_CODES) {
            found = {
                code: record.code,
                reason: NETWORK_CODES[record.code] ?? record.code,
                ...(typeof record.hostname === 'string'
                    ? { host: record.hostname }
                    : {})
            };
        }
        visit(record.cause, depth + 1);
        // Node tries every address of a host and reports them together in an AggregateError.
        if (Array.isArray(record.errors))
            for (const inner of record.errors)
                visit(inner, depth + 1);
    };
    visit(error, 0);
    if (found === undefined)
        return undefined;
    const safeUrl = withoutCredentials(requestUrl);
    return safeUrl ? { ...found, url: safeUrl } : found;
}
/** `network error: could not connect to the AI Gateway at <url> (connection refused)`. */
function networkErrorMessage(peer, failure) {
    const where = failure.url ? ` at ${failure.url}` : '';
    const host = failure.host && !failure.url?.includes(failure.host)
        ? ` for ${failure.host}`
        : '';
    return `network error: could not connect to ${peer}${where} (${failure.reason}${host}, ${failure.code})`;
}
function withoutCredentials(url) {
    if (url === undefined || !URL.canParse(url))
        return undefined;
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
}

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
    const tooLarge = (0,capped_fetch/* findResponseTooLarge */._g)(error);
    if (tooLarge)
        return { ...plain, message: tooLarge.message };
    // Before the gateway's own classes: the SDK reports a refused connection as a 500 with an
    // "Invalid error response format", which says nothing of what happened.
    const network = findNetworkFailure(error);
    if (network) {
        return {
            retryable: true,
            rateLimited: false,
            message: networkErrorMessage('the AI Gateway', network)
        };
    }
    if (isMalformedBase64(error)) {
        // Not retried: the gateway may have charged for it, and a retry would pay again.
        return {
            ...plain,
            message: malformedImageMessage(assetId, 'its base64 does not decode')
        };
    }
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
/** `atob` (the SDK's base64 decoder) throws a DOMException named InvalidCharacterError. */
function isMalformedBase64(error) {
    return error instanceof Error || error instanceof DOMException
        ? error.name === 'InvalidCharacterError'
        : false;
}
/** The message for an image the gateway sent that can't be decoded, e.g. `not a PNG`. */
function malformedImageMessage(assetId, detail) {
    return `the AI Gateway returned a malformed image for "${assetId}": ${detail}`;
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

// EXTERNAL MODULE: ./src/generate/cost.ts
var cost = __webpack_require__(32678);
;// CONCATENATED MODULE: ./src/generate/attempts.ts





/**
 * Calls the model for one image, retrying retryable failures (408, 409, 429, 5xx, network) with
 * backoff and retry-after. The SDK's own retries are off (`maxRetries: 0`) so that every attempt
 * takes a pool slot and every 429 reaches the adaptive pool.
 */
async function requestImage(asset, request, context) {
    const generationIds = [];
    for (let attempt = 1;; attempt += 1) {
        const release = await context.pool.acquire(context.signal, attempt > 1);
        let reservation;
        let failure;
        try {
            reservation = context.budget.reserve(asset.model, context.estimate);
            const result = await (0,dist/* generateImage */.Fz9)({
                model: context.imageModel(asset),
                ...request,
                maxRetries: 0,
                abortSignal: context.signal
            });
            context.pool.onSuccess();
            const reported = (0,cost/* readCalls */.sS)(result.calls);
            reservation.settle({
                paid: true,
                ...(reported.cost !== undefined ? { cost: reported.cost } : {})
            });
            return {
                bytes: result.image.uint8Array,
                mediaType: result.image.mediaType,
                cost: reported.cost,
                attempts: attempt,
                generationIds: [...generationIds, ...reported.generationIds],
                warnings: reported.warnings
            };
        }
        catch (error) {
            reservation?.settle({ paid: false });
            if (error instanceof errors/* BudgetExceededError */.Zq)
                throw error;
            const failedId = readFailedGenerationId(error);
            if (failedId)
                generationIds.push(failedId);
            if (context.signal.aborted)
                throw abortError(asset, context, attempt, error);
            const refused = authenticationFailure(error, context.keySource);
            if (refused) {
                context.onAuthenticationFailure?.(refused);
                // Short here: the run's one full message comes from the refusal itself.
                const short = `the AI Gateway refused the API key (${refused.status}); the run stopped`;
                throw new errors/* GenerationError */.VP(asset.id, short, {
                    cause: refused,
                    attempts: attempt
                });
            }
            failure = classifyFailure(error, asset.id, asset.model);
            if (failure.rateLimited)
                context.pool.onRateLimited();
            if (!failure.retryable || attempt > context.maxRetries) {
                const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
                throw new errors/* GenerationError */.VP(asset.id, `${failure.message}${tries}`, {
                    cause: error,
                    attempts: attempt,
                    generationIds
                });
            }
        }
        finally {
            // Released once per attempt, before any backoff: a waiting asset holds no slot.
            release();
        }
        await context
            .sleep(retryDelay(attempt, context.backoffMs, failure), context.signal)
            .catch((sleepError) => {
            throw abortError(asset, context, attempt, sleepError);
        });
    }
}
/** The generation id a gateway error carries (`GatewayError.generationId`), when believable. */
function readFailedGenerationId(error) {
    const id = error?.generationId;
    return typeof id === 'string' && /^[\w-]{1,100}$/.test(id) ? id : undefined;
}
function abortError(asset, context, attempts, cause) {
    const reason = context.signal.reason;
    const message = reason?.name === 'TimeoutError'
        ? `timed out: no image for "${asset.id}" within ${context.timeoutMs / 1000} s (the timeout input)`
        : `cancelled before "${asset.id}" finished`;
    return new errors/* GenerationError */.VP(asset.id, message, { cause, attempts });
}

// EXTERNAL MODULE: ./src/generate/outcome.ts
var outcome = __webpack_require__(20499);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/images/sharp.ts + 16 modules
var sharp = __webpack_require__(4374);
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
    const fitted = await fitReferences(references, (0,models/* modelLimits */.kO)(asset.model).maxReferencePixels);
    return fitted.map((reference) => reference.bytes);
}

// EXTERNAL MODULE: ./src/spec/generation-size.ts
var generation_size = __webpack_require__(19287);
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
    if ((0,models/* modelLimits */.kO)(asset.model).blackForestLabs && asset.format !== 'webp') {
        const bfl = options.blackForestLabs ?? {};
        if (bfl.outputFormat === undefined)
            bfl.outputFormat = asset.format;
        options.blackForestLabs = bfl;
    }
    return options;
}
/**
 * Adds `providerOptions.gateway.tags` (and `user`, the repository) so the gateway's dashboard can
 * split spend by repository and asset. Tags the spec sets itself are kept, and its `user` wins.
 */
function tagRequest(options, asset, tags) {
    const gateway = options.gateway ?? {};
    const own = Array.isArray(gateway.tags) ? gateway.tags : [];
    const added = [
        ...(tags.repository ? [`repository:${tags.repository}`] : []),
        `asset:${asset.id}`
    ];
    return {
        ...options,
        gateway: {
            ...gateway,
            tags: [...own, ...added.filter((tag) => !own.includes(tag))],
            ...(tags.repository && gateway.user === undefined
                ? { user: tags.repository }
                : {})
        }
    };
}
/** Builds the request for an asset, given its (fitted) reference bytes in spec order. */
function buildRequest(asset, seed, referenceImages, tags) {
    const text = promptText(asset);
    const providerOptions = requestProviderOptions(asset);
    return {
        prompt: referenceImages.length > 0 ? { text, images: referenceImages } : text,
        // The model gets a size it accepts; processing fits the answer to `size` exactly.
        ...(asset.generation
            ? { size: (0,generation_size/* sizeText */.lP)(asset.generation) }
            : asset.size
                ? { size: asset.size }
                : {}),
        ...(asset.aspectRatio ? { aspectRatio: asset.aspectRatio } : {}),
        seed,
        providerOptions: tags
            ? tagRequest(providerOptions, asset, tags)
            : providerOptions
    };
}

// EXTERNAL MODULE: ./src/safe-text.ts
var safe_text = __webpack_require__(91452);
;// CONCATENATED MODULE: ./src/generate/verify.ts
/**
 * What the spec says is what the file is: the processing an asset asks for
 * (the fit to its exact size, palette snapping), and the check of what the
 * model returned against what was asked: the decoded size against the
 * requested generation size, and the SDK's warnings (settings the provider
 * ignored) put in words a user understands. Non-strict builds report them as
 * warnings; `strict` turns them into a failure of the asset.
 */


function isCostWarning(warning) {
    return warning.type === 'cost';
}
/**
 * The cost reports among a result's warnings, in words. Every image paid for reports its own,
 * colour retries not chosen included, so these are not part of {@link verifyAnswer}.
 */
function costWarnings(warnings) {
    return warnings.filter(isCostWarning).map((warning) => warning.message);
}
/** The longest piece of the gateway's text a warning quotes. */
const MAX_QUOTE = 200;
// A feature or setting name shown in backticks: anything else is outside text
// that is not a plain name, and is quoted only as the details.
const NAME = /^[A-Za-z][\w.-]{0,39}$/;
/** Outside text made one short line: redacted, whitespace collapsed, bounded. */
function quote(text) {
    const flat = (0,safe_text/* redact */.E$)(typeof text === 'string' ? text : '')
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}
function verify_name(value) {
    return typeof value === 'string' && NAME.test(value)
        ? `\`${value}\``
        : 'a setting';
}
function withDetails(text, details) {
    const quoted = quote(details);
    return quoted ? `${text} (${quoted})` : text;
}
/** One SDK warning in words: "the model ignored `seed`". */
function describeSdkWarning(warning) {
    switch (warning.type) {
        case 'unsupported':
            return withDetails(`the model ignored ${verify_name(warning.feature)}`, warning.details);
        case 'compatibility':
            return withDetails(`the model only approximated ${verify_name(warning.feature)}`, warning.details);
        case 'deprecated':
            return withDetails(`${verify_name(warning.setting)} is deprecated for this model`, warning.message);
        default: {
            const message = quote(warning.message);
            return `the model warned: ${message || 'no details given'}`;
        }
    }
}
/**
 * The problems with one answer: a size other than the generation size that
 * was requested (only `size` requests one), then each SDK warning, in words.
 * Empty when the answer is what was asked for. Cost reports are not about the
 * answer and are left out ({@link costWarnings}).
 */
function answerProblems(asset, returned, warnings) {
    const problems = [];
    const requested = asset.generation;
    if (requested &&
        (returned.width !== requested.width || returned.height !== requested.height)) {
        problems.push(`the model returned ${returned.width}x${returned.height} instead of the requested ${requested.width}x${requested.height}`);
    }
    for (const warning of warnings) {
        if (isCostWarning(warning))
            continue;
        const words = describeSdkWarning(warning);
        if (!problems.includes(words))
            problems.push(words);
    }
    return problems;
}
/**
 * The answer's problems ({@link answerProblems}), to report as warnings; with
 * `strict`, a GenerationError instead (the caller keeps the previous image).
 */
function verifyAnswer(asset, returned, warnings, options) {
    const problems = answerProblems(asset, returned, warnings);
    if (problems.length > 0 && options.strict) {
        throw new errors/* GenerationError */.VP(asset.id, `${problems.join('; ')} (strict: the previous image is kept)`, { attempts: 0 });
    }
    return problems;
}
/** The exact-size fit and the palette snapping an asset asks for. */
function outputSteps(asset) {
    return {
        // Only `size` is exact; an aspect ratio keeps whatever the model returned.
        ...(asset.size
            ? { fit: { width: asset.width, height: asset.height, crop: asset.crop } }
            : {}),
        ...(asset.snapColors
            ? {
                snap: {
                    palette: asset.palette,
                    tolerance: asset.snapColors.tolerance
                }
            }
            : {})
    };
}

// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(71056);
// EXTERNAL MODULE: ./src/images/provenance.ts
var provenance = __webpack_require__(85055);
;// CONCATENATED MODULE: ./src/generate/write-outputs.ts








/**
 * Renders the asset's variants from `source` and writes each atomically. Returns the lock entry's
 * variant fields and the files written.
 */
async function writeVariants(item, root, source, provenance) {
    const { asset } = item;
    const variants = [];
    for (const settings of asset.variants) {
        const image = await (0,process/* renderVariant */.cm)(source, settings, provenance);
        const out = (0,process/* variantPath */.v7)(asset.out, {
            width: settings.width,
            format: settings.format
        });
        await (0,fs_atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(root, out), image.bytes, { root });
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
/**
 * Writes a chosen image: its variants, then the output, then returns the lock entry and outcome.
 * Shared by generation and by restoring from the image store.
 */
async function writeOutputs(item, context, chosen, totals) {
    const { asset } = item;
    // Variants first, the main image last: the lock entry is written only after all of them.
    const variants = await writeVariants(item, context.root, chosen.image.bytes, chosen.provenance);
    await (0,fs_atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(context.root, asset.out), chosen.image.bytes, {
        root: context.root
    });
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
        ...totals.paid.lockFields(),
        generatedAt: context.now().toISOString()
    };
    return {
        entry,
        image: chosen.image.bytes,
        outcome: {
            ...(0,outcome/* initialOutcome */.XZ)(item, context.placeholder),
            status: 'generated',
            bytes: entry.bytes,
            sha256: digest,
            width: entry.width,
            height: entry.height,
            seed: chosen.seed,
            ...totals.paid.fields(),
            durationMs: Date.now() - totals.started,
            attempts: totals.attempts,
            warnings: totals.warnings,
            ...(chosen.check ? { colorCheck: chosen.check } : {}),
            ...(chosen.image.snapped ? { snapped: chosen.image.snapped } : {}),
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
        const variants = await writeVariants(item, context.root, source, await (0,provenance/* readProvenance */.Ch)(source));
        const entry = { ...previous, ...variants.fields };
        return {
            entry,
            outcome: {
                ...(0,outcome/* initialOutcome */.XZ)(item, context.placeholder),
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
                ...(0,outcome/* initialOutcome */.XZ)(item, context.placeholder),
                status: 'failed',
                error: (0,errors/* getErrorMessage */.u1)(error),
                durationMs: Date.now() - started
            }
        };
    }
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
    const paid = new outcome/* PaidLedger */.E6();
    let attempts = 0;
    const warnings = [];
    let best;
    const fail = (error) => ({
        outcome: {
            ...(0,outcome/* initialOutcome */.XZ)(item, context.placeholder),
            ...(0,outcome/* failureStatus */.l1)(error, context.signal),
            error: (0,errors/* getErrorMessage */.u1)(error),
            ...paid.fields(error),
            attempts: error instanceof errors/* GenerationError */.VP ? attempts + error.attempts : attempts,
            durationMs: Date.now() - started,
            warnings,
            // The measured colours survive a failed check, for the manifest.
            ...(best?.check ? { colorCheck: best.check } : {})
        }
    });
    try {
        const references = await referenceBytes(context.root, asset);
        const colorRetries = asset.colorCheck?.onMiss === 'retry' ? asset.colorCheck.retries : 0;
        for (let retry = 0; retry <= colorRetries; retry += 1) {
            const seed = retrySeed(asset, item.seed, retry);
            let generated;
            try {
                generated = await requestImage(asset, buildRequest(asset, seed, references, context.tags), context);
            }
            catch (error) {
                // A colour retry the budget refuses keeps the images already paid for.
                if (!(error instanceof errors/* BudgetExceededError */.Zq) || !best)
                    throw error;
                warnings.push(`colour retries stopped: ${error.message}`);
                break;
            }
            // Let the request that took this one's pool slot reach the socket before the CPU-bound
            // processing below: answers arrive in bursts, and the next requests should not queue behind
            // a burst of decoding and encoding.
            await (0,promises_.setImmediate)();
            paid.add(generated);
            attempts += generated.attempts;
            // Every image paid for reports its own cost; the answer's problems are the chosen one's.
            warnings.push(...costWarnings(generated.warnings));
            const provenance = {
                model: context.placeholder ? 'placeholder' : asset.model,
                seed,
                inputHash: item.inputHash,
                assetgenVersion: context.version,
                assetId: asset.id,
                ...(context.placeholder ? { placeholder: true } : {})
            };
            const image = await (0,process/* encodeOutput */.UG)(generated.bytes, {
                format: asset.format,
                provenance,
                ...outputSteps(asset),
                // Far above what the model may return, so only a lying header is refused.
                maxPixels: (0,models/* modelLimits */.kO)(asset.model).maxPixels * 16
            }).catch((error) => {
                throw new errors/* ImageError */.C8(malformedImageMessage(asset.id, (0,errors/* getErrorMessage */.u1)(error)), { cause: error });
            });
            const problems = context.placeholder
                ? []
                : verifyAnswer(asset, image.source, generated.warnings, context);
            const check = asset.colorCheck
                ? await (0,color_check/* checkColors */.H)(image.bytes, asset.palette, asset.colorCheck.tolerance)
                : undefined;
            if (!best ||
                (check && best.check && check.worstDeltaE < best.check.worstDeltaE)) {
                best = {
                    image,
                    seed,
                    provenance,
                    problems,
                    ...(check ? { check } : {})
                };
            }
            if (!check || check.passed)
                break;
        }
        const chosen = best;
        warnings.push(...chosen.problems);
        if (chosen.check && !chosen.check.passed) {
            const miss = `colours missed: worst ΔE2000 ${chosen.check.worstDeltaE.toFixed(1)} > tolerance ${chosen.check.tolerance}`;
            if (asset.colorCheck?.onMiss === 'fail') {
                throw new errors/* GenerationError */.VP(asset.id, `${miss} (colorCheck.onMiss: fail; the previous image is kept)`, { attempts: 0 });
            }
            warnings.push(colorRetries > 0 ? `${miss} after ${colorRetries + 1} tries` : miss);
        }
        return await writeOutputs(item, context, chosen, {
            paid,
            attempts,
            started,
            warnings
        });
    }
    catch (error) {
        return fail(error);
    }
}


/***/ }),

/***/ 16320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UG: () => (/* binding */ encodeOutput),
  cm: () => (/* binding */ renderVariant),
  ZS: () => (/* reexport */ sniffMediaType),
  v7: () => (/* binding */ variantPath)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/images/media-type.ts
/**
 * Telling image formats apart by their magic bytes (PNG, JPEG, WebP, GIF, AVIF), without decoding
 * anything or loading sharp.
 */
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

// EXTERNAL MODULE: ./src/images/provenance.ts
var images_provenance = __webpack_require__(85055);
// EXTERNAL MODULE: ./src/images/sharp.ts + 16 modules
var sharp = __webpack_require__(4374);
// EXTERNAL MODULE: ./node_modules/culori/src/index.js + 131 modules
var src = __webpack_require__(77453);
;// CONCATENATED MODULE: ./src/images/snap.ts

/*
 * The prefilter's bounds. CIEDE2000 divides the lightness difference by S_L <= 1.76 and the
 * chroma and hue differences by S_C = 1 + 0.045 C' (S_H is smaller); its rotation term can
 * take away at most 0.866 of the cross term, leaving >= 0.134 of the chroma and hue part
 * (1 / sqrt(0.134) = 2.73). And a' = a (1 + G) >= a. So a colour within `tolerance` has
 * |ΔL| <= 1.8 tolerance and |Δ(a, b)| <= 2.8 tolerance S_C: anything outside is never a match.
 */
const LIGHTNESS_BOUND = 1.8;
const CHROMA_BOUND = 2.8;
const toLab = (0,src/* converter */.HsW)('lab65');
const deltaE2000 = (0,src/* differenceCiede2000 */.IJF)();
// sRGB byte to linear light, once: the per-colour Lab conversion below is the hot path.
const LINEAR = Float64Array.from({ length: 256 }, (_, value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
// D65 white, as culori's lab65.
const WHITE_X = 0.3127 / 0.329;
const WHITE_Z = (1 - 0.3127 - 0.329) / 0.329;
const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;
function labAxis(value) {
    return value > EPSILON ? Math.cbrt(value) : (KAPPA * value + 16) / 116;
}
/** Lab (D65) of a colour key (`r | g << 8 | b << 16`) into `out`, matching culori's lab65. */
function labOf(key, out) {
    const r = LINEAR[key & 0xff];
    const g = LINEAR[(key >> 8) & 0xff];
    const b = LINEAR[(key >> 16) & 0xff];
    const x = labAxis((0.4123907992659593 * r + 0.357584339383878 * g + 0.1804807884018343 * b) /
        WHITE_X);
    const y = labAxis(0.2126390058715102 * r + 0.715168678767756 * g + 0.0721923153607337 * b);
    const z = labAxis((0.0193308187155918 * r + 0.119194779794626 * g + 0.9505321522496607 * b) /
        WHITE_Z);
    out[0] = 116 * y - 16;
    out[1] = 500 * (x - y);
    out[2] = 200 * (y - z);
}
function prepare(palette, tolerance) {
    const keys = new Int32Array(palette.length);
    const lab = new Float64Array(palette.length * 3);
    const chroma = new Float64Array(palette.length);
    palette.forEach((color, index) => {
        const rgb = Number.parseInt(color.hex.slice(1), 16);
        keys[index] = ((rgb >> 16) & 0xff) | (rgb & 0xff00) | ((rgb & 0xff) << 16);
        const { l, a, b } = toLab(color.hex) ?? { l: 0, a: 0, b: 0 };
        lab.set([l, a, b], index * 3);
        // S_C grows with the pair's mean chroma C' <= 1.5 (C + radius): bound it from a first guess.
        const own = Math.hypot(a, b);
        const radius = (c) => CHROMA_BOUND * tolerance * (1 + 0.045 * 1.5 * c);
        chroma[index] = radius(own + radius(own + radius(own))) ** 2;
    });
    return { keys, lab, lightness: LIGHTNESS_BOUND * tolerance, chroma };
}
/**
 * The palette index a colour snaps to, or -1: the nearest palette colour by
 * CIEDE2000 when it is within `tolerance`.
 */
function decide(key, palette, tolerance, scratch, measure) {
    labOf(key, scratch);
    let best = -1;
    let bestDistance = Infinity;
    for (let index = 0; index < palette.keys.length; index++) {
        if (palette.keys[index] === key)
            return index;
        const dl = scratch[0] - palette.lab[index * 3];
        if (dl > palette.lightness || -dl > palette.lightness)
            continue;
        const da = scratch[1] - palette.lab[index * 3 + 1];
        const db = scratch[2] - palette.lab[index * 3 + 2];
        if (da * da + db * db > palette.chroma[index])
            continue;
        const distance = measure({
            mode: 'lab65',
            l: palette.lab[index * 3],
            a: palette.lab[index * 3 + 1],
            b: palette.lab[index * 3 + 2]
        }, { mode: 'lab65', l: scratch[0], a: scratch[1], b: scratch[2] });
        if (distance <= tolerance && distance < bestDistance) {
            best = index;
            bestDistance = distance;
        }
    }
    return best;
}
/**
 * Snaps the pixels of a raw RGBA buffer (8 bits per channel, as sharp's
 * `ensureAlpha().raw()` gives) in place. Alpha is kept; fully transparent
 * pixels are left out of the shares. Returns the shares of visible pixels on
 * the palette and changed. `measure` is CIEDE2000; tests pass a wrapper to see
 * how often it runs.
 */
function snapPixels(rgba, palette, tolerance, measure = deltaE2000) {
    if (rgba.length % 4 !== 0) {
        throw new RangeError('snapPixels takes RGBA: 4 bytes per pixel');
    }
    // One 32-bit read per pixel; on little-endian hosts (every platform Node ships for) the low
    // 24 bits are r | g << 8 | b << 16 and the top 8 the alpha.
    // A copy, not `slice()`: a Node Buffer's `slice` is a view at the same unaligned offset.
    const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
    const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
    const prepared = prepare(palette, tolerance);
    // Indexed by the colour key: 0 = not decided yet, 1 = no palette colour within tolerance,
    // 2 + i = palette colour i. A typed array beats a Map by far, and only the pages of the
    // colours the image uses are ever touched.
    const decisions = new Uint16Array(1 << 24);
    const scratch = new Float64Array(3);
    let visible = 0;
    let onPalette = 0;
    let changed = 0;
    // Flat art repeats the pixel before it: reuse that decision without a lookup.
    let lastPixel = -1;
    let lastResult = 0;
    for (let index = 0; index < pixels.length; index++) {
        const pixel = pixels[index];
        if (pixel >>> 24 === 0)
            continue;
        visible += 1;
        let result = lastResult;
        if (pixel !== lastPixel) {
            const key = pixel & 0xffffff;
            let decision = decisions[key];
            if (decision === 0) {
                decision = decide(key, prepared, tolerance, scratch, measure) + 2;
                decisions[key] = decision;
            }
            // 0 leaves the pixel as it is (a visible pixel is never 0), else the snapped pixel.
            result =
                decision === 1
                    ? 0
                    : ((pixel & 0xff000000) | prepared.keys[decision - 2]) >>> 0;
            lastPixel = pixel;
            lastResult = result;
        }
        if (result === 0)
            continue;
        onPalette += 1;
        if (result !== pixel) {
            pixels[index] = result;
            changed += 1;
        }
    }
    if (aligned !== rgba)
        rgba.set(aligned);
    return {
        tolerance,
        onPalette: visible === 0 ? 0 : onPalette / visible,
        changed: visible === 0 ? 0 : changed / visible
    };
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
// sharp's strategies rank edge regions (attention: skin, saturation, luminance; entropy: detail)
// and crop away the lowest; center keeps the middle.
const CROP_POSITIONS = {
    attention: sharp/* sharp */.B.strategy.attention,
    entropy: sharp/* sharp */.B.strategy.entropy,
    center: 'centre'
};
/** Decodes the pipeline to RGBA, snaps it to the palette, and starts a new pipeline from it. */
async function snapPipeline(pipeline, snap, hasAlpha) {
    const { data, info } = await pipeline
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
    const stats = snapPixels(data, snap.palette, snap.tolerance);
    const snapped = (0,sharp/* sharp */.B)(data, {
        raw: { width: info.width, height: info.height, channels: 4 }
    });
    // An opaque source stays opaque: no alpha channel appears in the file.
    return { pipeline: hasAlpha ? snapped : snapped.removeAlpha(), stats };
}
/**
 * Decodes `input`, narrows it to `width` (never wider than it is) or cover-fits it to `fit` when
 * given, snaps it to a palette when asked, and encodes it as `format` with the provenance embedded,
 * turning any failure into an ImageError naming the input.
 */
async function encode(input, target) {
    const { format, provenance, width, fit } = target;
    const xmp = provenance && (0,images_provenance/* provenanceXmp */.nU)(provenance);
    // autoOrient: output metadata is replaced, so an EXIF rotation would be lost; apply it instead.
    let image = (0,sharp/* sharp */.B)(input, {
        limitInputPixels: target.maxPixels ?? sharp/* MAX_INPUT_PIXELS */.G
    }).autoOrient();
    if (width !== undefined) {
        image = image.resize({ width, withoutEnlargement: true });
    }
    if (fit) {
        image = image.resize({
            width: fit.width,
            height: fit.height,
            fit: 'cover',
            position: CROP_POSITIONS[fit.crop]
        });
    }
    try {
        let snapped;
        if (target.snap) {
            const { hasAlpha } = await (0,sharp/* sharp */.B)(input).metadata();
            const result = await snapPipeline(image, target.snap, hasAlpha);
            image = result.pipeline;
            snapped = result.stats;
        }
        // PNG gets its XMP spliced in afterwards, as iTXt (see pngWithXmp).
        if (xmp !== undefined && format !== 'png')
            image = image.withXmp(xmp);
        const { data, info } = await encodeAs(image, format, target.quality).toBuffer({ resolveWithObject: true });
        return {
            ...(snapped ? { snapped } : {}),
            bytes: xmp !== undefined && format === 'png' ? (0,images_provenance/* pngWithXmp */.Px)(data, xmp) : data,
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
 * Decodes whatever the model returned (PNG, JPEG, WebP, ...), cover-fits it to `fit` (the exact
 * output size) and snaps it to a palette when asked, and re-encodes it as `format` with the
 * provenance embedded as XMP (PNG: iTXt `XML:com.adobe.xmp`; JPEG, WebP: XMP). Other metadata is
 * dropped. Throws ImageError when the bytes cannot be decoded.
 */
async function encodeOutput(input, options) {
    const detected = sniffMediaType(input);
    // Only raster formats are taken from a model: an SVG is a document (scripts, external links) that
    // libvips would render, and a GIF is no format a spec can ask for.
    if (detected === undefined || !RASTER_TYPES.has(detected)) {
        const kind = detected ??
            (looksLikeMarkup(input) ? 'SVG or other markup' : 'unrecognised bytes');
        throw new errors/* ImageError */.C8(`the model returned ${kind}, not a PNG, JPEG, WebP or AVIF image: refused (${input.byteLength} bytes)`);
    }
    const metadata = await (0,sharp/* sharp */.B)(input)
        .metadata()
        .catch(() => undefined);
    const oriented = metadata?.autoOrient ?? metadata;
    const { fit } = options;
    // An answer already of the exact size is not resampled.
    const fits = fit !== undefined &&
        (oriented?.width !== fit.width || oriented.height !== fit.height);
    const image = await encode(input, { ...options, fit: fits ? fit : undefined });
    return {
        ...image,
        source: {
            width: oriented?.width ?? image.width,
            height: oriented?.height ?? image.height
        }
    };
}
/** What assetgen accepts from a model, judged by the bytes. */
const RASTER_TYPES = new Set([
    'image/png',
    'image/jpeg',
    'image/webp',
    'image/avif'
]);
function looksLikeMarkup(bytes) {
    const head = Buffer.from(bytes.subarray(0, 256)).toString('utf8');
    return /^\uFEFF?\s*</.test(head);
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


/***/ }),

/***/ 85055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ readProvenance),
/* harmony export */   Px: () => (/* binding */ pngWithXmp),
/* harmony export */   nU: () => (/* binding */ provenanceXmp)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _sharp_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4374);
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
    chunk.writeUInt32BE((0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.crc32)(Buffer.concat([type, data])), 8 + data.length);
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
        xmp = (await (0,_sharp_js__WEBPACK_IMPORTED_MODULE_2__/* .sharp */ .B)(image).metadata()).xmpAsString;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageError */ .C8(`Could not read the image's metadata: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
    }
    return xmp === undefined ? undefined : parseProvenanceXmp(xmp);
}


/***/ })

};
