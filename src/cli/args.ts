/**
 * The CLI's commands and options, in one table: parsing, per-command help, did-you-mean and
 * numeric ranges all read from it, so a new flag is one entry.
 */
import { parseArgs } from 'node:util'
import { InputError } from '../errors.js'
import { closestMatch } from '../spec/suggest.js'
import { VERSION } from '../version.js'

/** The CLI's commands. */
export type Command = 'plan' | 'check' | 'build' | 'models'

const commands: Record<Command, string> = {
  plan: 'validate the spec and show what would be generated, and why (no network)',
  check: 'exit 1 when anything would be generated (for CI jobs without a key)',
  build: 'generate what the plan says, write the files and assetgen.lock.json',
  models: 'list the models assetgen knows, with their limits'
}

const planning: Command[] = ['plan', 'check', 'build']

/** One option: its parser type, help text, the commands that take it and, if numeric, its range. */
interface OptionDefinition {
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
  /** Shown after the flag in help, e.g. `<file>`. */
  value?: string
  description: string
  commands: Command[]
  /** A whole number in [min, max]; `fallback` when absent. */
  range?: { min: number; max: number; fallback: number }
}

/** Every option; add a flag here and it is parsed, validated and listed in help. */
export const OPTIONS = {
  spec: {
    type: 'string',
    value: '<file>',
    description: 'spec file (default assetgen.yml in the current folder)',
    commands: planning
  },
  root: {
    type: 'string',
    value: '<dir>',
    description:
      "workspace root (default: the git top level of the spec's folder, else that folder)",
    commands: planning
  },
  only: {
    type: 'string',
    multiple: true,
    value: '<ids>',
    description: 'asset ids or globs, comma-separated or repeated',
    commands: planning
  },
  force: {
    type: 'boolean',
    description: 'regenerate every selected asset',
    commands: planning
  },
  json: {
    type: 'boolean',
    description: 'print machine-readable JSON (errors too)',
    commands: [...planning, 'models']
  },
  placeholder: {
    type: 'boolean',
    description: 'render offline placeholders instead of calling the gateway',
    commands: planning
  },
  'gateway-url': {
    type: 'string',
    value: '<url>',
    description:
      "AI Gateway base URL (default env AI_GATEWAY_BASE_URL, else the SDK's)",
    commands: ['build']
  },
  concurrency: {
    type: 'string',
    value: '<n>',
    description: 'image requests in flight, 1-64 (default 4)',
    commands: planning,
    range: { min: 1, max: 64, fallback: 4 }
  },
  'max-retries': {
    type: 'string',
    value: '<n>',
    description: 'retries per image, 0-10 (default 2)',
    commands: planning,
    range: { min: 0, max: 10, fallback: 2 }
  },
  timeout: {
    type: 'string',
    value: '<seconds>',
    description: 'per image, 1-3600 (default 300)',
    commands: planning,
    range: { min: 1, max: 3600, fallback: 300 }
  },
  'max-images': {
    type: 'string',
    value: '<n>',
    description:
      'refuse when more images would be generated, 0-100000 (default 0: no cap)',
    commands: planning,
    range: { min: 0, max: 100_000, fallback: 0 }
  },
  shard: {
    type: 'string',
    value: '<i/n>',
    description: "build only this shard's share of the work",
    commands: planning
  },
  manifest: {
    type: 'string',
    value: '<file>',
    description: 'also write the JSON manifest here',
    commands: ['build']
  },
  help: {
    type: 'boolean',
    short: 'h',
    description: 'show help (for a command: `assetgen build --help`)',
    commands: [...planning, 'models']
  },
  version: {
    type: 'boolean',
    short: 'v',
    description: 'show the version',
    commands: [...planning, 'models']
  }
} satisfies Record<string, OptionDefinition>

type OptionName = keyof typeof OPTIONS
type Numeric = {
  [Name in OptionName]: (typeof OPTIONS)[Name] extends { range: object }
    ? Name
    : never
}[OptionName]

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
    return `assetgen ${command}: ${commands[command]}\n\nUsage: assetgen ${command} [options]\n\nOptions:\n${optionLines(optionsOf(command))}\n\n${exitCodes}`
  }
  const list = (Object.keys(commands) as Command[])
    .map((name) => `  assetgen ${name.padEnd(7)} ${commands[name]}`)
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
  return Object.hasOwn(commands, text)
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
  if (!isCommand(name) || positionals.length > 1) {
    const guess = closestMatch(name, Object.keys(commands))
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
      help: values.help ?? false,
      version: values.version ?? false
    },
    numbers
  }
}
