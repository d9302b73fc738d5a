export const id = 824;
export const ids = [824,266];
export const modules = {

/***/ 96266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokit: () => (/* binding */ createOctokit),
  gJ: () => (/* binding */ errorMessage),
  PO: () => (/* binding */ errorStatus),
  tR: () => (/* binding */ toPublishError)
});

// UNUSED EXPORTS: DEFAULT_MAX_WAIT_SECONDS, RateLimitedError

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/github.ts
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
/** The default cap on one rate-limit wait: a minute. */
const DEFAULT_MAX_WAIT_SECONDS = 60;
/** GitHub asked to wait longer than the max-wait input allows: publishing stopped. */
class RateLimitedError extends Error {
    name = 'RateLimitedError';
}
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
    const maxWait = options.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS;
    // Set once GitHub asks for a wait past max-wait: from then on nothing waits and nothing is sent.
    let stopped;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        if (retryAfter > maxWait) {
            stopped = `GitHub ${kind}: ${request.method} ${request.url} was asked to wait ${retryAfter} s, more than max-wait (${maxWait} s); publishing stopped`;
            log(stopped);
            return false;
        }
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
        ...((options.spaceWrites ??
            process.env['ASSETGEN_GITHUB_WRITE_SPACING'] !== 'off')
            ? {}
            : { write: unspacedGroup, notifications: unspacedGroup })
    };
    const octokit = (0,github/* getOctokit */.Q)(token, {
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
    }, dist_bundle/* retry */.L, throttling);
    octokit.hook.before('request', () => {
        if (stopped)
            throw new RateLimitedError(stopped);
    });
    octokit.hook.error('request', (error) => {
        if (stopped)
            throw new RateLimitedError(stopped, { cause: error });
        throw error;
    });
    return octokit;
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
    if (error instanceof errors/* PublishError */.S1)
        return error;
    // The rate-limit stop says what happened itself; GitHub's answer is its cause.
    if (error instanceof RateLimitedError)
        return new errors/* PublishError */.S1(error.message, { cause: error });
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
    return new errors/* PublishError */.S1(`${action} failed: ${status === undefined ? '' : `${status} `}${message}.${hint}`, { cause: error });
}


/***/ }),

/***/ 93824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ commitFiles)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github.ts + 1 modules
var github = __webpack_require__(96266);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(81532);
// EXTERNAL MODULE: ./src/safe-text.ts
var safe_text = __webpack_require__(91452);
;// CONCATENATED MODULE: ./src/publish/branch-ref.ts
/**
 * Reading and moving a branch's ref for commit.ts: the head a commit builds on, and the
 * non-forced update (or, for a branch that starts as an orphan, the creation) that publishes it.
 */


const PERMISSION = 'contents: write';
/**
 * The branch's head commit. A missing branch is an error, unless `orNone` is set (the caller
 * will create it as an orphan): then it is undefined.
 */
