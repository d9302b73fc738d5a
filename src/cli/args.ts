/**
 * Parses the command line against the option table (`options.ts`): per-command help,
 * did-you-mean for unknown flags and commands, numeric ranges checked before anything runs.
 */
import { parseArgs } from 'node:util'
import { InputError } from '../errors.js'
import { closestMatch } from '../spec/suggest.js'
import { VERSION } from '../version.js'
import {
  COMMANDS,
  OPTIONS,
  type Command,
  type Numeric,
  type OptionDefinition,
  type OptionName
} from './options.js'

export { OPTIONS, type Command } from './options.js'

/** Parsed, validated arguments. */
export interface CliArguments {
  command: Command
  /** Raw option values as parsed (strings, booleans, string lists). */
  values: {
    spec?: string
    root?: string
    only: string[]
    force: boolean
    json: boolean
    placeholder: boolean
    'gateway-url'?: string
    'max-cost'?: string
    'no-tags': boolean
    'no-store': boolean
    'store-branch'?: string
    'older-than'?: string
    strict: boolean
    shard?: string
    manifest?: string
    help: boolean
    version: boolean
  }
  /** Numeric options, validated against their ranges, defaults filled in. */
  numbers: Record<Numeric, number>
}

const exitCodes =
  'Exit codes: 0 ok; 1 invalid spec, failed assets, or (check) work to do; 2 bad arguments;\n' +
  '130/143 interrupted (SIGINT/SIGTERM).'

function optionLines(names: OptionName[]): string {
  const flags = names.map((name) => {
    const option: OptionDefinition = OPTIONS[name]
    const short = option.short ? `-${option.short}, ` : ''
    return `${short}--${name}${option.value ? ` ${option.value}` : ''}`
  })
  const width = Math.max(...flags.map((flag) => flag.length)) + 2
  return names
    .map(
      (name, index) =>
        `  ${(flags[index] ?? '').padEnd(width)}${OPTIONS[name].description}`
    )
    .join('\n')
}

function optionsOf(command: Command): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((name) =>
    (OPTIONS[name].commands as Command[]).includes(command)
  )
}

/** The general help, or one command's. */
export function usage(command?: Command): string {
  if (command) {
    return `assetgen ${command}: ${COMMANDS[command]}\n\nUsage: assetgen ${command} [options]\n\nOptions:\n${optionLines(optionsOf(command))}\n\n${exitCodes}`
  }
  const list = (Object.keys(COMMANDS) as Command[])
    .map((name) => `  assetgen ${name.padEnd(7)} ${COMMANDS[name]}`)
    .join('\n')
  const all = Object.keys(OPTIONS) as OptionName[]
  return `assetgen ${VERSION}: generate on-brand images from a YAML spec through the Vercel AI Gateway

Usage:
${list}

Options (\`assetgen <command> --help\` lists one command's):
${optionLines(all)}

The key comes from env AI_GATEWAY_API_KEY. ${exitCodes}`
}

/** A usage error: exit code 2, with the command's help when known. */
export class UsageError extends InputError {
  readonly command: Command | undefined
  constructor(message: string, command?: Command) {
    super(message)
    this.command = command
  }
}

function isCommand(text: string): text is Command {
  return Object.hasOwn(COMMANDS, text)
}

function unknownFlag(flag: string, command: Command | undefined): string {
  const name = flag.replace(/^-+/, '').split('=')[0] ?? ''
  const known = command ? optionsOf(command) : Object.keys(OPTIONS)
  const guess = closestMatch(name, known)
  const elsewhere =
    !guess && command && isOption(name)
      ? ` (${command} does not take --${name})`
      : ''
  return `unknown option ${flag}${guess ? `: did you mean --${guess}?` : elsewhere}`
}

function isOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name)
}

/** Reads a whole number in its range, naming the flag when it is not. */
function wholeNumber(name: Numeric, raw: string | undefined): number {
  const { min, max, fallback } = OPTIONS[name].range
  if (raw === undefined) return fallback
  const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new InputError(
      `--${name} must be a whole number from ${min} to ${max}, got "${raw}"`
    )
  return value
}

/**
 * Parses argv: the command (default `plan`), its options and numbers. Throws UsageError naming the
 * problem (unknown command or flag with a did-you-mean, a flag the command does not take, a number
 * out of range) before anything else runs.
 */
export function parseCommandLine(argv: string[]): CliArguments {
  const first = argv.find((argument) => !argument.startsWith('-'))
  const command = first !== undefined && isCommand(first) ? first : undefined
  let parsed: ReturnType<
    typeof parseArgs<{
      options: typeof OPTIONS
      allowPositionals: true
      strict: true
    }>
  >
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: OPTIONS
    })
  } catch (error) {
    const flag = /option '([^']+)'/.exec(String(error))?.[1]
    const code = (error as { code?: string }).code
    if (flag && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(
        unknownFlag(flag.split(' ')[0] ?? flag, command),
        command
      )
    throw new UsageError((error as Error).message, command)
  }
  const { values, positionals } = parsed
  const name = positionals[0] ?? 'plan'
  // `store` takes one subcommand: `assetgen store prune`.
  const subcommands = name === 'store' ? ['prune'] : []
  const extra = positionals.slice(1)
  const known =
    extra.length === 0
      ? subcommands.length === 0
      : extra.length === 1 && subcommands.includes(extra[0] ?? '')
  if (!isCommand(name) || !known) {
    const guess = closestMatch(name, Object.keys(COMMANDS))
    throw new UsageError(
      `unknown command "${positionals.join(' ')}"${guess ? `: did you mean ${guess}?` : ''}`
    )
  }
  for (const option of Object.keys(values)) {
    if (
      isOption(option) &&
      !(OPTIONS[option].commands as Command[]).includes(name)
    )
      throw new UsageError(`${name} does not take --${option}`, name)
  }
  const numbers = {} as Record<Numeric, number>
  for (const option of Object.keys(OPTIONS) as OptionName[]) {
    const definition: OptionDefinition = OPTIONS[option]
    if (definition.range) {
      try {
        numbers[option as Numeric] = wholeNumber(
          option as Numeric,
          values[option] as string | undefined
        )
      } catch (error) {
        throw new UsageError((error as Error).message, name)
      }
    }
  }
  return {
    command: name,
    values: {
      ...values,
      only: (values.only ?? [])
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean),
      force: values.force ?? false,
      json: values.json ?? false,
      placeholder: values.placeholder ?? false,
      'no-tags': values['no-tags'] ?? false,
      'no-store': values['no-store'] ?? false,
      strict: values.strict ?? false,
      help: values.help ?? false,
      version: values.version ?? false
    },
    numbers
  }
}
