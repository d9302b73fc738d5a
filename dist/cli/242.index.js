export const id = 242;
export const ids = [242];
export const modules = {

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/spec/suggest.ts
var suggest = __webpack_require__(1381);
;// CONCATENATED MODULE: ./src/version.ts
/** assetgen's version (kept equal to package.json's by a test), recorded in each image's provenance. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/cli/options.ts
/**
 * The CLI's commands and options, in one table: parsing, per-command help, did-you-mean and
 * numeric ranges all read from it, so a new flag is one entry here.
 */
/** Each command and its one-line summary, for help. */
const COMMANDS = {
    plan: 'validate the spec and show what would be generated, and why (no network)',
    check: 'exit 1 when anything would be generated (for CI jobs without a key)',
    build: 'generate what the plan says, write the files and assetgen.lock.json',
    models: 'list the models assetgen knows, with their limits',
    store: "`store prune --older-than 90d`: rewrite the image store branch without entries older than the bound that the default branch's lockfile does not use (force-pushes the store branch only)"
};
/** The commands that plan a spec. */
const planning = ['plan', 'check', 'build'];
/** Every option; add a flag here and it is parsed, validated and listed in help. */
const OPTIONS = {
    spec: {
        type: 'string',
        value: '<file>',
        description: 'spec file (default assetgen.yml in the current folder)',
        commands: [...planning, 'store']
    },
    root: {
        type: 'string',
        value: '<dir>',
        description: "workspace root (default: the git top level of the spec's folder, else that folder)",
        commands: [...planning, 'store']
    },
    only: {
        type: 'string',
        multiple: true,
        value: '<ids>',
        description: 'asset ids or globs, comma-separated or repeated',
        commands: planning
    },
    force: {
        type: 'boolean',
        description: 'regenerate every selected asset',
        commands: planning
    },
    json: {
        type: 'boolean',
        description: 'print machine-readable JSON (errors too)',
        commands: [...planning, 'models', 'store']
    },
    placeholder: {
        type: 'boolean',
        description: 'render offline placeholders instead of calling the gateway',
        commands: planning
    },
    'gateway-url': {
        type: 'string',
        value: '<url>',
        description: "AI Gateway base URL (default env AI_GATEWAY_BASE_URL, else the SDK's)",
        commands: ['build']
    },
    concurrency: {
        type: 'string',
        value: '<n>',
        description: 'image requests in flight, 1-64 (default 4)',
        commands: planning,
        range: { min: 1, max: 64, fallback: 4 }
    },
    'max-retries': {
        type: 'string',
        value: '<n>',
        description: 'retries per image, 0-10 (default 2)',
        commands: planning,
        range: { min: 0, max: 10, fallback: 2 }
    },
    timeout: {
        type: 'string',
        value: '<seconds>',
        description: 'per image, 1-3600 (default 300)',
        commands: planning,
        range: { min: 1, max: 3600, fallback: 300 }
    },
    'max-images': {
        type: 'string',
        value: '<n>',
        description: 'refuse when more images would be generated, 0-100000 (default 0: no cap)',
        commands: planning,
        range: { min: 0, max: 100_000, fallback: 0 }
    },
    'max-cost': {
        type: 'string',
        value: '<usd>',
        description: 'budget in USD: refuse when the estimate is higher, start nothing past it (default 0: none)',
        commands: planning
    },
    'no-tags': {
        type: 'boolean',
        description: 'do not tag gateway requests with the repository and asset id',
        commands: ['build']
    },
    strict: {
        type: 'boolean',
        description: 'fail an asset whose answer differs from the request (size, ignored settings)',
        commands: ['build']
    },
    shard: {
        type: 'string',
        value: '<i/n>',
        description: "build only this shard's share of the work",
        commands: planning
    },
    manifest: {
        type: 'string',
        value: '<file>',
        description: 'also write the JSON manifest here',
        commands: ['build']
    },
    'no-store': {
        type: 'boolean',
        description: 'do not restore images from origin/<store-branch> (read with git, after `git fetch origin assetgen-store`)',
        commands: planning
    },
    'store-branch': {
        type: 'string',
        value: '<name>',
        description: "the image store's branch (default assetgen-store)",
        commands: [...planning, 'store']
    },
    'older-than': {
        type: 'string',
        value: '<age>',
        description: 'store prune: drop entries older than this (e.g. 90d, 12h) that the lockfile does not use',
        commands: ['store']
    },
    help: {
        type: 'boolean',
        short: 'h',
        description: 'show help (for a command: `assetgen build --help`)',
        commands: [...planning, 'models', 'store']
    },
    version: {
        type: 'boolean',
        short: 'v',
        description: 'show the version',
        commands: [...planning, 'models', 'store']
    }
};

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Parses the command line against the option table (`options.ts`): per-command help,
 * did-you-mean for unknown flags and commands, numeric ranges checked before anything runs.
 */






const exitCodes = 'Exit codes: 0 ok; 1 invalid spec, failed assets, or (check) work to do; 2 bad arguments;\n' +
    '130/143 interrupted (SIGINT/SIGTERM).';
function optionLines(names) {
    const flags = names.map((name) => {
        const option = OPTIONS[name];
        const short = option.short ? `-${option.short}, ` : '';
        return `${short}--${name}${option.value ? ` ${option.value}` : ''}`;
    });
    const width = Math.max(...flags.map((flag) => flag.length)) + 2;
    return names
        .map((name, index) => `  ${(flags[index] ?? '').padEnd(width)}${OPTIONS[name].description}`)
        .join('\n');
}
function optionsOf(command) {
    return Object.keys(OPTIONS).filter((name) => OPTIONS[name].commands.includes(command));
}
/** The general help, or one command's. */
function usage(command) {
    if (command) {
        return `assetgen ${command}: ${COMMANDS[command]}\n\nUsage: assetgen ${command} [options]\n\nOptions:\n${optionLines(optionsOf(command))}\n\n${exitCodes}`;
    }
    const list = Object.keys(COMMANDS)
        .map((name) => `  assetgen ${name.padEnd(7)} ${COMMANDS[name]}`)
        .join('\n');
    const all = Object.keys(OPTIONS);
    return `assetgen ${VERSION}: generate on-brand images from a YAML spec through the Vercel AI Gateway

Usage:
${list}

Options (\`assetgen <command> --help\` lists one command's):
${optionLines(all)}

The key comes from env AI_GATEWAY_API_KEY. ${exitCodes}`;
}
/** A usage error: exit code 2, with the command's help when known. */
class UsageError extends errors/* InputError */.dz {
    command;
    constructor(message, command) {
        super(message);
        this.command = command;
    }
}
function isCommand(text) {
    return Object.hasOwn(COMMANDS, text);
}
function unknownFlag(flag, command) {
    const name = flag.replace(/^-+/, '').split('=')[0] ?? '';
    const known = command ? optionsOf(command) : Object.keys(OPTIONS);
    const guess = (0,suggest/* closestMatch */.h0)(name, known);
    const elsewhere = !guess && command && isOption(name)
        ? ` (${command} does not take --${name})`
        : '';
    return `unknown option ${flag}${guess ? `: did you mean --${guess}?` : elsewhere}`;
}
function isOption(name) {
    return Object.hasOwn(OPTIONS, name);
}
/** Reads a whole number in its range, naming the flag when it is not. */
function wholeNumber(name, raw) {
    const { min, max, fallback } = OPTIONS[name].range;
    if (raw === undefined)
        return fallback;
    const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max)
        throw new errors/* InputError */.dz(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
}
/**
 * Parses argv: the command (default `plan`), its options and numbers. Throws UsageError naming the
 * problem (unknown command or flag with a did-you-mean, a flag the command does not take, a number
 * out of range) before anything else runs.
 */
function parseCommandLine(argv) {
    const first = argv.find((argument) => !argument.startsWith('-'));
    const command = first !== undefined && isCommand(first) ? first : undefined;
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: OPTIONS
        });
    }
    catch (error) {
        const flag = /option '([^']+)'/.exec(String(error))?.[1];
        const code = error.code;
        if (flag && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
            throw new UsageError(unknownFlag(flag.split(' ')[0] ?? flag, command), command);
        throw new UsageError(error.message, command);
    }
    const { values, positionals } = parsed;
    const name = positionals[0] ?? 'plan';
    // `store` takes one subcommand: `assetgen store prune`.
    const subcommands = name === 'store' ? ['prune'] : [];
    const extra = positionals.slice(1);
    const known = extra.length === 0
        ? subcommands.length === 0
        : extra.length === 1 && subcommands.includes(extra[0] ?? '');
    if (!isCommand(name) || !known) {
        const guess = (0,suggest/* closestMatch */.h0)(name, Object.keys(COMMANDS));
        throw new UsageError(`unknown command "${positionals.join(' ')}"${guess ? `: did you mean ${guess}?` : ''}`);
    }
    for (const option of Object.keys(values)) {
        if (isOption(option) &&
            !OPTIONS[option].commands.includes(name))
            throw new UsageError(`${name} does not take --${option}`, name);
    }
    const numbers = {};
    for (const option of Object.keys(OPTIONS)) {
        const definition = OPTIONS[option];
        if (definition.range) {
            try {
                numbers[option] = wholeNumber(option, values[option]);
            }
            catch (error) {
                throw new UsageError(error.message, name);
            }
        }
    }
    return {
        command: name,
        values: {
            ...values,
            only: (values.only ?? [])
                .flatMap((value) => value.split(','))
                .map((value) => value.trim())
                .filter(Boolean),
            force: values.force ?? false,
            json: values.json ?? false,
            placeholder: values.placeholder ?? false,
            'no-tags': values['no-tags'] ?? false,
            'no-store': values['no-store'] ?? false,
            strict: values.strict ?? false,
            help: values.help ?? false,
            version: values.version ?? false
        },
        numbers
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/generate/outcome.ts
var outcome = __webpack_require__(499);
;// CONCATENATED MODULE: ./src/concurrency.ts
/**
 * Runs `task` over `items` with at most `limit` in flight and returns the results in input order.
 * After the first failure no new task starts; the ones in flight finish, then the first error is
 * thrown (so nothing keeps uploading in the background after the caller has given up).
 */
async function mapBounded(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const index = next++;
            try {
                results[index] = await task(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    const workers = Math.max(1, Math.min(limit, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (failure !== undefined)
        throw failure.error;
    return results;
}

;// CONCATENATED MODULE: ./src/generate/budget.ts
/**
 * The one spend guard. Every paid request reserves from it before it starts, colour retries
 * included, and settles when it ends, so neither `max-images` nor `max-cost` can be passed by
 * requests that were already on their way.
 */

const EPSILON = 1e-9;
/** Tracks spent and in-flight money and images against the limits. */
class SpendGuard {
    limits;
    spentUsd = 0;
    paidImages = 0;
    inFlightUsd = 0;
    inFlightImages = 0;
    // Per model, the largest ratio of a reported cost to its estimate: once the gateway has shown
    // that a model costs more than estimated, later requests reserve the corrected amount.
    corrections = new Map();
    constructor(limits) {
        this.limits = limits;
    }
    /** USD paid so far, as reported (estimates stand in for unknown costs). */
    get spent() {
        return this.spentUsd;
    }
    /** Images paid for so far. */
    get images() {
        return this.paidImages;
    }
    /**
     * Claims one image at `estimate` USD (undefined: unknown, only allowed without `max-cost`).
     * Throws BudgetExceededError when spent + in flight + this request would pass a limit.
     */
    reserve(model, estimate) {
        const { maxCost, maxImages } = this.limits;
        if (maxImages > 0 &&
            this.paidImages + this.inFlightImages + 1 > maxImages) {
            throw new errors/* BudgetExceededError */.Zq('max-images', `max-images ${maxImages} reached: ${this.paidImages} images paid for, ${this.inFlightImages} in flight`);
        }
        const claim = (estimate ?? 0) * (this.corrections.get(model) ?? 1);
        if (maxCost > 0 &&
            this.spentUsd + this.inFlightUsd + claim > maxCost + EPSILON) {
            throw new errors/* BudgetExceededError */.Zq('max-cost', `max-cost ${usd(maxCost)} reached: ${usd(this.spentUsd)} spent and ${usd(this.inFlightUsd)} in flight, and the next image is estimated at ${usd(claim)}`);
        }
        this.inFlightUsd += claim;
        this.inFlightImages += 1;
        let settled = false;
        return {
            settle: ({ paid, cost }) => {
                if (settled)
                    return;
                settled = true;
                this.inFlightUsd -= claim;
                this.inFlightImages -= 1;
                if (!paid)
                    return;
                this.paidImages += 1;
                this.spentUsd += cost ?? claim;
                if (cost !== undefined && estimate !== undefined && estimate > 0) {
                    const ratio = cost / estimate;
                    if (ratio > (this.corrections.get(model) ?? 1))
                        this.corrections.set(model, ratio);
                }
            }
        };
    }
}
function usd(amount) {
    return `$${amount.toFixed(2)}`;
}
/**
 * Opens the build's budget: refuses before any call when the estimate passes `max-cost`, or when a
 * price it needs is unknown (the budget could not be kept); warns (never fails) when the estimate
 * exceeds the gateway credit balance.
 */
async function openBudget(estimate, limits, creditBalance) {
    const { maxCost } = limits;
    if (maxCost > 0 && estimate.unknown.length > 0) {
        throw new errors/* BudgetExceededError */.Zq('max-cost', `max-cost is ${usd(maxCost)} but no price is known for ${estimate.unknownModels.join(', ')} (${estimate.unknown.join(', ')}): add it under \`pricing:\` in the spec, or set max-cost to 0`);
    }
    if (maxCost > 0 && estimate.total > maxCost + EPSILON) {
        throw new errors/* BudgetExceededError */.Zq('max-cost', `the plan is estimated at ${usd(estimate.total)}, more than max-cost ${usd(maxCost)}: nothing was generated. Raise max-cost, or narrow the run with only (ids or globs) or split it into shards`);
    }
    const warnings = [];
    const balance = estimate.total > 0 && creditBalance ? await creditBalance() : undefined;
    if (balance !== undefined && estimate.total > balance) {
        warnings.push(`the estimate ${usd(estimate.total)} exceeds the gateway credit balance ${usd(balance)}: requests may fail once it runs out`);
    }
    return { guard: new SpendGuard(limits), warnings };
}
/** The message of a build a budget stopped, naming the budget; undefined when none did. */
function budgetStopMessage(outcomes, guard) {
    const stopped = outcomes.filter((outcome) => outcome.stoppedBy);
    const limit = stopped[0]?.stoppedBy;
    if (!limit)
        return undefined;
    const value = limit === 'max-cost'
        ? usd(guard.limits.maxCost)
        : String(guard.limits.maxImages);
    return `${limit} ${value} reached: ${stopped.length} asset${stopped.length === 1 ? '' : 's'} skipped (budget) after ${guard.images} paid image${guard.images === 1 ? '' : 's'} (${usd(guard.spent)}); finished images were kept`;
}

;// CONCATENATED MODULE: ./src/generate/pool.ts
/**
 * A bounded, adaptive limit on requests in flight. It starts at `max`; a rate-limited answer halves
 * it (multiplicative decrease) and each success adds 1/limit (additive increase), so under a rate
 * limit the pool settles near what the gateway accepts and climbs back when the limit lifts. Slots
 * are taken per attempt, so an asset waiting out a backoff does not hold one.
 */
class AdaptivePool {
    max;
    limitValue;
    active = 0;
    peak = 0;
    waiting = [];
    constructor(max) {
        if (!Number.isInteger(max) || max < 1)
            throw new RangeError('pool size must be >= 1');
        this.max = max;
        this.limitValue = max;
    }
    /** The current limit (between 1 and max). */
    get limit() {
        return Math.max(1, Math.floor(this.limitValue));
    }
    /** Requests in flight now. */
    get inFlight() {
        return this.active;
    }
    /** The most requests ever in flight at once. */
    get peakInFlight() {
        return this.peak;
    }
    /**
     * Waits for a slot; resolves with a release function. Rejects if the signal aborts first. A
     * `retry` waits ahead of first attempts: retried right after the limit was cut, it goes out when
     * the pool is most careful, rather than at the end of the run behind every fresh asset, where
     * only retries are left for the pool's next probe to land on.
     */
    acquire(signal, retry = false) {
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            const grant = () => {
                signal?.removeEventListener('abort', onAbort);
                this.active += 1;
                this.peak = Math.max(this.peak, this.active);
                let released = false;
                resolve(() => {
                    if (released)
                        return;
                    released = true;
                    this.active -= 1;
                    this.drain();
                });
            };
            const onAbort = () => {
                const index = this.waiting.indexOf(grant);
                if (index >= 0)
                    this.waiting.splice(index, 1);
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            if (retry)
                this.waiting.unshift(grant);
            else
                this.waiting.push(grant);
            this.drain();
        });
    }
    /** A request was rate limited: halve the limit. */
    onRateLimited() {
        this.limitValue = Math.max(1, this.limitValue / 2);
    }
    /** A request succeeded: grow the limit by 1/limit, up to max. */
    onSuccess() {
        this.limitValue = Math.min(this.max, this.limitValue + 1 / this.limitValue);
        this.drain();
    }
    drain() {
        while (this.active < this.limit && this.waiting.length > 0) {
            this.waiting.shift()?.();
        }
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/safe-text.ts
var safe_text = __webpack_require__(1452);
// EXTERNAL MODULE: ./src/spec/validate.ts + 5 modules
var validate = __webpack_require__(9570);
// EXTERNAL MODULE: ./src/spec/paths.ts
var paths = __webpack_require__(2539);
;// CONCATENATED MODULE: ./src/plan/lock-entry.ts
/**
 * Checks one lockfile entry. The lockfile may come from a pull request, so every entry is untrusted
 * input: an entry that is not exactly what assetgen writes is reported and treated as absent (the
 * asset is generated as new), never trusted halfway.
 */


const SHA256_HEX = /^[0-9a-f]{64}$/;
const INPUT_HASH = /^sha256:[0-9a-f]{64}$/;
const SHORT_HEX = /^[0-9a-f]{1,64}$/;
/** Most variants an entry may list; specs have a handful. */
const MAX_VARIANTS = 64;
/** Returns the entry when it is valid, else why not (e.g. `sha256 is not a hex digest`). */
function checkLockEntry(value) {
    if (!isRecord(value))
        return `is ${describe(value)}, not an entry`;
    const problem = field(value, 'inputHash', (v) => typeof v === 'string' && INPUT_HASH.test(v), 'a sha256: digest') ??
        field(value, 'inputs', isDigests, 'a map of input digests') ??
        field(value, 'out', isConfinedPath, 'a relative path inside the workspace') ??
        field(value, 'sha256', isSha256, 'a hex sha256 digest') ??
        field(value, 'bytes', isCount, 'a whole number') ??
        field(value, 'width', isCount, 'a whole number') ??
        field(value, 'height', isCount, 'a whole number') ??
        field(value, 'model', isShortText, 'a model id') ??
        field(value, 'seed', isCount, 'a whole number') ??
        field(value, 'generatedAt', isShortText, 'a timestamp') ??
        optional(value, 'placeholder', (v) => typeof v === 'boolean', 'true or false') ??
        optional(value, 'variantsHash', (v) => typeof v === 'string' && SHORT_HEX.test(v), 'a hex digest') ??
        optional(value, 'variants', isVariants, `a list of at most ${MAX_VARIANTS} variants`) ??
        optional(value, 'cost', (v) => typeof v === 'string' && /^\d{1,12}(\.\d{1,12})?$/.test(v), 'a decimal number') ??
        // `cost` is split by it: a fraction or a string would skew every later estimate.
        optional(value, 'images', (v) => isCount(v) && v >= 1, 'a whole number of at least 1');
    return problem ?? value;
}
/** Returns whether a lockfile path is relative, stays inside the workspace and passes the spec's path rules. */
function isConfinedPath(value) {
    if (typeof value !== 'string' || value === '' || value.length > 4096)
        return false;
    if (external_node_path_default().posix.isAbsolute(value) || external_node_path_default().win32.isAbsolute(value))
        return false;
    if ((0,paths/* refusePathText */.bn)(value) !== undefined)
        return false;
    const normal = external_node_path_default().posix.normalize(value);
    return normal !== '.' && normal !== '..' && !normal.startsWith('../');
}
function field(entry, name, valid, expected) {
    if (!(name in entry))
        return `has no ${name}`;
    return valid(entry[name]) ? undefined : `${name} is not ${expected}`;
}
function optional(entry, name, valid, expected) {
    return entry[name] === undefined
        ? undefined
        : field(entry, name, valid, expected);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isSha256(value) {
    return typeof value === 'string' && SHA256_HEX.test(value);
}
function isCount(value) {
    return Number.isSafeInteger(value) && value >= 0;
}
function isShortText(value) {
    return typeof value === 'string' && value.length > 0 && value.length <= 200;
}
function isDigests(value) {
    return (isRecord(value) &&
        Object.values(value).every((digest) => typeof digest === 'string' && SHORT_HEX.test(digest)));
}
function isVariants(value) {
    return (Array.isArray(value) &&
        value.length <= MAX_VARIANTS &&
        value.every((variant) => isRecord(variant) &&
            isConfinedPath(variant.out) &&
            isSha256(variant.sha256) &&
            isCount(variant.width) &&
            isShortText(variant.format)));
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./src/plan/lockfile.ts






/** The lockfile's format version. */
const LOCKFILE_VERSION = 1;
/** An empty lockfile. */
function emptyLockfile() {
    return { version: LOCKFILE_VERSION, assets: {} };
}
/**
 * Reads a lockfile; a missing file is an empty lockfile, a corrupt one a LockfileError. Invalid
 * entries are reported to `onInvalid` and left out.
 */
async function readLockfile(path, onInvalid) {
    let text;
    try {
        text = await (0,external_node_fs_promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return emptyLockfile();
        throw new errors/* LockfileError */.g(`cannot read ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`, {
            cause: error
        });
    }
    return parseLockfile(text, path, onInvalid);
}
/**
 * Parses lockfile text. The file itself must be a lockfile of this version (else LockfileError);
 * each entry is checked on its own (types, fields, hex digests, confined paths), and an invalid one
 * is reported to `onInvalid`, naming the lockfile and the asset id, and treated as absent.
 */
function parseLockfile(text, path = 'assetgen.lock.json', onInvalid = () => { }) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* LockfileError */.g(`${path} is not valid JSON (${(0,errors/* getErrorMessage */.u1)(error)}); fix it or delete it to regenerate everything`, { cause: error });
    }
    const candidate = data;
    if (!candidate ||
        typeof candidate !== 'object' ||
        candidate.version !== LOCKFILE_VERSION ||
        !candidate.assets ||
        typeof candidate.assets !== 'object' ||
        Array.isArray(candidate.assets)) {
        throw new errors/* LockfileError */.g(`${path} is not an assetgen lockfile of version ${LOCKFILE_VERSION}`);
    }
    const assets = {};
    for (const [id, value] of Object.entries(candidate.assets)) {
        const checked = (0,validate/* isAssetId */._1)(id)
            ? checkLockEntry(value)
            : 'has an id that no spec can have';
        if (typeof checked === 'string') {
            onInvalid(`${path}: the entry for ${JSON.stringify(id.slice(0, 100))} ${checked}: ignored, as if absent`);
        }
        else
            assets[id] = checked;
    }
    return { version: LOCKFILE_VERSION, assets };
}
const entryKeyOrder = [
    'inputHash',
    'inputs',
    'out',
    'sha256',
    'bytes',
    'width',
    'height',
    'model',
    'seed',
    'placeholder',
    'variantsHash',
    'variants',
    'cost',
    'images',
    'generatedAt'
];
/** Serialises with assets sorted by id and a fixed key order, so diffs stay minimal. */
function serializeLockfile(lockfile) {
    const assets = {};
    for (const id of Object.keys(lockfile.assets).sort()) {
        const entry = lockfile.assets[id];
        const ordered = {};
        for (const key of entryKeyOrder) {
            if (entry[key] !== undefined)
                ordered[key] = entry[key];
        }
        assets[id] = ordered;
    }
    // Redacted like every text that leaves: the lockfile is committed.
    return (0,safe_text/* redact */.E$)(`${JSON.stringify({ version: LOCKFILE_VERSION, assets }, null, 2)}\n`);
}
/** Writes the lockfile atomically (temp file, then rename): a crash never leaves half a file. */
async function writeLockfile(path, lockfile, root) {
    await (0,fs_atomic/* writeFileAtomic */.Z)(path, serializeLockfile(lockfile), root === undefined ? {} : { root });
}
/**
 * Merges two lockfiles entry by entry: `ours` wins for the ids it generated in this run, `theirs`
 * (e.g. the branch head written by another shard) keeps everything else. Ids in neither spec list
 * are kept only when `keepIds` says so.
 */
function mergeLockfiles(theirs, ours, oursWins, keepIds) {
    const assets = {};
    for (const [id, entry] of Object.entries(theirs.assets)) {
        if (!keepIds || keepIds.has(id))
            assets[id] = entry;
    }
    for (const [id, entry] of Object.entries(ours.assets)) {
        if (oursWins.has(id) || !(id in assets)) {
            if (!keepIds || keepIds.has(id))
                assets[id] = entry;
        }
    }
    return { version: LOCKFILE_VERSION, assets };
}

;// CONCATENATED MODULE: ./src/plan/lockfile-writer.ts

/**
 * Keeps the lockfile on disk in step with the files: each success is written at once (atomically,
 * one write at a time), so a run killed halfway keeps what it paid for. Entries of assets no longer
 * in the spec are dropped; failed assets keep their previous entries.
 */
class LockfileWriter {
    current;
    original;
    queue = Promise.resolve();
    path;
    recorded = new Set();
    specIds;
    root;
    constructor(spec, previous) {
        this.path = spec.lockfilePath;
        this.root = spec.root;
        this.original = serializeLockfile(previous);
        const ids = new Set(spec.assets.map((asset) => asset.id));
        this.specIds = ids;
        const assets = Object.fromEntries(Object.entries(previous.assets).filter(([id]) => ids.has(id)));
        this.current = { version: previous.version, assets };
    }
    get changed() {
        return serializeLockfile(this.current) !== this.original;
    }
    record(id, entry) {
        this.current.assets[id] = entry;
        this.recorded.add(id);
        return this.flush();
    }
    finish() {
        return this.changed ? this.flush() : this.queue;
    }
    flush() {
        this.queue = this.queue.then(async () => {
            // Re-read and merge entry by entry before each write: an entry another writer put on disk
            // (a hand edit, a build that ran before the lock existed) is never dropped; ours win only
            // for the assets this run wrote, and entries of assets gone from the spec are dropped.
            const onDisk = await readLockfile(this.path).catch(() => emptyLockfile());
            const merged = mergeLockfiles(onDisk, this.current, this.recorded, this.specIds);
            this.current = merged;
            await writeLockfile(this.path, merged, this.root);
        });
        return this.queue;
    }
}

// EXTERNAL MODULE: ./src/spec/load.ts + 7 modules
var load = __webpack_require__(5622);
// EXTERNAL MODULE: ./src/spec/models.ts
var models = __webpack_require__(1689);
// EXTERNAL MODULE: ./src/store/layout.ts
var layout = __webpack_require__(5891);
// EXTERNAL MODULE: ./src/images/sharp.ts
var sharp = __webpack_require__(4378);
;// CONCATENATED MODULE: ./src/store/preview.ts
/** The store's preview for PR comments: a WebP at most 800 px wide. */

/** Widest preview, in pixels: enough for a comment column, small enough to load fast. */
const PREVIEW_WIDTH = 800;
/** Renders `image` as a WebP no wider than {@link PREVIEW_WIDTH} (never upscaled), metadata dropped. */
async function renderPreview(image) {
    return ((0,sharp/* sharp */.B)(image)
        .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
        // sharp's default WebP quality, 80: small, and fine at comment size.
        .webp()
        .toBuffer());
}

;// CONCATENATED MODULE: ./src/store/lookup.ts


/**
 * Looks up, in one batch, every item the plan would generate. A hit counts only when its bytes
 * match its record's sha256 and it was made for this asset id (the input hash leaves the id out,
 * and the image's provenance names it); anything else is generated as usual.
 */
async function lookupStore(plan, store) {
    // A forced item asks for a new image: restoring the stored one would defeat `force`.
    const wanted = plan.items.filter((item) => item.action === 'generate' && item.status !== 'forced');
    const hits = new Map();
    if (wanted.length === 0)
        return { plan, hits };
    const keys = [...new Set(wanted.map((item) => (0,layout/* storeKey */.LN)(item.inputHash)))];
    const found = await store.lookup(keys);
    const items = plan.items.map((item) => {
        if (!wanted.includes(item))
            return item;
        const hit = found.get((0,layout/* storeKey */.LN)(item.inputHash));
        if (!hit || hit.record.id !== item.asset.id || !(0,layout/* isVerified */.p4)(hit)) {
            return item;
        }
        hits.set(item.asset.id, hit);
        return {
            ...item,
            status: 'from-store',
            action: 'restore',
            reason: `${item.reason}; in the image store (paid earlier)`
        };
    });
    return { plan: { ...plan, items }, hits };
}
/** A store entry for an image this build generated: the bytes as written, a record and a preview. */
async function storeEntry(item, run) {
    const { outcome, entry, image } = run;
    if (!image || !entry || outcome.status !== 'generated' || entry.placeholder)
        return undefined;
    const file = item.asset.out.split('/').at(-1);
    let preview;
    try {
        preview = await renderPreview(image);
    }
    catch {
        // The image was verified when it was encoded; without a preview it just stays out of the store.
        return undefined;
    }
    return {
        hash: (0,layout/* storeKey */.LN)(item.inputHash),
        image,
        preview,
        record: {
            id: item.asset.id,
            model: entry.model,
            seed: entry.seed,
            width: entry.width,
            height: entry.height,
            format: item.asset.format,
            sha256: entry.sha256,
            bytes: entry.bytes,
            ...(outcome.cost > 0 ? { cost: outcome.cost } : {}),
            ...(outcome.colorCheck ? { colorCheck: outcome.colorCheck } : {}),
            createdAt: entry.generatedAt,
            file
        }
    };
}

;// CONCATENATED MODULE: ./src/spec/pricing.ts
/**
 * Image prices, beside the model-limits table (models.ts): what one generated image costs, flat or
 * per megapixel. The estimator (src/plan/estimate.ts) reads the built-in rows after the lockfile's
 * history and the spec's own `pricing:` map; an unknown price stays unknown (`?`), never $0.
 */
/** The first matching row wins. Each row says where its price was read and when. */
const builtIn = [
    // bfl.ai/pricing (FLUX.2 [pro]: $0.03 first MP, $0.015 per extra output MP and per input MP),
    // read 2026-11-30.
    {
        pattern: /^bfl\/flux-2-pro$/,
        pricing: {
            firstMegapixel: 0.03,
            perExtraMegapixel: 0.015,
            perReferenceMegapixel: 0.015
        }
    },
    // bfl.ai/pricing (FLUX.2 [max]: $0.07 first MP, $0.03 per extra output MP and per input MP),
    // read 2026-11-30.
    {
        pattern: /^bfl\/flux-2-max$/,
        pricing: {
            firstMegapixel: 0.07,
            perExtraMegapixel: 0.03,
            perReferenceMegapixel: 0.03
        }
    },
    // bfl.ai/pricing (FLUX.2 [flex]: "$0.06 for each megapixel on both input and output side"),
    // read 2026-11-30.
    {
        pattern: /^bfl\/flux-2-flex$/,
        pricing: {
            firstMegapixel: 0.06,
            perExtraMegapixel: 0.06,
            perReferenceMegapixel: 0.06
        }
    },
    // FLUX.2 [klein] 4B/9B: BFL lists only a first-megapixel price, no complete rate; unknown
    // (checked 2026-11-30). Give it in the spec's `pricing:` map.
    { pattern: /^bfl\/flux-2-klein/, pricing: undefined },
    // FLUX 3 Image: no public price found (checked 2026-11-30).
    { pattern: /^bfl\/flux-3/, pricing: undefined },
    // bfl.ai/pricing (FLUX.1 Kontext [pro] $0.04, [max] $0.08 per image), read 2026-11-30.
    { pattern: /^bfl\/flux-kontext-pro$/, pricing: { perImage: 0.04 } },
    { pattern: /^bfl\/flux-kontext-max$/, pricing: { perImage: 0.08 } },
    // bfl.ai/pricing (FLUX1.1 [pro] $0.04, [pro] Ultra $0.06, FLUX.1 Fill [pro] $0.05 per image),
    // read 2026-11-30.
    { pattern: /^bfl\/flux-pro-1\.1$/, pricing: { perImage: 0.04 } },
    { pattern: /^bfl\/flux-pro-1\.1-ultra$/, pricing: { perImage: 0.06 } },
    { pattern: /^bfl\/flux-pro-1\.0-fill$/, pricing: { perImage: 0.05 } },
    // ai.google.dev/pricing (Imagen 4 Fast $0.02, Standard $0.04, Ultra $0.06 per image),
    // read 2026-11-30.
    {
        pattern: /^google\/imagen-4\.0-fast-generate/,
        pricing: { perImage: 0.02 }
    },
    {
        pattern: /^google\/imagen-4\.0-ultra-generate/,
        pricing: { perImage: 0.06 }
    },
    { pattern: /^google\/imagen-4\.0-generate/, pricing: { perImage: 0.04 } }
];
/** The built-in price of a model, or undefined when assetgen knows none. */
function builtInPricing(modelId) {
    return builtIn.find((row) => row.pattern.test(modelId))?.pricing;
}
/** The built-in rows as text, for documentation and tests. */
function builtInRows() {
    return builtIn.map((row) => ({
        model: row.pattern.source.replace(/^\^|\$$/g, '').replace(/\\/g, ''),
        ...(row.pricing ? { pricing: row.pricing } : {})
    }));
}
/**
 * The price of one image. Megapixel pricing bills every started output megapixel (the first at
 * its own rate) and the reference megapixels, as BFL does.
 */
function priceImage(pricing, image) {
    if ('perImage' in pricing)
        return pricing.perImage;
    const started = Math.max(1, Math.ceil(image.megapixels - 1e-9));
    const references = Math.ceil(image.referenceMegapixels - 1e-9);
    return roundUsd(pricing.firstMegapixel +
        (started - 1) * pricing.perExtraMegapixel +
        references * (pricing.perReferenceMegapixel ?? 0));
}
/** Rounds to a millionth of a dollar, so sums of decimal prices print cleanly. */
function roundUsd(usd) {
    return Math.round(usd * 1e6) / 1e6;
}

;// CONCATENATED MODULE: ./src/plan/estimate.ts
/**
 * Dollars before paying: what each planned generation should cost, from the best source that knows
 * its model, in order: the lockfile's history (what the gateway charged for the same model at about
 * the same megapixels), the spec's `pricing:` map, the built-in table, the gateway's catalogue.
 * Only `generate` items cost anything; an unknown price stays unknown, never $0.
 */

/** Megapixels are 2^20 pixels: 1024×1024 is one, as the models bill it. */
const MEGAPIXEL = 1_048_576;
/** History counts entries within this ratio of the asset's megapixels as "about the same". */
const HISTORY_TOLERANCE = 0.1;
/**
 * What one image of an asset puts on the bill: the gateway bills the size the model is asked for
 * (`asset.generation`, e.g. 1216x640 for a 1200x630 output), not the fitted output.
 */
function pricedImage(asset) {
    const { width, height } = asset.generation ?? asset;
    return {
        megapixels: (width * height) / MEGAPIXEL,
        referenceMegapixels: asset.references.reduce((sum, reference) => sum + reference.width * reference.height, 0) / MEGAPIXEL
    };
}
/**
 * The median cost per image the lockfile recorded for the model at about the asset's megapixels;
 * undefined without such history.
 */
function historyCost(asset, history) {
    const megapixels = (asset.width * asset.height) / MEGAPIXEL;
    const costs = Object.values(history.assets)
        .filter((entry) => entry.model === asset.model && !entry.placeholder)
        .filter((entry) => {
        const entryMegapixels = (entry.width * entry.height) / MEGAPIXEL;
        return (Math.abs(entryMegapixels - megapixels) <= HISTORY_TOLERANCE * megapixels);
    })
        .map((entry) => Number(entry.cost) / (entry.images ?? 1))
        .filter((cost) => Number.isFinite(cost) && cost > 0)
        .sort((a, b) => a - b);
    if (costs.length === 0)
        return undefined;
    const middle = Math.floor(costs.length / 2);
    const upper = costs[middle] ?? 0;
    const median = costs.length % 2 === 1 ? upper : ((costs[middle - 1] ?? 0) + upper) / 2;
    return roundUsd(median);
}
/** The estimate of one image of `asset`, from the first source that knows its price. */
function estimateAsset(asset, sources) {
    const history = historyCost(asset, sources.history);
    if (history !== undefined)
        return { usd: history, source: 'history' };
    const image = pricedImage(asset);
    const priced = [
        ['spec', sources.spec[asset.model]],
        ['built-in', builtInPricing(asset.model)],
        ['catalogue', sources.catalogue?.[asset.model]]
    ];
    for (const [source, pricing] of priced) {
        if (pricing)
            return { usd: priceImage(pricing, image), source };
    }
    return {};
}
/** True for items the build pays for. */
function paid(item, placeholder) {
    return item.action === 'generate' && !placeholder;
}
/**
 * Models of paid items no source but the catalogue could price: when this is empty, the
 * catalogue need not be read.
 */
function modelsWithoutPrice(plan, sources, placeholder = false) {
    const models = plan.items
        .filter((item) => paid(item, placeholder))
        .filter((item) => estimateAsset(item.asset, sources).usd === undefined)
        .map((item) => item.asset.model);
    return [...new Set(models)];
}
/** Estimates every item of a plan: $0 for what is kept, reprocessed or rendered offline. */
function estimatePlan(plan, sources, placeholder = false) {
    const assets = new Map();
    const unknown = [];
    const unknownModels = new Set();
    let total = 0;
    for (const item of plan.items) {
        if (!paid(item, placeholder)) {
            assets.set(item.asset.id, { usd: 0 });
            continue;
        }
        const estimate = estimateAsset(item.asset, sources);
        assets.set(item.asset.id, estimate);
        if (estimate.usd === undefined) {
            unknown.push(item.asset.id);
            unknownModels.add(item.asset.model);
        }
        else
            total += estimate.usd;
    }
    return {
        assets,
        total: roundUsd(total),
        unknown,
        unknownModels: [...unknownModels]
    };
}
/**
 * Estimates a plan, reading the catalogue (at most once) only when a model to pay for has no price
 * from the other sources. Returns the estimate and any warning the catalogue gave.
 */
async function estimateWithCatalogue(plan, sources, options) {
    const warnings = [];
    let withCatalogue = sources;
    if (options.catalogue &&
        modelsWithoutPrice(plan, sources, options.placeholder).length > 0) {
        const catalogue = await options.catalogue();
        withCatalogue = { ...sources, catalogue: catalogue.prices };
        if (catalogue.warning)
            warnings.push(catalogue.warning);
    }
    return {
        estimate: estimatePlan(plan, withCatalogue, options.placeholder),
        warnings
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/plan/hash.ts
var hash = __webpack_require__(2239);
;// CONCATENATED MODULE: ./src/plan/plan.ts








/** Errors that mean "no file to hash here". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG']);
/**
 * sha256 of a file's bytes (streamed), or undefined when there is no regular file there, or (with
 * `realRoot`) when it really lies outside the workspace. Lockfile paths are untrusted: a FIFO, a
 * device or a directory is never read, so planning finishes whatever the lockfile names.
 */
async function fileSha256(path, realRoot) {
    let handle;
    try {
        if (realRoot !== undefined && !(0,paths/* isInside */.FK)(realRoot, await (0,external_node_fs_promises_.realpath)(path)))
            return undefined;
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        handle = await (0,external_node_fs_promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        if (ABSENT.has(error.code ?? ''))
            return undefined;
        throw error;
    }
    try {
        // Checked on the open file, so a swap between check and read changes nothing.
        if (!(await handle.stat()).isFile())
            return undefined;
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for await (const chunk of handle.createReadStream({ autoClose: false }))
            hash.update(chunk);
        return hash.digest('hex');
    }
    finally {
        await handle.close();
    }
}
/** A digest of the variant settings, so changing only variants re-derives files without a paid call. */
function variantsDigest(asset) {
    return (0,hash/* sha256 */.sc)((0,hash/* canonicalJson */.dj)(asset.variants.map((variant) => ({ ...variant })))).slice(0, 16);
}
/** Builds a matcher for `--only`: exact ids or globs (`icon-*`). */
function selectionMatcher(only) {
    if (!only || only.length === 0)
        return () => true;
    const matchers = only.map((pattern) => picomatch_default()(pattern, { nocase: true }));
    return (id) => matchers.some((matches) => matches(id));
}
/** Decides, for every asset in the spec, whether it must be generated and why. */
async function planSpec(spec, lockfile, options = {}) {
    const selected = selectionMatcher(options.only);
    checkSelection(spec, options.only);
    const realRoot = await (0,external_node_fs_promises_.realpath)(spec.root);
    const items = await Promise.all(spec.assets.map((asset) => planAsset(realRoot, asset, lockfile.assets[asset.id], selected(asset.id), options)));
    if (options.shard)
        applyShard(items, options.shard);
    const ids = new Set(spec.assets.map((asset) => asset.id));
    const orphans = Object.entries(lockfile.assets)
        .filter(([id]) => !ids.has(id))
        .map(([id, entry]) => ({ id, out: entry.out }))
        .sort((a, b) => a.id.localeCompare(b.id));
    return { items, orphans };
}
/** Refuses an `only` pattern that selects no asset: a typo would otherwise plan nothing, silently. */
function checkSelection(spec, only) {
    const unmatched = (only ?? []).filter((pattern) => {
        const matches = selectionMatcher([pattern]);
        return !spec.assets.some((asset) => matches(asset.id));
    });
    if (unmatched.length === 0)
        return;
    const listed = unmatched.map((pattern) => JSON.stringify(pattern)).join(', ');
    throw new errors/* InputError */.dz(`only ${listed} match${unmatched.length === 1 ? 'es' : ''} no asset id in ${spec.specName}`);
}
async function planAsset(root, asset, previous, selected, options) {
    const inputs = (0,hash/* inputDigests */.m6)(asset);
    const base = {
        asset,
        inputs,
        inputHash: (0,hash/* inputHash */.Bb)(inputs),
        seed: asset.seed ?? previous?.seed ?? (0,hash/* deriveSeed */.B7)(asset.id),
        variantsHash: variantsDigest(asset),
        previous
    };
    // A spec seed always wins; without one, keep the seed the last good image was made with.
    if (asset.seed === undefined &&
        previous &&
        previous.inputs.seed !== inputs.seed) {
        base.seed = (0,hash/* deriveSeed */.B7)(asset.id);
    }
    const decide = (status, action, reason) => ({
        ...base,
        status,
        action,
        reason
    });
    if (!selected)
        return decide('not-selected', 'keep', 'not selected by --only');
    if (options.force)
        return decide('forced', 'generate', 'forced');
    if (!previous)
        return decide('new', 'generate', 'not in the lockfile');
    const outputSha = await fileSha256((0,external_node_path_.join)(root, asset.out), root);
    if (outputSha === undefined)
        return decide('missing', 'generate', `${asset.out} is missing`);
    const changed = (0,hash/* changedInputs */.WV)(previous.inputs, inputs);
    if (previous.out !== asset.out && changed.length === 0) {
        return decide('missing', 'generate', `output moved from ${previous.out}`);
    }
    if (outputSha !== previous.sha256) {
        const extra = changed.length > 0 ? ` (${changed.join(', ')} changed too)` : '';
        return decide('edited', 'keep', `${asset.out} was edited by hand${extra}: kept; use force to regenerate`);
    }
    if (changed.length > 0)
        return decide('changed', 'generate', `${changed.join(', ')} changed`);
    if (previous.placeholder && !options.placeholder) {
        return decide('placeholder', 'generate', 'placeholder image: generate the real one');
    }
    if (await variantsStale(root, asset, previous, base.variantsHash)) {
        return decide('variants', 'reprocess', 'variants changed: re-rendered from the existing image');
    }
    return decide('up-to-date', 'keep', 'up to date');
}
async function variantsStale(root, asset, previous, variantsHash) {
    if (asset.variants.length === 0 && !previous.variants?.length)
        return false;
    if (previous.variantsHash !== variantsHash)
        return true;
    const checks = await Promise.all((previous.variants ?? []).map(async (variant) => (await fileSha256((0,external_node_path_.join)(root, variant.out), root)) === variant.sha256));
    return checks.some((ok) => !ok);
}
/**
 * Splits the work (assets to generate or reprocess, in spec order) round robin across shards, so
 * every shard gets a near-equal share; every shard computes the same plan from the same commit, so
 * the split agrees without coordination. Other shards' items become `not-selected`.
 */
function applyShard(items, shard) {
    let position = 0;
    for (const [index, item] of items.entries()) {
        if (item.action === 'keep')
            continue;
        if (position % shard.count !== shard.index - 1) {
            items[index] = {
                ...item,
                status: 'not-selected',
                action: 'keep',
                reason: `${item.status}, built by shard ${(position % shard.count) + 1}/${shard.count}`
            };
        }
        position += 1;
    }
}

;// CONCATENATED MODULE: ./src/plan/planning.ts






/** Loads the spec, then plans it as `planLoaded` does. */
async function planWithStore(request) {
    const spec = await (0,load/* loadSpec */.II)({
        specPath: request.specPath,
        root: request.root
    });
    return planLoaded(request, spec);
}
/** Reads the lockfile, plans every asset, looks up the store, then estimates what is left to pay for. */
async function planLoaded(request, spec) {
    const lockfile = await readLockfile(spec.lockfilePath, request.onWarning);
    const planned = await planSpec(spec, lockfile, {
        ...(request.only ? { only: request.only } : {}),
        force: request.force ?? false,
        placeholder: request.placeholder ?? false,
        ...(request.shard ? { shard: request.shard } : {})
    });
    const looked = request.store && !request.placeholder
        ? await lookupStore(planned, request.store)
        : { plan: planned, hits: new Map() };
    // After the lookup: what the store holds costs nothing.
    const { estimate, warnings } = await estimateWithCatalogue(looked.plan, { history: lockfile, spec: spec.pricing }, {
        placeholder: request.placeholder ?? false,
        ...(request.imagePrices ? { catalogue: request.imagePrices } : {})
    });
    return {
        planned: {
            spec,
            lockfile,
            plan: looked.plan,
            estimate,
            // The CLI and the action both show these: an unknown model id is often a typo.
            warnings: [...(0,models/* unknownModelWarnings */.v_)(spec.assets), ...warnings]
        },
        hits: looked.hits
    };
}
/** Counts how many model calls a plan needs at least (one per generated asset). */
function imagesToGenerate(planned) {
    return planned.items.filter((item) => item.action === 'generate').length;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/plan/workspace-lock.ts
/**
 * One build per workspace spec at a time. Two builds on one checkout would both pay for the same
 * assets and leave files and lockfile disagreeing, so `build()` holds an exclusive lock file beside
 * the lockfile while it plans, generates and writes. The file is created with O_EXCL and names its
 * holder (pid, host, start time); a lock whose holder is gone, or older than the stale bound, is
 * taken over. A second build waits, saying so, up to a bound, then stops with a clear message.
 */





/** How long a second build waits for the first by default. */
const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;
/** A lock older than this is stale whatever its holder: GitHub's longest job runs 6 hours. */
const DEFAULT_LOCK_STALE_MS = 6 * 60 * 60_000;
/** The lock file guarding `lockfilePath`. */
function lockPath(lockfilePath) {
    return `${lockfilePath}.build-lock`;
}
/** Takes the workspace lock, waiting for another build up to `waitMs`; throws InputError after. */
async function acquireWorkspaceLock(options) {
    const path = lockPath(options.lockfilePath);
    const now = options.now ?? Date.now;
    const sleep = options.sleep ??
        ((ms, signal) => (0,promises_.setTimeout)(ms, undefined, signal ? { signal } : {}));
    const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
    const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS;
    const mine = {
        token: (0,external_node_crypto_.randomUUID)(),
        pid: process.pid,
        host: (0,external_node_os_.hostname)(),
        startedAt: now()
    };
    const started = now();
    let told = false;
    for (;;) {
        options.signal?.throwIfAborted();
        if (await tryCreate(path, mine))
            return held(path, mine.token);
        const text = await readLock(path);
        // Gone between our create and read: just try again.
        if (text === undefined)
            continue;
        const holder = parseHolder(text);
        if (!holder || isStale(holder, now(), staleMs)) {
            // Only remove what we judged: a new holder's fresh lock must survive.
            const again = await readLock(path);
            if (again === text)
                await (0,external_node_fs_promises_.rm)(path, { force: true });
            continue;
        }
        const waited = now() - started;
        if (waited >= waitMs) {
            throw new errors/* InputError */.dz(`another assetgen build (pid ${holder.pid} on ${holder.host}, started ${new Date(holder.startedAt).toISOString()}) is still building this workspace after ${Math.round(waited / 1000)} s: run one build at a time, or delete ${path} if no build is running`);
        }
        if (!told) {
            told = true;
            options.onWait?.(`another assetgen build (pid ${holder.pid}) is building this workspace; waiting up to ${Math.round(waitMs / 1000)} s for it to finish (lock: ${path})`);
        }
        await sleep(Math.min(options.pollMs ?? 500, waitMs - waited), options.signal);
    }
}
async function tryCreate(path, holder) {
    // The holder is written in full to a private file (`wx`: O_CREAT | O_EXCL), then hard-linked to
    // the lock path, which fails if it exists: exactly one process wins, and nobody ever reads a
    // half-written lock.
    const staging = `${path}.${holder.token}`;
    try {
        await (0,external_node_fs_promises_.writeFile)(staging, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
        await (0,external_node_fs_promises_.link)(staging, path);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw new errors/* InputError */.dz(`cannot create the build lock ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
    finally {
        await (0,external_node_fs_promises_.rm)(staging, { force: true });
    }
}
/**
 * The lock file's text, or undefined when it is gone. Any other failure (a directory in its place,
 * no read permission) stops the build: retrying could never succeed.
 */
async function readLock(path) {
    try {
        return await (0,external_node_fs_promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new errors/* InputError */.dz(`cannot read the build lock ${path}: ${(0,errors/* getErrorMessage */.u1)(error)}`, { cause: error });
    }
}
function held(path, token) {
    return {
        path,
        async release() {
            // Remove only our own lock: after a stale takeover the file may be someone else's.
            const text = await (0,external_node_fs_promises_.readFile)(path, 'utf8').catch(() => undefined);
            if (text !== undefined && parseHolder(text)?.token === token)
                await (0,external_node_fs_promises_.rm)(path, { force: true });
        }
    };
}
function parseHolder(text) {
    try {
        const value = JSON.parse(text);
        if (typeof value?.token === 'string' &&
            Number.isSafeInteger(value.pid) &&
            typeof value.host === 'string' &&
            Number.isFinite(value.startedAt))
            return value;
    }
    catch {
        // A half-written or foreign file: stale.
    }
    return undefined;
}
function isStale(holder, now, staleMs) {
    if (now - holder.startedAt > staleMs)
        return true;
    // A pid means something only on its own host (a workspace may sit on a shared disk).
    return holder.host === (0,external_node_os_.hostname)() && !isAlive(holder.pid);
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists but belongs to another user.
        return error.code === 'EPERM';
    }
}

;// CONCATENATED MODULE: ./src/engine.ts













/**
 * Loads and validates the spec, reads the lockfile and plans every asset, looks up what it would
 * generate in `request.store` (hits become `from-store` restores), then estimates the cost of the
 * rest. Makes no network call but the store's and `imagePrices`, when given and needed.
 */
async function plan(request) {
    return (await planWithStore(request)).planned;
}
/**
 * Plans, then generates every asset that needs it with bounded concurrency, writing each image and
 * the lockfile as soon as it succeeds. One asset's failure does not stop the others; failed or
 * cancelled assets keep their previous files and lock entries.
 */
async function build(request) {
    // The generation path (AI SDK, image encoders) loads only for a build, while the plan reads files.
    const generation = Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(784), __webpack_require__.e(926), __webpack_require__.e(627)]).then(__webpack_require__.bind(__webpack_require__, 8627)),
        Promise.all(/* import() */[__webpack_require__.e(784), __webpack_require__.e(926), __webpack_require__.e(627), __webpack_require__.e(205)]).then(__webpack_require__.bind(__webpack_require__, 4205))
    ]);
    const spec = await (0,load/* loadSpec */.II)({
        specPath: request.specPath,
        root: request.root
    });
    // Held from planning to the last lockfile write, so a second build plans on what this one wrote
    // and never pays for the same images.
    const workspaceLock = await acquireWorkspaceLock({
        ...request.workspaceLock,
        lockfilePath: spec.lockfilePath,
        ...(request.onWarning ? { onWait: request.onWarning } : {}),
        ...(request.signal ? { signal: request.signal } : {})
    });
    try {
        return await buildLocked(request, spec, generation);
    }
    finally {
        await workspaceLock.release();
    }
}
async function buildLocked(request, spec, generation) {
    const { planned, hits } = await planLoaded(request, spec);
    const { plan: thePlan } = planned;
    const toGenerate = imagesToGenerate(thePlan);
    if (request.maxImages > 0 && toGenerate > request.maxImages) {
        throw new errors/* InputError */.dz(`the plan generates ${toGenerate} images but max-images is ${request.maxImages}: raise max-images or narrow the run with only`);
    }
    const { estimate } = planned;
    const opened = await openBudget(estimate, { maxCost: request.maxCost ?? 0, maxImages: request.maxImages }, request.creditBalance);
    const budget = opened.guard;
    const [{ generateAsset, reprocessAsset }, { restoreAsset }] = await generation;
    const imageModel = request.placeholder
        ? (await __webpack_require__.e(/* import() */ 855).then(__webpack_require__.bind(__webpack_require__, 855))).placeholderModelFactory
        : request.imageModel;
    if (!imageModel && toGenerate > 0)
        throw new errors/* InputError */.dz('no image model: pass an API key or use the placeholder renderer');
    // A 401/403 stops the whole run: the key is shared, so every other request would fail alike.
    const refusal = new AbortController();
    let refused;
    const signal = AbortSignal.any([
        request.signal ?? new AbortController().signal,
        refusal.signal
    ]);
    const pool = new AdaptivePool(request.concurrency);
    const lock = new LockfileWriter(spec, planned.lockfile);
    const outcomes = [];
    const total = thePlan.items.length;
    const idWidth = Math.max(0, ...spec.assets.map((asset) => asset.id.length));
    const report = (outcome) => {
        outcome.estimate = estimate.assets.get(outcome.id)?.usd ?? null;
        outcomes.push(outcome);
        request.onProgress?.({ done: outcomes.length, total, outcome, idWidth });
    };
    const base = {
        root: spec.root,
        version: request.version,
        placeholder: request.placeholder ?? false,
        strict: request.strict ?? false,
        now: request.now ?? (() => new Date()),
        imageModel: imageModel ??
            (() => {
                throw new errors/* InputError */.dz('no image model');
            }),
        pool,
        budget,
        ...(request.tags ? { tags: request.tags } : {}),
        maxRetries: request.maxRetries,
        backoffMs: request.backoffMs ?? 1000,
        // Ends early (rejecting) when the signal aborts, so a cancelled run never waits out a backoff.
        sleep: (ms, signal) => (0,promises_.setTimeout)(ms, undefined, { signal }),
        ...(request.keySource ? { keySource: request.keySource } : {}),
        onAuthenticationFailure: (error) => {
            refused ??= error;
            // A short reason: every cancelled asset repeats it, the full message is thrown once below.
            refusal.abort(new Error('the run stopped: the AI Gateway refused the API key'));
        }
    };
    for (const item of thePlan.items) {
        if (item.action === 'keep')
            report(skippedOutcome(item, base.placeholder));
    }
    const work = thePlan.items.filter((item) => item.action !== 'keep');
    const stored = [];
    // Twice the request limit in progress: while some assets are being processed, others are
    // already waiting on the model, and memory stays bounded by the concurrency, not the asset count.
    await mapBounded(work, request.concurrency * 2, async (item) => {
        const timeout = AbortSignal.timeout(request.timeoutMs);
        const context = {
            ...base,
            estimate: estimate.assets.get(item.asset.id)?.usd,
            timeoutMs: request.timeoutMs,
            signal: AbortSignal.any([signal, timeout])
        };
        const hit = hits.get(item.asset.id);
        const run = item.action === 'reprocess'
            ? await reprocessAsset(item, context)
            : hit
                ? await restoreAsset(item, context, hit)
                : await generateAsset(item, context);
        if (run.entry)
            await lock.record(item.asset.id, run.entry);
        const entry = request.storeCandidates
            ? await storeEntry(item, run)
            : undefined;
        if (entry)
            stored.push(entry);
        report(run.outcome);
    });
    await lock.finish();
    // Thrown after the lockfile is written, so anything paid for before the refusal is kept.
    if (refused)
        throw refused;
    const order = new Map(spec.assets.map((asset, index) => [asset.id, index]));
    outcomes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const count = (status) => outcomes.filter((outcome) => outcome.status === status).length;
    const lockfilePath = (0,external_node_path_.relative)(spec.root, spec.lockfilePath)
        .split('\\')
        .join('/');
    const changedFiles = outcomes.flatMap((outcome) => outcome.files);
    if (lock.changed)
        changedFiles.push(lockfilePath);
    const budgetStop = budgetStopMessage(outcomes, budget);
    return {
        ...planned,
        warnings: [...planned.warnings, ...opened.warnings],
        ...(budgetStop ? { budgetStop } : {}),
        lockfile: lock.current,
        lockfilePath,
        outcomes,
        generated: count('generated'),
        reprocessed: count('reprocessed'),
        restored: count('restored'),
        skipped: count('skipped'),
        failed: count('failed') + count('cancelled'),
        cost: outcomes.reduce((sum, outcome) => sum + outcome.cost, 0),
        cancelled: signal.aborted,
        changedFiles,
        peakInFlight: pool.peakInFlight,
        stored
    };
}
function skippedOutcome(item, placeholder) {
    const previous = item.previous;
    return {
        ...(0,outcome/* initialOutcome */.XZ)(item, previous?.placeholder ?? placeholder),
        ...(previous
            ? {
                bytes: previous.bytes,
                sha256: previous.sha256,
                width: previous.width,
                height: previous.height,
                seed: previous.seed,
                variants: previous.variants ?? []
            }
            : {}),
        warnings: item.status === 'edited' ? [item.reason] : []
    };
}

;// CONCATENATED MODULE: ./src/cancellation.ts
/**
 * SIGINT and SIGTERM, at any phase of a run. A cancelled job gets SIGINT, then SIGTERM 7.5 s later,
 * then SIGKILL 2.5 s after that: the first signal aborts the run's signal (nothing new starts) and
 * runs the handler of the current phase; later signals are absorbed, so the default action (dying
 * at once) never cuts the rescue short.
 */
/** Starts watching SIGINT and SIGTERM; `announce` is told the first one. */
function watchSignals(announce, now = Date.now) {
    const controller = new AbortController();
    let received;
    let at = 0;
    let handler;
    const listener = (name) => {
        if (received)
            return;
        received = name;
        at = now();
        announce(name);
        controller.abort(new Error(`cancelled by ${name}`));
        handler?.();
    };
    const onInterrupt = () => listener('SIGINT');
    const onTerminate = () => listener('SIGTERM');
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onTerminate);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        elapsedMs: () => (received ? now() - at : 0),
        onCancel(next) {
            handler = next;
            if (received)
                next?.();
        },
        dispose() {
            process.off('SIGINT', onInterrupt);
            process.off('SIGTERM', onTerminate);
        }
    };
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/report/manifest.ts


/** Manifest rows from a build's outcomes. */
function manifestAssets(outcomes) {
    return outcomes.map(({ planStatus: _planStatus, files: _files, ...asset }) => ({
        ...asset,
        // Restored from the image store: `from-store`, like the plan status.
        status: asset.status === 'restored' ? FROM_STORE : asset.status
    }));
}
/** The manifest status of an asset the image store held (restored, or would be). */
const FROM_STORE = 'from-store';
/** Manifest rows from a plan alone (dry runs): what would happen and why, and its estimate. */
function plannedAssets(plan, estimate) {
    return plan.items.map((item) => ({
        id: item.asset.id,
        status: item.action === 'keep'
            ? 'skipped'
            : item.action === 'restore'
                ? FROM_STORE
                : `would-${item.action}`,
        reason: item.reason,
        out: item.asset.out,
        width: item.asset.width,
        height: item.asset.height,
        seed: item.seed,
        cost: 0,
        ...(estimate
            ? { estimate: estimate.assets.get(item.asset.id)?.usd ?? null }
            : {}),
        durationMs: 0,
        attempts: 0,
        warnings: [],
        placeholder: false,
        variants: item.previous?.variants ?? []
    }));
}
/** The manifest of a build, with where its files were published. */
function buildManifest(result, published) {
    return {
        spec: result.spec.specName,
        dryRun: false,
        totals: {
            generated: result.generated,
            reprocessed: result.reprocessed,
            skipped: result.skipped,
            failed: result.failed,
            cost: result.cost,
            ...estimateTotals(result.estimate)
        },
        assets: manifestAssets(result.outcomes),
        orphans: result.plan.orphans,
        ...(published?.commitSha
            ? {
                commit: {
                    sha: published.commitSha,
                    ...(published.verified !== undefined
                        ? { verified: published.verified }
                        : {})
                }
            }
            : {}),
        ...(published?.artifacts.length
            ? {
                artifacts: published.artifacts.map(({ name, id, url }) => ({
                    name,
                    id,
                    ...(url ? { url } : {})
                }))
            }
            : {})
    };
}
/** The manifest of a plan (dry runs, fork PRs): what would be generated and why. */
function planManifest(planned) {
    const work = planned.plan.items.filter((item) => item.action !== 'keep').length;
    return {
        spec: planned.spec.specName,
        dryRun: true,
        totals: {
            generated: 0,
            reprocessed: 0,
            skipped: planned.plan.items.length - work,
            failed: 0,
            cost: 0,
            ...estimateTotals(planned.estimate)
        },
        assets: plannedAssets(planned.plan, planned.estimate),
        orphans: planned.plan.orphans
    };
}
function estimateTotals(estimate) {
    return {
        estimatedCost: estimate.total,
        unpricedAssets: estimate.unknown.length
    };
}
/** Writes the manifest as pretty JSON (atomically), redacted: it is also uploaded as an artifact. */
async function writeManifest(path, manifest) {
    await (0,fs_atomic/* writeFileAtomic */.Z)(path, (0,safe_text/* redact */.E$)(`${JSON.stringify(manifest, null, 2)}\n`));
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** Small formatters shared by the progress lines, tables, summary and comment. */
/** `$0.03`, `$1.2345`; '' for zero. */
function formatCost(usd) {
    if (!usd)
        return '';
    const fixed = usd.toFixed(4).replace(/0{1,2}$/, '');
    return `$${fixed}`;
}
/** An estimate: `$0.03`, `$0` when nothing is paid, `?` when no price is known. */
function formatEstimate(usd) {
    if (usd === null || usd === undefined)
        return '?';
    return usd === 0 ? '$0' : formatCost(usd);
}
/** A plan's estimated total, e.g. `$0.18`, or `$0.12 + ? (2 assets without a price)`. */
function formatEstimateTotal(total, unknown) {
    const known = formatEstimate(total);
    if (unknown === 0)
        return known;
    return `${known} + ? (${unknown} asset${unknown === 1 ? '' : 's'} without a price)`;
}
/** `3.2s`; '' for zero. */
function formatDuration(ms) {
    if (!ms)
        return '';
    return ms < 10_000
        ? `${(ms / 1000).toFixed(1)}s`
        : `${Math.round(ms / 1000)}s`;
}
/** Lines of cells as an aligned plain-text table: columns padded, two spaces apart. */
function alignColumns(lines) {
    const count = Math.max(0, ...lines.map((line) => line.length));
    const widths = Array.from({ length: count }, (_, index) => Math.max(...lines.map((line) => (line[index] ?? '').length)));
    return lines
        .map((line) => line
        .map((cell, index) => cell.padEnd(widths[index] ?? 0))
        .join('  ')
        .trimEnd())
        .join('\n');
}

// EXTERNAL MODULE: ./src/images/color-check.ts
var color_check = __webpack_require__(6684);
;// CONCATENATED MODULE: ./src/report/progress.ts



/** The longest outcome status (`generated`, `cancelled`), so columns line up. */
const STATUS_WIDTH = 'reprocessed'.length;
/**
 * `[12/48] hero  generated  3.2s  $0.03` (plus the colour check, or the error): one log line in
 * which the id, warnings and error (spec and gateway text) are inert.
 */
function formatProgress(event) {
    const { outcome } = event;
    const counter = `[${String(event.done).padStart(String(event.total).length)}/${event.total}]`;
    const parts = [
        counter,
        (0,safe_text/* logText */.kc)(outcome.id).padEnd(event.idWidth),
        (outcome.status === 'restored' ? 'from store' : outcome.status).padEnd(STATUS_WIDTH)
    ];
    if (outcome.status === 'skipped')
        parts.push(outcome.stoppedBy ? '(budget)' : `(${outcome.reason})`);
    const time = formatDuration(outcome.durationMs);
    if (time)
        parts.push(time);
    const cost = formatCost(outcome.cost);
    if (cost)
        parts.push(cost);
    if (outcome.attempts > 1)
        parts.push(`${outcome.attempts} attempts`);
    if (outcome.colorCheck)
        parts.push((0,color_check/* formatColorCheck */.x)(outcome.colorCheck));
    for (const warning of outcome.warnings)
        parts.push(`warning: ${(0,safe_text/* logText */.kc)(warning)}`);
    if (outcome.error)
        parts.push(`${outcome.stoppedBy ? 'not started' : 'error'}: ${(0,safe_text/* logText */.kc)(outcome.error)}`);
    return parts.join('  ').trimEnd();
}

;// CONCATENATED MODULE: ./src/report/status.ts
/** Every plan status; the key is the id `--json` and the README use. */
const PLAN_STATUS = {
    new: { label: 'new', icon: '🆕' },
    changed: { label: 'changed', icon: '✏️' },
    missing: { label: 'missing', icon: '❓' },
    edited: { label: 'edited (kept)', icon: '✋' },
    placeholder: { label: 'placeholder', icon: '🧪' },
    forced: { label: 'forced', icon: '🔨' },
    variants: { label: 'variants only', icon: '🔁' },
    'up-to-date': { label: 'up to date', icon: '⏭️' },
    'not-selected': { label: 'not selected', icon: '➖' },
    'from-store': { label: 'from store', icon: '📦' }
};
/** The icon for a plan status label, for tables that hold labels. */
function status_planStatusIcon(label) {
    return Object.values(PLAN_STATUS).find((status) => status.label === label)
        ?.icon;
}
/** Counts a plan's items by action. */
function countActions(plan) {
    const counts = {
        generate: 0,
        reprocess: 0,
        restore: 0,
        keep: 0
    };
    for (const item of plan.items)
        counts[item.action] += 1;
    return counts;
}
/**
 * `2 to generate, 1 to reprocess, 3 kept (6 assets)`: the plan's counts, kept apart; assets the
 * image store holds add `, 1 from store`.
 */
function countsSentence(counts) {
    const total = counts.generate + counts.reprocess + counts.restore + counts.keep;
    const restored = counts.restore > 0 ? `, ${counts.restore} from store` : '';
    return `${counts.generate} to generate, ${counts.reprocess} to reprocess${restored}, ${counts.keep} kept (${total} asset${total === 1 ? '' : 's'})`;
}

;// CONCATENATED MODULE: ./src/report/table.ts




/** Shown for an asset the image store already held: restored byte for byte, not paid for. */
const table_FROM_STORE = 'from store';
const statusIcon = {
    generated: '✅',
    reprocessed: '🔁',
    'from store': '📦',
    skipped: '⏭️',
    failed: '❌',
    cancelled: '⛔',
    'skipped (budget)': '💸'
};
/** The label of an outcome (`restored` reads as `from store` everywhere). */
function outcomeLabel(outcome) {
    if (outcome.stoppedBy)
        return 'skipped (budget)';
    if (outcome.status === 'restored')
        return table_FROM_STORE;
    return outcome.placeholder && outcome.status === 'generated'
        ? 'placeholder'
        : outcome.status;
}
/** Rows from a build's outcomes. */
function rowsFromOutcomes(outcomes) {
    return outcomes.map((outcome) => ({
        id: outcome.id,
        status: outcomeLabel(outcome),
        reason: outcome.reason,
        out: outcome.out,
        size: outcome.width ? `${outcome.width}×${outcome.height}` : '',
        color: [
            outcome.colorCheck ? (0,color_check/* formatColorCheck */.x)(outcome.colorCheck) : '',
            outcome.snapped
                ? `${Math.floor(outcome.snapped.onPalette * 100)}% on palette`
                : ''
        ]
            .filter(Boolean)
            .join(', '),
        time: formatDuration(outcome.durationMs),
        estimate: outcome.estimate === undefined ? '' : formatEstimate(outcome.estimate),
        cost: outcome.costUnknown
            ? [formatCost(outcome.cost), '?'].filter(Boolean).join(' + ')
            : formatCost(outcome.cost),
        seed: outcome.seed === undefined ? '' : String(outcome.seed),
        note: outcome.error ?? outcome.warnings.join('; '),
        ok: outcome.status !== 'failed' && outcome.status !== 'cancelled'
    }));
}
/** Rows from a plan alone (dry runs, `assetgen plan`), with its estimate when given. */
function rowsFromPlan(plan, estimate) {
    return plan.items.map((item) => ({
        id: item.asset.id,
        status: PLAN_STATUS[item.status].label,
        reason: item.reason,
        out: item.asset.out,
        size: exactSize(item.asset) ??
            (item.asset.aspectRatio
                ? `${item.asset.aspectRatio} (${item.asset.width}×${item.asset.height})`
                : `${item.asset.width}×${item.asset.height}`),
        color: '',
        time: '',
        estimate: estimate
            ? formatEstimate(estimate.assets.get(item.asset.id)?.usd)
            : '',
        cost: '',
        seed: String(item.seed),
        note: '',
        ok: true
    }));
}
/** `1216x640 → 1200x630` when the model is asked for another size than the output's. */
function exactSize(asset) {
    const { generation, size } = asset;
    if (!size || !generation)
        return size;
    const requested = `${generation.width}x${generation.height}`;
    return requested === size ? size : `${requested} → ${size}`;
}
function icon(row) {
    return statusIcon[row.status] ?? planStatusIcon(row.status) ?? '';
}
/** Past this many rows the table folds the rest into `<details>`, keeping a PR readable. */
const FOLD_AFTER = 10;
/** Width of an inline image in the table (GitHub scales the preview down to it). */
const IMAGE_WIDTH = 240;
const THUMBNAIL_WIDTH = 96;
/** Rows that need a look (failed, then changed) first, each group in spec order. */
function attentionOrder(rows) {
    const rank = (row) => !row.ok
        ? 0
        : ['skipped', 'up to date', 'not selected'].includes(row.status)
            ? 2
            : 1;
    return rows
        .map((row, index) => ({ row, index }))
        .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
        .map(({ row }) => row);
}
/** An inline image linking to itself; only an http(s) URL, made safe as a link and an attribute. */
function table_image(url, alt, width) {
    const safe = markdownUrl(url);
    return safe
        ? `[<img src="${safe}" width="${width}" alt="${alt}">](${safe})`
        : '';
}
/**
 * The asset table in GitHub-flavoured Markdown. Every text from outside (ids, reasons, notes,
 * sizes) goes through `safe-text`, so a spec or an error message can't inject HTML, mentions or
 * links. Past `foldAfter` rows the rest goes into a `<details>` block.
 */
function markdownTable(rows, options = {}) {
    const withImages = options.images
        ? rows.some((row) => {
            const pair = options.images?.(row);
            return Boolean(pair?.before || pair?.after);
        })
        : false;
    const columns = withImages
        ? ['Asset', 'Before', 'After', 'Status', 'Reason', 'ΔE', 'Seed']
        : ['Asset', 'Status', 'Reason', 'Size', 'ΔE', 'Seed', 'Time'];
    columns.push('Estimate', 'Cost');
    const header = [
        `| ${columns.join(' | ')} |`,
        `|${columns.map(() => '---').join('|')}|`
    ];
    const line = (row) => {
        // Every cell holds outside text (spec strings, gateway errors, GitHub's URLs): escaped here.
        const url = markdownUrl(options.link?.(row));
        const id = inlineCode(row.id);
        const name = url
            ? options.thumbnails
                ? `${table_image(url, 'asset', THUMBNAIL_WIDTH)}<br>[${id}](${url})`
                : `[${id}](${url})`
            : id;
        const reason = row.note
            ? `${markdownText(row.reason)}<br>⚠️ ${markdownText(row.note)}`
            : markdownText(row.reason);
        const status = `${icon(row)} ${row.status}`;
        const color = markdownText(row.color);
        const cells = withImages
            ? [
                name,
                table_image(options.images?.(row)?.before, 'before', IMAGE_WIDTH) || '—',
                table_image(options.images?.(row)?.after, 'after', IMAGE_WIDTH) || '—',
                status,
                reason,
                color,
                row.seed,
                row.estimate,
                row.cost
            ]
            : [
                name,
                status,
                reason,
                markdownText(row.size),
                color,
                row.seed,
                row.time,
                row.estimate,
                row.cost
            ];
        return `| ${cells.join(' | ')} |`;
    };
    const ordered = attentionOrder(rows);
    const foldAfter = options.foldAfter ?? FOLD_AFTER;
    const shown = ordered.slice(0, foldAfter).map(line);
    const folded = ordered.slice(foldAfter).map(line);
    const table = [...header, ...shown].join('\n');
    if (folded.length === 0)
        return table;
    return `${table}\n\n<details><summary>${folded.length} more assets</summary>\n\n${[...header, ...folded].join('\n')}\n\n</details>`;
}
/** The asset table as aligned plain text, for the terminal. */
function textTable(rows, columns = ['id', 'status', 'reason', 'out', 'size']) {
    const cells = [
        columns.map(String),
        // A terminal, or a CI log that obeys workflow commands: each cell is one inert line.
        ...rows.map((row) => columns.map((column) => (0,safe_text/* logText */.kc)(String(row[column]))))
    ];
    return alignColumns(cells);
}

;// CONCATENATED MODULE: ./src/cli/io.ts
/** The CLI's streams and how it reports a failure, in text or as JSON. */



/** Text made inert line by line: a spec string can neither start a workflow command nor hide one. */
function safeLines(text) {
    return text.split('\n').map(safe_text/* logText */.kc).join('\n');
}
/** The exit code for an error: 2 for bad arguments, else 1. */
function exitCode(error) {
    return error instanceof errors/* InputError */.dz ? 2 : 1;
}
/**
 * Reports an error that stopped the command: located spec problems, or one line; with `json`, one
 * JSON object on stdout (`{ error: { name, message, problems? }, exitCode }`) so scripts can read it.
 */
function reportError(error, streams, json) {
    const code = exitCode(error);
    if (json) {
        const name = error instanceof Error ? error.name : 'Error';
        const problems = error instanceof errors/* SpecError */.G8 ? error.problems : undefined;
        streams.stdout.write(`${JSON.stringify((0,safe_text/* redactJson */.Kp)({ error: { name, message: (0,errors/* getErrorMessage */.u1)(error), ...(problems ? { problems } : {}) }, exitCode: code }), null, 2)}\n`);
        return code;
    }
    if (error instanceof errors/* SpecError */.G8) {
        for (const problem of error.problems)
            streams.stderr.write(`${safeLines((0,errors/* formatProblem */.Vw)(problem))}\n`);
        const count = error.problems.length;
        streams.stderr.write(`assetgen: ${count} problem${count === 1 ? '' : 's'} in the spec; nothing was generated\n`);
        return code;
    }
    streams.stderr.write(`assetgen: ${safeLines((0,errors/* getErrorMessage */.u1)(error))}\n`);
    if (error instanceof UsageError)
        streams.stderr.write(`Run "assetgen ${error.command ? `${error.command} ` : ''}--help" for the options.\n`);
    return code;
}

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
    return createHash('sha1')
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

// EXTERNAL MODULE: ./src/store/git-plumbing.ts
var git_plumbing = __webpack_require__(1222);
;// CONCATENATED MODULE: ./src/store/local-git-store.ts
/**
 * The CLI's read side of the image store: `origin/<store-branch>` in the local clone (after
 * `git fetch origin assetgen-store`), read through git plumbing. A local build after a teammate's
 * PR preview then pays nothing.
 */



/** The store at `origin/<branch>` of the clone at `root`; a missing branch is an empty store. */
class LocalGitImageStore {
    root;
    branch;
    log;
    constructor(root, branch, log = () => { }) {
        this.root = root;
        this.branch = branch;
        this.log = log;
    }
    /** The remote-tracking ref read, e.g. `refs/remotes/origin/assetgen-store`. */
    get ref() {
        return `refs/remotes/origin/${this.branch}`;
    }
    /** Whether the clone has the store branch at all (for the CLI's hint). */
    async exists() {
        return (await (0,git_plumbing/* resolveCommit */.WL)(this.root, this.ref)) !== undefined;
    }
    async lookup(hashes) {
        const found = new Map();
        try {
            const commit = await (0,git_plumbing/* resolveCommit */.WL)(this.root, this.ref);
            if (commit === undefined)
                return found;
            const keys = [...new Set(hashes.map(layout/* storeKey */.LN))];
            const listed = new Map((await (0,git_plumbing/* listBlobs */.t3)(this.root, commit, keys.map(layout/* entryFolder */.FP))).map((blob) => [blob.path, blob]));
            const records = keys.flatMap((key) => {
                const blob = listed.get(`${(0,layout/* entryFolder */.FP)(key)}/${layout/* RECORD_FILE */.lt}`);
                return blob && blob.size <= layout/* MAX_RECORD_BYTES */.xR ? [{ key, blob }] : [];
            });
            const recordBytes = await (0,git_plumbing/* readBlobs */.b4)(this.root, records.map(({ blob }) => blob.sha));
            const candidates = records.flatMap(({ key, blob }) => {
                const record = (0,layout/* parseRecord */.Hh)(recordBytes.get(blob.sha)?.toString('utf8') ?? '');
                const image = record && listed.get((0,layout/* storePaths */.om)(key, record.file).image);
                return record &&
                    image &&
                    image.size === record.bytes &&
                    image.size <= MAX_BLOB_BYTES
                    ? [{ key, record, image }]
                    : [];
            });
            const images = await (0,git_plumbing/* readBlobs */.b4)(this.root, candidates.map(({ image }) => image.sha));
            for (const { key, record, image } of candidates) {
                const bytes = images.get(image.sha);
                if (!bytes)
                    continue;
                const hit = { hash: key, record, image: new Uint8Array(bytes) };
                if ((0,layout/* isVerified */.p4)(hit))
                    found.set(key, hit);
            }
        }
        catch (error) {
            this.log(`could not read the image store ${this.ref}: ${error instanceof Error ? error.message : String(error)}`);
        }
        return found;
    }
}

// EXTERNAL MODULE: ./src/cli/root.ts
var cli_root = __webpack_require__(9368);
;// CONCATENATED MODULE: ./src/cli/selection.ts
/** Turns CLI arguments into the engine's plan request: spec path, workspace root, selection. */




/** Resolves the spec (relative to the current folder) and its workspace root. */
async function planRequest(args, cwd, onWarning) {
    const specPath = external_node_path_default().resolve(cwd, args.values.spec ?? 'assetgen.yml');
    const root = await (0,cli_root/* workspaceRoot */.X)({
        specPath,
        cwd,
        ...(args.values.root !== undefined ? { override: args.values.root } : {})
    });
    const shard = (0,inputs/* parseShard */.uK)(args.values.shard);
    const gateway = gatewaySettings(args);
    return {
        root,
        specPath,
        only: args.values.only,
        force: args.values.force,
        placeholder: args.values.placeholder,
        ...(shard ? { shard } : {}),
        ...(onWarning ? { onWarning } : {}),
        ...localStore(args, root, onWarning),
        // The gateway's price list is the estimate's last source; it needs a key.
        ...(gateway.apiKey && !args.values.placeholder
            ? {
                imagePrices: async () => (await Promise.all(/* import() */[__webpack_require__.e(784), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 9809))).readImagePrices(gateway)
            }
            : {})
    };
}
/** The image store read from the local clone's `origin/<store-branch>`, unless `--no-store`. */
function localStore(args, root, onWarning) {
    if (args.values['no-store'])
        return {};
    const branch = (0,inputs/* parseStoreBranch */.Dh)(args.values['store-branch'] ?? 'assetgen-store');
    if (branch === undefined)
        return {};
    return {
        store: new LocalGitImageStore(root, branch, (message) => onWarning?.(message))
    };
}
/** The key (env AI_GATEWAY_API_KEY) and base URL (`--gateway-url`, else env AI_GATEWAY_BASE_URL). */
function gatewaySettings(args) {
    const apiKey = (process.env.AI_GATEWAY_API_KEY ?? '').trim();
    const baseURL = args.values['gateway-url'] ?? process.env.AI_GATEWAY_BASE_URL;
    return { apiKey, ...(baseURL ? { baseURL } : {}) };
}

;// CONCATENATED MODULE: ./src/cli/commands/build.ts
/** `assetgen build`: generate what the plan says, write the files and the lockfile. */












const PLACEHOLDER_WARNING = '\n*** WARNING: no AI_GATEWAY_API_KEY set: rendering PLACEHOLDER images, not real ones. ***\n' +
    '*** Set AI_GATEWAY_API_KEY to generate, or pass --placeholder to silence this.      ***\n\n';
/** Runs a build; resolves with the exit code (130/143 when interrupted). */
async function runBuild(args, io) {
    const { values, numbers } = args;
    const selection = await planRequest(args, io.cwd, (message) => io.stderr.write(`assetgen: warning: ${safeLines(message)}\n`));
    const gateway = gatewaySettings(args);
    const { apiKey } = gateway;
    (0,safe_text/* registerSecret */.cl)(apiKey);
    const maxCost = (0,inputs/* parseUsd */._e)('--max-cost', values['max-cost']);
    let placeholder = values.placeholder;
    if (!placeholder && !apiKey) {
        io.stderr.write(PLACEHOLDER_WARNING);
        placeholder = true;
    }
    // Later signals are absorbed, so a second Ctrl-C never cuts a file or lockfile write short.
    const cancellation = watchSignals((name) => io.stderr.write(`\nassetgen: ${name}: starting nothing new; keeping what finished\n`));
    let result;
    try {
        result = await build({
            ...selection,
            placeholder,
            ...(placeholder ? {} : await gatewayCollaborators(gateway)),
            maxCost,
            ...(values['no-tags']
                ? {}
                : {
                    tags: process.env.GITHUB_REPOSITORY
                        ? { repository: process.env.GITHUB_REPOSITORY }
                        : {}
                }),
            concurrency: numbers.concurrency,
            maxRetries: numbers['max-retries'],
            timeoutMs: numbers.timeout * 1000,
            maxImages: numbers['max-images'],
            strict: values.strict,
            version: VERSION,
            signal: cancellation.signal,
            onProgress: values.json
                ? undefined
                : (event) => io.stdout.write(`${safeLines(formatProgress(event))}\n`)
        });
    }
    finally {
        cancellation.dispose();
    }
    for (const warning of result.warnings)
        io.stderr.write(`warning: ${safeLines(warning)}\n`);
    const manifest = buildManifest(result);
    if (values.manifest)
        await writeManifest(external_node_path_default().resolve(io.cwd, values.manifest), manifest);
    if (values.json) {
        io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    }
    else {
        const failed = rowsFromOutcomes(result.outcomes).filter((row) => !row.ok);
        if (failed.length > 0)
            io.stdout.write(`\nFailed:\n${safeLines(textTable(failed, ['id', 'status', 'note']))}\n`);
        io.stdout.write(`\n${result.generated} generated, ${result.reprocessed} reprocessed, ${result.restored ? `${result.restored} from the store, ` : ''}${result.skipped} skipped, ${result.failed} failed` +
            `${result.cost ? `, ${formatCost(result.cost)}` : ''}${result.estimate.total > 0 || result.estimate.unknown.length > 0 ? ` (estimated ${formatEstimateTotal(result.estimate.total, result.estimate.unknown.length)})` : ''}${placeholder ? ' (placeholders)' : ''}\n`);
        io.stdout.write(`${safeLines(whereWritten(result, io.cwd))}\n`);
    }
    const signalName = cancellation.received;
    if (signalName)
        return signalName === 'SIGINT' ? 130 : 143;
    if (result.budgetStop) {
        io.stderr.write(`assetgen: ${safeLines(result.budgetStop)}; raise --max-cost or --max-images, or narrow the run with --only or --shard\n`);
        return 1;
    }
    return result.failed > 0 ? 1 : 0;
}
/** The gateway's image model and credit balance, loaded only for a real build. */
async function gatewayCollaborators(gateway) {
    const { gatewayModelFactory, readCreditBalance } = await Promise.all(/* import() */[__webpack_require__.e(784), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 9809));
    return {
        imageModel: gatewayModelFactory(gateway),
        creditBalance: () => readCreditBalance(gateway)
    };
}
/** `Wrote 3 files in assets/; lockfile assetgen.lock.json`: paths relative to the current folder. */
function whereWritten(result, cwd) {
    const shown = (workspacePath) => {
        const relative = external_node_path_default().relative(cwd, external_node_path_default().join(result.spec.root, workspacePath));
        return (relative.startsWith('..')
            ? external_node_path_default().join(result.spec.root, workspacePath)
            : relative || '.')
            .split((external_node_path_default()).sep)
            .join('/');
    };
    const lockfile = shown(result.lockfilePath);
    const files = result.changedFiles.filter((file) => file !== result.lockfilePath);
    if (files.length === 0)
        return `No files changed; lockfile ${lockfile}`;
    const folders = [
        ...new Set(files.map((file) => `${shown(external_node_path_default().posix.dirname(file))}/`))
    ];
    const listed = folders.length > 3
        ? `${folders.slice(0, 3).join(', ')} and ${folders.length - 3} more folders`
        : folders.join(', ');
    return `Wrote ${files.length} file${files.length === 1 ? '' : 's'} in ${listed}; lockfile ${lockfile}`;
}

;// CONCATENATED MODULE: ./src/cli/commands/models.ts
/** `assetgen models`: the model table, generically, so new columns appear without code here. */


/** One model's row: its id and every field of its table entry. */
function modelRows() {
    return models/* KNOWN_MODELS */.f.map((id) => ({ id, ...(0,models/* modelLimits */.kO)(id) }));
}
function cell(value) {
    if (typeof value === 'number')
        return value.toLocaleString('en-US');
    if (typeof value === 'string')
        return value;
    if (typeof value === 'boolean')
        return value ? 'yes' : 'no';
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'function')
        return '';
    return JSON.stringify(value);
}
/** The rows as an aligned text table, one column per field. */
function modelTable(rows) {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const lines = [
        columns,
        ...rows.map((row) => columns.map((column) => cell(row[column])))
    ];
    return alignColumns(lines);
}
/** Prints the known models and their limits. */
function runModels(args, io) {
    const rows = modelRows();
    if (args.values.json) {
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return 0;
    }
    io.stdout.write(`${modelTable(rows)}\n\nOther AI Gateway image model ids work too: assetgen warns and uses conservative limits.\n`);
    return 0;
}

;// CONCATENATED MODULE: ./src/cli/commands/plan.ts
/** `assetgen plan` and `assetgen check`: the plan, with no network. */








/** Prints the plan; `check` exits 1 when anything would be generated or reprocessed. */
async function runPlan(args, io) {
    const planned = await plan(await planRequest(args, io.cwd, (message) => io.stderr.write(`assetgen: warning: ${safeLines(message)}\n`)));
    for (const warning of planned.warnings)
        io.stderr.write(`warning: ${(0,safe_text/* logText */.kc)(warning)}\n`);
    const estimated = formatEstimateTotal(planned.estimate.total, planned.estimate.unknown.length);
    const counts = countActions(planned.plan);
    const work = counts.generate + counts.reprocess;
    if (args.values.json) {
        const assets = plannedAssets(planned.plan, planned.estimate).map((asset, index) => {
            const item = planned.plan.items[index];
            return { ...asset, planStatus: item?.status, action: item?.action };
        });
        io.stdout.write(`${JSON.stringify({
            spec: planned.spec.specName,
            root: planned.spec.root,
            toGenerate: counts.generate,
            toReprocess: counts.reprocess,
            toKeep: counts.keep,
            estimatedCost: planned.estimate.total,
            unpricedAssets: planned.estimate.unknown.length,
            assets,
            orphans: planned.plan.orphans
        }, null, 2)}\n`);
    }
    else {
        io.stdout.write(`${safeLines(textTable(rowsFromPlan(planned.plan, planned.estimate), ['id', 'status', 'reason', 'out', 'size', 'estimate']))}\n\n`);
        for (const orphan of planned.plan.orphans)
            io.stdout.write(`${(0,safe_text/* logText */.kc)(`orphan: ${orphan.id} (${orphan.out}) is no longer in the spec; its file is left alone`)}\n`);
        io.stdout.write(`${countsSentence(counts)}; estimated ${estimated}.\n`);
        if (planned.estimate.unknownModels.length > 0)
            io.stdout.write(`${(0,safe_text/* logText */.kc)(`? = no price known for ${planned.estimate.unknownModels.join(', ')}: add it under pricing: in the spec.`)}\n`);
    }
    return args.command === 'check' && work > 0 ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The CLI face: arguments → engine → report. Parsing and help live in `cli/args.ts`, each command
 * in `cli/commands/`; this module only dispatches and is the CLI's one error boundary.
 */







/** Runs the CLI; resolves with the exit code. Argument errors come before anything else runs. */
async function main(argv, io = {}) {
    // Wrapped once, so nothing printed (a gateway error, a manifest) can carry the key.
    (0,safe_text/* registerSecret */.cl)(process.env.AI_GATEWAY_API_KEY);
    const streams = {
        stdout: (0,safe_text/* redactingSink */.Pi)(io.stdout ?? process.stdout),
        stderr: (0,safe_text/* redactingSink */.Pi)(io.stderr ?? process.stderr),
        cwd: io.cwd ?? process.cwd()
    };
    let args;
    try {
        args = parseCommandLine(argv);
    }
    catch (error) {
        return reportError(error, streams, argv.includes('--json'));
    }
    if (args.values.help) {
        const named = argv.some((argument) => argument === args.command);
        streams.stdout.write(`${usage(named ? args.command : undefined)}\n`);
        return 0;
    }
    if (args.values.version)
        return (streams.stdout.write(`${VERSION}\n`), 0);
    try {
        if (args.command === 'models')
            return runModels(args, streams);
        if (args.command === 'store') {
            const { runStorePrune } = await __webpack_require__.e(/* import() */ 20).then(__webpack_require__.bind(__webpack_require__, 7020));
            return await runStorePrune(args, streams);
        }
        if (args.command === 'build')
            return await runBuild(args, streams);
        return await runPlan(args, streams);
    }
    catch (error) {
        return reportError(error, streams, args.values.json);
    }
}


/***/ }),

/***/ 9368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ workspaceRoot)
/* harmony export */ });
/* unused harmony export gitTopLevel */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Where the CLI's workspace root is. The same spec must plan the same from any folder, so the
 * root follows the spec, not the current directory: the git top level of the spec's folder, else
 * the spec's folder itself; `--root` overrides both. (The action keeps GITHUB_WORKSPACE.)
 */



/** How long `git rev-parse` may take before the spec's folder is used instead. */
const GIT_TIMEOUT_MS = 5000;
/** Asks git for the top level of the work tree containing `folder`; undefined when there is none. */
function gitTopLevel(folder) {
    return new Promise((resolve) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['rev-parse', '--show-toplevel'], {
            cwd: folder,
            timeout: GIT_TIMEOUT_MS,
            maxBuffer: 64 * 1024,
            windowsHide: true
        }, (error, stdout) => {
            const top = String(stdout).trim();
            resolve(error || !top ? undefined : node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(top));
        });
    });
}
/**
 * Resolves the workspace root for a spec at `specPath` (absolute): `override` (relative to `cwd`)
 * when given, else git's top level when it contains the spec, else the spec's folder.
 */
async function workspaceRoot(options) {
    if (options.override !== undefined)
        return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(options.cwd, options.override);
    const folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(options.specPath);
    const top = await (options.topLevel ?? gitTopLevel)(folder);
    if (top !== undefined) {
        // git prints the real path; the spec path may go through a symlink (e.g. /tmp on macOS).
        const realFolder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(folder).catch(() => folder);
        const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(top, realFolder);
        if (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative)) {
            return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(folder, node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(realFolder, top));
        }
    }
    return folder;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ ImageError),
/* harmony export */   G8: () => (/* binding */ SpecError),
/* harmony export */   M$: () => (/* binding */ FileWriteError),
/* harmony export */   VP: () => (/* binding */ GenerationError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   Zq: () => (/* binding */ BudgetExceededError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   g: () => (/* binding */ LockfileError),
/* harmony export */   u1: () => (/* binding */ getErrorMessage),
/* harmony export */   v3: () => (/* binding */ AuthenticationError)
/* harmony export */ });
/* unused harmony export PublishError */
/**
 * Typed errors. Each has a fixed `name` so callers (and the one error boundary in `run()`) can tell
 * them apart with `instanceof` or by name across bundle copies, and carries the underlying `cause`.
 */
/** Formats a problem as `file:line:column: path: message`. */
function formatProblem(problem) {
    const where = problem.line === undefined
        ? problem.file
        : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
    return problem.path
        ? `${where}: ${problem.path}: ${problem.message}`
        : `${where}: ${problem.message}`;
}
/** The spec is invalid; `problems` lists every problem found in one pass. */
class SpecError extends Error {
    name = 'SpecError';
    problems;
    constructor(problems, options) {
        const count = problems.length;
        super(`${count} problem${count === 1 ? '' : 's'} in the spec:\n` +
            problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'), options);
        this.problems = problems;
    }
}
/** An action input or CLI argument has a bad value. */
class InputError extends Error {
    name = 'InputError';
}
/** The lockfile cannot be read or parsed. */
class LockfileError extends Error {
    name = 'LockfileError';
}
/** Generating one asset failed; `assetId` says which, `attempts` how often it was tried. */
class GenerationError extends Error {
    name = 'GenerationError';
    assetId;
    attempts;
    /** The gateway's generation ids of the failed attempts, so a charge can be traced. */
    generationIds;
    constructor(assetId, message, options) {
        super(message, { cause: options.cause });
        this.assetId = assetId;
        this.attempts = options.attempts;
        this.generationIds = options.generationIds ?? [];
    }
}
/** Processing or verifying an image (decode, convert, colour check) failed. */
class ImageError extends Error {
    name = 'ImageError';
}
/** Publishing (commit, artifact upload, PR comment) failed; generated files stay in the workspace. */
class PublishError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'PublishError';
}
/** A budget (`max-cost`, `max-images`) refused a paid request or the whole plan. */
class BudgetExceededError extends Error {
    name = 'BudgetExceededError';
    limit;
    constructor(limit, message) {
        super(message);
        this.limit = limit;
    }
}
/** Returns a readable message for anything thrown. */
function getErrorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** The AI Gateway refused the key (401) or the request (403): the whole run stops at once. */
class AuthenticationError extends Error {
    name = 'AuthenticationError';
    /** 401 or 403. */
    status;
    constructor(message, options) {
        super(message, { cause: options.cause });
        this.status = options.status;
    }
}
/** A file could not be written (disk full, permissions, a refused path); `path` says which. */
class FileWriteError extends Error {
    name = 'FileWriteError';
    path;
    constructor(path, message, options) {
        super(message, options);
        this.path = path;
    }
}


/***/ }),

/***/ 1056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* unused harmony export fileWriteError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _spec_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2539);





/**
 * Writes a file atomically: to a temp file in the same folder, then renamed over the target.
 * A failed or interrupted write therefore never damages the previous good file. With `root`, the
 * target folder's real path is checked to be inside it (and outside `.git`) before and after the
 * folder is created. Every failure is a FileWriteError naming the file.
 */
async function writeFileAtomic(path, data, options = {}) {
    const directory = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    let created = false;
    try {
        if (options.root !== undefined)
            await confine(options.root, path);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(directory, { recursive: true });
        if (options.root !== undefined)
            await confine(options.root, path);
        // `wx`: never follow or reuse something already at the temp name.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temporary, data, { flag: 'wx' });
        created = true;
        // rename replaces a symlink at the target instead of writing through it.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
    }
    catch (error) {
        if (created)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true });
        throw fileWriteError(path, error);
    }
}
/** Throws when `path`'s folder is, or leads through a symlink, outside `root` or into `.git`. */
async function confine(root, path) {
    const shown = (0,_spec_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .toPosix */ .d7)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, path));
    const refused = shown.startsWith('../') || shown === '..'
        ? 'is outside the workspace'
        : (0,_spec_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .refusePathText */ .bn)(shown);
    const message = refused === undefined
        ? await (0,_spec_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRealPath */ ._u)({ root, realRoot: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root), specDir: root }, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path))
        : `${shown} ${refused}`;
    if (message !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileWriteError */ .M$(path, `refused to write: ${message}`);
}
/** Wraps a write failure so the message names the file, and says plainly when the disk is full. */
function fileWriteError(path, error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileWriteError */ .M$)
        return error;
    const code = error?.code;
    const reason = code === 'ENOSPC'
        ? 'no space left on the device (ENOSPC): free some disk space and rerun'
        : (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .getErrorMessage */ .u1)(error);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileWriteError */ .M$(path, `could not write ${path}: ${reason}`, {
        cause: error
    });
}


/***/ }),

/***/ 499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ PaidLedger),
/* harmony export */   XZ: () => (/* binding */ initialOutcome),
/* harmony export */   l1: () => (/* binding */ failureStatus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** What an asset's paid images cost, as the gateway reported it, across colour retries. */
class PaidLedger {
    cost = 0;
    costUnknown = false;
    images = 0;
    generationIds = [];
    /** Adds one paid image; an undefined cost was reported but not believable. */
    add(paid) {
        this.cost += paid.cost ?? 0;
        this.costUnknown ||= paid.cost === undefined;
        this.images += 1;
        this.generationIds.push(...paid.generationIds);
    }
    /**
     * The lock entry's `cost` and `images`: the cost only when every paid image reported a believable
     * one, since estimates learn from it.
     */
    lockFields() {
        return {
            ...(this.cost > 0 && !this.costUnknown
                ? { cost: this.cost.toFixed(4) }
                : {}),
            ...(this.images > 1 ? { images: this.images } : {})
        };
    }
    /** The outcome fields that trace what was paid, plus the failed attempts' ids of `error`. */
    fields(error) {
        const ids = [
            ...this.generationIds,
            ...(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GenerationError */ .VP ? error.generationIds : [])
        ];
        return {
            cost: this.cost,
            ...(this.costUnknown ? { costUnknown: true } : {}),
            ...(ids.length > 0 ? { generationIds: ids } : {})
        };
    }
}
/**
 * The status of an asset that ended with `error`: skipped when a budget stopped it, cancelled when
 * the run was (a per-image timeout is a failure), else failed.
 */
function failureStatus(error, signal) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BudgetExceededError */ .Zq)
        return { status: 'skipped', stoppedBy: error.limit };
    const timedOut = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GenerationError */ .VP && /timed out/.test(error.message);
    return { status: signal.aborted && !timedOut ? 'cancelled' : 'failed' };
}
/** An outcome for a plan item with nothing done yet: the base every status starts from. */
function initialOutcome(item, placeholder) {
    return {
        id: item.asset.id,
        status: 'skipped',
        planStatus: item.status,
        reason: item.reason,
        out: item.asset.out,
        cost: 0,
        durationMs: 0,
        attempts: 0,
        warnings: [],
        variants: [],
        placeholder,
        files: []
    };
}


/***/ }),

/***/ 6684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ checkColors),
/* harmony export */   x: () => (/* binding */ formatColorCheck)
/* harmony export */ });
/* harmony import */ var culori__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7453);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _sharp_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4378);



/** Long side the image is sampled down to: 16k pixels is plenty for colour statistics. */
const SAMPLE_SIDE = 128;
/** Smaller clusters are edges, noise or details, not a colour the image "uses". */
const MIN_COVERAGE = 0.01;
/** With at most 64 clusters the largest one covers at least 1/64 > 1%, so one always qualifies. */
const MAX_CLUSTERS = 64;
const MAX_ITERATIONS = 30;
const toLab = (0,culori__WEBPACK_IMPORTED_MODULE_0__/* .converter */ .HsW)('lab65');
const deltaE2000 = (0,culori__WEBPACK_IMPORTED_MODULE_0__/* .differenceCiede2000 */ .IJF)();
/** RGB bytes of the image sampled down to at most SAMPLE_SIDE on the long side. */
async function samplePixels(image) {
    try {
        // Nearest-neighbour sampling keeps only colours that are really in the image: averaging
        // kernels invent blends along every edge (orange/cream edges average to a peach that sits
        // closer to amber than the orange does).
        return await (0,_sharp_js__WEBPACK_IMPORTED_MODULE_2__/* .sharp */ .B)(image)
            .autoOrient()
            .flatten({ background: '#ffffff' })
            .resize({
            width: SAMPLE_SIDE,
            height: SAMPLE_SIDE,
            fit: 'inside',
            withoutEnlargement: true,
            kernel: 'nearest'
        })
            // Three channels even for greyscale input.
            .toColourspace('srgb')
            .raw()
            .toBuffer();
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ImageError */ .C8(`Could not decode the image for the colour check: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .getErrorMessage */ .u1)(error)}`, { cause: error });
    }
}
/** The sample's distinct colours in Lab, weighted by pixel count. */
async function samplePoints(image) {
    const data = await samplePixels(image);
    // Flat artwork has few distinct colours: cluster those, weighted, instead of every pixel.
    const counts = new Map();
    for (let i = 0; i + 2 < data.length; i += 3) {
        const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const points = {
        lab: new Float64Array(counts.size * 3),
        weight: new Float64Array(counts.size),
        count: counts.size
    };
    let index = 0;
    for (const [key, count] of counts) {
        const { l, a, b } = toLab({
            mode: 'rgb',
            r: (key >> 16) / 255,
            g: ((key >> 8) & 0xff) / 255,
            b: (key & 0xff) / 255
        });
        points.lab.set([l, a, b], index * 3);
        points.weight[index++] = count;
    }
    return points;
}
/** mulberry32: a tiny seeded PRNG, so the clustering (and the report) is the same every run. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function squaredDistance(from, i, to, j) {
    const dl = from[i * 3] - to[j * 3];
    const da = from[i * 3 + 1] - to[j * 3 + 1];
    const db = from[i * 3 + 2] - to[j * 3 + 2];
    return dl * dl + da * da + db * db;
}
/**
 * k-means++ seeding: the most common colour first, then colours drawn with probability
 * proportional to pixels x squared distance, so distinct colours get their own centre early.
 * Stops early when every colour already is a centre.
 */
function seedCentres(points, k) {
    const random = seededRandom(0x5eed);
    let first = 0;
    for (let i = 1; i < points.count; i++) {
        if (points.weight[i] > points.weight[first])
            first = i;
    }
    const centres = [first];
    const nearest = new Float64Array(points.count).fill(Infinity);
    let latest = first;
    while (centres.length < k) {
        let total = 0;
        for (let i = 0; i < points.count; i++) {
            const d = squaredDistance(points.lab, i, points.lab, latest);
            if (d < nearest[i])
                nearest[i] = d;
            total += nearest[i] * points.weight[i];
        }
        if (total === 0)
            break;
        let target = random() * total;
        // Floating-point leftovers can outlast the loop: then the last colour is the pick.
        latest = points.count - 1;
        for (let i = 0; i < points.count; i++) {
            target -= nearest[i] * points.weight[i];
            if (target < 0) {
                latest = i;
                break;
            }
        }
        centres.push(latest);
    }
    const lab = new Float64Array(centres.length * 3);
    centres.forEach((point, c) => {
        lab.set(points.lab.subarray(point * 3, point * 3 + 3), c * 3);
    });
    return lab;
}
/** Weighted Lloyd iterations from k-means++ seeds; returns each cluster's mean Lab and weight. */
function kMeans(points, k) {
    const centres = seedCentres(points, k);
    const clusters = centres.length / 3;
    const assignment = new Int32Array(points.count).fill(-1);
    const sums = new Float64Array(clusters * 4);
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        let changed = false;
        sums.fill(0);
        for (let i = 0; i < points.count; i++) {
            let best = 0;
            let bestDistance = Infinity;
            for (let c = 0; c < clusters; c++) {
                const d = squaredDistance(points.lab, i, centres, c);
                if (d < bestDistance)
                    [best, bestDistance] = [c, d];
            }
            if (assignment[i] !== best)
                [assignment[i], changed] = [best, true];
            const w = points.weight[i];
            for (let axis = 0; axis < 3; axis++) {
                sums[best * 4 + axis] += points.lab[i * 3 + axis] * w;
            }
            sums[best * 4 + 3] += w;
        }
        for (let c = 0; c < clusters; c++) {
            const w = sums[c * 4 + 3];
            // An emptied cluster keeps its old centre; it is dropped from the result below.
            if (w === 0)
                continue;
            for (let axis = 0; axis < 3; axis++) {
                centres[c * 3 + axis] = sums[c * 4 + axis] / w;
            }
        }
        if (!changed)
            break;
    }
    const result = [];
    for (let c = 0; c < clusters; c++) {
        const weight = sums[c * 4 + 3];
        if (weight === 0)
            continue;
        result.push({
            lab: {
                mode: 'lab65',
                l: centres[c * 3],
                a: centres[c * 3 + 1],
                b: centres[c * 3 + 2]
            },
            weight
        });
    }
    return result;
}
/**
 * Checks an image against a palette. Samples the image down to at most 128 px on the long side
 * (transparency flattened on white), clusters its colours in CIELAB with k-means (k = palette size
 * + 3, at least 8; deterministic seeding, bounded iterations) into dominant colours with their
 * coverage, then gives each palette colour the CIEDE2000 distance to the nearest dominant colour
 * covering at least 1% of the image. Passes when the worst distance is within `tolerance`; an
 * empty palette always passes. Throws ImageError when the image cannot be decoded.
 */
async function checkColors(image, palette, tolerance) {
    const points = await samplePoints(image);
    const k = Math.min(Math.max(palette.length + 3, 8), MAX_CLUSTERS);
    const clusters = kMeans(points, k);
    const total = clusters.reduce((sum, cluster) => sum + cluster.weight, 0);
    const measured = clusters
        .map((cluster) => ({
        lab: cluster.lab,
        hex: (0,culori__WEBPACK_IMPORTED_MODULE_0__/* .formatHex */ .NNP)(cluster.lab).toUpperCase(),
        coverage: cluster.weight / total
    }))
        .sort((a, b) => b.coverage - a.coverage);
    const candidates = measured.filter((c) => c.coverage >= MIN_COVERAGE);
    const colors = palette.map((color) => {
        let best = { deltaE: Infinity, coverage: 0, nearest: '' };
        for (const candidate of candidates) {
            const deltaE = deltaE2000(color.hex, candidate.lab);
            if (deltaE < best.deltaE) {
                best = { deltaE, coverage: candidate.coverage, nearest: candidate.hex };
            }
        }
        return color.name === undefined
            ? { hex: color.hex, ...best }
            : { hex: color.hex, name: color.name, ...best };
    });
    const worstDeltaE = Math.max(0, ...colors.map((color) => color.deltaE));
    return {
        passed: worstDeltaE <= tolerance,
        tolerance,
        worstDeltaE,
        colors,
        dominant: measured.map(({ hex, coverage }) => ({ hex, coverage }))
    };
}
/**
 * A compact one-line table cell: `ΔE 1.2 ✓` when the check passed, else the worst distance and
 * the palette colour it belongs to, `ΔE 23.4 ✗ #FFB000`; `—` for an empty palette.
 */
function formatColorCheck(result) {
    if (result.colors.length === 0)
        return '—';
    const worst = `ΔE ${result.worstDeltaE.toFixed(1)}`;
    if (result.passed)
        return `${worst} ✓`;
    const culprit = result.colors.reduce((a, b) => (b.deltaE > a.deltaE ? b : a));
    return `${worst} ✗ ${culprit.hex}`;
}


/***/ }),

/***/ 4378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* reexport safe */ sharp__WEBPACK_IMPORTED_MODULE_1__.A),
/* harmony export */   G: () => (/* binding */ MAX_INPUT_PIXELS)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var sharp__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5849);
/**
 * The one place that imports sharp, so its process-wide settings are applied once before any image
 * is touched.
 */


// libvips' operation cache pays off when the same input is processed repeatedly (servers); assetgen
// touches each image a handful of times, so the cache would only hold memory.
sharp__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A.cache(false);
// On glibc without jemalloc sharp defaults to one libvips thread per image, to limit memory
// fragmentation in long-lived servers. assetgen is a short-lived CLI, and the AVIF encoder uses the
// extra threads: on the 2-core machine a 2048px AVIF variant took 0.62 s with 1 thread and 0.43 s
// with 2 (PNG, JPEG and WebP encodes, single-threaded in their codecs, were unchanged).
sharp__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A.concurrency((0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)());

/**
 * The most pixels any decoded image may claim in its header (64 Mpx, 16 times the largest model
 * output). sharp checks it before decoding, so a small file announcing a gigapixel canvas is
 * refused instead of allocating gigabytes.
 */
const MAX_INPUT_PIXELS = 67_108_864;


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ parseStoreBranch),
/* harmony export */   _e: () => (/* binding */ parseUsd),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony exports InputName, getOptionalInput, getStringAsArray, getInputs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6811);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _safe_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1452);



/** Input names as declared in action.yml. */
const InputName = {
    Spec: 'spec',
    Mode: 'mode',
    ApiKey: 'api-key',
    GatewayUrl: 'gateway-url',
    GithubToken: 'github-token',
    Concurrency: 'concurrency',
    MaxRetries: 'max-retries',
    Timeout: 'timeout',
    Force: 'force',
    Only: 'only',
    DryRun: 'dry-run',
    FailOnError: 'fail-on-error',
    CommitMessage: 'commit-message',
    Branch: 'branch',
    ArtifactName: 'artifact-name',
    RetentionDays: 'retention-days',
    Comment: 'comment',
    MaxImages: 'max-images',
    MaxCost: 'max-cost',
    TagRequests: 'tag-requests',
    Placeholder: 'placeholder',
    Shard: 'shard',
    MaxWait: 'max-wait',
    Strict: 'strict',
    StoreBranch: 'store-branch'
};
/** An input's value, or undefined when empty. */
function getOptionalInput(name) {
    const value = core.getInput(name);
    return value === '' ? undefined : value;
}
/** Splits a list input on newlines and commas, trimming and dropping empties. */
function getStringAsArray(value) {
    return value
        .split(/[\n,]+/)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
function booleanInput(name, fallback) {
    const value = core.getInput(name).trim().toLowerCase();
    if (value === '')
        return fallback;
    if (['true', 'yes', '1', 'on'].includes(value))
        return true;
    if (['false', 'no', '0', 'off'].includes(value))
        return false;
    throw new InputError(`input ${name} must be true or false, got "${value}"`);
}
function integerInput(name, fallback, min, max) {
    const raw = core.getInput(name).trim();
    if (raw === '')
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new InputError(`input ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
}
/** Parses a USD amount such as `1.20` (0 = no budget). */
function parseUsd(name, raw) {
    const text = (raw ?? '').trim().replace(/^\$/, '');
    if (text === '')
        return 0;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || value > 1_000_000) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} must be an amount in USD from 0 to 1000000 (e.g. 1.50), got "${raw}"`);
    }
    return value;
}
/** Parses `i/n` (1-based), e.g. `2/4`. */
function parseShard(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`shard must be i/n with 1 <= i <= n (e.g. 2/4), got "${value}"`);
    }
    return { index, count };
}
/** Parses the `store-branch` input: '' turns the store off; otherwise a plain branch name. */
function parseStoreBranch(value) {
    const branch = value.trim().replace(/^refs\/heads\//, '');
    if (branch === '')
        return undefined;
    if (!/^[A-Za-z0-9._/-]+$/.test(branch) ||
        /^[-/.]|\/\/|\.\.|[/.]$|\.lock$/.test(branch)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`input store-branch must be a branch name (e.g. assetgen-store) or empty to turn the store off, got "${value}"`);
    }
    return branch;
}
/** Reads every input the way the runner passes them (env INPUT_*), with defaults, and validates. */
function getInputs() {
    const mode = (core.getInput(InputName.Mode).trim() || 'auto');
    if (!['auto', 'commit', 'artifact', 'store', 'none'].includes(mode)) {
        throw new InputError(`input mode must be auto, commit, artifact, store or none, got "${mode}"`);
    }
    const storeBranch = parseStoreBranch(core.getInput(InputName.StoreBranch));
    if (mode === 'store' && storeBranch === undefined) {
        throw new InputError('input mode is store but store-branch is empty: set store-branch (default assetgen-store)');
    }
    const apiKey = core.getInput(InputName.ApiKey).trim() ||
        (process.env.AI_GATEWAY_API_KEY ?? '').trim();
    // Mask before anything could print it, whichever way it arrived.
    if (apiKey)
        core.setSecret(apiKey);
    // setSecret masks the runner's log only; every other sink redacts what is registered here.
    registerSecret(apiKey);
    const gatewayUrl = getOptionalInput(InputName.GatewayUrl)?.trim();
    if (gatewayUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(gatewayUrl)) {
        throw new InputError(`input gateway-url must be an http(s) URL, got "${gatewayUrl}"`);
    }
    const githubToken = core.getInput(InputName.GithubToken).trim();
    if (githubToken)
        core.setSecret(githubToken);
    registerSecret(githubToken);
    const branch = getOptionalInput(InputName.Branch)?.trim();
    const retentionDays = core.getInput(InputName.RetentionDays).trim();
    const shard = parseShard(getOptionalInput(InputName.Shard));
    return {
        spec: core.getInput(InputName.Spec).trim() || 'assetgen.yml',
        mode,
        apiKey,
        ...(gatewayUrl ? { gatewayUrl } : {}),
        githubToken,
        concurrency: integerInput(InputName.Concurrency, 4, 1, 64),
        maxRetries: integerInput(InputName.MaxRetries, 2, 0, 10),
        timeoutSeconds: integerInput(InputName.Timeout, 300, 1, 3600),
        force: booleanInput(InputName.Force, false),
        only: getStringAsArray(core.getInput(InputName.Only)),
        dryRun: booleanInput(InputName.DryRun, false),
        failOnError: booleanInput(InputName.FailOnError, true),
        commitMessage: core.getInput(InputName.CommitMessage).trim() ||
            'chore(assets): regenerate images with assetgen',
        ...(branch ? { branch: branch.replace(/^refs\/heads\//, '') } : {}),
        artifactName: core.getInput(InputName.ArtifactName).trim() || 'assetgen',
        ...(retentionDays
            ? { retentionDays: integerInput(InputName.RetentionDays, 0, 1, 90) }
            : {}),
        comment: booleanInput(InputName.Comment, true),
        maxImages: integerInput(InputName.MaxImages, 0, 0, 100_000),
        maxCost: parseUsd(`input ${InputName.MaxCost}`, core.getInput(InputName.MaxCost)),
        tagRequests: booleanInput(InputName.TagRequests, true),
        placeholder: booleanInput(InputName.Placeholder, false),
        ...(shard ? { shard } : {}),
        maxWait: integerInput(InputName.MaxWait, 60, 0, 3600),
        strict: booleanInput(InputName.Strict, false),
        ...(storeBranch ? { storeBranch } : {})
    };
}


/***/ }),

/***/ 2239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ deriveSeed),
/* harmony export */   Bb: () => (/* binding */ inputHash),
/* harmony export */   WV: () => (/* binding */ changedInputs),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   m6: () => (/* binding */ inputDigests),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* unused harmony exports RECIPE_VERSION, needsFit */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Bumped whenever the way a request is composed changes (prompt clause wording, provider options
 * assetgen adds, seed derivation, ...): every asset then counts as changed, because the same spec
 * would now produce a different request.
 */
const RECIPE_VERSION = 1;
/** Serialises a JSON value with sorted keys, so key order in the YAML never changes a hash. */
function canonicalJson(value) {
    if (value === undefined)
        return 'null';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}
/** sha256 of a string or bytes, hex. */
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
const digest = (value) => sha256(canonicalJson(value)).slice(0, 16);
/** Digests every input of an asset. */
function inputDigests(asset) {
    return {
        model: digest(asset.model),
        prompt: digest(asset.prompt),
        palette: digest(asset.palette.map((color) => ({
            hex: color.hex,
            name: color.name ?? null
        }))),
        size: digest({
            size: asset.size ?? null,
            aspectRatio: asset.aspectRatio ?? null
        }),
        seed: digest(asset.seed ?? null),
        format: digest(asset.format),
        providerOptions: digest(asset.providerOptions),
        references: digest(asset.references.map((reference) => reference.sha256)),
        swatch: digest(asset.swatch),
        recipe: digest(RECIPE_VERSION),
        // The crop matters only when the generation size's shape differs from the output's.
        ...(needsFit(asset) ? { crop: digest(asset.crop) } : {}),
        ...(asset.snapColors
            ? { snapColors: digest(asset.snapColors.tolerance) }
            : {})
    };
}
/** True when the generated image is cover-fitted to a different output size. */
function needsFit(asset) {
    return (asset.generation !== undefined &&
        (asset.generation.width !== asset.width ||
            asset.generation.height !== asset.height));
}
/** The asset's input hash: sha256 over its canonical input digests. */
function inputHash(digests) {
    return `sha256:${sha256(canonicalJson(digests))}`;
}
/** Names of the inputs whose digests differ between two runs, in a fixed order. */
function changedInputs(previous, current) {
    // Optional inputs count when either side has them (set, or just removed).
    const names = new Set([
        ...Object.keys(current),
        ...Object.keys(previous ?? {}).filter((name) => OPTIONAL.has(name))
    ]);
    return [...names].filter((name) => previous?.[name] !== current[name]);
}
const OPTIONAL = new Set(['crop', 'snapColors']);
/**
 * A stable seed for an asset without one in the spec: the same id always gets the same seed, so a
 * rerun with a changed prompt keeps its composition. `attempt` > 0 gives the fresh seeds a colour
 * retry asks for.
 */
function deriveSeed(assetId, attempt = 0) {
    const bytes = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`assetgen-seed:${assetId}:${attempt}`)
        .digest();
    return bytes.readUInt32BE(0);
}


/***/ }),

/***/ 9287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kr: () => (/* binding */ generationSize),
/* harmony export */   lP: () => (/* binding */ sizeText),
/* harmony export */   pp: () => (/* binding */ checkOutputSize)
/* harmony export */ });
/* unused harmony export MIN_OUTPUT_SIDE */
/** Smallest output side: below this, no icon format or encoder is served well. */
const MIN_OUTPUT_SIDE = 16;
/** Beyond this relative aspect-ratio difference the cover-fit would crop away too much. */
const MAX_ASPECT_ERROR = 0.1;
/**
 * The size to request for an output of `width` x `height`: the output size
 * itself when the model accepts it, else the accepted size with the closest
 * aspect ratio that covers the output on both sides (so the fit only shrinks)
 * with the fewest pixels. When no covering size fits the pixel limit, the
 * largest accepted size of that shape (the fit then enlarges slightly).
 * Undefined when no accepted size comes within 10% of the shape: the crop
 * would lose too much of the image.
 */
