export const id = 809;
export const ids = [809];
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

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RetryableNoImageResultError: () => (/* binding */ RetryableNoImageResultError),
/* harmony export */   gatewayModelFactory: () => (/* binding */ gatewayModelFactory),
/* harmony export */   imagePrices: () => (/* binding */ imagePrices),
/* harmony export */   readCreditBalance: () => (/* binding */ readCreditBalance),
/* harmony export */   readImagePrices: () => (/* binding */ readImagePrices)
/* harmony export */ });
/* harmony import */ var _ai_sdk_gateway__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _cost_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32678);
/* harmony import */ var _capped_fetch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72519);




/**
 * The one place that builds the AI Gateway provider. The key is passed explicitly rather than read
 * from the environment by the SDK, so the action controls (and masks) exactly which key is used.
 */
function gatewayModelFactory(settings) {
    // assetgen reports the SDK's warnings per asset (generate/verify.ts), through the text-safety
    // module; the SDK's own logging would print the gateway's text raw into the runner log.
    globalThis.AI_SDK_LOG_WARNINGS = false;
    const gateway = (0,_ai_sdk_gateway__WEBPACK_IMPORTED_MODULE_3__/* .createGateway */ .jV)({
        apiKey: settings.apiKey,
        ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
        fetch: (0,_capped_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .cappedFetch */ .Ul)(settings.maxResponseBytes ?? _capped_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_RESPONSE_BYTES */ .nB)
    });
    return (asset) => retryableEmptyResults(gateway.imageModel(asset.model));
}
/** An empty `images` answer the gateway did not mark final (`isRetryable: false`). */
class RetryableNoImageResultError extends Error {
    constructor() {
        super('No image generated.');
        this.name = 'RetryableNoImageResultError';
    }
}
/**
 * With the SDK's own retries off (see attempts.ts), `generateImage` reports an empty but retryable
 * answer as a final NoImageGeneratedError, the same as one marked `isRetryable: false`. Throwing
 * from the model instead keeps the difference, so classify.ts can retry the one and not the other.
 */
function retryableEmptyResults(model) {
    const wrapped = Object.create(model);
    wrapped.doGenerate = async (options) => {
        const result = await model.doGenerate(options);
        if (result.images.length === 0 && result.isRetryable !== false)
            throw new RetryableNoImageResultError();
        return result;
    };
    return wrapped;
}
/** The gateway's default base URL, whose origin serves the catalogue and credits. */
const DEFAULT_BASE_URL = 'https://ai-gateway.vercel.sh/v4/ai';
/** How long the catalogue may take, and how large it may be: it is a nicety, never a wait. */
const CATALOGUE_TIMEOUT_MS = 5000;
const CATALOGUE_MAX_BYTES = 8 * 1024 * 1024;
/**
 * Per-image prices of the gateway's image models, read from `GET {origin}/v1/models` (one request,
 * 5 s). The SDK's `getAvailableModels()` keeps only token prices, so the JSON is read here:
 * `{ data: [{ id, type: 'image', pricing: { image: '0.04' } }] }`. Never throws: a failure is a
 * warning and an empty table.
 */
async function readImagePrices(settings, fetchImpl = fetch) {
    const url = new URL('/v1/models', settings.baseURL ?? DEFAULT_BASE_URL);
    try {
        const response = await fetchImpl(url, {
            headers: { authorization: `Bearer ${settings.apiKey}` },
            signal: AbortSignal.timeout(CATALOGUE_TIMEOUT_MS)
        });
        if (!response.ok)
            throw new Error(`HTTP ${response.status}`);
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > CATALOGUE_MAX_BYTES)
            throw new Error('the answer is too large');
        const text = await response.text();
        if (text.length > CATALOGUE_MAX_BYTES)
            throw new Error('the answer is too large');
        return { prices: imagePrices(JSON.parse(text)) };
    }
    catch (error) {
        return {
            prices: {},
            warning: `could not read the gateway's price list (${url.pathname}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .getErrorMessage */ .u1)(error)}; estimates use the other sources`
        };
    }
}
/** Picks believable per-image prices of image models out of a catalogue answer. */
function imagePrices(catalogue) {
    const data = catalogue?.data;
    const prices = {};
    if (!Array.isArray(data))
        return prices;
    for (const model of data.slice(0, 10_000)) {
        const id = model?.id;
        const pricing = model?.pricing;
        const perImage = (0,_cost_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCost */ .v9)(pricing?.image);
        if (typeof id === 'string' && id.length <= 200 && perImage !== undefined)
            prices[id] = { perImage };
    }
    return prices;
}
/**
 * The gateway credit balance in USD through the SDK's `getCredits()`; undefined when it cannot be
 * read (never fatal).
 */
async function readCreditBalance(settings) {
    try {
        const gateway = (0,_ai_sdk_gateway__WEBPACK_IMPORTED_MODULE_3__/* .createGateway */ .jV)({
            apiKey: settings.apiKey,
            ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
            // Bounded like the catalogue: the balance is a courtesy check.
            fetch: (input, init) => fetch(input, {
                ...init,
                signal: AbortSignal.timeout(CATALOGUE_TIMEOUT_MS)
            })
        });
        const credits = await gateway.getCredits();
        const balance = Number(credits.balance);
        return Number.isFinite(balance) ? balance : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
