#!/usr/bin/env node
/** The CLI's entry point (`npx assetgen`): everything happens in `main()`. */
import { inspect } from 'node:util'
import { main } from './cli.js'
import { redact } from './safe-text.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not a reported failure: print it whole, but never with the key in it.
    console.error(redact(inspect(error)))
    process.exitCode = 1
  }
)