function generationSize(width, height, limits) {
    const multiple = limits.sizeMultiple;
    const smallest = Math.ceil(limits.minSide / multiple) * multiple;
    const accepted = (size) => size.width % multiple === 0 &&
        size.height % multiple === 0 &&
        Math.min(size.width, size.height) >= limits.minSide &&
        size.width * size.height <= limits.maxPixels;
    if (accepted({ width, height }))
        return { width, height };
    const ratio = width / height;
    const up = (side) => Math.max(Math.ceil(side / multiple) * multiple, smallest);
    const near = (side) => Math.max(Math.round(side / multiple) * multiple, smallest);
    // Anchor the short side (or the long one) at its smallest covering size and
    // give the other side the multiple nearest the ratio, never below the output.
    const covering = [
        {
            width: Math.max(near(up(height) * ratio), up(width)),
            height: up(height)
        },
        { width: up(width), height: Math.max(near(up(width) / ratio), up(height)) }
    ].filter(accepted);
    const best = closest(covering, ratio);
    if (best && aspectError(best, ratio) <= MAX_ASPECT_ERROR)
        return best;
    // The limit does not allow the output's resolution: the largest size of
    // this shape that fits, each side rounded down.
    const scale = Math.sqrt(limits.maxPixels / (width * height));
    const down = (side) => Math.max(Math.floor((side * scale) / multiple) * multiple, smallest);
    const fallback = closest([
        { width: down(width), height: down(height) },
        {
            width: down(width),
            height: Math.max(Math.floor(down(width) / ratio / multiple) * multiple, smallest)
        }
    ].filter(accepted), ratio);
    return fallback && aspectError(fallback, ratio) <= MAX_ASPECT_ERROR
        ? fallback
        : undefined;
}
/** The candidate whose aspect ratio is closest to `ratio`; fewer pixels break ties. */
function closest(candidates, ratio) {
    return candidates.reduce((best, candidate) => {
        if (!best)
            return candidate;
        const [a, b] = [aspectError(candidate, ratio), aspectError(best, ratio)];
        if (a < b - 1e-12)
            return candidate;
        if (Math.abs(a - b) <= 1e-12) {
            return candidate.width * candidate.height < best.width * best.height
                ? candidate
                : best;
        }
        return best;
    }, undefined);
}
/** Relative difference between a size's aspect ratio and `ratio`. */
function aspectError(size, ratio) {
    return Math.abs(size.width / size.height / ratio - 1);
}
/**
 * Checks an exact output size against a model; undefined when the size is
 * fine (the model need not accept it directly: see {@link generationSize}).
 */
