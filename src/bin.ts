#!/usr/bin/env node
/** The CLI's entry point (`npx assetgen`): everything happens in `main()`. */
import { main } from './cli.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  }
)
