#!/usr/bin/env node
/** The CLI's entry point (`npx assetgen`): checks the Node version, then everything happens in `main()`. */
import { inspect } from 'node:util'
import { redact } from './safe-text.js'

const wanted = 24
const major = Number(process.versions.node.split('.')[0])
if (major < wanted) {
  // Before loading anything else: the engine needs Node 24 APIs, and one line beats a stack trace.
  console.error(
    `assetgen needs Node ${wanted} or newer (this is Node ${process.versions.node}): install it from https://nodejs.org, or in a clone of assetgen run \`source .ci/node.sh\``
  )
  process.exitCode = 1
} else {
  import('./cli.js')
    .then(({ main }) => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code
      },
      (error: unknown) => {
        // A bug, not a reported failure: print it whole, but never with the key in it.
        console.error(redact(inspect(error)))
        process.exitCode = 1
      }
    )
}