function checkOutputSize(width, height, model, limits) {
    if (Math.min(width, height) < MIN_OUTPUT_SIDE) {
        return {
            reason: `is too small: each side must be at least ${MIN_OUTPUT_SIDE} pixels`
        };
    }
    const pixels = width * height;
    if (pixels > limits.maxPixels) {
        const scale = Math.sqrt(limits.maxPixels / pixels);
        const [fitWidth, fitHeight] = [
            Math.floor(width * scale),
            Math.floor(height * scale)
        ];
        return {
            reason: `is ${pixels} pixels, more than the ${limits.maxPixels} ${model} allows`,
            fit: Math.min(fitWidth, fitHeight) >= MIN_OUTPUT_SIDE
                ? `${fitWidth}x${fitHeight}`
                : undefined
        };
    }
    if (!generationSize(width, height, limits)) {
        return {
            reason: `is too extreme a shape for ${model}: no size it accepts (multiples of ${limits.sizeMultiple}, at least ${limits.minSide} per side, at most ${limits.maxPixels} pixels) comes within 10% of its aspect ratio`
        };
    }
    return undefined;
}
/** `WxH`. */
function sizeText(size) {
    return `${size.width}x${size.height}`;
}


/***/ }),

/***/ 5622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  II: () => (/* binding */ loadSpec)
});

