export const id = 762;
export const ids = [762];
export const modules = {

/***/ 85762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openActionStore: () => (/* binding */ openActionStore),
  saveToStore: () => (/* binding */ saveToStore)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github.ts + 1 modules
var github = __webpack_require__(96266);
// EXTERNAL MODULE: ./src/safe-text.ts
var safe_text = __webpack_require__(91452);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./src/publish/commit.ts + 1 modules
var publish_commit = __webpack_require__(93824);
// EXTERNAL MODULE: ./src/publish/git-tree.ts
var git_tree = __webpack_require__(69556);
// EXTERNAL MODULE: ./src/store/layout.ts
var layout = __webpack_require__(5891);
;// CONCATENATED MODULE: ./src/store/github-store.ts
/**
 * The image store on a branch of the repository, through the GitHub Git Data API: the action's
 * read side (an ImageStore) and its one write per run (one commit, via publish's commitFiles).
 *
 * Reads fetch only what a lookup needs: the branch's root tree (one level), then, per wanted
 * `<hash[0:2]>` folder that exists, that folder's subtree, then the record and image blobs of the
 * hashes found. A 10,000-entry store costs a lookup of 50 assets about 50 small listings, never a
 * 10,000-entry download.
 */








/** Requests in flight per lookup: enough to hide latency, few enough to stay clear of abuse limits. */
const READS_IN_FLIGHT = 8;
/** The store branch read through the Git Data API. Never throws: a failed read is a miss, logged. */
class GitHubImageStore {
    octokit;
    where;
    log;
    /** The branch's head at the last lookup (undefined before one, or while the branch does not exist). */
    headSha;
    constructor(octokit, where, log = () => { }) {
        this.octokit = octokit;
        this.where = where;
        this.log = log;
    }
    async lookup(hashes) {
        const found = new Map();
        try {
            const root = await this.rootFolders();
            if (root === undefined)
                return found;
            const keys = [...new Set(hashes.map(layout/* storeKey */.LN))];
            const prefixes = [...new Set(keys.map((key) => key.slice(0, 2)))];
            const listed = new Map();
            await (0,concurrency/* mapBounded */.y)(prefixes.filter((prefix) => root.has(prefix)), READS_IN_FLIGHT, async (prefix) => {
                for (const [path, entry] of await this.list(root.get(prefix)))
                    listed.set(`${prefix}/${path}`, entry);
            });
            await (0,concurrency/* mapBounded */.y)(keys, READS_IN_FLIGHT, async (key) => {
                const hit = await this.read(key, listed);
                if (hit)
                    found.set(key, hit);
            });
        }
        catch (error) {
            this.log(`could not read the image store ${(0,safe_text/* logText */.kc)(this.where.branch)}: ${(0,safe_text/* logText */.kc)((0,errors/* getErrorMessage */.u1)(error))}; generating what it may hold`);
        }
        return found;
    }
    /** The root's `<hash[0:2]>` folders, or undefined when the branch does not exist yet. */
    async rootFolders() {
        const { owner, repo, branch } = this.where;
        let head;
        try {
            const { data } = await this.octokit.rest.git.getRef({
                owner,
                repo,
                ref: `heads/${branch}`
            });
            head = data.object.sha;
            this.headSha = head;
        }
        catch (error) {
            if ((0,github/* errorStatus */.PO)(error) === 404)
                return undefined;
            throw error;
        }
        const { data: commit } = await this.octokit.rest.git.getCommit({
            owner,
            repo,
            commit_sha: head
        });
        const folders = new Map();
        for (const [name, entry] of await this.list(commit.tree.sha, false))
            folders.set(name, entry.sha);
        return folders;
    }
    /** One tree's entries by path (blobs only when recursive, folders only when not). */
    async list(sha, recursive = true) {
        const { data } = await this.octokit.rest.git.getTree({
            owner: this.where.owner,
            repo: this.where.repo,
            tree_sha: sha,
            ...(recursive ? { recursive: '1' } : {})
        });
        if (data.truncated)
            this.log(`the image store's listing of ${sha} was truncated`);
        const entries = new Map();
        for (const entry of data.tree) {
            if (entry.path === undefined || entry.sha === undefined)
                continue;
            if ((entry.type === 'tree') === recursive)
                continue;
            entries.set(entry.path, {
                sha: entry.sha,
                ...(entry.size === undefined ? {} : { size: entry.size })
            });
        }
        return entries;
    }
    /** The verified hit for `key`, or undefined when it is missing, oversized or does not verify. */
    async read(key, listed) {
        const recordEntry = listed.get(`${(0,layout/* entryFolder */.FP)(key)}/${layout/* RECORD_FILE */.lt}`);
        if (!recordEntry || (recordEntry.size ?? 0) > layout/* MAX_RECORD_BYTES */.xR)
            return undefined;
        const record = (0,layout/* parseRecord */.Hh)((await (0,git_tree/* readBlob */.gm)(this.octokit, this.where, recordEntry.sha)).toString('utf8'));
        if (!record)
            return undefined;
        const imageEntry = listed.get((0,layout/* storePaths */.om)(key, record.file).image);
        if (!imageEntry ||
            record.bytes > git_tree/* MAX_BLOB_BYTES */.TP ||
            (imageEntry.size !== undefined && imageEntry.size !== record.bytes))
            return undefined;
        const image = await (0,git_tree/* readBlob */.gm)(this.octokit, this.where, imageEntry.sha);
        const hit = { hash: key, record, image: new Uint8Array(image) };
        return (0,layout/* isVerified */.p4)(hit) ? hit : undefined;
    }
}
/**
 * Adds `entries` to the store branch in ONE commit (creating the branch as an orphan commit the
 * first time). Non-forced and rebuilt on a moved head by commitFiles, so parallel shards and
 * concurrent PR runs all land. Throws a PublishError (its `cause` carries the HTTP status).
 */
async function writeStore(octokit, where, entries, options = {}) {
    const files = [];
    const previews = new Map();
    const lines = [];
    for (const entry of entries) {
        const key = (0,layout/* storeKey */.LN)(entry.hash);
        if (previews.has(key))
            continue;
        const paths = (0,layout/* storePaths */.om)(key, entry.record.file);
        files.push({ path: paths.image, content: external_node_buffer_.Buffer.from(entry.image) }, {
            path: paths.record,
            content: external_node_buffer_.Buffer.from(`${JSON.stringify(entry.record, null, 2)}\n`),
            inline: true
        }, { path: paths.preview, content: external_node_buffer_.Buffer.from(entry.preview) });
        previews.set(key, paths.preview);
        lines.push(`- ${entry.record.id} ${key}`);
    }
    const commit = await (0,publish_commit/* commitFiles */.z)(octokit, {
        ...where,
        message: `assetgen: store ${previews.size} image(s)\n\n${lines.join('\n')}\n`,
        files,
        createBranch: true,
        sparse: true,
        ...(options.log ? { log: options.log } : {}),
        ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs })
    });
    const commitSha = commit.sha ?? commit.parentSha;
    if (commitSha === undefined)
        throw new Error('the store write made no commit');
    return { commitSha, changed: commit.changed, previews };
}
/** True when `error` (or its cause) is GitHub refusing a write for lack of permission. */
function isPermissionDenied(error) {
    for (let current = error; current;) {
        if ((0,github/* errorStatus */.PO)(current) === 403 &&
            !/rate limit/i.test((0,errors/* getErrorMessage */.u1)(current)))
            return true;
        current = current.cause;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/store/action-store.ts





/**
 * Adds every image this run generated to the store in one commit, and maps each generated or
 * restored asset to its preview on the store commit. Never throws: a failure is a warning, and
 * the caller publishes as it did before the store existed, so no paid image is lost.
 */
async function saveToStore(octokit, store, where, result, log, runUrl) {
    const previews = new Map();
    const hashes = new Map(result.plan.items.map((item) => [item.asset.id, item.inputHash]));
    for (const outcome of result.outcomes) {
        const hash = hashes.get(outcome.id);
        const stored = outcome.status === 'restored' ||
            result.stored.some((entry) => entry.record.id === outcome.id);
        if (hash && stored)
            previews.set(outcome.id, `${(0,layout/* entryFolder */.FP)(hash)}/${layout/* PREVIEW_FILE */.E6}`);
    }
    try {
        let commitSha = store.headSha;
        if (result.stored.length > 0) {
            const entries = result.stored.map((entry) => runUrl ? { ...entry, record: { ...entry.record, runUrl } } : entry);
            const written = await writeStore(octokit, where, entries, { log });
            commitSha = written.commitSha;
            log(written.changed
                ? `Added ${result.stored.length} image(s) to the image store ${(0,safe_text/* logText */.kc)(where.branch)} as ${commitSha}`
                : `The image store ${(0,safe_text/* logText */.kc)(where.branch)} already held every new image`);
        }
        if (commitSha === undefined || previews.size === 0)
            return {};
        return { store: { commitSha, branch: where.branch, previews } };
    }
    catch (error) {
        const denied = isPermissionDenied(error);
        const warning = denied
            ? `the token may not write to the image store branch ${where.branch} (give the job \`permissions: contents: write\`); the new images go to artifacts instead and will be paid for again on merge`
            : `could not add the new images to the image store ${where.branch}: ${(0,safe_text/* logText */.kc)((0,errors/* getErrorMessage */.u1)(error))}; they go to artifacts instead`;
        return { warning, denied };
    }
}
/**
 * Opens the store on `inputs.storeBranch` in the target repository, or undefined when it is off:
 * no branch, no token, a placeholder run (a placeholder is not a paid image), or no API URL
 * (outside a runner nothing says which GitHub to talk to, so none is assumed).
 */
function openActionStore(inputs, target, log) {
    if (!inputs.storeBranch || !inputs.githubToken || inputs.placeholder)
        return undefined;
    if (!process.env.GITHUB_API_URL)
        return undefined;
    const where = {
        owner: target.owner,
        repo: target.repo,
        branch: inputs.storeBranch
    };
    const runUrl = target.runId
        ? `${target.serverUrl}/${target.owner}/${target.repo}/actions/runs/${target.runId}`
        : undefined;
    const octokit = (0,github.createOctokit)(inputs.githubToken, { log });
    const store = new GitHubImageStore(octokit, where, log);
    return {
        store,
        save: (result) => saveToStore(octokit, store, where, result, log, runUrl)
    };
}


/***/ })

};
