/**
 * The action's inputs, read once into a typed {@link Settings} object. Every problem names the input
 * it is about; nothing is requested before the settings are whole.
 */
import { z } from 'zod'
import { formatDuration, parseDuration } from './duration.js'

export const WAIT_FOR = ['completion', 'publisher-review', 'none'] as const
export const ON_TIMEOUT = ['fail', 'warn'] as const

export type WaitFor = (typeof WAIT_FOR)[number]

export interface Settings {
  publisherId: string
  offerId: string
  token: string
  waitFor: WaitFor
  timeoutMs: number
  onTimeout: (typeof ON_TIMEOUT)[number]
  intervalMs: number
  maxIntervalMs: number
  apiVersion: string
  baseUrl: string
}

/** Inputs the settings are read from, each with the default action.yml gives it. */
export const INPUT_DEFAULTS = {
  'publisher-id': '',
  'offer-id': '',
  token: '',
  'wait-for': 'completion',
  timeout: '1h',
  'on-timeout': 'fail',
  interval: '30s',
  'max-interval': '10m',
  'api-version': '2017-10-31',
  'base-url': 'https://cloudpartner.azure.com'
} as const

export type InputName = keyof typeof INPUT_DEFAULTS

/** A problem with the inputs: expected, shown without a stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

const required = z.string().trim().min(1, { message: 'is required' })

const identifier = required
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u001f\u007f\s]/.test(v), { message: 'must not contain spaces or control characters' })
  .refine((v) => v !== '.' && v !== '..', { message: 'is not a valid ID' })

function duration(minMs: number) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const ms = parseDuration(text)
      if (ms === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `'${text}' is not a duration (examples: 500ms, 30s, 10m, 2h, 1h30m; a bare number is seconds)`
        })
        return z.NEVER
      }
      if (ms < minMs) {
        ctx.addIssue({ code: 'custom', message: `must be at least ${formatDuration(minMs)} (got '${text}')` })
        return z.NEVER
      }
      return ms
    })
}

function oneOf<const T extends readonly string[]>(values: T) {
  return z
    .string()
    .trim()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(values, { error: (issue) => `must be one of ${values.join(', ')} (got '${String(issue.input)}')` }))
}

const schema = z
  .object({
    'publisher-id': identifier,
    'offer-id': identifier,
    token: required,
    'wait-for': oneOf(WAIT_FOR),
    timeout: duration(1),
    'on-timeout': oneOf(ON_TIMEOUT),
    interval: duration(1),
    'max-interval': duration(1),
    'api-version': required.regex(/^[A-Za-z0-9._-]+$/, { message: 'must look like 2017-10-31' }),
    'base-url': required.refine(
      (v) => {
        try {
          const url = new URL(v)
          return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash && !url.username
        } catch {
          return false
        }
      },
      { message: 'must be an http(s) URL with no query, fragment or credentials' }
    )
  })
  .superRefine((v, ctx) => {
    if (v['max-interval'] < v.interval) {
      ctx.addIssue({ code: 'custom', path: ['max-interval'], message: 'must not be shorter than interval' })
    }
  })

/**
 * Read the inputs through `getInput` into settings. The runner passes action.yml's defaults; an input
 * that still comes empty gets the same default here, so a run outside a runner behaves alike.
 * @throws {InputError} naming every input that is missing or malformed.
 */
export function readSettings(getInput: (name: InputName) => string): Settings {
  const raw = Object.fromEntries(
    (Object.keys(INPUT_DEFAULTS) as InputName[]).map((name) => [name, getInput(name)?.trim() || INPUT_DEFAULTS[name]])
  )
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'inputs')
      return `Input '${name}' ${issue.message}`
    })
    throw new InputError(problems.join('\n'))
  }
  const v = parsed.data
  return {
    publisherId: v['publisher-id'],
    offerId: v['offer-id'],
    token: v.token,
    waitFor: v['wait-for'],
    timeoutMs: v.timeout,
    onTimeout: v['on-timeout'],
    intervalMs: v.interval,
    maxIntervalMs: v['max-interval'],
    apiVersion: v['api-version'],
    baseUrl: v['base-url'].replace(/\/+$/, '')
  }
}
