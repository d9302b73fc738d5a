export const id = 205;
export const ids = [205];
export const modules = {

/***/ 4205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restoreAsset: () => (/* binding */ restoreAsset)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _images_color_check_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6684);
/* harmony import */ var _images_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6320);
/* harmony import */ var _images_provenance_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5055);
/* harmony import */ var _images_sharp_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4378);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(499);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8627);
/**
 * Restoring an asset from the image store: the stored bytes are written exactly as they are, and
 * everything derived from them (variants, colour check, provenance, lock entry) is computed here,
 * locally, through the same write path as a generated image. No model call, no cost.
 */








/** Writes a verified store hit as the asset's output (byte for byte), its variants and lock entry. */
async function restoreAsset(item, context, hit) {
    const { asset } = item;
    const started = Date.now();
    try {
        const bytes = node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.from(hit.image);
        const metadata = await (0,_images_sharp_js__WEBPACK_IMPORTED_MODULE_5__/* .sharp */ .B)(bytes).metadata();
        const provenance = (await (0,_images_provenance_js__WEBPACK_IMPORTED_MODULE_4__/* .readProvenance */ .Ch)(bytes)) ?? {
            model: hit.record.model,
            seed: hit.record.seed,
            inputHash: item.inputHash,
            assetgenVersion: context.version,
            assetId: asset.id
        };
        const check = asset.colorCheck
            ? await (0,_images_color_check_js__WEBPACK_IMPORTED_MODULE_2__/* .checkColors */ .H)(bytes, asset.palette, asset.colorCheck.tolerance)
            : undefined;
        const warnings = check && !check.passed
            ? [
                `colours missed: worst ΔE2000 ${check.worstDeltaE.toFixed(1)} > tolerance ${check.tolerance} (as when it was generated)`
            ]
            : [];
        const written = await (0,_run_js__WEBPACK_IMPORTED_MODULE_7__.writeOutputs)(item, context, {
            image: {
                bytes,
                width: metadata.width ?? hit.record.width,
                height: metadata.height ?? hit.record.height,
                format: asset.format,
                mediaType: (0,_images_process_js__WEBPACK_IMPORTED_MODULE_3__/* .sniffMediaType */ .ZS)(bytes) ?? 'application/octet-stream'
            },
            seed: provenance.seed,
            provenance,
            problems: [],
            ...(check ? { check } : {})
        }, 
        // Nothing is paid: an empty ledger records no cost in the lock entry or the outcome.
        { paid: new _outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .PaidLedger */ .E6(), attempts: 0, started, warnings });
        const entry = written.entry && {
            ...written.entry,
            generatedAt: hit.record.createdAt
        };
        return {
            ...(entry ? { entry } : {}),
            outcome: { ...written.outcome, status: 'restored' }
        };
    }
    catch (error) {
        return {
            outcome: {
                ...(0,_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .initialOutcome */ .XZ)(item, context.placeholder),
                status: 'failed',
                error: `restoring from the image store: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`,
                durationMs: Date.now() - started
            }
        };
    }
}


/***/ })

};
