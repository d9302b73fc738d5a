export const id = 206;
export const ids = [206,266];
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

/***/ 71206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports COMMENT_BODY_LIMIT, markerLine, truncateCommentBody, ACTIONS_BOT, commentAuthor */
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96266);
/* harmony import */ var _safe_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91452);
/**
 * One sticky comment per pull request: found again by a hidden marker and edited in place, so a
 * PR that is pushed to ten times still has one assetgen comment, not ten.
 */


/** GitHub refuses comment bodies longer than this. */
const COMMENT_BODY_LIMIT = 65_536;
/** The hidden first line that marks a comment as ours. */
function markerLine(marker) {
    return `<!-- assetgen:${marker} -->`;
}
/**
 * Cuts `body` to at most `limit` characters at a line boundary and appends how many lines were
 * dropped. A single line longer than the room left is cut inside the line.
 */
function truncateCommentBody(body, limit) {
    if (body.length <= limit)
        return body;
    const lines = body.split('\n');
    const note = (dropped) => `\n\n…and ${dropped} more lines truncated`;
    let kept = 0;
    let length = 0;
    while (kept < lines.length) {
        const next = length + (kept === 0 ? 0 : 1) + lines[kept].length;
        if (next + note(lines.length - kept - 1).length > limit)
            break;
        length = next;
        kept++;
    }
    if (kept === 0) {
        let cut = Math.max(0, limit - note(lines.length - 1).length);
        // Don't split a surrogate pair (an emoji would turn into a replacement character).
        if (/[\uD800-\uDBFF]/.test(body.charAt(cut - 1)))
            cut--;
        return body.slice(0, cut) + note(lines.length - 1);
    }
    return lines.slice(0, kept).join('\n') + note(lines.length - kept);
}
/** The login GitHub Actions' own `GITHUB_TOKEN` writes comments as. */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login the token writes comments as: a personal token's user (`GET /user`), or, for an
 * installation token (`GITHUB_TOKEN` or an App's, for which `GET /user` answers 403 "Resource
 * not accessible by integration"), `<appSlug>[bot]` when the slug is given, else
 * `github-actions[bot]`. GitHub offers an installation token no way to read its App's slug.
 */
async function commentAuthor(octokit, appSlug) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        if ((0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .errorStatus */ .PO)(error) !== 403) {
            throw (0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .toPublishError */ .tR)(error, "Reading the token's identity (GET /user)", 'pull-requests: write');
        }
        const slug = appSlug?.trim().replace(/\[bot\]$/, '');
        return slug ? `${slug}[bot]` : ACTIONS_BOT;
    }
}
/**
 * Creates the PR comment marked `marker`, or edits the existing one when its body differs, or
 * leaves it alone when it is identical (no notification noise). Only a comment written by the
 * token's own identity ({@link commentAuthor}) is ever edited: a human's (or another bot's)
 * comment that quotes the marker is left alone.
 */
async function upsertStickyComment(octokit, request) {
    const { owner, repo, issueNumber } = request;
    const marker = markerLine(request.marker);
    const body = truncateCommentBody((0,_safe_text_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${marker}\n${request.body}`), COMMENT_BODY_LIMIT);
    const fail = (action) => (error) => {
        throw (0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .toPublishError */ .tR)(error, `${action} on #${issueNumber}`, 'pull-requests: write');
    };
    const comments = await octokit
        .paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100
    })
        .catch(fail('Listing comments'));
    const author = await commentAuthor(octokit, request.appSlug);
    const existing = comments.find((comment) => comment.user?.login === author &&
        comment.body?.split('\n', 1)[0]?.trim() === marker);
    if (existing === undefined && request.updateOnly) {
        return { id: 0, action: 'absent' };
    }
    if (existing === undefined) {
        const { data } = await octokit.rest.issues
            .createComment({ owner, repo, issue_number: issueNumber, body })
            .catch(fail('Creating the comment'));
        return { id: data.id, action: 'created', url: data.html_url };
    }
    if (existing.body === body) {
        return { id: existing.id, action: 'unchanged', url: existing.html_url };
    }
    const { data } = await octokit.rest.issues
        .updateComment({ owner, repo, comment_id: existing.id, body })
        .catch(fail('Updating the comment'));
    return { id: data.id, action: 'updated', url: data.html_url };
}


/***/ })

};
