import { Writable } from 'node:stream'
import { main } from '../../src/cli.js'

/** A writable stream that keeps what was written, and a reader for it. */
export function capture(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    }
  })
  return { stream, text: () => text }
}

/** Runs the CLI in-process, as if started in `cwd`. */
export async function cli(cwd: string, ...args: string[]) {
  const out = capture()
  const err = capture()
  const code = await main(args, { stdout: out.stream, stderr: err.stream, cwd })
  return { code, stdout: out.text(), stderr: err.text() }
}
