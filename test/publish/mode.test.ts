import { describe, expect, it } from 'vitest'
import { PublishError } from '../../src/errors.js'
import { resolvePublishMode } from '../../src/publish/mode.js'
import type { EventContext, PublishModeInput } from '../../src/publish/mode.js'

const repository = 'acme/site'
const push = (ref = 'refs/heads/main'): EventContext => ({
  eventName: 'push',
  repository,
  ref,
  payload: {}
})
const pr = (
  eventName = 'pull_request',
  headRepo: string | null = repository
): EventContext => ({
  eventName,
  repository,
  ref: 'refs/pull/5/merge',
  payload: {
    pull_request: {
      number: 5,
      head: {
        ref: 'feature/art',
        repo: headRepo === null ? null : { full_name: headRepo }
      }
    }
  }
})
const event = (eventName: string, ref = 'refs/heads/main'): EventContext => ({
  eventName,
  repository,
  ref,
  payload: {}
})

describe('resolvePublishMode', () => {
  it.each([
    ['push', 'main'],
    ['schedule', 'main'],
    ['workflow_dispatch', 'main'],
    ['repository_dispatch', 'main']
  ])('auto on %s commits to the branch of GITHUB_REF', (eventName, branch) => {
    expect(resolvePublishMode('auto', event(eventName))).toEqual({
      mode: 'commit',
      branch,
      warnings: []
    })
  })

  it('keeps slashes in branch names', () => {
    expect(
      resolvePublishMode('auto', push('refs/heads/release/v2')).branch
    ).toBe('release/v2')
  })

  it.each([['refs/tags/v1.0.0'], [undefined]])(
    'refuses to commit to a tag or detached ref (%s)',
    (ref) => {
      const context = { ...push(), ref }
      expect(() => resolvePublishMode('auto', context)).toThrow(PublishError)
      expect(() => resolvePublishMode('auto', context)).toThrow(
        /tags\/detached refs can't be committed to; set `branch`/
      )
    }
  )

  it('lets the branch input win, even on a tag', () => {
    expect(
      resolvePublishMode('auto', push('refs/tags/v1'), { branch: 'assets' })
    ).toMatchObject({ mode: 'commit', branch: 'assets' })
    expect(
      resolvePublishMode('commit', pr(), { branch: 'assets' })
    ).toMatchObject({ mode: 'commit', branch: 'assets' })
  })

  it('uploads artifacts for a same-repository pull request', () => {
    expect(resolvePublishMode('auto', pr())).toEqual({
      mode: 'artifact',
      pullNumber: 5,
      warnings: []
    })
  })

  it.each([['auto'], ['artifact'], ['commit']] as Array<[PublishModeInput]>)(
    'plans only for a fork pull request (%s)',
    (input) => {
      const decision = resolvePublishMode(
        input,
        pr('pull_request', 'someone/site')
      )
      expect(decision).toMatchObject({
        mode: 'skip-fork',
        pullNumber: 5,
        warnings: []
      })
      expect(decision.notice).toMatch(/no secrets and a read-only token/)
      expect(decision.notice).toMatch(/`workflow_run` job/)
    }
  )

  it('treats a pull request whose fork was deleted as a fork', () => {
    expect(resolvePublishMode('auto', pr('pull_request', null)).mode).toBe(
      'skip-fork'
    )
  })

  it('uploads artifacts on pull_request_target, with a warning about untrusted specs', () => {
    for (const head of [repository, 'someone/site']) {
      const decision = resolvePublishMode(
        'auto',
        pr('pull_request_target', head)
      )
      expect(decision).toMatchObject({ mode: 'artifact', pullNumber: 5 })
      expect(decision.warnings).toEqual([
        expect.stringMatching(/untrusted input/)
      ])
    }
  })

  it('commits to the head branch in commit mode on a same-repository pull request', () => {
    expect(resolvePublishMode('commit', pr())).toEqual({
      mode: 'commit',
      branch: 'feature/art',
      warnings: []
    })
  })

  it('refuses commit mode on pull_request_target from a fork without `branch`', () => {
    expect(() =>
      resolvePublishMode('commit', pr('pull_request_target', 'someone/site'))
    ).toThrow(/in the fork someone\/site.*set `branch`/)
  })

  it('refuses commit mode on pull_request_target from a deleted fork without `branch`', () => {
    expect(() =>
      resolvePublishMode('commit', pr('pull_request_target', null))
    ).toThrow(PublishError)
  })

  it('publishes nothing for other events under auto, and says how to change that', () => {
    const decision = resolvePublishMode('auto', event('release'))
    expect(decision).toMatchObject({ mode: 'none', warnings: [] })
    expect(decision.notice).toMatch(
      /`release` event .*`mode: commit` or `mode: artifact`/
    )
  })

  it('honours explicit modes on any event', () => {
    expect(resolvePublishMode('none', pr())).toEqual({
      mode: 'none',
      warnings: []
    })
    expect(resolvePublishMode('artifact', push())).toEqual({
      mode: 'artifact',
      warnings: []
    })
    expect(resolvePublishMode('commit', event('release'))).toMatchObject({
      mode: 'commit',
      branch: 'main'
    })
  })

  it('fails clearly when a pull request event has no pull request in its payload', () => {
    expect(() =>
      resolvePublishMode('auto', { ...event('pull_request'), payload: {} })
    ).toThrow(/payload has no pull_request/)
  })

  it('store mode only adds to the store, on any event, but a fork PR still only plans', () => {
    for (const context of [push(), pr(), event('workflow_dispatch')])
      expect(resolvePublishMode('store', context)).toEqual({
        mode: 'store',
        warnings: []
      })
    expect(
      resolvePublishMode('store', pr('pull_request', 'evil/site')).mode
    ).toBe('skip-fork')
  })
})
