/**
 * The action's side of the runner protocol: inputs from the environment, log lines, workflow commands
 * on stdout (`::name key=value::message`) and the `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` files.
 *
 * It replaces `@actions/core`, whose entry statically imports its OIDC client and, through
 * `@actions/http-client`, undici: about 100 ms of start-up on Node 24 for features this action does not
 * use. The protocol is as GitHub documents it
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands) and as
 * `@actions/core` 3.0 writes it (`lib/command.js`, `lib/file-command.js`, `lib/utils.js`,
 * `lib/summary.js`), byte for byte where the action uses it; the names and signatures are core's, so
 * that code written against core reads the same. Differences, all deliberate:
 * - A command whose properties are all empty is written `::error::m`, not core's `::error ::m`.
 * - The summary file's path is looked up on every write instead of being cached after the first.
 * - Only what the action needs: no exportVariable, addPath, state, echo, group(fn) or getIDToken.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile, writeFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** The process exit codes of an action, as core's `ExitCode` enum. */
export const ExitCode = { Success: 0, Failure: 1 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Where an annotation points, as core's `AnnotationProperties`. Empty values (and 0) are left out. */
export interface AnnotationProperties {
  /** The annotation's title, shown above its message. */
  title?: string
  /** The file it is about, relative to the repository. */
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

export interface InputOptions {
  /** Throw when the input is empty or missing. */
  required?: boolean
  /** Trim the value (the default); `false` keeps it as given. */
  trimWhitespace?: boolean
}

// ---------------------------------------------------------------------------------------------------
// Inputs

/**
 * The value of an input: the runner passes `with: { some-name: x }` as the environment variable
 * `INPUT_SOME-NAME` (spaces become `_`, hyphens stay). Trimmed unless `trimWhitespace` is false; an
 * input that is not set reads as ''.
 */
export function getInput(name: string, options?: InputOptions): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
  return options?.trimWhitespace === false ? value : value.trim()
}

// ---------------------------------------------------------------------------------------------------
// Workflow commands

/** A value as text for a command or a file: '' for null and undefined, JSON for anything not a string. */
export function toCommandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string') return input
  if (input instanceof String) return input.toString()
  return JSON.stringify(input)
}

/**
 * A command's message: the runner reads one command a line and decodes `%25`, `%0D` and `%0A`, so a
 * message with line breaks stays one command. `::` inside a message needs nothing: the runner ends the
 * command's name and properties at the first `::` after the name.
 */
export function escapeData(value: unknown): string {
  return toCommandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A property's value: as a message, and `:` and `,` too, which end a value in `key=value,key=value::`. */
export function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * `::command key=value,key=value::message`, one line. Properties with an empty value (undefined, '', 0)
 * are left out, as core leaves them out.
 */
function formatCommand(command: string, properties: Record<string, unknown>, message: unknown): string {
  const props = Object.entries(properties)
    .filter(([, value]) => Boolean(value))
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',')
  return `::${command || 'missing.command'}${props ? ` ${props}` : ''}::${escapeData(message)}`
}

function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  process.stdout.write(formatCommand(command, properties, message) + EOL)
}

/** A line of the log, as it is: no escaping, so never pass text that could start with `::` unchecked. */
export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** A line shown only when step debug logging is on. */
export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

/** The runner's property names for an annotation's place (`line`, `col`, not core's option names). */
function annotationProperties(properties: AnnotationProperties): Record<string, unknown> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn
  }
}

function annotate(level: string, message: string | Error, properties: AnnotationProperties): void {
  issueCommand(level, annotationProperties(properties), message instanceof Error ? message.toString() : message)
}

/** An error annotation (an `Error` is written as its `toString()`, `Error: message`). */
export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('error', message, properties)
}

/** A warning annotation. */
export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('warning', message, properties)
}

/** A notice annotation. */
export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  annotate('notice', message, properties)
}

/** Fails the step: an error annotation, and exit code 1 when the process ends. */
export function setFailed(message: string | Error): void {
  process.exitCode = ExitCode.Failure
  error(message)
}

/** Masks `secret` in every later line of the log (`::add-mask::`). */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** Starts a foldable group of log lines, ended by `endGroup`. */
export function startGroup(name: string): void {
  issueCommand('group', {}, name)
}

export function endGroup(): void {
  issueCommand('endgroup', {}, '')
}

// ---------------------------------------------------------------------------------------------------
// Outputs

/**
 * One `name<<delimiter` heredoc entry of a file command, with a fresh random delimiter
 * (`ghadelimiter_<uuid>`). A name or value that contains the delimiter would end the entry early and
 * let the rest set other outputs, so it is refused; with a random UUID that cannot happen by accident.
 */
function keyValueMessage(name: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  const text = toCommandValue(value)
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (text.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  return `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}`
}

/**
 * Sets an output (a non-string is written as JSON). On a runner, appended to the `GITHUB_OUTPUT`
 * file, which must exist; without `GITHUB_OUTPUT` (an old runner, or a run outside Actions), the
 * deprecated `::set-output::` command, after an empty line, as core writes it.
 */
export function setOutput(name: string, value: unknown): void {
  const path = process.env.GITHUB_OUTPUT || ''
  if (path) {
    if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
    appendFileSync(path, keyValueMessage(name, value) + EOL, { encoding: 'utf8' })
    return
  }
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

// ---------------------------------------------------------------------------------------------------
// Job summary

/**
 * The job summary: Markdown collected with `addRaw` and written to the `GITHUB_STEP_SUMMARY` file by
 * `write`, appended unless `overwrite`, as core's `summary` does. The file must exist and be readable
 * and writable (the runner creates it for each step); `write` rejects otherwise, and when the variable
 * is not set. The collected text is cleared only once written, as in core.
 */
export class Summary {
  #buffer = ''

  /** Adds text as it is; with `addEOL`, a line break after it. */
  addRaw(text: string, addEOL = false): this {
    this.#buffer += addEOL ? text + EOL : text
    return this
  }

  /** The text collected and not yet written. */
  stringify(): string {
    return this.#buffer
  }

  /** Drops the text collected, without writing it. */
  emptyBuffer(): this {
    this.#buffer = ''
    return this
  }

  async write(options?: { overwrite?: boolean }): Promise<this> {
    const path = process.env.GITHUB_STEP_SUMMARY
    if (!path) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
      )
    }
    try {
      await access(path, constants.R_OK | constants.W_OK)
    } catch {
      throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`)
    }
    await (options?.overwrite ? writeFile : appendFile)(path, this.#buffer, { encoding: 'utf8' })
    return this.emptyBuffer()
  }
}

/** The step's summary, as core's `summary`. */
export const summary = new Summary()
