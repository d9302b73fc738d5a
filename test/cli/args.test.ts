import { describe, expect, it } from 'vitest'
import {
  OPTIONS,
  UsageError,
  parseCommandLine,
  usage
} from '../../src/cli/args.js'

function usageError(argv: string[]): UsageError {
  try {
    parseCommandLine(argv)
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error(`no usage error for ${argv.join(' ')}`)
}

describe('CLI arguments', () => {
  it('defaults to plan and fills numeric defaults from the option table', () => {
    const args = parseCommandLine([])
    expect(args.command).toBe('plan')
    expect(args.numbers).toEqual({
      concurrency: 4,
      'max-retries': 2,
      timeout: 300,
      'max-images': 0
    })
    expect(
      parseCommandLine(['build', '--only', 'a,b', '--only', 'c']).values.only
    ).toEqual(['a', 'b', 'c'])
  })

  it('validates every numeric flag in every command that takes it', () => {
    expect(usageError(['plan', '--concurrency', 'abc']).message).toBe(
      '--concurrency must be a whole number from 1 to 64, got "abc"'
    )
    expect(usageError(['check', '--concurrency', '65']).message).toMatch(
      /from 1 to 64/
    )
    expect(usageError(['build', '--concurrency', '0']).command).toBe('build')
    expect(usageError(['build', '--timeout', '1.5']).message).toMatch(
      /--timeout must be a whole number from 1 to 3600/
    )
    expect(usageError(['build', '--max-retries', '11']).message).toMatch(
      /0 to 10/
    )
    expect(
      parseCommandLine(['build', '--max-images', '0']).numbers['max-images']
    ).toBe(0)
  })

  it('suggests the closest flag or command, and says when a command does not take a flag', () => {
    expect(usageError(['build', '--concurency', '2']).message).toBe(
      'unknown option --concurency: did you mean --concurrency?'
    )
    expect(usageError(['plan', '--palceholder']).message).toMatch(
      /did you mean --placeholder\?/
    )
    expect(usageError(['biuld']).message).toBe(
      'unknown command "biuld": did you mean build?'
    )
    expect(usageError(['plan', '--manifest', 'x.json']).message).toBe(
      'plan does not take --manifest'
    )
  })

  it("prints one command's options, and every command in the general help", () => {
    const build = usage('build')
    expect(build).toMatch(/^assetgen build: generate/)
    expect(build).toContain('--gateway-url <url>')
    expect(usage('plan')).not.toContain('--gateway-url')
    expect(usage('models')).not.toContain('--concurrency')
    const general = usage()
    for (const name of Object.keys(OPTIONS))
      expect(general).toContain(`--${name}`)
    expect(general).toMatch(/assetgen models/)
    expect(general).toMatch(/Exit codes: 0 ok; 1 .*; 2 bad arguments/)
  })
})