// UNUSED EXPORTS: LOCKFILE_NAME, parseSpecText

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/spec/yaml-syntax.ts
/**
 * Plain-words YAML syntax errors: what to do for the mistakes people make, and for an unclosed
 * quote or bracket, where it opened rather than where the parser gave up.
 */

/** A syntax error message with advice, from yaml's error code and message. */
function syntaxMessage(code, message, source, maxDepth) {
    // The parser recurses per level: hostile nesting (200,000 brackets) overflows its stack, which
    // it reports as an error. Say what the spec did wrong.
    if (/call stack/i.test(message)) {
        return `nested too deeply: at most ${maxDepth} levels`;
    }
    if (code === 'DUPLICATE_KEY') {
        const key = /^(.+?)\s*:(\s|$)/.exec(source)?.[1];
        const name = key === undefined ? '' : ` \`${key}\``;
        return `duplicate key${name}: each key may appear only once in a mapping`;
    }
    if (code === 'MULTIPLE_DOCS') {
        return 'a spec is a single YAML document; remove the extra `---` documents';
    }
    if (code === 'BLOCK_AS_IMPLICIT_KEY') {
        return `YAML syntax error: ${message} (quote text that contains ": ")`;
    }
    return `YAML syntax error: ${message}`;
}
/**
 * Finds the first quoted scalar or flow collection (`[`, `{`) that is never closed, from yaml's
 * concrete syntax tree; undefined when there is none.
 */
