/**
 * The HTTP plumbing of the fake gateway: turning a request into its record, writing a reply (or
 * cutting it short), reading a body, waiting out the latency, and digesting reference images.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type {
  FakeGatewayRequest,
  FakeReply,
  FileDigest,
  ImageRequestBody,
  ImageRequestFile
} from './gateway-types.js'

/** The record of one `image-model` request: headers, body and decoded reference images. */
export function toRecord(
  index: number,
  receivedAt: number,
  req: IncomingMessage,
  body: ImageRequestBody
): FakeGatewayRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = [value].flat().join(', ')
  }
  const decode = (file: ImageRequestFile | undefined) =>
    file?.type === 'file' ? [Buffer.from(file.data, 'base64')] : []
  const mask = decode(body.mask)[0]
  return {
    index,
    receivedAt,
    headers,
    body,
    modelId: headers['ai-model-id'],
    files: (body.files ?? []).flatMap(decode),
    ...(mask && { mask })
  }
}

/** Writes `reply` (nothing for a hang or a closed socket), noting status and time on `record`. */
export function send(
  res: ServerResponse,
  reply: FakeReply,
  record?: FakeGatewayRequest
) {
  if (reply.type === 'hang' || res.destroyed) return
  const body = Buffer.from(reply.body)
  res.writeHead(reply.status, {
    'content-length': String(body.length),
    ...reply.headers
  })
  if (record) {
    record.status = reply.status
    record.respondedAt = Date.now()
  }
  const cut = reply.destroyAfterBytes
  if (cut === undefined) {
    res.end(body)
  } else {
    res.write(body.subarray(0, cut), () => res.destroy())
  }
}

/** The whole request body as UTF-8. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}

/** Size and SHA-256 of `buffer`. */
export function digest(buffer: Buffer): FileDigest {
  const sha256 = createHash('sha256').update(buffer).digest('hex')
  return { bytes: buffer.length, sha256 }
}
