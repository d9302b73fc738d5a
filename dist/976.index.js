export const id = 976;
export const ids = [976,248];
export const modules = {

/***/ 69248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PO: () => (/* binding */ errorStatus),
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   tR: () => (/* binding */ toPublishError)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61351);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/**
 * The one place that builds an Octokit. Everything that talks to the GitHub REST API takes the
 * instance made here, so retries, rate-limit handling and the API base URL are decided once.
 */




/** How often a request that hit a (secondary) rate limit is tried again. */
const RATE_LIMIT_RETRIES = 2;
/**
 * Statuses plugin-retry must not retry. 422 is on it because a non-fast-forward ref update is
 * answered by commit.ts (re-read the head, rebuild), not by repeating the same request; 429 is
 * on it because the throttling plugin owns rate limits and both retrying would double the wait.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/**
 * Stands in for a Bottleneck group when writes need no spacing: the throttling plugin only calls
 * `group.key(id).schedule(options, job)` on the write and notification groups.
 */
const unspacedGroup = {
    key: () => ({
        schedule: (_options, job) => job()
    })
};
/**
 * Builds an authenticated Octokit with plugin-retry (5xx, network errors) and plugin-throttling
 * (primary and secondary rate limits, retried {@link RATE_LIMIT_RETRIES} times and logged).
 */
function createOctokit(token, options = {}) {
    const log = options.log ?? (() => { });
    const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const again = retryCount < RATE_LIMIT_RETRIES;
        log(`GitHub ${kind} hit by ${request.method} ${request.url}; ` +
            (again
                ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`
                : 'giving up'));
        return again;
    };
    const throttle = {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        retryAfterBaseValue,
        ...(options.spaceWrites === false
            ? { write: unspacedGroup, notifications: unspacedGroup }
            : {})
    };
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        // @actions/github reads GITHUB_API_URL when it is first imported; read it per call so a
        // process (or test) that sets it later still reaches the right host.
        baseUrl: options.baseUrl ??
            process.env['GITHUB_API_URL'] ??
            'https://api.github.com',
        throttle,
        retry: {
            doNotRetry: DO_NOT_RETRY,
            retries: options.retries ?? 3,
            retryAfterBaseValue
        }
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}
/** The HTTP status of an Octokit RequestError, if `error` is one. */
function errorStatus(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * GitHub's own message for a failed request. Some failures (e.g. blob uploads behind a proxy)
 * answer with an HTML page; that is reduced to its status instead of pasted into logs.
 */
function errorMessage(error) {
    const data = error?.response
        ?.data;
    const fromBody = typeof data === 'object' && data !== null
        ? data.message
        : undefined;
    const message = typeof fromBody === 'string'
        ? fromBody
        : error instanceof Error
            ? error.message
            : String(error);
    if (/<html|<!doctype/i.test(message)) {
        return 'an HTML error page instead of JSON';
    }
    return message;
}
/**
 * Wraps a failed GitHub request as a PublishError that says what was being done, what GitHub
 * answered, and for permission errors what to change in the workflow.
 */
function toPublishError(error, action, permission) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1)
        return error;
    const status = errorStatus(error);
    const message = errorMessage(error);
    let hint = '';
    if (status === 401) {
        hint = ' The token is invalid or expired.';
    }
    else if (status === 403 && !/rate limit/i.test(message)) {
        hint =
            ` The token lacks ${permission} permission: add \`permissions: { ${permission} }\` to the job.` +
                ' On pull_request runs from forks the token is read-only whatever you set.';
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`${action} failed: ${status === undefined ? '' : `${status} `}${message}.${hint}`, { cause: error });
}


/***/ }),

/***/ 976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishArtifacts: () => (/* binding */ publishArtifacts),
  publishCommit: () => (/* binding */ publishCommit)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/plan/lockfile.ts