function unclosedOpening(text) {
    let found;
    for (const document of new dist/* Parser */.iX().parse(text)) {
        if (document.type !== 'document')
            continue;
        dist/* CST */.DB.visit(document, (item) => {
            for (const token of [item.key, item.value]) {
                if (!token || found)
                    continue;
                if (token.type === 'double-quoted-scalar' ||
                    token.type === 'single-quoted-scalar') {
                    const quote = token.source[0] ?? '"';
                    const body = token.source.trimEnd();
                    if (body.length < 2 || !body.endsWith(quote))
                        found = {
                            offset: token.offset,
                            message: `YAML syntax error: this ${quote} quote is never closed: end the text with ${quote} on the same line`
                        };
                }
                else if (token.type === 'flow-collection') {
                    const close = token.start.source === '[' ? ']' : '}';
                    if (!token.end.some((end) => end.source === close))
                        found = {
                            offset: token.offset,
                            message: `YAML syntax error: this ${token.start.source} is never closed: add ${close}, or quote text that starts with ${token.start.source}`
                        };
                }
            }
            return found ? dist/* CST */.DB.visit.BREAK : undefined;
        });
        if (found)
            break;
    }
    return found;
}

;// CONCATENATED MODULE: ./src/spec/problems.ts
/**
 * Located spec problems: each one names the file, the path in the spec and,
 * through the parser's line counter, a line and column.
 */

/**
 * Collects problems for one spec file, locating them through the parser's line
 * counter.
 */
