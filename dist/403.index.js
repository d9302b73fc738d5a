export const id = 403;
export const ids = [403];
export const modules = {

/***/ 38403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveBeforeAfter: () => (/* binding */ resolveBeforeAfter)
/* harmony export */ });
/* unused harmony exports blobUrl, existingFiles */
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81532);
/* harmony import */ var _safe_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91452);
/**
 * The images a PR comment shows side by side: "before" is the asset's output at the PR's base
 * commit (when it existed there), "after" is its preview on the store commit. Both are
 * commit-pinned `blob/{sha}/{path}?raw=true` URLs, which render for signed-in viewers of private
 * repositories and on GitHub Enterprise Server, and keep showing what was reviewed.
 */


/** Trees read at once while looking for the base commit's files. */
const TREES_IN_FLIGHT = 4;
/** Paths checked at the base commit at most: a comment folds past ~10 rows anyway. */
const MAX_PATHS = 200;
/** `{server}/{owner}/{repo}/blob/{sha}/{path}?raw=true`, the path percent-encoded per segment. */
function blobUrl(target, commitSha, path) {
    return `${target.serverUrl}/${(0,_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .urlPath */ .Lx)(target.owner)}/${(0,_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .urlPath */ .Lx)(target.repo)}/blob/${commitSha}/${(0,_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .urlPath */ .Lx)(path)}?raw=true`;
}
/**
 * Which of `paths` are files at `commitSha`. Reads the commit, then only the trees on the way to
 * those paths, one level at a time (never a recursive listing of the whole repository); each tree
 * is read once however many paths pass through it.
 */
async function existingFiles(octokit, target, commitSha, paths) {
    const { owner, repo } = target;
    const trees = new Map();
    const readTree = (sha) => {
        let tree = trees.get(sha);
        if (tree === undefined) {
            tree = octokit.rest.git
                .getTree({ owner, repo, tree_sha: sha })
                .then(({ data }) => data.tree);
            trees.set(sha, tree);
        }
        return tree;
    };
    const { data: commit } = await octokit.rest.git.getCommit({
        owner,
        repo,
        commit_sha: commitSha
    });
    const wanted = [...new Set(paths)].slice(0, MAX_PATHS);
    const found = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_1__/* .mapBounded */ .y)(wanted, TREES_IN_FLIGHT, async (path) => {
        const segments = path.split('/');
        let sha = commit.tree.sha;
        for (const [index, name] of segments.entries()) {
            const last = index === segments.length - 1;
            const item = (await readTree(sha)).find((entry) => entry.path === name);
            if (item?.sha === undefined)
                return false;
            if (last)
                return item.type === 'blob';
            if (item.type !== 'tree')
                return false;
            sha = item.sha;
        }
        return false;
    });
    return new Set(wanted.filter((_, index) => found[index]));
}
/**
 * The before/after image URLs per asset id. `before` comes from `baseSha` (omitted when the
 * output did not exist there or the base commit can't be read: a comment without "before"
 * beats no comment); `after` is the store preview named in `previews`.
 */
async function resolveBeforeAfter(octokit, target, request) {
    const { assets, baseSha, store } = request;
    let before = new Set();
    if (baseSha && /^[0-9a-f]{40}$/.test(baseSha) && assets.length > 0) {
        try {
            before = await existingFiles(octokit, target, baseSha, assets.map((asset) => asset.out));
        }
        catch (error) {
            request.warn?.(`could not read the PR's base commit for "before" images: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    const images = new Map();
    for (const asset of assets) {
        const preview = store?.previews.get(asset.id);
        const pair = {
            ...(before.has(asset.out)
                ? { before: blobUrl(target, baseSha, asset.out) }
                : {}),
            ...(store && preview
                ? { after: blobUrl(target, store.commitSha, preview) }
                : {})
        };
        if (pair.before || pair.after)
            images.set(asset.id, pair);
    }
    return images;
}


/***/ })

};
