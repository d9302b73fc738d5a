/** The responses the fake GitHub sends: a status with a JSON (or HTML) body, and its error shape. */

/** One answer of the fake GitHub. */
export interface FakeResponse {
  status: number
  /** An object is sent as JSON, a string as text/html. */
  body?: unknown
  headers?: Record<string, string>
}

/** A 200 with `body`. */
export function ok(body: unknown): FakeResponse {
  return { status: 200, body }
}

/** A GitHub-shaped error. */
export function error(status: number, message: string): FakeResponse {
  return {
    status,
    body: { message, documentation_url: 'https://docs.github.com/rest' }
  }
}