class Problems {
    lineCounter = new dist/* LineCounter */.HN();
    #file;
    #items = [];
    constructor(file) {
        this.#file = file;
    }
    /**
     * Adds a problem at the first character of `node`; without a node, the
     * problem has no line.
     */
    add(node, path, message) {
        this.addAt(node?.range?.[0], path, message);
    }
    /** Adds a problem at a character offset of the spec text. */
    addAt(offset, path, message) {
        const problem = { file: this.#file, path, message };
        if (offset !== undefined) {
            const { line, col } = this.lineCounter.linePos(offset);
            problem.line = line;
            problem.column = col;
        }
        this.#items.push(problem);
    }
    /** How many problems have been added so far. */
    get count() {
        return this.#items.length;
    }
    /**
     * The problems sorted by position, unlocated ones first. Duplicates are
     * dropped: a bad value in `defaults` is checked once per asset but should be
     * reported once.
     */
    list() {
        const seen = new Set();
        const unique = this.#items.filter((problem) => {
            const key = JSON.stringify(problem);
            if (seen.has(key))
                return false;
            seen.add(key);
            return true;
        });
        return unique.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    }
}

;// CONCATENATED MODULE: ./src/spec/document.ts
/**
 * The YAML layer: parses spec text into a node tree hardened against hostile
 * input (size cap, duplicate keys, bounded alias expansion, no custom tags) and
 * collects located problems. The validator walks nodes rather than plain JS
 * values so every problem can point at a line and column.
 */



/**
 * Largest spec file accepted, checked before parsing so a huge file never
 * reaches the parser.
 */
const MAX_SPEC_BYTES = 1_048_576;
/** Most alias dereferences (nested ones included) a spec may make. */
const MAX_ALIASES = 100;
// Caps the nodes reachable through aliases too: a few aliases of a huge anchor
// cost as much as many.
const MAX_ALIASED_NODES = 10_000;
// Specs need a handful of levels (structured prompts a few more); the cap keeps
// recursion shallow.
const MAX_DEPTH = 64;
// Tags of the YAML 1.2 core schema. Others (!!binary, !!timestamp, !custom)
// would hand the validator values that are not JSON, so they are refused.
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));
/**
 * A parsed spec document whose aliases are known to resolve, without cycles,
 * within bounds.
 */
class SpecDocument {
    root;
    #targets;
    constructor(root, targets) {
        this.root = root;
        this.#targets = targets;
    }
    /**
     * Follows an alias to its anchored node; other nodes are returned as they
     * are.
     */
    deref(node) {
        if ((0,dist/* isAlias */.Vj)(node))
            return this.#targets.get(node);
        if ((0,dist/* isScalar */.jn)(node) || (0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node))
            return node;
        return undefined;
    }
}
/**
 * Parses spec text. Returns undefined when the text is not a usable YAML
 * document; the reasons are in `problems`. Validation stops there because a
 * broken tree would produce misleading follow-ups.
 */
function parseSpecYaml(text, problems) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_SPEC_BYTES) {
        problems.add(undefined, '', `the spec is ${bytes} bytes, larger than the 1 MB (${MAX_SPEC_BYTES} bytes) limit`);
        return undefined;
    }
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, {
            lineCounter: problems.lineCounter,
            prettyErrors: false,
            uniqueKeys: true,
            version: '1.2'
        });
    }
    catch (error) {
        // yaml reports problems rather than throwing; this guards the spec loader
        // against surprises.
        problems.add(undefined, '', error instanceof RangeError
            ? `nested too deeply: at most ${MAX_DEPTH} levels`
            : `the YAML could not be parsed: ${String(error)}`);
        return undefined;
    }
    const unclosed = doc.errors.some((error) => (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) ||
        (error.code === 'BAD_INDENT' && /end with a [\]}]/.test(error.message)));
    const opening = unclosed ? unclosedOpening(text) : undefined;
    if (opening) {
        // The parser notices a missing quote or bracket where the text ends; the mistake is where it
        // opened, so point there, once.
        problems.addAt(opening.offset, '', opening.message);
        return undefined;
    }
    for (const error of doc.errors) {
        const source = text.slice(error.pos[0], error.pos[0] + 200);
        const message = syntaxMessage(error.code, error.message, source, MAX_DEPTH);
        problems.addAt(error.pos[0], '', message);
        // After a stack overflow the parser's further errors are echoes of it.
        if (message.startsWith('nested too deeply'))
            break;
    }
    if (doc.errors.length > 0)
        return undefined;
    const targets = resolveAliases(doc, problems);
    if (targets === undefined)
        return undefined;
    return new SpecDocument(doc.contents, targets);
}
/**
 * Maps every alias to its anchor (the last one before it, as YAML defines),
 * refusing unknown anchors, custom tags, cycles and excessive expansion.
 * Computing targets once avoids yaml's per-alias document scan, and the bounded
 * walk means later walks over aliases cannot blow up.
 */
function resolveAliases(doc, problems) {
    const before = problems.count;
    const anchors = new Map();
    const targets = new Map();
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, alias) {
            const target = anchors.get(alias.source);
            if (target)
                targets.set(alias, target);
            else {
                problems.add(alias, '', `unknown alias *${alias.source}: define the anchor &${alias.source} before using it`);
            }
        },
        Pair(_key, pair) {
            if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.value === '<<') {
                problems.add(pair.key, '', 'YAML merge keys (`<<: *anchor`) are not supported: write the keys out, or put shared settings in `defaults`');
            }
        },
        Node(_key, node) {
            if ((0,dist/* isAlias */.Vj)(node))
                return;
            if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
                const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
                problems.add(node, '', `unsupported YAML tag ${tag}: use plain values`);
            }
            if (node.anchor)
                anchors.set(node.anchor, node);
        }
    });
    if (problems.count > before)
        return undefined;
    return checkExpansion(doc.contents, targets, problems) ? targets : undefined;
}
/**
 * Walks the tree with aliases expanded, stopping at the first cycle, at
 * excessive nesting or when the alias budget runs out. Later recursive walks
 * rely on these bounds.
 */
function checkExpansion(root, targets, problems) {
    let aliases = 0;
    let aliasedNodes = 0;
    const active = new Set();
    const walk = (node, via, depth) => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            const target = targets.get(node);
            if (target === undefined)
                return true;
            if (active.has(target)) {
                problems.add(node, '', `alias *${node.source} refers to itself (a cycle)`);
                return false;
            }
            if (++aliases > MAX_ALIASES) {
                // Point at the alias the user wrote here, not at one nested inside what
                // it expands to.
                problems.add(via ?? node, '', `too many aliases: more than ${MAX_ALIASES} expansions`);
                return false;
            }
            return walk(target, via ?? node, depth);
        }
        if (via && ++aliasedNodes > MAX_ALIASED_NODES) {
            problems.add(via, '', `too many aliases: they expand to more than ${MAX_ALIASED_NODES} values`);
            return false;
        }
        if (!(0,dist/* isMap */.jh)(node) && !(0,dist/* isSeq */.oP)(node))
            return true;
        if (depth >= MAX_DEPTH) {
            problems.add(node, '', `nested too deeply: at most ${MAX_DEPTH} levels`);
            return false;
        }
        active.add(node);
        const children = (0,dist/* isMap */.jh)(node)
            ? node.items.flatMap((pair) => [pair.key, pair.value])
            : node.items;
        const ok = children.every((child) => walk(child, via, depth + 1));
        active.delete(node);
        return ok;
    };
    return walk(root, undefined, 0);
}

// EXTERNAL MODULE: ./src/spec/paths.ts
var paths = __webpack_require__(2539);
// EXTERNAL MODULE: ./src/spec/generation-size.ts
var generation_size = __webpack_require__(9287);
;// CONCATENATED MODULE: ./src/spec/model-size.ts
/**
 * The planned pixel count when only an aspect ratio is given: about one
 * megapixel.
 */
const PLANNED_PIXELS = 1_048_576;
/**
 * Checks a pixel size against a model's limits; undefined when the size is
 * fine.
 */
function checkSize(width, height, model, limits) {
    const multiple = limits.sizeMultiple;
    const smallest = Math.ceil(limits.minSide / multiple) * multiple;
    if (width % multiple !== 0 || height % multiple !== 0) {
        const fit = (side) => Math.max(roundTo(side, multiple), smallest);
        return {
            reason: `is not a multiple of ${multiple} for ${model}`,
            fit: `${fit(width)}x${fit(height)}`
        };
    }
    if (Math.min(width, height) < limits.minSide) {
        return {
            reason: `is too small for ${model}: each side must be at least ${limits.minSide} pixels`
        };
    }
    const pixels = width * height;
    if (pixels > limits.maxPixels) {
        const scale = Math.sqrt(limits.maxPixels / pixels);
        const fit = (side) => Math.max(Math.floor((side * scale) / multiple) * multiple, smallest);
        const [fitWidth, fitHeight] = [fit(width), fit(height)];
        return {
            reason: `is ${pixels} pixels, more than the ${limits.maxPixels} ${model} allows`,
            // Clamping to the smallest side can overshoot again: suggest only a size
            // that fits.
            fit: fitWidth * fitHeight <= limits.maxPixels
                ? `${fitWidth}x${fitHeight}`
                : undefined
        };
    }
    return undefined;
}
/**
 * Plans a pixel size for an aspect ratio: about one megapixel, each side
 * rounded to the model's size multiple (at least 16, which every encoder
 * handles well) and at least its smallest side.
 */
function planDimensions(ratio, limits) {
    const multiple = Math.max(limits.sizeMultiple, 16);
    const smallest = Math.ceil(limits.minSide / multiple) * multiple;
    const side = (share) => Math.max(roundTo(Math.sqrt(PLANNED_PIXELS * share), multiple), smallest);
    return {
        width: side(ratio.width / ratio.height),
        height: side(ratio.height / ratio.width)
    };
}
function roundTo(value, multiple) {
    return Math.round(value / multiple) * multiple;
}

// EXTERNAL MODULE: ./src/spec/models.ts
var models = __webpack_require__(1689);
// EXTERNAL MODULE: ./src/spec/suggest.ts
var suggest = __webpack_require__(1381);
;// CONCATENATED MODULE: ./src/spec/plan.ts
/**
 * The merge pass: lays `defaults` under each asset and checks the rules that
 * span fields: sizes against the model's limits, palette names, `format`
 * against `out`'s extension, and settings that need a palette.
 */






/** The output format an `out` extension names. */
const FORMAT_BY_EXTENSION = {
    '.png': 'png',
    '.jpg': 'jpeg',
    '.jpeg': 'jpeg',
    '.webp': 'webp'
};
/**
 * Image extensions assetgen cannot write: an out ending in one would hold bytes
 * of another format.
 */
const FOREIGN_IMAGE_EXTENSIONS = [
    '.avif',
    '.gif',
    '.bmp',
    '.tif',
    '.tiff',
    '.heic',
    '.svg'
];
/**
 * Merges `defaults` under an asset. The asset's value wins per key, wholesale:
 * `providerOptions`, `colorCheck` and `variants` are replaced, never
 * deep-merged, so what a spec says is what it gets. `size` and `aspectRatio`
 * act as one setting: an asset giving either ignores both defaults.
 */
function planAsset(reader, outline, entry) {
    const { defaults } = outline;
    const pick = (key) => entry[key] !== undefined ? entry[key] : defaults[key];
    const ownDimensions = entry.size !== undefined || entry.aspectRatio !== undefined;
    const size = ownDimensions ? entry.size : defaults.size;
    const aspectRatio = ownDimensions ? entry.aspectRatio : defaults.aspectRatio;
    const model = pick('model')?.value ?? models/* DEFAULT_MODEL */.UB;
    const limits = (0,models/* modelLimits */.kO)(model);
    const format = planFormat(reader, entry, pick('format'));
    const palette = resolvePalette(reader, outline, pick('palette'));
    const swatch = pick('swatch');
    const colorCheck = pick('colorCheck');
    const snapColors = pick('snapColors');
    for (const setting of [swatch, colorCheck, snapColors]) {
        if (setting?.value && pick('palette') === undefined) {
            reader.problems.add(setting.node, setting.path, 'needs a palette: set `palette` on the asset or in `defaults`');
        }
    }
    if (size) {
        // `size` is the exact output size: the model need not accept it directly.
        const problem = (0,generation_size/* checkOutputSize */.pp)(size.value.width, size.value.height, model, limits);
        if (problem) {
            const fit = problem.fit ? ` (try ${problem.fit})` : '';
            reader.problems.add(size.node, size.path, `${size.value.text} ${problem.reason}${fit}`);
        }
    }
    const planned = size?.value ?? (aspectRatio && planDimensions(aspectRatio.value, limits));
    if (aspectRatio && planned) {
        const problem = checkSize(planned.width, planned.height, model, limits);
        if (problem) {
            reader.problems.add(aspectRatio.node, aspectRatio.path, `${aspectRatio.value.text} is too extreme for ${model}: the planned size ${planned.width}x${planned.height} ${problem.reason}; use a squarer ratio or an exact size`);
        }
    }
    const variants = pick('variants');
    const plan = {
        entry,
        model,
        format,
        swatch: swatch?.value ?? false,
        variants
    };
    const id = entry.id?.value;
    const prompt = entry.prompt?.value;
    // A draft is only used when the whole spec is valid; without id or prompt
    // there is none to make.
    if (id === undefined || prompt === undefined)
        return plan;
    plan.draft = {
        id,
        index: entry.index,
        prompt,
        palette: palette?.colors ?? [],
        width: planned?.width ?? 1024,
        height: planned?.height ?? 1024,
        model,
        format,
        providerOptions: pick('providerOptions')?.value ?? {},
        swatch: plan.swatch,
        variants: variants?.value ?? [],
        crop: pick('crop')?.value ?? 'attention'
    };
    if (palette?.name !== undefined)
        plan.draft.paletteName = palette.name;
    if (size) {
        plan.draft.size = size.value.text;
        const generation = (0,generation_size/* generationSize */.Kr)(size.value.width, size.value.height, limits);
        if (generation)
            plan.draft.generation = generation;
    }
    if (snapColors?.value)
        plan.draft.snapColors = snapColors.value;
    if (aspectRatio) {
        plan.draft.aspectRatio = aspectRatio.value.text;
    }
    const seed = pick('seed');
    if (seed)
        plan.draft.seed = seed.value;
    if (colorCheck)
        plan.draft.colorCheck = colorCheck.value;
    return plan;
}
/**
 * The format: the asset's own `format`, else what `out`'s extension says, else
 * `defaults.format`, else png. An asset giving both `format` and `out` must
 * make them agree.
 */
function planFormat(reader, entry, format) {
    const out = entry.out?.value;
    const extension = out === undefined ? '' : external_node_path_default().posix.extname(out).toLowerCase();
    const fromExtension = FORMAT_BY_EXTENSION[extension];
    if (entry.out && FOREIGN_IMAGE_EXTENSIONS.includes(extension)) {
        reader.problems.add(entry.out.node, entry.out.path, `ends in ${extension}, but assets are written as png, jpeg or webp: use .png, .jpg or .webp`);
    }
    const own = entry.format;
    if (own && fromExtension && own.value !== fromExtension) {
        reader.problems.add(own.node, own.path, `${own.value} does not match out's ${extension} extension (${fromExtension}): make them agree`);
    }
    return own?.value ?? fromExtension ?? format?.value ?? 'png';
}
function resolvePalette(reader, outline, choice) {
    if (!choice)
        return undefined;
    if ('colors' in choice.value)
        return { colors: choice.value.colors };
    const { name } = choice.value;
    if (!outline.palettes.has(name)) {
        const names = [...outline.palettes.keys()];
        const known = names.length
            ? `defined palettes: ${names.join(', ')}`
            : 'no palettes are defined under `palettes`';
        reader.problems.add(choice.node, choice.path, `unknown palette \`${name}\`${(0,suggest/* didYouMean */.au)(name, names)}; ${known}`);
        return undefined;
    }
    const colors = outline.palettes.get(name);
    return colors && { colors, name };
}

;// CONCATENATED MODULE: ./src/spec/outputs.ts
/**
 * The output pass: decides where each asset is written and refuses outputs that
 * escape the workspace, overwrite the spec or lockfile, or collide with another
 * asset's files.
 */




/**
 * Where outputs go when `defaults.outDir` is not set, relative to the spec
 * file's folder.
 */
const DEFAULT_OUT_DIR = 'assets';
/**
 * Resolves every asset's output path (absolute), keyed by asset index. `out` is
 * taken as written; without it the output is `<outDir>/<id>.<format>`. Problems
 * go to `problems`; assets whose output is refused are left out of the map.
 */
async function resolveOutputs(problems, workspace, protectedFiles, outDir, plans) {
    const outDirAbsolute = await resolveOutDir(problems, workspace, outDir);
    const candidates = plans.flatMap((plan) => {
        const { entry } = plan;
        const outPath = `${entry.path}.out`;
        if (entry.out) {
            const { node, value } = entry.out;
            const resolved = (0,paths/* resolveSpecPath */.DI)(workspace, value);
            if ('message' in resolved)
                problems.add(node, outPath, resolved.message);
            else if (/[/\\]$/.test(value)) {
                problems.add(node, outPath, 'ends in a slash: give a file name such as hero.png');
            }
            else
                return [{ plan, absolute: resolved.absolute, node, path: outPath }];
            return [];
        }
        if (!entry.id || outDirAbsolute === undefined)
            return [];
        const name = `${entry.id.value}.${plan.format}`;
        // A derived output is located at the id it is named after.
        return [
            {
                plan,
                absolute: external_node_path_default().join(outDirAbsolute, name),
                node: entry.id.node,
                path: outPath
            }
        ];
    });
    const checked = await Promise.all(candidates.map(async (output) => {
        const message = await checkOutput(workspace, protectedFiles, output.absolute);
        if (message)
            problems.add(output.node, output.path, message);
        return message ? undefined : output;
    }));
    return findCollisions(problems, workspace, checked.filter((output) => output !== undefined));
}
async function resolveOutDir(problems, workspace, outDir) {
    if (outDir === null)
        return undefined;
    const resolved = (0,paths/* resolveSpecPath */.DI)(workspace, outDir?.value ?? DEFAULT_OUT_DIR);
    const message = 'message' in resolved
        ? resolved.message
        : await (0,paths/* checkRealPath */._u)(workspace, resolved.absolute);
    if (message) {
        problems.add(outDir?.node, 'defaults.outDir', message);
        return undefined;
    }
    return 'absolute' in resolved ? resolved.absolute : undefined;
}
async function checkOutput(workspace, protectedFiles, absolute) {
    const shown = (0,paths/* workspacePath */.X5)(workspace, absolute);
    if (absolute === protectedFiles.specPath) {
        return `${shown} is the spec file itself: choose another output path`;
    }
    if (absolute === protectedFiles.lockfilePath) {
        return `${shown} is the lockfile: choose another output path`;
    }
    const message = await (0,paths/* checkRealPath */._u)(workspace, absolute);
    if (message)
        return message;
    const isDirectory = await (0,promises_.stat)(absolute).then((stats) => stats.isDirectory(), () => false);
    if (isDirectory)
        return `${shown} is a directory: give a file name such as hero.png`;
    const extension = external_node_path_default().extname(absolute).toLowerCase();
    // Foreign image extensions (.gif) get their own message from the format pass.
    if (!(extension in FORMAT_BY_EXTENSION) &&
        !FOREIGN_IMAGE_EXTENSIONS.includes(extension)) {
        return `${shown} is not an image file name: an output ends in .png, .jpg, .jpeg or .webp`;
    }
    return undefined;
}
/**
 * Refuses two assets writing the same file, and variants
 * (`<stem>-<width>w.<format>`) landing on another asset's output or variant.
 * Paths compare case-sensitively, as the files are named.
 */
