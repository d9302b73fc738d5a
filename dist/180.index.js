export const id = 180;
export const ids = [180];
export const modules = {

/***/ 55544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ uploadPreviews)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40111);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81532);
/**
 * Uploads PR previews as workflow artifacts, one artifact per file and unzipped, so a reviewer
 * can open each image in the browser straight from the run page (zipped artifacts only download).
 */






const UPLOADS_IN_FLIGHT = 4;
/**
 * Uploads each file as its own unzipped artifact named
 * `<namePrefix>-<runAttempt>-<name>`. Needs the runtime env the runner gives JavaScript actions
 * (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RESULTS_URL`); every failure is a PublishError naming the file.
 */
async function uploadPreviews(request) {
    for (const variable of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL']) {
        if (!process.env[variable]) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PublishError */ .S1(`Cannot upload preview artifacts: ${variable} is not set. The runner only gives it to ` +
                'actions (`uses:`), not to `run:` steps or local runs; use mode `commit` or `none` there.');
        }
    }
    const runAttempt = request.runAttempt || process.env['GITHUB_RUN_ATTEMPT'] || '1';
    const runId = request.runId ?? process.env['GITHUB_RUN_ID'];
    const planned = request.files.map((file) => ({
        file: file.path,
        name: artifactName(request, runAttempt, file)
    }));
    const seen = new Map();
    for (const { file, name } of planned) {
        const other = seen.get(name);
        if (other !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PublishError */ .S1(`${other} and ${file} would both be uploaded as artifact '${name}'; give one a distinct name.`);
        }
        seen.set(name, file);
    }
    // With skipArchive @actions/artifact ignores the name it is given and names the artifact after
    // the file, so each file is uploaded from a copy that carries the artifact's name.
    const staging = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'assetgen-artifacts-'));
    const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_3__/* .DefaultArtifactClient */ .t9();
    try {
        const artifacts = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_5__/* .mapBounded */ .y)(planned, UPLOADS_IN_FLIGHT, async ({ file, name }) => {
            try {
                const staged = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, name);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(file, staged);
                const { id, size } = await client.uploadArtifact(name, [staged], staging, {
                    skipArchive: true,
                    ...(request.retentionDays === undefined
                        ? {}
                        : { retentionDays: request.retentionDays })
                });
                if (id === undefined)
                    throw new Error('the service returned no artifact id');
                const url = artifactUrl(runId, id);
                return { file, name, id, size: size ?? 0, ...(url ? { url } : {}) };
            }
            catch (error) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PublishError */ .S1(`Uploading ${file} as artifact '${name}' failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
            }
        });
        return { artifacts };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(staging, { recursive: true, force: true });
    }
}
/** Characters @actions/artifact refuses in a name (NTFS limits); they become `_`. */
const INVALID_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/g;
function artifactName(request, runAttempt, file) {
    let name = file.name;
    if (name === undefined) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(request.rootDirectory, file.path);
        const outside = path === '..' || path.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path);
        // A file outside the root (e.g. the manifest in RUNNER_TEMP) goes by its file name.
        name = outside ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(file.path) : path.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('__');
    }
    return `${request.namePrefix}-${runAttempt}-${name}`.replace(INVALID_NAME_CHARACTERS, '_');
}
function artifactUrl(runId, id) {
    const repository = process.env['GITHUB_REPOSITORY'];
    if (!repository || !runId)
        return undefined;
    const server = (process.env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`;
}


/***/ }),

/***/ 70180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   saveUnpublished: () => (/* binding */ saveUnpublished)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55544);
/**
 * Saving paid-for images that were not published, as `<artifact-name>-unpublished` artifacts: on a
 * cancel (any phase) and when publishing stopped. Each file is uploaded on its own, so what
 * finished before the deadline is saved and the rest is named in the log.
 */



/** Uploads every file the build wrote, giving up on what is unfinished after `deadlineMs`. */
async function saveUnpublished(result, target, options) {
    const rescue = { saved: [], missed: [] };
    const pending = new Set(result.changedFiles);
    const uploads = result.changedFiles.map(async (path) => {
        try {
            const uploaded = await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_2__/* .uploadPreviews */ .t)({
                files: [{ path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(result.spec.root, path) }],
                rootDirectory: result.spec.root,
                namePrefix: `${options.artifactName}-unpublished`,
                ...(target.runId ? { runId: target.runId } : {}),
                ...(target.runAttempt ? { runAttempt: target.runAttempt } : {})
            });
            rescue.saved.push(...uploaded.artifacts);
        }
        catch (error) {
            rescue.missed.push({ path, reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error) });
        }
        finally {
            pending.delete(path);
        }
    });
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(resolve, Math.max(0, options.deadlineMs));
    });
    await Promise.race([Promise.all(uploads), deadline]);
    clearTimeout(timer);
    for (const path of pending)
        rescue.missed.push({ path, reason: 'not finished before the deadline' });
    return rescue;
}


/***/ })

};
