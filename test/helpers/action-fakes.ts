/**
 * The fakes a run of the bundled action talks to (the AI Gateway, GitHub and the artifact
 * service), started and closed together, and a run of `dist/index.js` wired to them.
 */
import { afterEach, beforeEach } from 'vitest'
import { FakeArtifactService } from '../fakes/artifact-service.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { runAction, type ActionRun, type RunActionOptions } from './runner.js'

/** One set of fakes, with the key and token they accept. */
export interface ActionFakes {
  gateway: FakeGateway
  github: FakeGitHub
  artifacts: FakeArtifactService
  apiKey: string
  token: string
  close(): Promise<void>
}

/** Starts a fake gateway accepting `apiKey`, a fake GitHub accepting `token`, and artifacts. */
export async function startActionFakes(
  apiKey: string,
  token: string
): Promise<ActionFakes> {
  const [gateway, github, artifacts] = await Promise.all([
    startFakeGateway({ apiKeys: apiKey }),
    FakeGitHub.start({ token }),
    FakeArtifactService.start()
  ])
  return {
    gateway,
    github,
    artifacts,
    apiKey,
    token,
    close: async () => {
      await Promise.all([gateway.close(), github.close(), artifacts.close()])
    }
  }
}

/**
 * Runs the action in `root` against `fakes`: their key, token and URLs as inputs and env, under
 * whatever `options` adds (its inputs and env are merged over these).
 */
export function runAgainstFakes(
  fakes: ActionFakes,
  root: string,
  options: Partial<RunActionOptions> = {}
): Promise<ActionRun> {
  return runAction({
    workspace: root,
    ...options,
    inputs: {
      'api-key': fakes.apiKey,
      'gateway-url': fakes.gateway.url,
      'github-token': fakes.token,
      ...options.inputs
    },
    env: {
      GITHUB_API_URL: fakes.github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ...fakes.artifacts.runtimeEnv(),
      ...options.env
    }
  })
}

/**
 * Fresh fakes for every test of the file: started before each test and handed to `use`, closed
 * after it. Returns a run of the action against the current test's fakes.
 */
export function actionFakesBeforeEach(
  apiKey: string,
  token: string,
  use: (fakes: ActionFakes) => void
): (root: string, options?: Partial<RunActionOptions>) => Promise<ActionRun> {
  let current: ActionFakes | undefined
  beforeEach(async () => {
    current = await startActionFakes(apiKey, token)
    use(current)
  })
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  return (root, options) => {
    if (current === undefined) throw new Error('no fakes outside a test')
    return runAgainstFakes(current, root, options)
  }
}
