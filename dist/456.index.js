export const id = 456;
export const ids = [456];
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

/***/ 13456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishArtifacts: () => (/* binding */ publishArtifacts),
/* harmony export */   publishCommit: () => (/* binding */ publishCommit)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _plan_lockfile_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11603);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(55544);
/* harmony import */ var _commit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93824);
/* harmony import */ var _safe_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(91452);
/* harmony import */ var _git_tree_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69556);








/** Files this build wrote (outputs, variants, lockfile), read for the commit. */
async function changedFiles(result) {
    return Promise.all(result.changedFiles.map(async (path) => ({
        path,
        content: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.spec.root, path))
    })));
}
/** Ids whose lock entries this run produced: they win over the head's when merging. */
function producedIds(result) {
    return new Set(result.outcomes
        .filter((outcome) => outcome.status === 'generated' ||
        outcome.status === 'reprocessed' ||
        outcome.status === 'restored')
        .map((outcome) => outcome.id));
}
/**
 * Commits every changed file in one commit on `branch`. The lockfile is re-merged with the head's
 * version on each attempt, so a concurrent run (or another shard) keeps its entries.
 */
async function publishCommit(octokit, result, target, options) {
    const published = {
        changed: false,
        artifacts: [],
        links: new Map(),
        thumbnails: true
    };
    const files = await changedFiles(result);
    if (files.length === 0)
        return published;
    const produced = producedIds(result);
    const restoredOutputs = new Set(result.outcomes
        .filter((outcome) => outcome.status === 'restored')
        .map((outcome) => outcome.out));
    const specIds = new Set(result.spec.assets.map((asset) => asset.id));
    const ids = result.outcomes
        .filter((outcome) => produced.has(outcome.id))
        .map((outcome) => `- ${outcome.id}`);
    try {
        const commit = await (0,_commit_js__WEBPACK_IMPORTED_MODULE_5__/* .commitFiles */ .z)(octokit, {
            owner: target.owner,
            repo: target.repo,
            branch: options.branch,
            message: `${options.message}\n\n${ids.join('\n')}\n`,
            files: files.filter((file) => file.path !== result.lockfilePath),
            // Images restored from the store are blobs of this repository already: shared, not re-uploaded.
            knownBlobs: new Set(files
                .filter((file) => restoredOutputs.has(file.path))
                .map((file) => (0,_git_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .gitBlobSha */ .Ak)(file.content))),
            merge: {
                path: result.lockfilePath,
                combine: (head) => {
                    const theirs = head
                        ? (0,_plan_lockfile_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLockfile */ .tg)(head.toString('utf8'), result.lockfilePath)
                        : { version: 1, assets: {} };
                    return Buffer.from((0,_plan_lockfile_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeLockfile */ .c5)((0,_plan_lockfile_js__WEBPACK_IMPORTED_MODULE_3__/* .mergeLockfiles */ .f8)(theirs, result.lockfile, produced, specIds)));
                }
            },
            log: options.log
        });
        published.changed = commit.changed;
        if (commit.sha)
            published.commitSha = commit.sha;
        if (commit.verified !== undefined)
            published.verified = commit.verified;
        const sha = commit.sha ?? commit.parentSha;
        for (const outcome of result.outcomes) {
            if (sha && outcome.sha256) {
                published.links.set(outcome.id, `${target.serverUrl}/${target.owner}/${target.repo}/blob/${sha}/${(0,_safe_text_js__WEBPACK_IMPORTED_MODULE_6__/* .urlPath */ .Lx)(outcome.out)}?raw=true`);
            }
        }
    }
    catch (error) {
        published.error = `commit failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`;
        // Paid-for images must not vanish with the runner: keep them as artifacts to download.
        try {
            const saved = await uploadFiles(result, files.map((file) => file.path), target, `${options.artifactName}-unpublished`);
            published.artifacts = saved;
            published.recovery = `The generated files were saved as artifacts (${saved.map((item) => item.name).join(', ')}); download them and commit them, or rerun the job.`;
        }
        catch (uploadError) {
            published.recovery = `Saving them as artifacts failed too (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(uploadError)}); rerun the job to regenerate.`;
        }
    }
    return published;
}
async function uploadFiles(result, paths, target, namePrefix) {
    const uploaded = await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_4__/* .uploadPreviews */ .t)({
        files: paths.map((path) => ({ path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.spec.root, path) })),
        rootDirectory: result.spec.root,
        namePrefix,
        ...(target.runId ? { runId: target.runId } : {}),
        ...(target.runAttempt ? { runAttempt: target.runAttempt } : {})
    });
    return uploaded.artifacts;
}
/** Uploads each generated image (and the manifest) as its own unzipped artifact. */
async function publishArtifacts(result, target, options) {
    const published = {
        changed: false,
        artifacts: [],
        links: new Map(),
        thumbnails: false
    };
    const images = result.changedFiles.filter((path) => path !== result.lockfilePath);
    if (images.length === 0)
        return published;
    try {
        const files = images.map((path) => ({ path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.spec.root, path) }));
        if (options.manifestPath)
            files.push({ path: options.manifestPath });
        const uploaded = await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_4__/* .uploadPreviews */ .t)({
            files,
            rootDirectory: result.spec.root,
            namePrefix: options.artifactName,
            ...(options.retentionDays
                ? { retentionDays: options.retentionDays }
                : {}),
            ...(target.runId ? { runId: target.runId } : {}),
            ...(target.runAttempt ? { runAttempt: target.runAttempt } : {})
        });
        published.artifacts = uploaded.artifacts;
        published.changed = true;
        for (const outcome of result.outcomes) {
            const artifact = uploaded.artifacts.find((item) => item.file === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.spec.root, outcome.out));
            if (artifact?.url)
                published.links.set(outcome.id, artifact.url);
        }
    }
    catch (error) {
        published.error = `artifact upload failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .getErrorMessage */ .u1)(error)}`;
    }
    return published;
}


/***/ })

};