var lockfile = __webpack_require__(86450);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 309 modules
var artifact = __webpack_require__(40111);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
;// CONCATENATED MODULE: ./src/publish/artifacts.ts
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
            throw new errors/* PublishError */.S1(`Cannot upload preview artifacts: ${variable} is not set. The runner only gives it to ` +
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
            throw new errors/* PublishError */.S1(`${other} and ${file} would both be uploaded as artifact '${name}'; give one a distinct name.`);
        }
        seen.set(name, file);
    }
    // With skipArchive @actions/artifact ignores the name it is given and names the artifact after
    // the file, so each file is uploaded from a copy that carries the artifact's name.
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'assetgen-artifacts-'));
    const client = new artifact/* DefaultArtifactClient */.t9();
    try {
        const artifacts = await (0,concurrency/* mapBounded */.y)(planned, UPLOADS_IN_FLIGHT, async ({ file, name }) => {
            try {
                const staged = (0,external_node_path_.join)(staging, name);
                await (0,promises_.copyFile)(file, staged);
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
                throw new errors/* PublishError */.S1(`Uploading ${file} as artifact '${name}' failed: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
            }
        });
        return { artifacts };
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
}
/** Characters @actions/artifact refuses in a name (NTFS limits); they become `_`. */
const INVALID_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/g;
function artifactName(request, runAttempt, file) {
    let name = file.name;
    if (name === undefined) {
        const path = (0,external_node_path_.relative)(request.rootDirectory, file.path);
        const outside = path === '..' || path.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(path);
        // A file outside the root (e.g. the manifest in RUNNER_TEMP) goes by its file name.
        name = outside ? (0,external_node_path_.basename)(file.path) : path.split(external_node_path_.sep).join('__');
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

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/github.ts
var github = __webpack_require__(69248);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/publish/git-tree.ts
/**
 * Git object plumbing for commit.ts: local blob hashing, reading a head tree, and building a new
 * tree in chunks through the Git Data API.
 */

/** The Git Data API refuses blobs above 40 MiB. */
const MAX_BLOB_BYTES = 40 * 1024 * 1024;
/** Entries per POST git/trees: big inline trees time out, so large sets go in a chain. */
const TREE_CHUNK_SIZE = 100;
/** The sha git gives `content` as a blob: sha1 of `blob <length>\0` + bytes. */
function gitBlobSha(content) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`blob ${content.length}\0`)
        .update(content)
        .digest('hex');
}
/**
 * Reads `treeSha` recursively. GitHub truncates recursive listings of very large trees; then
 * each wanted path that was not listed is found by walking its directories one level at a time,
 * because a missed entry would make a merge start from nothing.
 */
async function readHeadTree(octokit, { owner, repo }, treeSha, paths) {
    const { data } = await octokit.rest.git.getTree({
        owner,
        repo,
        tree_sha: treeSha,
        recursive: '1'
    });
    const entries = new Map();
    const blobShas = new Set();
    for (const entry of data.tree) {
        if (entry.path === undefined || entry.sha === undefined)
            continue;
        const { sha, type = 'blob', mode = '100644' } = entry;
        entries.set(entry.path, { sha, type, mode });
        if (type === 'blob')
            blobShas.add(sha);
    }
    if (!data.truncated)
        return { entries, blobShas };
    const levels = new Map();
    const level = async (sha) => {
        let found = levels.get(sha);
        if (found === undefined) {
            const listing = await octokit.rest.git.getTree({
                owner,
                repo,
                tree_sha: sha
            });
            found = new Map();
            for (const entry of listing.data.tree) {
                if (entry.path === undefined || entry.sha === undefined)
                    continue;
                found.set(entry.path, {
                    sha: entry.sha,
                    type: entry.type ?? 'blob',
                    mode: entry.mode ?? '100644'
                });
            }
            levels.set(sha, found);
        }
        return found;
    };
    for (const path of paths) {
        if (entries.has(path))
            continue;
        let current = {
            sha: treeSha,
            type: 'tree',
            mode: '040000'
        };
        for (const name of path.split('/')) {
            if (current?.type !== 'tree') {
                current = undefined;
                break;
            }
            current = (await level(current.sha)).get(name);
        }
        if (current !== undefined) {
            entries.set(path, current);
            if (current.type === 'blob')
                blobShas.add(current.sha);
        }
    }
    return { entries, blobShas };
}
/** Reads one blob's bytes (the API sends them base64 with line breaks, which Buffer skips). */
async function readBlob(octokit, { owner, repo }, sha) {
    const { data } = await octokit.rest.git.getBlob({
        owner,
        repo,
        file_sha: sha
    });
    return Buffer.from(data.content, data.encoding === 'utf-8' ? 'utf8' : 'base64');
}
/**
 * Creates the tree `baseTree` + `files` (path → blob sha, mode 100644). Sets above
 * {@link TREE_CHUNK_SIZE} entries become a chain of trees, each on the previous one as its base,
 * and the last one is returned.
 */
async function createTreeChain(octokit, { owner, repo }, baseTree, files) {
    let tree = baseTree;
    for (let start = 0; start < files.length; start += TREE_CHUNK_SIZE) {
        const chunk = files.slice(start, start + TREE_CHUNK_SIZE);
        const { data } = await octokit.rest.git.createTree({
            owner,
            repo,
            base_tree: tree,
            tree: chunk.map(({ path, sha }) => ({
                path,
                sha,
                mode: '100644',
                type: 'blob'
            }))
        });
        tree = data.sha;
    }
    return tree;
}

;// CONCATENATED MODULE: ./src/publish/commit.ts
/**
 * Commits files to a branch as ONE commit through the Git Data REST API (blobs → tree → commit →
 * non-forced ref update). With GITHUB_TOKEN or an App token GitHub signs such commits, so they
 * pass "require signed commits" rules; the Contents API and GraphQL are avoided on purpose
 * (per-file commits collide, GraphQL payload limits break on binaries).
 */





const PERMISSION = 'contents: write';
const BLOB_UPLOADS_IN_FLIGHT = 4;
/**
 * Commits `request.files` (and the `merge` result) on top of the branch's current head. Files
 * identical to the head are left out and nothing is created when none differ. When someone else
 * moves the branch between our read and our ref update, GitHub answers 422; then the head is
 * re-read and the commit rebuilt on it, up to `maxAttempts` times. Never forces.
 */
async function commitFiles(octokit, request) {
    checkFiles(request);
    const maxAttempts = request.maxAttempts ?? 5;
    const backoffMs = request.backoffMs ?? 1000;
    const log = request.log ?? (() => { });
    // Blobs survive a lost race, so a later attempt does not upload them again.
    const uploaded = new Set();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const result = await commitOnce(octokit, request, attempt, uploaded, log);
        if (result !== 'head-moved')
            return result;
        if (attempt < maxAttempts) {
            const wait = backoffMs * 2 ** (attempt - 1) + Math.random() * backoffMs;
            log(`${request.branch} moved while committing (attempt ${attempt} of ${maxAttempts}); ` +
                `rebuilding on the new head in ${Math.round(wait)} ms`);
            await (0,external_node_timers_promises_.setTimeout)(wait);
        }
    }
    throw new errors/* PublishError */.S1(`Branch '${request.branch}' kept moving: ${maxAttempts} attempts to add a commit on top ` +
        'of its head all lost the race to other pushes. Serialize the jobs that write to it ' +
        '(a `concurrency` group) or re-run.');
}
function checkFiles(request) {
    if (request.merge)
        checkPath(request.merge.path);
    const seen = new Set();
    for (const { path, content } of request.files) {
        checkPath(path);
        if (seen.has(path)) {
            throw new errors/* PublishError */.S1(`Cannot commit '${path}' twice in one commit.`);
        }
        seen.add(path);
        checkSize(path, content);
    }
}
function checkPath(path) {
    const segments = path.split('/');
    if (path.includes('\\') ||
        segments.some((part) => part === '' || part === '.' || part === '..')) {
        throw new errors/* PublishError */.S1(`Cannot commit '${path}': paths must be repo-relative POSIX paths.`);
    }
}
function checkSize(path, content) {
    if (content.length > MAX_BLOB_BYTES) {
        const mib = (content.length / 1024 / 1024).toFixed(1);
        throw new errors/* PublishError */.S1(`Cannot commit ${path}: it is ${content.length} bytes (${mib} MiB) and GitHub's ` +
            `Git Data API takes at most ${MAX_BLOB_BYTES} bytes (40 MiB) per file. ` +
            'Shrink the image (size, format, quality) or leave it out.');
    }
}
async function commitOnce(octokit, request, attempt, uploaded, log) {
    const { owner, repo, branch } = request;
    const where = { owner, repo };
    const head = await readHead(octokit, request);
    const headTree = await step('Reading the head commit', async () => {
        const { data } = await octokit.rest.git.getCommit({
            ...where,
            commit_sha: head
        });
        return data.tree.sha;
    });
    const contents = new Map(request.files.map((file) => [file.path, file.content]));
    const { merge } = request;
    const wanted = [...contents.keys(), ...(merge ? [merge.path] : [])];
    const tree = await step('Reading the head tree', () => readHeadTree(octokit, where, headTree, wanted));
    if (merge) {
        const entry = tree.entries.get(merge.path);
        const current = entry?.type === 'blob'
            ? await step(`Reading ${merge.path}`, () => readBlob(octokit, where, entry.sha))
            : undefined;
        const combined = merge.combine(current);
        checkSize(merge.path, combined);
        contents.set(merge.path, combined);
    }
    const changed = [];
    for (const [path, content] of contents) {
        const sha = gitBlobSha(content);
        const entry = tree.entries.get(path);
        if (entry?.type !== 'blob' || entry.sha !== sha) {
            changed.push({ path, sha, content });
        }
    }
    const unchanged = { changed: false, attempts: attempt, parentSha: head };
    if (changed.length === 0) {
        log(`${branch} already holds every file; nothing to commit`);
        return { ...unchanged, filesCommitted: [] };
    }
    // Content the repository already has (anywhere in the head, or uploaded by an earlier attempt)
    // needs no upload; identical files share one blob.
    const missing = new Map();
    for (const { path, sha, content } of changed) {
        if (!tree.blobShas.has(sha) && !uploaded.has(sha) && !missing.has(sha)) {
            missing.set(sha, { path, content });
        }
    }
    await (0,concurrency/* mapBounded */.y)([...missing], BLOB_UPLOADS_IN_FLIGHT, async ([sha, { path, content }]) => {
        const { data } = await step(`Uploading ${path}`, () => octokit.rest.git.createBlob({
            ...where,
            content: content.toString('base64'),
            encoding: 'base64'
        }));
        if (data.sha !== sha) {
            throw new errors/* PublishError */.S1(`Uploading ${path}: GitHub stored it as ${data.sha}, expected ${sha}; ` +
                'the bytes were altered on the way.');
        }
        uploaded.add(sha);
    });
    const newTree = await step('Creating the tree', () => createTreeChain(octokit, where, headTree, changed));
    if (newTree === headTree) {
        // Only reachable when a truncated listing hid identical files: still nothing to commit.
        return { ...unchanged, filesCommitted: [] };
    }
    const { data: commit } = await step('Creating the commit', () => octokit.rest.git.createCommit({
        ...where,
        message: request.message,
        tree: newTree,
        parents: [head]
    }));
    try {
        await octokit.rest.git.updateRef({
            ...where,
            ref: `heads/${branch}`,
            sha: commit.sha,
            force: false
        });
    }
    catch (error) {
        if ((0,github/* errorStatus */.PO)(error) === 422 &&
            /not a fast.forward|cannot be updated/i.test((0,github/* errorMessage */.gJ)(error))) {
            return 'head-moved';
        }
        throw (0,github/* toPublishError */.tR)(error, `Updating ${branch}`, PERMISSION);
    }
    const { verified, reason } = commit.verification ?? {};
    log(`Committed ${changed.length} file(s) to ${branch} as ${commit.sha}; ` +
        (verified
            ? 'verified'
            : `not verified (${reason ?? 'no verification info'}): PATs and custom authors get no signature`));
    return {
        changed: true,
        sha: commit.sha,
        verified,
        verificationReason: reason,
        attempts: attempt,
        filesCommitted: changed.map((file) => file.path),
        parentSha: head
    };
}
async function readHead(octokit, { owner, repo, branch }) {
    try {
        const { data } = await octokit.rest.git.getRef({
            owner,
            repo,
            ref: `heads/${branch}`
        });
        return data.object.sha;
    }
    catch (error) {
        const status = (0,github/* errorStatus */.PO)(error);
        if (status === 404) {
            throw new errors/* PublishError */.S1(`Branch '${branch}' was not found in ${owner}/${repo}. assetgen adds a commit on top ` +
                'of an existing branch: push the branch first or set `branch` to one that exists ' +
                '(a 404 also means the token cannot see the repository).', { cause: error });
        }
        if (status === 409) {
            throw new errors/* PublishError */.S1(`${owner}/${repo} has no commits yet; push an initial commit to '${branch}' first.`, { cause: error });
        }
        throw (0,github/* toPublishError */.tR)(error, `Reading branch ${branch}`, PERMISSION);
    }
}
/** Runs one API step, turning any failure into a PublishError that names the step. */
async function step(action, run) {
    try {
        return await run();
    }
    catch (error) {
        throw (0,github/* toPublishError */.tR)(error, action, PERMISSION);
    }
}

;// CONCATENATED MODULE: ./src/publish/publish.ts






/** Files this build wrote (outputs, variants, lockfile), read for the commit. */
async function changedFiles(result) {
    return Promise.all(result.changedFiles.map(async (path) => ({
        path,
        content: await (0,promises_.readFile)((0,external_node_path_.join)(result.spec.root, path))
    })));
}
/** Ids whose lock entries this run produced: they win over the head's when merging. */
function producedIds(result) {
    return new Set(result.outcomes
        .filter((outcome) => outcome.status === 'generated' || outcome.status === 'reprocessed')
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
    const specIds = new Set(result.spec.assets.map((asset) => asset.id));
    const ids = result.outcomes
        .filter((outcome) => produced.has(outcome.id))
        .map((outcome) => `- ${outcome.id}`);
    try {
        const commit = await commitFiles(octokit, {
            owner: target.owner,
            repo: target.repo,
            branch: options.branch,
            message: `${options.message}\n\n${ids.join('\n')}\n`,
            files: files.filter((file) => file.path !== result.lockfilePath),
            merge: {
                path: result.lockfilePath,
                combine: (head) => {
                    const theirs = head
                        ? (0,lockfile/* parseLockfile */.tg)(head.toString('utf8'), result.lockfilePath)
                        : { version: 1, assets: {} };
                    return Buffer.from((0,lockfile/* serializeLockfile */.c5)((0,lockfile/* mergeLockfiles */.f8)(theirs, result.lockfile, produced, specIds)));
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
                published.links.set(outcome.id, `${target.serverUrl}/${target.owner}/${target.repo}/blob/${sha}/${outcome.out}?raw=true`);
            }
        }
    }
    catch (error) {
        published.error = `commit failed: ${(0,errors/* getErrorMessage */.u1)(error)}`;
        // Paid-for images must not vanish with the runner: keep them as artifacts to download.
        try {
            const saved = await uploadFiles(result, files.map((file) => file.path), target, `${options.artifactName}-unpublished`);
            published.artifacts = saved;
            published.recovery = `The generated files were saved as artifacts (${saved.map((item) => item.name).join(', ')}); download them and commit them, or rerun the job.`;
        }
        catch (uploadError) {
            published.recovery = `Saving them as artifacts failed too (${(0,errors/* getErrorMessage */.u1)(uploadError)}); rerun the job to regenerate.`;
        }
    }
    return published;
}
async function uploadFiles(result, paths, target, namePrefix) {
    const uploaded = await uploadPreviews({
        files: paths.map((path) => ({ path: (0,external_node_path_.join)(result.spec.root, path) })),
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
        const files = images.map((path) => ({ path: (0,external_node_path_.join)(result.spec.root, path) }));
        if (options.manifestPath)
            files.push({ path: options.manifestPath });
        const uploaded = await uploadPreviews({
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
            const artifact = uploaded.artifacts.find((item) => item.file === (0,external_node_path_.join)(result.spec.root, outcome.out));
            if (artifact?.url)
                published.links.set(outcome.id, artifact.url);
        }
    }
    catch (error) {
        published.error = `artifact upload failed: ${(0,errors/* getErrorMessage */.u1)(error)}`;
    }
    return published;
}


/***/ })

};
