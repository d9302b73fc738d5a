import { afterAll, beforeAll, beforeEach } from 'vitest'
import { ok, startFakeGateway, type FakeGateway } from '../fakes/gateway.js'

/**
 * One fake gateway for every test of the file, accepting `test-key`: started before the first
 * test and handed to `use`, reset to answer `ok()` before each test, closed after the last.
 */
export function fakeGatewayPerFile(use: (gateway: FakeGateway) => void): void {
  let gateway: FakeGateway | undefined
  beforeAll(async () => {
    gateway = await startFakeGateway({ apiKeys: 'test-key' })
    use(gateway)
  })
  afterAll(() => gateway?.close())
  beforeEach(() => {
    if (gateway === undefined) return
    gateway.reset()
    gateway.behavior = ok()
  })
}
