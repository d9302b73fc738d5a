export const id = 20;
export const ids = [20];
export const modules = {

/***/ 7020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStorePrune: () => (/* binding */ runStorePrune)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/spec/load.ts + 7 modules
var load = __webpack_require__(5622);
// EXTERNAL MODULE: ./src/store/git-plumbing.ts
var git_plumbing = __webpack_require__(1222);
// EXTERNAL MODULE: ./src/store/layout.ts
var layout = __webpack_require__(5891);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/store/prune.ts
/**
 * `assetgen store prune`: rewrites the store branch without the entries older than a bound that
 * the default branch's lockfile does not reference. It is the one operation that force-updates,
 * and only the store branch: the new head is an orphan commit (so the dropped images can be
 * garbage-collected), pushed with `--force-with-lease` against the head it read.
 *
 * A run that adds entries while a prune is running either makes the lease fail (nothing is lost,
 * prune again) or lands just before the lease is taken and is dropped from the store: a lost
 * cache entry costs one paid regeneration, never an image that landed on a branch.
 */






const DURATION = /^(\d+)\s*([hdw])$/;
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** Parses `90d`, `12h` or `2w` into milliseconds. */
function parseDuration(value) {
    const match = DURATION.exec((value ?? '').trim());
    if (!match || Number(match[1]) <= 0) {
        throw new errors/* InputError */.dz(`--older-than must be a positive number of hours, days or weeks (e.g. 90d), got "${value ?? ''}"`);
    }
    return Number(match[1]) * UNIT_MS[match[2]];
}
/** Prunes the store branch on `origin`; see the module comment. */
async function pruneStore(options) {
    const { root, branch } = options;
    const tracking = `refs/remotes/origin/${branch}`;
    if (options.fetch !== false) {
        // Fetching a branch origin does not have fails; no branch is simply nothing to prune.
        const listed = await (0,git_plumbing/* git */.$Y)(root, [
            'ls-remote',
            '--heads',
            'origin',
            `refs/heads/${branch}`
        ]);
        if (listed.trim() === '')
            return { kept: 0, removed: 0 };
        await (0,git_plumbing/* git */.$Y)(root, [
            'fetch',
            '--quiet',
            'origin',
            `+refs/heads/${branch}:${tracking}`
        ]);
    }
    const before = await (0,git_plumbing/* resolveCommit */.WL)(root, tracking);
    if (before === undefined)
        return { kept: 0, removed: 0 };
    const blobs = await (0,git_plumbing/* listBlobs */.t3)(root, before);
    const folders = new Map();
    for (const blob of blobs) {
        const match = /^[0-9a-f]{2}\/([0-9a-f]{64})\//.exec(blob.path);
        const folder = match ? match[0] : '';
        folders.set(folder, [...(folders.get(folder) ?? []), blob]);
    }
    const recordBlobs = blobs.filter((blob) => blob.path.endsWith(`/${layout/* RECORD_FILE */.lt}`) && blob.size <= layout/* MAX_RECORD_BYTES */.xR);
    const records = await (0,git_plumbing/* readBlobs */.b4)(root, recordBlobs.map((blob) => blob.sha));
    const bound = options.now.getTime() - options.olderThanMs;
    const keptFiles = [...(folders.get('') ?? [])];
    let kept = 0;
    let removed = 0;
    for (const [folder, files] of folders) {
        if (folder === '')
            continue;
        const key = folder.slice(3, -1);
        const recordBlob = files.find((file) => file.path === `${folder}${layout/* RECORD_FILE */.lt}`);
        const record = recordBlob
            ? (0,layout/* parseRecord */.Hh)(records.get(recordBlob.sha)?.toString('utf8') ?? '')
            : undefined;
        const created = record ? Date.parse(record.createdAt) : Number.NaN;
        if (options.keep.has(key) || created >= bound) {
            keptFiles.push(...files);
            kept += 1;
        }
        else
            removed += 1;
    }
    if (removed === 0 || options.dryRun)
        return { kept, removed, before };
    const after = await orphanCommit(root, keptFiles, `assetgen: prune the image store (${removed} removed, ${kept} kept)`);
    await (0,git_plumbing/* git */.$Y)(root, [
        'push',
        '--quiet',
        `--force-with-lease=refs/heads/${branch}:${before}`,
        'origin',
        `${after}:refs/heads/${branch}`
    ]);
    await (0,git_plumbing/* git */.$Y)(root, ['update-ref', tracking, after]);
    return { kept, removed, before, after };
}
/** A parentless commit holding exactly `files`, built in a throwaway index. */
async function orphanCommit(root, files, message) {
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'assetgen-prune-'));
    try {
        const env = {
            GIT_INDEX_FILE: (0,external_node_path_.join)(folder, 'index'),
            // commit-tree needs an identity; a clone without one still gets a commit.
            GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? 'assetgen',
            GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? 'assetgen@users.noreply.github.com',
            GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? 'assetgen',
            GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? 'assetgen@users.noreply.github.com'
        };
        await (0,git_plumbing/* git */.$Y)(root, ['read-tree', '--empty'], { env });
        await (0,git_plumbing/* git */.$Y)(root, ['update-index', '--add', '--index-info'], {
            env,
            input: files.map((file) => `100644 ${file.sha}\t${file.path}\n`).join('')
        });
        const tree = (await (0,git_plumbing/* git */.$Y)(root, ['write-tree'], { env })).trim();
        return (await (0,git_plumbing/* git */.$Y)(root, ['commit-tree', tree, '-m', message], { env })).trim();
    }
    finally {
        await (0,promises_.rm)(folder, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/store/prune-command.ts
/** The CLI's `assetgen store prune`: reads the default branch's lockfile, then prunes the store. */







/** `origin`'s default branch: what origin/HEAD points at, else main. */
async function defaultBranch(root) {
    try {
        const ref = await (0,git_plumbing/* git */.$Y)(root, [
            'symbolic-ref',
            '--quiet',
            'refs/remotes/origin/HEAD'
        ]);
        return ref.trim().replace(/^refs\/remotes\/origin\//, '');
    }
    catch {
        return 'main';
    }
}
/** The store keys the default branch's lockfile references, fetched fresh from origin. */
async function referencedKeys(root, lockfilePath) {
    const branch = await defaultBranch(root);
    const tracking = `refs/remotes/origin/${branch}`;
    await (0,git_plumbing/* git */.$Y)(root, [
        'fetch',
        '--quiet',
        'origin',
        `+refs/heads/${branch}:${tracking}`
    ]);
    const commit = await (0,git_plumbing/* resolveCommit */.WL)(root, tracking);
    if (commit === undefined)
        throw new errors/* InputError */.dz(`origin has no branch ${branch}`);
    let text;
    try {
        text = await (0,git_plumbing/* git */.$Y)(root, ['show', `${commit}:${lockfilePath}`]);
    }
    catch {
        return new Set(); // no lockfile on the default branch yet: nothing has landed
    }
    return referencedHashes(text);
}
/** Runs the prune; resolves with the exit code. */
async function pruneCommand(values, root, out) {
    const olderThanMs = parseDuration(values['older-than']);
    const branch = (0,inputs/* parseStoreBranch */.Dh)(values['store-branch']);
    if (branch === undefined)
        throw new errors/* InputError */.dz('--store-branch is empty: nothing to prune');
    const spec = await (0,load/* loadSpec */.II)({ specPath: (0,external_node_path_.resolve)(root, values.spec), root });
    const lockfilePath = (0,external_node_path_.relative)(spec.root, spec.lockfilePath)
        .split('\\')
        .join('/');
    // pruneStore answers a store branch origin lacks with nothing to prune.
    const result = await pruneStore({
        root,
        branch,
        olderThanMs,
        now: new Date(),
        keep: await referencedKeys(root, lockfilePath)
    });
    if (values.json)
        out.write(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.before === undefined)
        out.write(`origin has no ${branch} branch: nothing to prune\n`);
    else
        out.write(result.after
            ? `Pruned ${branch}: ${result.removed} entries removed, ${result.kept} kept; force-pushed ${result.after} (was ${result.before})\n`
            : `${branch}: nothing older than ${values['older-than']} outside the lockfile; ${result.kept} entries kept, nothing pushed\n`);
    return 0;
}
/**
 * Every well-formed input hash the lockfile's entries name. Read leniently on purpose: keeping an
 * entry too many only keeps a cache entry, while the strict reader drops whole entries it finds
 * incomplete, and prune must never drop an image that landed.
 */
function referencedHashes(text) {
    let assets;
    try {
        assets = JSON.parse(text).assets;
    }
    catch {
        throw new errors/* InputError */.dz("the default branch's lockfile is not JSON: refusing to prune");
    }
    const keys = new Set();
    if (typeof assets !== 'object' || assets === null)
        return keys;
    for (const entry of Object.values(assets)) {
        const hash = entry?.inputHash;
        if (typeof hash !== 'string')
            continue;
        try {
            keys.add((0,layout/* storeKey */.LN)(hash));
        }
        catch {
            // Not a hash: it references nothing in the store.
        }
    }
    return keys;
}

// EXTERNAL MODULE: ./src/cli/root.ts
var cli_root = __webpack_require__(9368);
;// CONCATENATED MODULE: ./src/cli/commands/store.ts
/** `assetgen store prune`: rewrite the image store branch without old, unused entries. */



/** Prunes the store of the spec's repository; resolves with the exit code. */
async function runStorePrune(args, io) {
    const specPath = external_node_path_default().resolve(io.cwd, args.values.spec ?? 'assetgen.yml');
    const root = await (0,cli_root/* workspaceRoot */.X)({
        specPath,
        cwd: io.cwd,
        ...(args.values.root !== undefined ? { override: args.values.root } : {})
    });
    return pruneCommand({
        spec: specPath,
        'store-branch': args.values['store-branch'] ?? 'assetgen-store',
        ...(args.values['older-than'] !== undefined
            ? { 'older-than': args.values['older-than'] }
            : {}),
        json: args.values.json
    }, root, io.stdout);
}


/***/ })

};
