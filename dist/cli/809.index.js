export const id = 809;
export const ids = [809];
export const modules = {

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RetryableNoImageResultError: () => (/* binding */ RetryableNoImageResultError),
/* harmony export */   gatewayModelFactory: () => (/* binding */ gatewayModelFactory)
/* harmony export */ });
/* harmony import */ var _ai_sdk_gateway__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6784);

/**
 * The one place that builds the AI Gateway provider. The key is passed explicitly rather than read
 * from the environment by the SDK, so the action controls (and masks) exactly which key is used.
 */
function gatewayModelFactory(settings) {
    const gateway = (0,_ai_sdk_gateway__WEBPACK_IMPORTED_MODULE_0__/* .createGateway */ .jV)({
        apiKey: settings.apiKey,
        ...(settings.baseURL ? { baseURL: settings.baseURL } : {})
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


/***/ })

};