function findCollisions(problems, workspace, outputs) {
    const owners = new Map();
    const result = new Map();
    for (const output of outputs) {
        const owner = owners.get(output.absolute);
        if (owner) {
            problems.add(output.node, output.path, `${(0,paths/* workspacePath */.X5)(workspace, output.absolute)} is also the output of ${describeAsset(owner)}: each asset needs its own out`);
            continue;
        }
        owners.set(output.absolute, output.plan);
        result.set(output.plan.entry.index, output.absolute);
    }
    for (const output of outputs) {
        const setting = output.plan.variants;
        if (!setting)
            continue;
        for (const variant of setting.value) {
            const file = variantPath(output.absolute, variant.width, variant.format);
            const owner = owners.get(file);
            if (owner && owner !== output.plan) {
                problems.add(setting.node, setting.path, `variant ${variant.width}w ${variant.format} writes ${(0,paths/* workspacePath */.X5)(workspace, file)}, which is also written by ${describeAsset(owner)}`);
            }
            else
                owners.set(file, output.plan);
        }
    }
    return result;
}
/** The path of a variant: `<stem>-<width>w.<format>` beside the main output. */
function variantPath(out, width, format) {
    const parsed = external_node_path_default().parse(out);
    return external_node_path_default().join(parsed.dir, `${parsed.name}-${width}w.${format}`);
}
function describeAsset(plan) {
    const id = plan.entry.id?.value;
    return id === undefined ? plan.entry.path : `${plan.entry.path} (${id})`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/images/sharp.ts
var sharp = __webpack_require__(4378);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/spec/references.ts
/**
 * The reference pass: expands reference paths and globs (relative to the spec
 * file's folder, confined to the workspace), checks each file is a real PNG,
 * JPEG or WebP within the size limit, and reads and hashes it once, however
 * many assets use it.
 */








/** Largest reference image accepted: 20 MB. */
const MAX_REFERENCE_BYTES = 20 * 1024 * 1024;
/**
 * Resolves the references of every asset, keyed by asset index. Problems go to
 * `problems`; an asset with any reference problem is left out of the map.
 */
async function resolveReferences(problems, workspace, plans) {
    const cache = new Map();
    const load = (absolute) => (0,promises_.realpath)(absolute).then((real) => {
        let loaded = cache.get(real);
        if (!loaded) {
            loaded = loadImage(real);
            cache.set(real, loaded);
        }
        return loaded;
    }, (error) => `could not be read: ${errorText(error)}`);
    const results = await Promise.all(plans.map((plan) => resolveAsset(problems, workspace, plan, load)));
    const byIndex = new Map();
    plans.forEach((plan, position) => {
        const images = results[position];
        if (images)
            byIndex.set(plan.entry.index, images);
    });
    return byIndex;
}
async function resolveAsset(problems, workspace, plan, load) {
    const setting = plan.entry.references;
    if (!setting)
        return setting === null ? undefined : [];
    const expanded = await Promise.all(setting.value.map((reference) => expand(problems, workspace, reference)));
    if (!expanded.every((files) => files !== undefined))
        return undefined;
    // The same file named twice (a path and a glob over it) is sent once, at its
    // first position.
    const seen = new Set();
    const candidates = expanded.flat().filter((candidate) => {
        if (seen.has(candidate.absolute))
            return false;
        seen.add(candidate.absolute);
        return true;
    });
    const { maxReferences } = (0,models/* modelLimits */.kO)(plan.model);
    const count = candidates.length + (plan.swatch ? 1 : 0);
    if (count > maxReferences) {
        const swatch = plan.swatch
            ? ` (${candidates.length} files and the palette swatch)`
            : '';
        problems.add(setting.node, setting.path, `${count} reference images${swatch} is more than the ${maxReferences} ${plan.model} accepts`);
        return undefined;
    }
    const images = await Promise.all(candidates.map(async (candidate) => {
        const loaded = await load(candidate.absolute);
        const shown = (0,paths/* workspacePath */.X5)(workspace, candidate.absolute);
        if (typeof loaded !== 'string') {
            return { path: shown, absolutePath: candidate.absolute, ...loaded };
        }
        const via = candidate.pattern ? ` (matched by ${candidate.pattern})` : '';
        problems.add(candidate.reference.node, candidate.reference.path, `${shown}${via} ${loaded}`);
        return undefined;
    }));
    return images.every((image) => image !== undefined) ? images : undefined;
}
/**
 * Expands one entry to files: a plain path, or a glob whose matches are sorted
 * by path.
 */
async function expand(problems, workspace, reference) {
    const fail = (message) => {
        problems.add(reference.node, reference.path, message);
    };
    const text = reference.value;
    const literal = (0,paths/* resolveSpecPath */.DI)(workspace, text);
    // A file whose name merely looks like a glob (`logo (1).png`) is taken
    // literally when it exists.
    const literalExists = 'absolute' in literal &&
        (await (0,promises_.stat)(literal.absolute).then(() => true, () => false));
    if (!(0,tinyglobby_dist/* isDynamicPattern */.ey)(text) || literalExists) {
        if ('message' in literal)
            return fail(literal.message);
        const message = await checkFile(workspace, literal.absolute);
        return message ? fail(message) : [{ absolute: literal.absolute, reference }];
    }
    // Glob from the pattern's fixed prefix, after confining it, so a pattern such
    // as `../../**` is refused before anything outside the workspace is crawled.
    const { base, glob: rest } = picomatch_default().scan(text);
    if (rest.split('/').includes('..')) {
        return fail(`${text} uses .. after a wildcard: put .. only before the first wildcard`);
    }
    const resolvedBase = (0,paths/* resolveSpecPath */.DI)(workspace, base || '.');
    if ('message' in resolvedBase)
        return fail(resolvedBase.message);
    const baseMessage = await (0,paths/* checkRealPath */._u)(workspace, resolvedBase.absolute);
    if (baseMessage)
        return fail(baseMessage);
    const matches = await (0,tinyglobby_dist/* glob */.TI)(rest, {
        cwd: resolvedBase.absolute,
        absolute: true,
        onlyFiles: true
    });
    if (matches.length === 0) {
        return fail(`${text} matches no files (globs are relative to the spec file's folder)`);
    }
    const files = matches
        .map((match) => external_node_path_default().resolve(match))
        .sort((a, b) => compare((0,paths/* workspacePath */.X5)(workspace, a), (0,paths/* workspacePath */.X5)(workspace, b)));
    const messages = await Promise.all(files.map(async (file) => (0,paths/* isInside */.FK)(workspace.root, file)
        ? (0,paths/* checkRealPath */._u)(workspace, file)
        : `${(0,paths/* toPosix */.d7)(file)} is outside the workspace root`));
    const outside = messages.find((message) => message !== undefined);
    if (outside)
        return fail(`${outside} (matched by ${text})`);
    return files.map((absolute) => ({ absolute, reference, pattern: text }));
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
async function checkFile(workspace, absolute) {
    const shown = (0,paths/* workspacePath */.X5)(workspace, absolute);
    const outside = await (0,paths/* checkRealPath */._u)(workspace, absolute);
    if (outside)
        return outside;
    const stats = await (0,promises_.stat)(absolute).catch(() => undefined);
    if (!stats)
        return `${shown} does not exist`;
    if (!stats.isFile())
        return `${shown} is not a file`;
    return undefined;
}
/**
 * Reads, checks and hashes one image. Returns a message (to follow the file
 * name) on failure.
 */
async function loadImage(real) {
    let bytes;
    try {
        // Size first, so an oversized file is refused without being read into
        // memory.
        const size = (await (0,promises_.stat)(real)).size;
        if (size > MAX_REFERENCE_BYTES) {
            return `is ${megabytes(size)}, larger than the 20 MB limit for reference images`;
        }
        bytes = await (0,promises_.readFile)(real);
    }
    catch (error) {
        return `could not be read: ${errorText(error)}`;
    }
    const mediaType = sniff(bytes);
    if (!mediaType) {
        return 'is not a PNG, JPEG or WebP image (judged by its contents, not its name)';
    }
    try {
        const image = (0,sharp/* sharp */.B)(bytes, {
            limitInputPixels: sharp/* MAX_INPUT_PIXELS */.G,
            failOn: 'truncated'
        });
        const { width, height } = await image.metadata();
        if (!width || !height)
            return 'has no readable width and height';
        // The header alone can be whole while the pixels are cut off: decode all of it now, so a broken
        // reference is refused here, located, instead of being sent and paid for.
        await image.stats();
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
        return { sha256, mediaType, bytes: bytes.length, width, height };
    }
    catch (error) {
        const type = mediaType.slice('image/'.length).toUpperCase();
        return `could not be decoded as ${type}: ${errorText(error)}`;
    }
}
// The first line only, without a dangling colon: sharp's messages run on with
// decoder details.
function errorText(error) {
    const text = error instanceof Error ? error.message : String(error);
    return (text.split('\n')[0] ?? '').trim().replace(/:$/, '');
}
/**
 * A size in MB with one decimal, rounded up: a file just over a limit must not read as the limit
 * itself (20 MB + 1 byte is "20.1 MB", not "20.0 MB").
 */
function megabytes(bytes) {
    return `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
}
const PNG_SIGNATURE = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a
]);
/**
 * Tells the image type from the file's first bytes: names lie, signatures
 * rarely do.
 */
function sniff(bytes) {
    if (bytes.subarray(0, 8).equals(PNG_SIGNATURE))
        return 'image/png';
    if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
        return 'image/jpeg';
    }
    if (bytes.toString('latin1', 0, 4) === 'RIFF' &&
        bytes.toString('latin1', 8, 12) === 'WEBP') {
        return 'image/webp';
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/spec/validate.ts + 5 modules
var validate = __webpack_require__(9570);
;// CONCATENATED MODULE: ./src/spec/load.ts
/**
 * Loads `assetgen.yml` (spec v1) into a validated, resolved Spec. Checking runs
 * in passes (YAML, structure, merge, outputs, references) that all report into
 * one list, so a SpecError names every problem at once, sorted by line, instead
 * of making the user fix them one run at a time.
 */









/** The lockfile's name; it lives beside the spec. */
const LOCKFILE_NAME = 'assetgen.lock.json';
/**
 * Reads and validates a spec file. `specPath` is absolute or relative to
 * `root`, the absolute workspace root every path in the spec is confined to.
 * Throws SpecError listing every problem.
 */
async function loadSpec(options) {
    const root = external_node_path_default().resolve(options.root);
    const specPath = external_node_path_default().resolve(root, options.specPath);
    const specName = (0,paths/* toPosix */.d7)((0,paths/* isInside */.FK)(root, specPath) ? external_node_path_default().relative(root, specPath) : specPath);
    const fail = (message, cause) => new errors/* SpecError */.G8([{ file: specName, path: '', message }], { cause });
    // Every path in a spec resolves from its folder and must stay inside the root; a spec outside
    // the root would fail on its default output folder with a confusing, line-less message.
    if (!(0,paths/* isInside */.FK)(root, specPath)) {
        throw fail(`the spec is outside the workspace root ${(0,paths/* toPosix */.d7)(root)}: every path in it must stay inside the root, so use a root that contains the spec (the CLI's --root)`);
    }
    let size;
    try {
        size = (await (0,promises_.stat)(specPath)).size;
    }
    catch (error) {
        throw fail('cannot read the spec file: it does not exist or is not readable', error);
    }
    // Checked before reading, so an enormous file is never loaded, let alone
    // parsed.
    if (size > MAX_SPEC_BYTES) {
        throw fail(`the spec is ${size} bytes, larger than the 1 MB (${MAX_SPEC_BYTES} bytes) limit`);
    }
    let text;
    try {
        text = await (0,promises_.readFile)(specPath, 'utf8');
    }
    catch (error) {
        throw fail('cannot read the spec file: it is not a readable file', error);
    }
    return parseSpecText(text, { specName, specPath, root });
}
/**
 * Validates spec text as if read from `specPath` (absolute, or relative to
 * `root`); problems name the file as `specName`. File-system rules (references,
 * output confinement) use the real disk. Throws SpecError, and nothing else,
 * when the spec is invalid.
 */
async function parseSpecText(text, options) {
    const root = external_node_path_default().resolve(options.root);
    const specPath = external_node_path_default().resolve(root, options.specPath);
    const problems = new Problems(options.specName);
    const doc = parseSpecYaml(text, problems);
    const reader = doc && { doc, problems };
    const outline = reader && (0,validate/* readOutline */.pm)(reader);
    if (!reader || !outline)
        throw new errors/* SpecError */.G8(problems.list());
    let realRoot;
    try {
        realRoot = await (0,promises_.realpath)(root);
    }
    catch (error) {
        problems.add(undefined, '', `the workspace root ${(0,paths/* toPosix */.d7)(root)} does not exist`);
        throw new errors/* SpecError */.G8(problems.list(), { cause: error });
    }
    const workspace = {
        root,
        realRoot,
        specDir: external_node_path_default().dirname(specPath)
    };
    const lockfilePath = external_node_path_default().join(workspace.specDir, LOCKFILE_NAME);
    const plans = outline.assets.map((entry) => planAsset(reader, outline, entry));
    const [outputs, references] = await Promise.all([
        resolveOutputs(problems, workspace, { specPath, lockfilePath }, outline.defaults.outDir, plans),
        resolveReferences(problems, workspace, plans)
    ]);
    if (problems.count > 0)
        throw new errors/* SpecError */.G8(problems.list());
    const assets = plans.map((plan) => {
        const out = outputs.get(plan.entry.index);
        const images = references.get(plan.entry.index);
        // No problems were reported, so every asset has a draft, an output and its
        // references.
        if (!plan.draft || out === undefined || !images) {
            throw new Error(`internal: ${plan.entry.path} is incomplete without a reported problem`);
        }
        return {
            ...plan.draft,
            out: (0,paths/* workspacePath */.X5)(workspace, out),
            references: images
        };
    });
    return {
        specPath,
        specName: options.specName,
        root,
        lockfilePath,
        assets,
        pricing: outline.pricing
    };
}


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UB: () => (/* binding */ DEFAULT_MODEL),
/* harmony export */   f: () => (/* binding */ KNOWN_MODELS),
/* harmony export */   kO: () => (/* binding */ modelLimits),
/* harmony export */   v_: () => (/* binding */ unknownModelWarnings)
/* harmony export */ });
/* unused harmony export isKnownModel */
/**
 * Per-model limits, in one table so the rules are not scattered. The validator, the reference
 * fitter and the size planner all read from here.
 */
const flux2 = {
    maxReferences: 8,
    maxPixels: 4_194_304,
    sizeMultiple: 16,
    minSide: 64,
    maxReferencePixels: 9_000_000,
    blackForestLabs: true
};
/** Limits by model id; the first matching pattern wins. */
const table = [
    { pattern: /^bfl\/flux-2-klein/, limits: { ...flux2, maxReferences: 4 } },
    { pattern: /^bfl\/flux-2-/, limits: flux2 },
    { pattern: /^bfl\//, limits: { ...flux2, maxReferences: 1 } }
];
/** Conservative limits for models assetgen has no entry for. */
const fallback = {
    maxReferences: 8,
    maxPixels: 4_194_304,
    sizeMultiple: 1,
    minSide: 64,
    maxReferencePixels: 9_000_000,
    blackForestLabs: false
};
/** The default model. */
const DEFAULT_MODEL = 'bfl/flux-2-pro';
/**
 * Image model ids assetgen knows (listed by `assetgen models`). Others are sent as written, with a
 * warning: the gateway adds models faster than this list.
 */
const KNOWN_MODELS = [
    'bfl/flux-2-pro',
    'bfl/flux-2-max',
    'bfl/flux-2-flex',
    'bfl/flux-2-klein-4b',
    'bfl/flux-2-klein-9b'
];
/** Returns whether assetgen knows a model id. */
function isKnownModel(modelId) {
    return KNOWN_MODELS.includes(modelId);
}
/**
 * One warning per model id assetgen does not know, naming its assets and the known ids. Not an
 * error: the gateway adds models faster than assetgen's table.
 */
function unknownModelWarnings(assets) {
    const byModel = new Map();
    for (const asset of assets) {
        if (isKnownModel(asset.model))
            continue;
        byModel.set(asset.model, [...(byModel.get(asset.model) ?? []), asset.id]);
    }
    return [...byModel].map(([model, ids]) => `model "${model}" (${ids.join(', ')}) is not one assetgen knows; it is sent as written with conservative limits. Known: ${KNOWN_MODELS.join(', ')}`);
}
/** Returns the limits for a model id. */
function modelLimits(modelId) {
    return table.find((entry) => entry.pattern.test(modelId))?.limits ?? fallback;
}


/***/ }),

/***/ 2539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ resolveSpecPath),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   X5: () => (/* binding */ workspacePath),
/* harmony export */   _u: () => (/* binding */ checkRealPath),
/* harmony export */   bn: () => (/* binding */ refusePathText),
/* harmony export */   d7: () => (/* binding */ toPosix)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Path rules. Paths in a spec (`out`, `outDir`, `references`) are resolved
 * against the spec file's folder, as most config files do, so a spec and its
 * inputs can move together. Whatever they resolve to must stay inside the
 * workspace root, both as written and after following symlinks: a spec runs in
 * CI with write access, and must not read or write outside the checkout.
 */


/** Returns the path with POSIX separators. */
function toPosix(text) {
    return text.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/** Returns whether `child` is `parent` or lies below it. */
function isInside(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(parent, child);
    return (relative === '' ||
        (relative !== '..' &&
            !relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) &&
            !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative)));
}
/**
 * Returns an absolute path inside the workspace as a workspace-relative POSIX
 * path.
 */
function workspacePath(workspace, absolute) {
    return toPosix(node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace.root, absolute));
}
/**
 * Resolves a path written in the spec against the spec's folder, without
 * touching the disk. Returns the absolute path, or a message when the path is
 * absolute or escapes the workspace.
 */
function resolveSpecPath(workspace, text) {
    // Both flavours: a spec written on Windows (`C:\x`) must be refused on Linux
    // runners too.
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.isAbsolute(text) || node_path__WEBPACK_IMPORTED_MODULE_1___default().win32.isAbsolute(text)) {
        return {
            message: `${text} is absolute: write paths relative to the spec file's folder`
        };
    }
    const refused = refusePathText(text);
    if (refused)
        return { message: refused };
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace.specDir, text);
    if (!isInside(workspace.root, absolute)) {
        return {
            message: `${text} resolves to ${toPosix(absolute)}, outside the workspace root ${toPosix(workspace.root)}`
        };
    }
    return { absolute };
}
/** Longest file or folder name Linux, macOS and Windows file systems accept. */
const MAX_COMPONENT_BYTES = 255;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
/**
 * Returns why a path as written is refused, or undefined: characters that
 * mean something else on another platform or in a log line (backslash, NUL,
 * control characters), names no file system takes, and any `.git` component,
 * since git's own files (hooks, config) are code.
 */
function refusePathText(text) {
    const control = CONTROL_CHARACTER.exec(text);
    if (control) {
        const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
        return `contains the control character U+${code.toUpperCase()}: paths are plain text`;
    }
    if (text.includes('\\')) {
        return 'contains a backslash: separate folders with / on every platform';
    }
    const components = text.split('/');
    const long = components.find((component) => Buffer.byteLength(component) > MAX_COMPONENT_BYTES);
    if (long !== undefined) {
        return `has a name of ${Buffer.byteLength(long)} bytes; file systems take at most ${MAX_COMPONENT_BYTES}`;
    }
    if (components.some(isGitComponent))
        return GIT_MESSAGE;
    return undefined;
}
const GIT_MESSAGE = 'goes through .git: assetgen never reads or writes git’s own files';
function isGitComponent(component) {
    return component.toLowerCase() === '.git';
}
/**
 * Returns a message when the real (symlink-resolved) path, relative to the real
 * workspace root, goes through a `.git` folder.
 */
function realGitMessage(workspace, shown, real) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(workspace.realRoot, real);
    return relative.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).some(isGitComponent)
        ? `${shown} leads through a symlink into .git: assetgen never reads or writes git’s own files`
        : undefined;
}
/**
 * Checks that an existing path, or for a path still to be written its nearest
 * existing ancestor, really lies inside the workspace once symlinks are
 * followed. Returns a message when it does not.
 */
async function checkRealPath(workspace, absolute) {
    let existing = absolute;
    while (!(await exists(existing))) {
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing);
        if (parent === existing)
            return undefined;
        existing = parent;
    }
    let real;
    try {
        real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(existing);
    }
    catch {
        // A dangling symlink: it points nowhere yet, so writing through it would
        // create its target.
        const shown = workspacePath(workspace, existing);
        return `${shown} is a symlink whose target does not exist`;
    }
    const shown = workspacePath(workspace, existing);
    if (isInside(workspace.realRoot, real))
        return realGitMessage(workspace, shown, real);
    return `${shown} leads through a symlink to ${toPosix(real)}, outside the workspace root`;
}
async function exists(target) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(target);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 1381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   h0: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * "Did you mean" hints for unknown keys and palette names: a typo should cost
 * the user one glance at the message, not a trip to the docs.
 */
/**
 * Levenshtein edit distance between two strings (insertions, deletions,
 * substitutions).
 */
function editDistance(a, b) {
    // One rolling row is enough: the distance only ever looks one row back.
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        }
        previous = current;
    }
    return previous[b.length];
}
/**
 * Returns the candidate closest to `input`: a case-insensitive match first
 * (`outdir` → `outDir`, ignoring `_` and `-` so `aspect_ratio` finds
 * `aspectRatio`), else the nearest within edit distance 2. Undefined when
 * nothing is close enough to be a likely typo.
 */
function closestMatch(input, candidates) {
    const fold = (text) => text.toLowerCase().replace(/[-_]/g, '');
    const folded = candidates.find((candidate) => fold(candidate) === fold(input));
    if (folded !== undefined)
        return folded;
    let best;
    let bestDistance = 3;
    for (const candidate of candidates) {
        const distance = editDistance(input, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/**
 * Returns ` (did you mean \`x\`?)` for the closest candidate, or '' when none
 * is close.
 */
function didYouMean(input, candidates) {
    const match = closestMatch(input, candidates);
    return match === undefined ? '' : ` (did you mean \`${match}\`?)`;
}


/***/ }),

/***/ 9570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _1: () => (/* binding */ isAssetId),
  pm: () => (/* binding */ readOutline)
});

// UNUSED EXPORTS: ASSET_KEYS, DEFAULTS_KEYS, TOP_LEVEL_KEYS

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/spec/suggest.ts
var suggest = __webpack_require__(1381);
;// CONCATENATED MODULE: ./src/spec/nodes.ts
/**
 * Generic readers over YAML nodes: mappings with a fixed key set, lists,
 * scalars and JSON subtrees. Each reader reports what it expected and what it
 * got, at the node, and returns undefined on a problem so callers can carry on
 * and collect every problem in one pass.
 */


/** Joins a field path: `assets[2]` + `size` → `assets[2].size`. */
function childPath(path, key) {
    return path ? `${path}.${key}` : key;
}
/** Describes a node's value for "got ..." in messages. */
function describe(node) {
    if ((0,dist/* isMap */.jh)(node))
        return 'a mapping';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a list';
    const value = node?.value;
    if (value === null || value === undefined)
        return 'nothing';
    if (typeof value === 'number' || typeof value === 'boolean') {
        return String(value);
    }
    if (typeof value !== 'string')
        return 'a value of an unsupported type';
    const quoted = JSON.stringify(value);
    return quoted.length > 40 ? `${quoted.slice(0, 37)}..."` : quoted;
}
/**
 * Reads a mapping whose keys must come from `keys`. Unknown keys are reported
 * at the key, with a suggestion when one is close. Returns the known entries,
 * or undefined if `node` is no mapping.
 */
function readMapping(reader, node, path, keys, what = 'a mapping') {
    const value = reader.doc.deref(node);
    if (!(0,dist/* isMap */.jh)(value)) {
        reader.problems.add(node, path, `must be ${what}; got ${describe(value)}`);
        return undefined;
    }
    const entries = new Map();
    for (const pair of value.items) {
        const keyNode = reader.doc.deref(pair.key);
        const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined || !keys.includes(key)) {
            const name = key ?? describe(keyNode);
            const hint = key === undefined ? '' : (0,suggest/* didYouMean */.au)(key, keys);
            reader.problems.add(pair.key, childPath(path, name), `unknown key \`${name}\`${hint}; expected one of: ${keys.join(', ')}`);
            continue;
        }
        entries.set(key, {
            node: pairValue(pair),
            path: childPath(path, key)
        });
    }
    return entries;
}
/**
 * The value node of a mapping entry. `? key` without a value has none: an
 * empty scalar right after the key stands in, so the value is located and
 * reads as "nothing".
 */
function pairValue(pair) {
    if (pair.value !== null && pair.value !== undefined)
        return pair.value;
    const empty = new dist/* Scalar */.X5(null);
    const end = pair.key?.range?.[1] ?? 0;
    empty.range = [end, end, end];
    return empty;
}
/** Reads a list; reports `must be <what>` otherwise. */
function readList(reader, node, path, what) {
    const value = reader.doc.deref(node);
    if ((0,dist/* isSeq */.oP)(value))
        return value.items;
    reader.problems.add(node, path, `must be ${what}; got ${describe(value)}`);
    return undefined;
}
/**
 * Reads a scalar through `check`, which returns the accepted value or
 * undefined. On undefined the problem reads `must be <expected>; got <value>`,
 * plus `hint` when given.
 */
