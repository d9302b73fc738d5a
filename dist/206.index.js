export const id = 206;
export const ids = [206,248];
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

/***/ 71206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports COMMENT_BODY_LIMIT, markerLine, truncateCommentBody */
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69248);
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
/**
 * Creates the PR comment marked `marker`, or edits the existing one when its body differs, or
 * leaves it alone when it is identical (no notification noise). Comments by bots win over a
 * human's comment that happens to quote the marker.
 */
async function upsertStickyComment(octokit, request) {
    const { owner, repo, issueNumber } = request;
    const marker = markerLine(request.marker);
    const body = truncateCommentBody(`${marker}\n${request.body}`, COMMENT_BODY_LIMIT);
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
    const ours = comments.filter((comment) => comment.body?.split('\n', 1)[0]?.trim() === marker);
    const existing = ours.find((comment) => comment.user?.type === 'Bot') ?? ours[0];
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