async function readHead(octokit, { owner, repo, branch }, orNone = false) {
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
        if (status === 404 && orNone)
            return undefined;
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
/**
 * Points the branch at `sha`: a non-forced update on top of `head`, or the branch's creation when
 * there was no head. Returns 'head-moved' when someone else moved (or created) it first.
 */
async function moveBranch(octokit, { owner, repo, branch }, head, sha) {
    try {
        if (head === undefined) {
            await octokit.rest.git.createRef({
                owner,
                repo,
                ref: `refs/heads/${branch}`,
                sha
            });
        }
        else {
            await octokit.rest.git.updateRef({
                owner,
                repo,
                ref: `heads/${branch}`,
                sha,
                force: false
            });
        }
        return 'moved';
    }
    catch (error) {
        if ((0,github/* errorStatus */.PO)(error) === 422 &&
            /not a fast.forward|cannot be updated|already exists/i.test((0,github/* errorMessage */.gJ)(error))) {
            return 'head-moved';
        }
        throw (0,github/* toPublishError */.tR)(error, `Updating ${branch}`, PERMISSION);
    }
}

// EXTERNAL MODULE: ./src/publish/git-tree.ts
var git_tree = __webpack_require__(69556);
;// CONCATENATED MODULE: ./src/publish/commit.ts
/**
 * Commits files to a branch as ONE commit through the Git Data REST API (blobs → tree → commit →
 * non-forced ref update). With GITHUB_TOKEN or an App token GitHub signs such commits, so they
 * pass "require signed commits" rules; the Contents API and GraphQL are avoided on purpose
 * (per-file commits collide, GraphQL payload limits break on binaries).
 */







const commit_PERMISSION = 'contents: write';
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
    const uploaded = new Set(request.knownBlobs);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const result = await commitOnce(octokit, request, attempt, uploaded, log);
        if (result !== 'head-moved')
            return result;
        if (attempt < maxAttempts) {
            const wait = backoffMs * 2 ** (attempt - 1) +
                (request.random ?? Math.random)() * backoffMs;
            log(`${request.branch} moved while committing (attempt ${attempt} of ${maxAttempts}); ` +
                `rebuilding on the new head in ${Math.round(wait)} ms`);
            await (request.sleep ?? promises_.setTimeout)(wait);
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
    if (content.length > git_tree/* MAX_BLOB_BYTES */.TP) {
        const mib = (content.length / 1024 / 1024).toFixed(1);
        throw new errors/* PublishError */.S1(`Cannot commit ${path}: it is ${content.length} bytes (${mib} MiB) and GitHub's ` +
            `Git Data API takes at most ${git_tree/* MAX_BLOB_BYTES */.TP} bytes (40 MiB) per file. ` +
            'Shrink the image (size, format, quality) or leave it out.');
    }
}
async function commitOnce(octokit, request, attempt, uploaded, log) {
    const { owner, repo, branch } = request;
    const where = { owner, repo };
    const head = await readHead(octokit, request, request.createBranch);
    const headTree = head === undefined
        ? undefined
        : await step('Reading the head commit', async () => {
            const { data } = await octokit.rest.git.getCommit({
                ...where,
                commit_sha: head
            });
            return data.tree.sha;
        });
    const contents = new Map(request.files.map((file) => [file.path, file.content]));
    const { merge } = request;
    const wanted = [...contents.keys(), ...(merge ? [merge.path] : [])];
    const tree = headTree === undefined
        ? { entries: new Map(), blobShas: new Set() }
        : await step('Reading the head tree', () => (0,git_tree/* readHeadTree */.x5)(octokit, where, headTree, wanted, {
            recursive: !request.sparse
        }));
    if (merge) {
        const entry = tree.entries.get(merge.path);
        const current = entry?.type === 'blob'
            ? await step(`Reading ${merge.path}`, () => (0,git_tree/* readBlob */.gm)(octokit, where, entry.sha))
            : undefined;
        const combined = merge.combine(current);
        checkSize(merge.path, combined);
        contents.set(merge.path, combined);
    }
    const inline = new Set(request.files.filter((file) => file.inline).map((file) => file.path));
    const changed = [];
    for (const [path, content] of contents) {
        const sha = (0,git_tree/* gitBlobSha */.Ak)(content);
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
        if (inline.has(path))
            continue;
        if (!tree.blobShas.has(sha) && !uploaded.has(sha) && !missing.has(sha)) {
            missing.set(sha, { path, content });
        }
    }
    const upload = async ([sha, { path, content }]) => {
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
    };
    // The first upload alone: a token that may not write fails on one request, not on a queue.
    const [first, ...rest] = missing;
    if (first)
        await upload(first);
    await (0,concurrency/* mapBounded */.y)(rest, BLOB_UPLOADS_IN_FLIGHT, upload);
    const newTree = await step('Creating the tree', () => (0,git_tree/* createTreeChain */.MM)(octokit, where, headTree, changed.map(({ path, sha, content }) => inline.has(path)
        ? { path, sha, text: content.toString('utf8') }
        : { path, sha })));
    if (newTree === headTree) {
        // Only reachable when a truncated listing hid identical files: still nothing to commit.
        return { ...unchanged, filesCommitted: [] };
    }
    const { data: commit } = await step('Creating the commit', () => octokit.rest.git.createCommit({
        ...where,
        message: (0,safe_text/* redact */.E$)(request.message),
        tree: newTree,
        parents: head === undefined ? [] : [head]
    }));
    if ((await moveBranch(octokit, request, head, commit.sha)) === 'head-moved')
        return 'head-moved';
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
/** Runs one API step, turning any failure into a PublishError that names the step. */
async function step(action, run) {
    try {
        return await run();
    }
    catch (error) {
        throw (0,github/* toPublishError */.tR)(error, action, commit_PERMISSION);
    }
}


/***/ }),

/***/ 69556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ak: () => (/* binding */ gitBlobSha),
/* harmony export */   MM: () => (/* binding */ createTreeChain),
/* harmony export */   TP: () => (/* binding */ MAX_BLOB_BYTES),
/* harmony export */   gm: () => (/* binding */ readBlob),
/* harmony export */   x5: () => (/* binding */ readHeadTree)
/* harmony export */ });
/* unused harmony export TREE_CHUNK_SIZE */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1')
        .update(`blob ${content.length}\0`)
        .update(content)
        .digest('hex');
}
/**
 * Reads `treeSha` recursively. GitHub truncates recursive listings of very large trees; then
 * each wanted path that was not listed is found by walking its directories one level at a time,
 * because a missed entry would make a merge start from nothing. With `recursive: false` only that
 * walk is done: the listing then holds just the wanted paths (and only their blobs count as known).
 */
async function readHeadTree(octokit, { owner, repo }, treeSha, paths, options = {}) {
    const entries = new Map();
    const blobShas = new Set();
    if (options.recursive !== false) {
        const { data } = await octokit.rest.git.getTree({
            owner,
            repo,
            tree_sha: treeSha,
            recursive: '1'
        });
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
    }
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
 * Creates the tree `baseTree` (none: an empty one) + `files` (path → blob sha, or inline text;
 * mode 100644). Sets above
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
            ...(tree === undefined ? {} : { base_tree: tree }),
            // `text` files travel inline (GitHub stores them as blobs); the rest name uploaded blobs.
            tree: chunk.map(({ path, sha, text }) => ({
                path,
                ...(text === undefined ? { sha } : { content: text }),
                mode: '100644',
                type: 'blob'
            }))
        });
        tree = data.sha;
    }
    if (tree === undefined)
        throw new Error('no base tree and no files to add');
    return tree;
}


/***/ })

};