function readScalar(reader, node, path, expected, check, hint = () => '') {
    const value = reader.doc.deref(node);
    const result = (0,dist/* isScalar */.jn)(value) ? check(value.value) : undefined;
    if (result === undefined) {
        const got = describe(value);
        const extra = (0,dist/* isScalar */.jn)(value) ? hint(value.value) : '';
        reader.problems.add(node, path, `must be ${expected}; got ${got}${extra}`);
    }
    return result;
}
/** Accepts a string with visible content. */
function nonEmptyString(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
/** Accepts an integer in `min..max`. */
function integerIn(min, max) {
    return (value) => Number.isInteger(value) &&
        value >= min &&
        value <= max
        ? value
        : undefined;
}
/** Accepts one of `options`. */
function oneOf(options) {
    return (value) => options.find((option) => option === value);
}
/**
 * Reads a JSON object (a mapping of JSON values), refusing values JSON cannot
 * hold.
 */
function readJsonObject(reader, node, path, what) {
    const value = reader.doc.deref(node);
    if (!(0,dist/* isMap */.jh)(value)) {
        reader.problems.add(node, path, `must be ${what}; got ${describe(value)}`);
        return undefined;
    }
    return readJson(reader, node, path);
}
function readJson(reader, node, path) {
    const value = reader.doc.deref(node);
    if ((0,dist/* isSeq */.oP)(value)) {
        const items = value.items.map((item, index) => readJson(reader, item, `${path}[${index}]`));
        return items.every((item) => item !== undefined) ? items : undefined;
    }
    if ((0,dist/* isMap */.jh)(value)) {
        const object = {};
        let ok = true;
        for (const pair of value.items) {
            const keyNode = reader.doc.deref(pair.key);
            const key = (0,dist/* isScalar */.jn)(keyNode) ? keyNode.value : undefined;
            if (typeof key !== 'string' &&
                typeof key !== 'number' &&
                typeof key !== 'boolean') {
                reader.problems.add(pair.key, path, `keys must be strings; got ${describe(keyNode)}`);
                ok = false;
                continue;
            }
            const item = readJson(reader, pairValue(pair), childPath(path, String(key)));
            if (item === undefined) {
                ok = false;
                continue;
            }
            // defineProperty, not assignment: `__proto__` must stay a plain key.
            Object.defineProperty(object, String(key), {
                value: item,
                enumerable: true,
                writable: true,
                configurable: true
            });
        }
        return ok ? object : undefined;
    }
    const scalar = value?.value;
    if (typeof scalar === 'number' && !Number.isFinite(scalar)) {
        reader.problems.add(node, path, `must be a finite number (JSON has no ${scalar})`);
        return undefined;
    }
    if (scalar === null ||
        ['string', 'number', 'boolean'].includes(typeof scalar)) {
        return scalar;
    }
    reader.problems.add(node, path, `must be a JSON value; got ${describe(value)}`);
    return undefined;
}

;// CONCATENATED MODULE: ./src/spec/colors.ts
/**
 * Palette colours: `#RRGGBB`, `#RGB` or `{ hex, name }`, normalised to
 * upper-case `#RRGGBB`, and the `palette` setting that names or lists them.
 */


/** Keys of a palette colour given as a mapping. */
const COLOR_KEYS = ['hex', 'name'];
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/**
 * Reads `#RGB`, `#RRGGBB` or `{ hex, name }`, normalised to upper-case
 * `#RRGGBB`.
 */
function readColor(reader, node, path) {
    if ((0,dist/* isMap */.jh)(reader.doc.deref(node)))
        return readColorObject(reader, node, path);
    const hex = readHex(reader, node, path);
    return hex === undefined ? undefined : { hex };
}
function readColorObject(reader, node, path) {
    const entries = readMapping(reader, node, path, COLOR_KEYS);
    if (!entries)
        return undefined;
    const hexEntry = entries.get('hex');
    if (!hexEntry) {
        reader.problems.add(node, childPath(path, 'hex'), 'is required: give the colour as "#RRGGBB"');
        return undefined;
    }
    const hex = readHex(reader, hexEntry.node, hexEntry.path);
    const nameEntry = entries.get('name');
    const name = nameEntry
        ? readScalar(reader, nameEntry.node, nameEntry.path, 'a non-empty string', nonEmptyString)
        : undefined;
    if (hex === undefined || (nameEntry && name === undefined))
        return undefined;
    return name === undefined ? { hex } : { hex, name };
}
function readHex(reader, node, path) {
    return readScalar(reader, node, path, 'a colour like "#0B5FFF" or "#FB0"', (value) => typeof value === 'string' && HEX.test(value)
        ? normaliseHex(value)
        : undefined, 
    // The classic YAML trap: an unquoted `#0B5FFF` is a comment, so the value
    // arrives empty.
    (value) => value === null
        ? ' (quote colours: an unquoted # starts a YAML comment)'
        : '');
}
function normaliseHex(hex) {
    const digits = hex.slice(1).toUpperCase();
    return digits.length === 3
        ? `#${[...digits].map((digit) => digit + digit).join('')}`
        : `#${digits}`;
}
/** Reads a non-empty list of colours. */
function readColors(reader, node, path) {
    const items = readList(reader, node, path, 'a list of colours');
    if (!items)
        return undefined;
    if (items.length === 0) {
        reader.problems.add(node, path, 'must list at least one colour');
        return undefined;
    }
    const colors = items.map((item, index) => readColor(reader, item, `${path}[${index}]`));
    return colors.every((color) => color !== undefined) ? colors : undefined;
}
/** Reads `palette`: a palette name or an inline list of colours. */
function readPaletteChoice(reader, node, path) {
    const value = reader.doc.deref(node);
    if ((0,dist/* isSeq */.oP)(value) || (0,dist/* isMap */.jh)(value)) {
        const colors = readColors(reader, node, path);
        return colors && { colors };
    }
    const name = readScalar(reader, node, path, 'a palette name or a list of colours', nonEmptyString);
    return name === undefined ? undefined : { name };
}

;// CONCATENATED MODULE: ./src/spec/fields.ts
/**
 * Readers for the spec's value types: sizes and aspect ratios, formats,
 * colour-check settings and variants. They check shape only; rules that need
 * the model or the file system come later (see plan.ts, outputs.ts and
 * references.ts).
 */



/** Keys of `colorCheck`. */
const COLOR_CHECK_KEYS = ['tolerance', 'onMiss', 'retries'];
/** Keys of `snapColors` when it is a mapping. */
const SNAP_COLORS_KEYS = ['tolerance'];
/** Keys of one `variants` item. */
const VARIANT_KEYS = ['width', 'format', 'quality'];
/** Output formats, and the wider set variants may use. */
const IMAGE_FORMATS = ['png', 'jpeg', 'webp'];
const VARIANT_FORMATS = [...IMAGE_FORMATS, 'avif'];
const MISS_ACTIONS = ['warn', 'fail', 'retry'];
/** Cover-fit positions for `crop`; the first is the default. */
const CROP_POSITIONS = [
    'attention',
    'entropy',
    'center'
];
/*
 * The default `snapColors` tolerance (CIEDE2000), chosen by measurement (test/images/snap.test.ts,
 * `npm run bench` section 8). 4 MP flat art in four palette colours, every pixel drifted by up
 * to ±2 per channel (ΔE2000 about 1 to 3, a model's small errors): 70% / 91% / 98% / 100% of
 * pixels end exactly on the palette at tolerance 1 / 2 / 3 / 4. A smooth gradient from one
 * palette colour to another: 5% / 9% / 14% / 19% of it snaps (the parts nearest either end);
 * an RGB gradient that passes no palette colour: nothing moves up to 4. 3 is the smallest that
 * absorbs the drift (>= 95%) and keeps 86% of a gradient between palette colours as it was.
 */
const DEFAULT_SNAP_TOLERANCE = 3;
/** Reads `size` as `WxH`. */
function readSize(reader, node, path) {
    return readDimensions(reader, node, path, 'x', 'WxH in pixels, like "1024x1024"');
}
/** Reads `aspectRatio` as `W:H`. */
function readAspectRatio(reader, node, path) {
    return readDimensions(reader, node, path, ':', 'W:H with whole numbers, like "16:9"');
}
function readDimensions(reader, node, path, separator, expected) {
    const pattern = new RegExp(`^([1-9]\\d{0,5})${separator}([1-9]\\d{0,5})$`);
    return readScalar(reader, node, path, expected, (value) => {
        const match = typeof value === 'string' ? pattern.exec(value) : null;
        return match
            ? {
                width: Number(match[1]),
                height: Number(match[2]),
                text: value
            }
            : undefined;
    });
}
/**
 * Reads an output `format`, suggesting the spelling for near misses such as
 * `jpg`.
 */
function readFormat(reader, node, path) {
    return readScalar(reader, node, path, 'png, jpeg or webp', oneOf(IMAGE_FORMATS), (value) => typeof value === 'string' ? (0,suggest/* didYouMean */.au)(value, IMAGE_FORMATS) : '');
}
/** Reads `colorCheck`, filling in the documented defaults. */
function readColorCheck(reader, node, path) {
    const entries = readMapping(reader, node, path, COLOR_CHECK_KEYS);
    if (!entries)
        return undefined;
    const settings = {
        tolerance: 10,
        onMiss: 'warn',
        retries: 2
    };
    let ok = true;
    const read = (key, expected, check) => {
        const entry = entries.get(key);
        if (!entry)
            return;
        const value = readScalar(reader, entry.node, entry.path, expected, check);
        if (value === undefined)
            ok = false;
        else
            settings[key] = value;
    };
    read('tolerance', 'a number greater than 0 (a CIEDE2000 distance; default 10)', (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
    read('onMiss', 'warn, fail or retry', oneOf(MISS_ACTIONS));
    read('retries', 'an integer from 0 to 5', integerIn(0, 5));
    return ok ? settings : undefined;
}
/** Reads `crop`: where a cover-fit keeps the image. */
function readCrop(reader, node, path) {
    return readScalar(reader, node, path, 'attention, entropy or center', oneOf(CROP_POSITIONS), (value) => typeof value === 'string' ? (0,suggest/* didYouMean */.au)(value, CROP_POSITIONS) : '');
}
/**
 * Reads `snapColors`: `true` (the default tolerance), `false` (off, to
 * override `defaults`) or `{ tolerance }`.
 */
function readSnapColors(reader, node, path) {
    const expected = `true, false or { tolerance: <CIEDE2000 distance, default ${DEFAULT_SNAP_TOLERANCE}> }`;
    if (!(0,dist/* isMap */.jh)(reader.doc.deref(node))) {
        return readScalar(reader, node, path, expected, (value) => value === true
            ? { tolerance: DEFAULT_SNAP_TOLERANCE }
            : value === false
                ? false
                : undefined);
    }
    const entries = readMapping(reader, node, path, SNAP_COLORS_KEYS);
    if (!entries)
        return undefined;
    const entry = entries.get('tolerance');
    if (!entry)
        return { tolerance: DEFAULT_SNAP_TOLERANCE };
    const tolerance = readScalar(reader, entry.node, entry.path, 'a number greater than 0 and at most 20 (a CIEDE2000 distance)', (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 20
        ? v
        : undefined);
    return tolerance === undefined ? undefined : { tolerance };
}
/**
 * Reads `variants`, refusing two with the same width and format (they would
 * share a file).
 */
function readVariants(reader, node, path) {
    const items = readList(reader, node, path, 'a list of variants');
    if (!items)
        return undefined;
    const variants = [];
    const seen = new Map();
    let ok = true;
    items.forEach((item, index) => {
        const itemPath = `${path}[${index}]`;
        const variant = readVariant(reader, item, itemPath);
        if (!variant) {
            ok = false;
            return;
        }
        const key = `${variant.width}/${variant.format}`;
        const first = seen.get(key);
        if (first !== undefined) {
            reader.problems.add(item, itemPath, `repeats width ${variant.width} and format ${variant.format} of ${path}[${first}]; each variant needs its own width or format`);
            ok = false;
        }
        else
            seen.set(key, index);
        variants.push(variant);
    });
    return ok ? variants : undefined;
}
function readVariant(reader, node, path) {
    const entries = readMapping(reader, node, path, VARIANT_KEYS);
    if (!entries)
        return undefined;
    const get = (key, expected, check) => {
        const entry = entries.get(key);
        if (!entry)
            return null;
        return readScalar(reader, entry.node, entry.path, expected, check);
    };
    const width = get('width', 'an integer from 16 to 8192', integerIn(16, 8192));
    const format = get('format', 'png, jpeg, webp or avif', oneOf(VARIANT_FORMATS));
    const quality = get('quality', 'an integer from 1 to 100', integerIn(1, 100));
    for (const [key, value] of [
        ['width', width],
        ['format', format]
    ]) {
        if (value === null) {
            reader.problems.add(node, childPath(path, key), 'is required in each variant');
        }
    }
    if (width == null || format == null || quality === undefined)
        return undefined;
    return quality === null ? { width, format } : { width, format, quality };
}

;// CONCATENATED MODULE: ./src/spec/settings.ts



/** Keys an asset and `defaults` share. */
const SETTING_KEYS = [
    'model',
    'size',
    'aspectRatio',
    'format',
    'seed',
    'palette',
    'providerOptions',
    'swatch',
    'colorCheck',
    'variants',
    'crop',
    'snapColors'
];
const MODEL_PATTERN = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i;
/** Reads the shared settings from a mapping's known entries. */
function readSettings(reader, entries) {
    const size = entries.get('size');
    const aspectRatio = entries.get('aspectRatio');
    if (size && aspectRatio) {
        reader.problems.add(aspectRatio.node, aspectRatio.path, 'cannot be combined with `size`: give either an exact size or an aspect ratio');
    }
    return {
        model: field(reader, entries.get('model'), readModel),
        size: field(reader, size, readSize),
        aspectRatio: field(reader, aspectRatio, readAspectRatio),
        format: field(reader, entries.get('format'), readFormat),
        seed: field(reader, entries.get('seed'), (r, n, p) => readScalar(r, n, p, 'an integer from 0 to 4294967295', integerIn(0, 4_294_967_295))),
        palette: field(reader, entries.get('palette'), readPaletteChoice),
        providerOptions: field(reader, entries.get('providerOptions'), (r, n, p) => readJsonObject(r, n, p, 'a mapping (a JSON object passed to the gateway)')),
        swatch: field(reader, entries.get('swatch'), (r, n, p) => readScalar(r, n, p, 'true or false', (v) => typeof v === 'boolean' ? v : undefined)),
        colorCheck: field(reader, entries.get('colorCheck'), readColorCheck),
        variants: field(reader, entries.get('variants'), readVariants),
        crop: field(reader, entries.get('crop'), readCrop),
        snapColors: field(reader, entries.get('snapColors'), readSnapColors)
    };
}
/** Wraps a reader's result as a Setting, keeping its node and path. */
function field(reader, entry, read) {
    if (!entry)
        return undefined;
    const value = read(reader, entry.node, entry.path);
    return value === undefined
        ? null
        : { value, node: entry.node, path: entry.path };
}
/** Reads a model id such as `bfl/flux-2-pro`. */
function readModel(reader, node, path) {
    return readScalar(reader, node, path, 'a model id like "bfl/flux-2-pro"', (value) => typeof value === 'string' && MODEL_PATTERN.test(value) ? value : undefined);
}
/** Reads a path as written; paths.ts resolves and confines it. */
function readPathText(reader, node, path) {
    return readScalar(reader, node, path, 'a path relative to the spec file', nonEmptyString);
}

;// CONCATENATED MODULE: ./src/spec/pricing-reader.ts
/**
 * Reads the spec's `pricing:` map: per model id, a price the estimator uses
 * before the built-in table (see pricing.ts and src/plan/estimate.ts).
 */



/** Keys of one `pricing` entry. */
const PRICING_KEYS = [
    'perImage',
    'firstMegapixel',
    'perExtraMegapixel',
    'perReferenceMegapixel'
];
/** The most a spec may say one image or megapixel costs: more is a typo, not a price. */
const MAX_PRICE_USD = 100;
/**
 * Reads `pricing`: per model id, either `{ perImage }` or `{ firstMegapixel, perExtraMegapixel,
 * perReferenceMegapixel? }`, in USD.
 */
function readPricing(reader, node, path) {
    const value = reader.doc.deref(node);
    if (!(0,dist/* isMap */.jh)(value)) {
        reader.problems.add(node, path, `must be a mapping of model ids to prices; got ${describe(value)}`);
        return undefined;
    }
    const table = {};
    let ok = true;
    for (const pair of value.items) {
        const model = readModel(reader, pair.key, path);
        const pricing = model === undefined
            ? undefined
            : readPrice(reader, pairValue(pair), childPath(path, model));
        if (model === undefined || pricing === undefined)
            ok = false;
        else
            table[model] = pricing;
    }
    return ok ? table : undefined;
}
function readPrice(reader, node, path) {
    const before = reader.problems.count;
    const entries = readMapping(reader, node, path, PRICING_KEYS);
    // An unknown key is reported already; "needs perImage" on top would be noise.
    if (!entries || reader.problems.count > before)
        return undefined;
    const prices = {};
    let ok = true;
    for (const [key, entry] of entries) {
        const price = readScalar(reader, entry.node, entry.path, `a price in USD from 0 to ${MAX_PRICE_USD}`, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0
            ? v <= MAX_PRICE_USD
                ? v
                : undefined
            : undefined);
        if (price === undefined)
            ok = false;
        else
            prices[key] = price;
    }
    if (!ok)
        return undefined;
    const { perImage, firstMegapixel, perExtraMegapixel } = prices;
    const megapixel = firstMegapixel !== undefined ||
        perExtraMegapixel !== undefined ||
        prices.perReferenceMegapixel !== undefined;
    if (perImage !== undefined && !megapixel)
        return { perImage };
    if (perImage === undefined &&
        firstMegapixel !== undefined &&
        perExtraMegapixel !== undefined) {
        return {
            firstMegapixel,
            perExtraMegapixel,
            ...(prices.perReferenceMegapixel !== undefined
                ? { perReferenceMegapixel: prices.perReferenceMegapixel }
                : {})
        };
    }
    reader.problems.add(node, path, perImage !== undefined
        ? 'gives both perImage and megapixel prices; give one or the other'
        : 'needs perImage, or firstMegapixel and perExtraMegapixel (perReferenceMegapixel optional)');
    return undefined;
}

;// CONCATENATED MODULE: ./src/spec/validate.ts
/**
 * The structural pass: walks the parsed document and reads every key into a
 * typed outline, reporting unknown keys, wrong types, missing required keys and
 * duplicate ids. Values keep their nodes so the later passes (plan.ts,
 * outputs.ts, references.ts) can locate their own problems.
 */





/** Keys of the top-level mapping. */
const TOP_LEVEL_KEYS = [
    'version',
    'defaults',
    'palettes',
    'pricing',
    'assets'
];
/** Keys of `defaults`. */
const DEFAULTS_KEYS = [...SETTING_KEYS, 'outDir'];
/** Keys of an asset. */
const ASSET_KEYS = [
    'id',
    'prompt',
    'out',
    'references',
    ...SETTING_KEYS
];
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;
/** Returns whether `value` is a valid asset id, as the spec and the lockfile use them. */
function isAssetId(value) {
    return (typeof value === 'string' &&
        ID_PATTERN.test(value) &&
        value.length <= ID_MAX_LENGTH);
}
const ID_MAX_LENGTH = 100;
/**
 * Reads the document into an outline; undefined when it is not even a mapping
 * with assets.
 */
function readOutline(reader) {
    const { doc, problems } = reader;
    const root = doc.deref(doc.root);
    if (root === undefined || ((0,dist/* isScalar */.jn)(root) && root.value === null)) {
        problems.addAt(0, '', 'the spec is empty: expected a mapping with `version: 1` and `assets`');
        return undefined;
    }
    const top = readMapping(reader, root, '', TOP_LEVEL_KEYS, 'a mapping with `version` and `assets`');
    if (!top)
        return undefined;
    for (const key of ['version', 'assets']) {
        if (top.has(key))
            continue;
        const hint = key === 'version' ? ': add `version: 1`' : '';
        problems.add(root, key, `is required${hint}`);
    }
    const version = top.get('version');
    if (version) {
        readScalar(reader, version.node, version.path, '1 (the only spec version)', (v) => (v === 1 ? v : undefined));
    }
    const defaultsEntry = top.get('defaults');
    const defaults = defaultsEntry ? readDefaults(reader, defaultsEntry) : {};
    const palettesEntry = top.get('palettes');
    const palettes = palettesEntry
        ? readPalettes(reader, palettesEntry)
        : new Map();
    const pricingEntry = top.get('pricing');
    const pricing = pricingEntry
        ? readPricing(reader, pricingEntry.node, pricingEntry.path)
        : undefined;
    const assetsEntry = top.get('assets');
    const assets = assetsEntry ? readAssets(reader, assetsEntry) : [];
    return { defaults, palettes, pricing: pricing ?? {}, assets };
}
function readDefaults(reader, entry) {
    const entries = readMapping(reader, entry.node, entry.path, DEFAULTS_KEYS);
    if (!entries)
        return {};
    return {
        ...readSettings(reader, entries),
        outDir: field(reader, entries.get('outDir'), readPathText)
    };
}
function readPalettes(reader, entry) {
    const palettes = new Map();
    const value = reader.doc.deref(entry.node);
    if (!(0,dist/* isMap */.jh)(value)) {
        reader.problems.add(entry.node, entry.path, `must be a mapping of palette names to colour lists; got ${describe(value)}`);
        return palettes;
    }
    for (const pair of value.items) {
        const name = readScalar(reader, pair.key, entry.path, 'a palette name', nonEmptyString);
        if (name === undefined)
            continue;
        const path = childPath(entry.path, name);
        palettes.set(name, readColors(reader, pairValue(pair), path));
    }
    return palettes;
}
function readAssets(reader, entry) {
    const items = readList(reader, entry.node, entry.path, 'a list of assets');
    if (!items)
        return [];
    if (items.length === 0) {
        reader.problems.add(entry.node, entry.path, 'must list at least one asset');
        return [];
    }
    const assets = items.map((item, index) => readAsset(reader, item, index));
    const seen = new Map();
    for (const asset of assets) {
        if (!asset.id)
            continue;
        // Ids name output files, and file systems differ on case: compare them
        // case-insensitively.
        const key = asset.id.value.toLowerCase();
        const first = seen.get(key);
        if (first === undefined)
            seen.set(key, asset.index);
        else {
            reader.problems.add(asset.id.node, asset.id.path, `duplicate id \`${asset.id.value}\`: assets[${first}] already uses it (ids are compared case-insensitively)`);
        }
    }
    return assets;
}
function readAsset(reader, node, index) {
    const path = `assets[${index}]`;
    const asset = { index, node, path };
    const entries = readMapping(reader, node, path, ASSET_KEYS, 'an asset mapping with `id` and `prompt`');
    if (!entries)
        return asset;
    for (const key of ['id', 'prompt']) {
        if (!entries.has(key)) {
            reader.problems.add(node, childPath(path, key), 'is required');
        }
    }
    return {
        ...asset,
        ...readSettings(reader, entries),
        id: field(reader, entries.get('id'), readId),
        prompt: field(reader, entries.get('prompt'), readPrompt),
        out: field(reader, entries.get('out'), readPathText),
        references: field(reader, entries.get('references'), readReferenceList)
    };
}
function readId(reader, node, path) {
    return readScalar(reader, node, path, `an id of letters, digits, ".", "_" and "-" that starts with a letter or digit (at most ${ID_MAX_LENGTH} characters)`, (value) => (isAssetId(value) ? value : undefined));
}
function readPrompt(reader, node, path) {
    const value = reader.doc.deref(node);
    if (!(0,dist/* isMap */.jh)(value)) {
        return readScalar(reader, node, path, 'a non-empty string or a mapping (a FLUX.2 structured prompt)', nonEmptyString);
    }
    if (value.items.length === 0) {
        reader.problems.add(node, path, 'must not be empty: a structured prompt needs at least one key, such as `scene`');
        return undefined;
    }
    return readJsonObject(reader, node, path, 'a mapping');
}
function readReferenceList(reader, node, path) {
    const items = readList(reader, node, path, 'a list of image paths or globs');
    if (!items)
        return undefined;
    const references = items.map((item, index) => {
        const itemPath = `${path}[${index}]`;
        const value = readScalar(reader, item, itemPath, 'an image path or glob relative to the spec file', nonEmptyString);
        return value === undefined
            ? undefined
            : { value, node: item, path: itemPath };
    });
    return references.every((reference) => reference !== undefined)
        ? references
        : undefined;
}


/***/ }),

/***/ 1222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ git),
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   b4: () => (/* binding */ readBlobs),
/* harmony export */   t3: () => (/* binding */ listBlobs)
/* harmony export */ });
/* unused harmony export MAX_LISTING_BYTES */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The few git plumbing commands the CLI's store needs, run with execFile (no shell) in the local
 * clone, with every output bounded.
 */

/** Output cap for listings: generous for a big store, finite for a broken one. */
const MAX_LISTING_BYTES = 64 * 1024 * 1024;
/** Runs `git args` in `cwd` and resolves with stdout; rejects with git's stderr on failure. */
function git(cwd, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, {
            cwd,
            maxBuffer: options.maxBuffer ?? MAX_LISTING_BYTES,
            env: { ...process.env, ...options.env },
            encoding: 'utf8'
        }, (error, stdout, stderr) => {
            if (error) {
                reject(new Error(`git ${args[0]} failed: ${stderr.trim() || error.message}`, { cause: error }));
            }
            else
                resolve(stdout);
        });
        if (options.input !== undefined)
            child.stdin?.end(options.input);
    });
}
/** The commit `ref` names, or undefined when it does not exist (or this is not a git clone). */
async function resolveCommit(cwd, ref) {
    try {
        return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    }
    catch {
        return undefined;
    }
}
/** Blobs under `paths` (folders) at `commit`, recursively, with their sizes. */
async function listBlobs(cwd, commit, paths = []) {
    const output = await git(cwd, [
        'ls-tree',
        '-r',
        '-l',
        '-z',
        commit,
        '--',
        ...paths
    ]);
    const blobs = [];
    for (const line of output.split('\0')) {
        // `<mode> blob <sha> <size>\t<path>`
        const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/s.exec(line);
        if (match)
            blobs.push({ sha: match[1], size: Number(match[2]), path: match[3] });
    }
    return blobs;
}
/**
 * Reads blobs through one `git cat-file --batch` process. Callers pass only blobs whose listed
 * sizes they accept, so the total read is bounded by them.
 */
function readBlobs(cwd, shas) {
    const found = new Map();
    if (shas.length === 0)
        return Promise.resolve(found);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], {
            cwd,
            stdio: ['pipe', 'pipe', 'pipe']
        });
        const chunks = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code !== 0) {
                reject(new Error(`git cat-file failed: ${stderr.trim()}`));
                return;
            }
            const output = Buffer.concat(chunks);
            let offset = 0;
            while (offset < output.length) {
                const end = output.indexOf(0x0a, offset);
                if (end < 0)
                    break;
                const header = output.subarray(offset, end).toString('utf8');
                const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
                if (!match) {
                    offset = end + 1; // `<sha> missing`
                    continue;
                }
                const size = Number(match[2]);
                found.set(match[1], output.subarray(end + 1, end + 1 + size));
                offset = end + 1 + size + 1;
            }
            resolve(found);
        });
        child.stdin.end(`${shas.join('\n')}\n`);
    });
}


/***/ }),

/***/ 5891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ entryFolder),
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   LN: () => (/* binding */ storeKey),
/* harmony export */   lt: () => (/* binding */ RECORD_FILE),
/* harmony export */   om: () => (/* binding */ storePaths),
/* harmony export */   p4: () => (/* binding */ isVerified),
/* harmony export */   xR: () => (/* binding */ MAX_RECORD_BYTES)
/* harmony export */ });
/* unused harmony exports PREVIEW_FILE, storePrefix, isBaseName */
/* harmony import */ var _plan_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2239);
/**
 * Where things live on the store branch, and what makes a stored entry trustworthy.
 *
 * Layout (one folder per input hash, fanned out by its first two hex digits so a lookup reads one
 * small subtree instead of the whole store):
 *
 * ```
 * <hash[0:2]>/<hash>/<file>          the output exactly as written to the workspace (`file` = its base name)
 * <hash[0:2]>/<hash>/record.json     a StoreRecord: id, model, seed, size, format, sha256, bytes, cost,
 *                                    colour check, createdAt, runUrl, file
 * <hash[0:2]>/<hash>/preview.webp    a WebP preview for PR comments, at most 800 px wide
 * ```
 *
 * `<hash>` is the lockfile's input hash without its `sha256:` prefix (64 hex digits).
 */

/** The record's file name inside an entry's folder. */
const RECORD_FILE = 'record.json';
/** The preview's file name inside an entry's folder. */
const PREVIEW_FILE = 'preview.webp';
/** Records are small; anything bigger is not one of ours. */
const MAX_RECORD_BYTES = 64 * 1024;
/** The store key of an input hash: its 64 hex digits. Throws on anything else. */
function storeKey(inputHash) {
    const key = inputHash.replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(key)) {
        throw new Error(`not an input hash: ${JSON.stringify(inputHash)}`);
    }
    return key;
}
/** The first-level folder (`<hash[0:2]>`) a hash lives under. */
function storePrefix(inputHash) {
    return storeKey(inputHash).slice(0, 2);
}
/** The folder (`<hash[0:2]>/<hash>`) of the entry for `inputHash`. */
function entryFolder(inputHash) {
    const key = storeKey(inputHash);
    return `${key.slice(0, 2)}/${key}`;
}
/** The paths of the entry for `inputHash` whose output's base name is `file`. */
function storePaths(inputHash, file) {
    if (!isBaseName(file)) {
        throw new Error(`not a file name: ${JSON.stringify(file)}`);
    }
    const folder = entryFolder(inputHash);
    return {
        folder,
        image: `${folder}/${file}`,
        record: `${folder}/${RECORD_FILE}`,
        preview: `${folder}/${PREVIEW_FILE}`
    };
}
/** A plain file name: no folder, no `.`/`..`, not one of the entry's own files. */
function isBaseName(file) {
    return (/^[^/\\]+$/.test(file) &&
        // No control characters: a name that could split a line in git's plumbing is not a file name.
        ![...file].some((character) => character.charCodeAt(0) < 0x20) &&
        file !== '.' &&
        file !== '..' &&
        file !== RECORD_FILE &&
        file !== PREVIEW_FILE);
}
/**
 * Parses a record.json read from the store (outside text: the branch may have been written by
 * anyone with push access); undefined when it is not a well-formed record.
 */
function parseRecord(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    const strings = ['id', 'model', 'format', 'sha256', 'createdAt', 'file'];
    const numbers = ['seed', 'width', 'height', 'bytes'];
    if (strings.some((key) => typeof record[key] !== 'string'))
        return undefined;
    if (numbers.some((key) => !Number.isFinite(record[key])))
        return undefined;
    if (!isBaseName(record.file))
        return undefined;
    return value;
}
/** A hit is usable when its bytes are exactly what its record promises. */
function isVerified(hit) {
    return (hit.image.length === hit.record.bytes &&
        (0,_plan_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(hit.image) === hit.record.sha256);
}


/***/ })

};
