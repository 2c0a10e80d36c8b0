/**
 * The action's inputs, read once into a typed {@link Settings} object. Every problem names the input
 * it is about; nothing is requested before the settings are whole.
 *
 * Written on `zod/mini` (the functional API of the same package, as `sources/cpp-schema.ts`), so the
 * bundle carries one zod API, not two. Each classic method has its functional twin on the same core:
 * `.trim()` is `.check(z.trim())`, `.refine(f)` `.check(z.refine(f))`, `a.transform(f)`
 * `z.pipe(a, z.transform(f))`. Every message here is our own, so no locale is needed: the inputs are
 * always strings in an object, and nothing else could word a problem.
 */
import * as z from 'zod/mini'
import { formatDuration, parseDuration } from './duration.js'
import { endpointProblem, isLoopbackHost, withoutTrailingSlashes } from './endpoint.js'

export const WAIT_FOR = ['completion', 'publisher-review', 'none'] as const
export const ON_TIMEOUT = ['fail', 'warn'] as const
/** Which API to read: `auto` decides per offer (see `sources/factory.ts`). */
export const API = ['auto', 'cloud-partner-portal', 'product-ingestion'] as const

export type Api = (typeof API)[number]

export type WaitFor = (typeof WAIT_FOR)[number]

/** How the action gets its bearer token. */
export type Auth =
  | { kind: 'token'; token: string }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost: string }
  | { kind: 'oidc'; tenantId: string; clientId: string; authorityHost: string }

export interface Settings {
  api: Api
  /** Empty when not given (Product Ingestion needs none). */
  publisherId: string
  /** In the order given, without blanks or duplicates; empty when only jobs are watched. */
  offerIds: string[]
  /** Product Ingestion configure jobs to watch, in the order given. */
  jobIds: string[]
  auth: Auth
  waitFor: WaitFor
  timeoutMs: number
  onTimeout: (typeof ON_TIMEOUT)[number]
  /** Undefined: each API's own default (`30s` for CPP, `1m` for Product Ingestion). */
  intervalMs?: number
  maxIntervalMs: number
  /** Undefined: each API's own default. */
  apiVersion?: string
  baseUrl: string
  ingestionUrl: string
  failOnStuck: boolean
  /** How long a Product Ingestion submission may run before it is stuck (it reports no estimates). */
  stuckAfterMs: number
  /** Requests in flight at once across every offer and job of the step. */
  maxConcurrency: number
  /** The `state-file` input as given (relative to the workspace), when a scheduled check keeps state. */
  stateFile?: string
}

/** Inputs the settings are read from, each with the default action.yml gives it. */
export const INPUT_DEFAULTS = {
  api: 'auto',
  'publisher-id': '',
  'offer-id': '',
  'job-id': '',
  token: '',
  'tenant-id': '',
  'client-id': '',
  'client-secret': '',
  'authority-host': 'https://login.microsoftonline.com',
  'wait-for': 'completion',
  timeout: '1h',
  'on-timeout': 'fail',
  interval: '',
  'max-interval': '10m',
  'api-version': '',
  'base-url': 'https://cloudpartner.azure.com',
  'ingestion-url': 'https://graph.microsoft.com/rp/product-ingestion',
  'fail-on-stuck': 'false',
  'stuck-after': '7d',
  'max-concurrency': '4',
  'state-file': ''
} as const

export type InputName = keyof typeof INPUT_DEFAULTS

/** A problem with the inputs or the job's setup: expected, shown without a stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly title = 'Invalid input'
  ) {
    super(message)
    this.name = 'InputError'
  }
}

/** A string input, trimmed, with `checks` run in order on the trimmed text. */
function trimmed(...checks: z.core.$ZodCheck<string>[]) {
  return z.string().check(z.trim(), ...checks)
}

const required = trimmed(z.minLength(1, { message: 'is required' }))

/** An endpoint credentials are sent to: see `endpoint.ts` for the rules. */
const endpointUrl = required.check(
  z.superRefine((v, ctx) => {
    const problem = endpointProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
)

const DAY_MS = 86_400_000
/** The longest a workflow run may last, and so the longest wait that means anything. */
export const MAX_TIMEOUT_MS = 35 * DAY_MS
/** The longest wait between two polls. */
export const MAX_INTERVAL_MS = DAY_MS
/** The shortest `interval` against a real API; loopback test doubles may be polled faster. */
export const MIN_REMOTE_INTERVAL_MS = 1_000
/** The most requests in flight at once `max-concurrency` may ask for: polite to the API whatever the portfolio. */
export const MAX_CONCURRENCY = 32

/** A tenant ID (GUID or domain) or client ID: one plain word, so it can sit in a URL path or form. */
const directoryId = trimmed(
  z.refine((v) => v === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v), { message: 'must be a GUID or a domain name' })
)

const identifier = required.check(
  // eslint-disable-next-line no-control-regex
  z.refine((v) => !/[\u0000-\u001f\u007f\s]/.test(v), { message: 'must not contain spaces or control characters' }),
  z.refine((v) => v !== '.' && v !== '..', { message: 'is not a valid ID' })
)

/**
 * Raises a problem from inside a transform, whose context (in `zod/mini`) is the bare parse payload,
 * without the `addIssue` of classic zod: the same issue, pushed as classic zod pushes it.
 */
function addIssue(ctx: z.core.ParsePayload, message: string): void {
  ctx.issues.push({ code: 'custom', message, input: ctx.value })
}

/** Milliseconds of a duration input from `minMs` to `maxMs`, or an issue naming what is wrong. */
function durationMs(text: string, ctx: z.core.ParsePayload, minMs: number, maxMs: number): number {
  const ms = parseDuration(text)
  if (ms === undefined) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
    addIssue(ctx, `'${shown}' is not a duration (examples: 500ms, 30s, 10m, 2h, 1h30m; a bare number is seconds)`)
    return z.NEVER
  }
  if (ms < minMs || ms > maxMs) {
    addIssue(ctx, `must be from ${formatDuration(minMs)} to ${formatDuration(maxMs)} (got '${text}')`)
    return z.NEVER
  }
  return ms
}

function duration(minMs: number, maxMs: number) {
  return z.pipe(
    trimmed(),
    z.transform((text: string, ctx) => durationMs(text, ctx, minMs, maxMs))
  )
}

/** As {@link duration}, but an empty input is undefined: each API's own default. */
function optionalDuration(minMs: number, maxMs: number) {
  return z.pipe(
    trimmed(),
    z.transform((text: string, ctx) => (text === '' ? undefined : durationMs(text, ctx, minMs, maxMs)))
  )
}

/**
 * `offer-id` and `job-id`: one ID, or several separated by newlines or commas (a YAML block reads
 * well; a leading `- ` on a line is allowed). Blanks and duplicates are ignored; none is allowed here
 * (whether one is needed is judged with the other inputs).
 */
const idList = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text: string) => [
      ...new Set(
        text
          .split(/[\n,]/)
          .map((line) => line.trim().replace(/^-\s+/, ''))
          .filter((id) => id !== '')
      )
    ])
  ),
  // Each ID as `identifier` judges it, named in its own problem.
  z.array(z.string()).check(
    z.superRefine((ids, ctx) => {
      for (const id of ids) {
        const problem = identifier.safeParse(id)
        if (!problem.success) {
          ctx.addIssue({ code: 'custom', message: `'${id}' ${problem.error.issues[0]?.message ?? 'is not valid'}` })
        }
      }
    })
  )
)

/** YAML 1.2 booleans, as `core.getBooleanInput` reads them. */
const boolean = z.pipe(
  trimmed(z.refine((v) => /^(true|True|TRUE|false|False|FALSE)$/.test(v), { message: 'must be true or false' })),
  z.transform((v: string) => v.toLowerCase() === 'true')
)

function oneOf<const T extends readonly string[]>(values: T) {
  return z.pipe(
    trimmed(z.toLowerCase()),
    z.enum(values, { error: (issue) => `must be one of ${values.join(', ')} (got '${String(issue.input)}')` })
  )
}

const schema = z
  .object({
    api: oneOf(API),
    'publisher-id': trimmed(
      z.superRefine((v, ctx) => {
        const problem = v === '' ? undefined : identifier.safeParse(v).error?.issues[0]?.message
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      })
    ),
    'offer-id': idList,
    'job-id': idList,
    token: trimmed(),
    'tenant-id': directoryId,
    'client-id': directoryId,
    'client-secret': trimmed(),
    'authority-host': endpointUrl,
    'wait-for': oneOf(WAIT_FOR),
    timeout: duration(1, MAX_TIMEOUT_MS),
    'on-timeout': oneOf(ON_TIMEOUT),
    interval: optionalDuration(1, MAX_INTERVAL_MS),
    'max-interval': duration(1, MAX_INTERVAL_MS),
    'api-version': trimmed(
      z.regex(/^([A-Za-z0-9._-]{1,64})?$/, { message: 'must look like 2017-10-31 or 2022-07-01' })
    ),
    'base-url': endpointUrl,
    'ingestion-url': endpointUrl,
    'fail-on-stuck': boolean,
    'stuck-after': duration(60_000, MAX_TIMEOUT_MS),
    'max-concurrency': z.pipe(
      trimmed(
        z.refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_CONCURRENCY, {
          message: `must be a whole number from 1 to ${MAX_CONCURRENCY}`
        })
      ),
      z.transform(Number)
    ),
    // Only its form here: whether it stays inside the workspace is judged where the workspace is known.
    'state-file': trimmed(
      z.maxLength(1_000, { message: 'must be at most 1,000 characters' }),
      // eslint-disable-next-line no-control-regex
      z.refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { message: 'must not contain control characters' }),
      z.refine((v) => v === '' || !/(^|[\\/])\.{0,2}$/.test(v), { message: 'must name a file, not a directory' })
    )
  })
  .check(
    z.superRefine((v, ctx) => {
      // (The object's checks run even when a field failed its own: each reads only what it needs.)
      const problem = (path: string, message: string): void => {
        ctx.addIssue({ code: 'custom', path: [path], message })
      }
      const offers = Array.isArray(v['offer-id']) ? v['offer-id'] : []
      const jobs = Array.isArray(v['job-id']) ? v['job-id'] : []
      if (typeof v.interval === 'number' && v['max-interval'] < v.interval) {
        problem('max-interval', 'must not be shorter than interval')
      }
      // Sub-second polling only against test doubles on this machine.
      // With api auto, offers go to the Cloud Partner Portal when publisher-id is set (see sources/factory.ts).
      const cpp =
        v.api === 'cloud-partner-portal' || (v.api === 'auto' && offers.length > 0 && v['publisher-id'] !== '')
      const ingestion = v.api === 'product-ingestion' || jobs.length > 0 || (v.api === 'auto' && !cpp)
      const urls = [...(cpp ? [v['base-url']] : []), ...(ingestion ? [v['ingestion-url']] : [])]
      const remote = urls.some((url) => !URL.canParse(url) || !isLoopbackHost(new URL(url).hostname))
      if (typeof v.interval === 'number' && v.interval < MIN_REMOTE_INTERVAL_MS && remote) {
        problem(
          'interval',
          `must be at least ${formatDuration(MIN_REMOTE_INTERVAL_MS)} against a real API (shorter only for loopback test doubles)`
        )
      }
    })
  )

/** What is wrong with what is to be watched, taken together (judged even when another input is wrong). */
function targetProblems(raw: Record<string, string | undefined>): { input: InputName; message: string }[] {
  const some = (name: InputName): boolean =>
    (raw[name] ?? '').split(/[\n,]/).some((id) => id.trim().replace(/^-\s+/, ''))
  const api = (raw.api ?? '').trim().toLowerCase()
  const problems: { input: InputName; message: string }[] = []
  if (!some('offer-id') && !some('job-id'))
    problems.push({ input: 'offer-id', message: 'is required (or give job-id)' })
  if (api === 'cloud-partner-portal' && some('job-id')) {
    problems.push({
      input: 'job-id',
      message: 'is for Product Ingestion configure jobs: set api to auto or product-ingestion'
    })
  }
  if (api === 'cloud-partner-portal' && some('offer-id') && !(raw['publisher-id'] ?? '').trim()) {
    problems.push({ input: 'publisher-id', message: 'is required for the Cloud Partner Portal API' })
  }
  return problems
}

/** What is wrong with the sign-in inputs taken together, if anything. */
function signInProblem(
  token: string,
  tenantId: string,
  clientId: string,
  clientSecret: string
): { input: InputName; message: string } | undefined {
  const client = tenantId || clientId || clientSecret
  if (token && client) {
    const others = (['tenant-id', 'client-id', 'client-secret'] as const).filter(
      (name) => ({ 'tenant-id': tenantId, 'client-id': clientId, 'client-secret': clientSecret })[name]
    )
    return {
      input: 'token',
      message: `cannot be used together with ${others.map((n) => `'${n}'`).join(' and ')}: give either token, or tenant-id and client-id`
    }
  }
  if (!token && !client) {
    return {
      input: 'token',
      message:
        'is required, or sign in with tenant-id and client-id (with client-secret, or with GitHub OIDC without it)'
    }
  }
  if (client && !clientId) return { input: 'client-id', message: 'is required with tenant-id or client-secret' }
  if (client && !tenantId) return { input: 'tenant-id', message: 'is required with client-id' }
  return undefined
}

/**
 * Read the inputs through `getInput` into settings. The runner passes action.yml's defaults; an input
 * that still comes empty gets the same default here, so a run outside a runner behaves alike.
 * @throws {InputError} naming every input that is missing or malformed.
 */
export function readSettings(getInput: (name: InputName) => string): Settings {
  const raw = Object.fromEntries(
    (Object.keys(INPUT_DEFAULTS) as InputName[]).map((name) => [name, getInput(name).trim() || INPUT_DEFAULTS[name]])
  )
  const parsed = schema.safeParse(raw)
  // The sign-in inputs are judged together, even when another input is wrong too.
  const signIn = signInProblem(
    raw.token ?? '',
    raw['tenant-id'] ?? '',
    raw['client-id'] ?? '',
    raw['client-secret'] ?? ''
  )
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
      input: String(issue.path[0] ?? 'inputs'),
      message: issue.message
    })),
    ...(signIn ? [signIn] : []),
    ...targetProblems(raw)
  ]
  if (!parsed.success || problems.length > 0) {
    const order = Object.keys(INPUT_DEFAULTS)
    problems.sort((a, b) => order.indexOf(a.input) - order.indexOf(b.input))
    throw new InputError(problems.map((p) => `Input '${p.input}' ${p.message}`).join('\n'))
  }
  const v = parsed.data
  const authorityHost = withoutTrailingSlashes(v['authority-host'])
  const auth: Auth = v.token
    ? { kind: 'token', token: v.token }
    : v['client-secret']
      ? {
          kind: 'client-secret',
          tenantId: v['tenant-id'],
          clientId: v['client-id'],
          clientSecret: v['client-secret'],
          authorityHost
        }
      : { kind: 'oidc', tenantId: v['tenant-id'], clientId: v['client-id'], authorityHost }
  return {
    api: v.api,
    publisherId: v['publisher-id'],
    offerIds: v['offer-id'],
    jobIds: v['job-id'],
    auth,
    waitFor: v['wait-for'],
    timeoutMs: v.timeout,
    onTimeout: v['on-timeout'],
    ...(v.interval === undefined ? {} : { intervalMs: v.interval }),
    maxIntervalMs: v['max-interval'],
    ...(v['api-version'] ? { apiVersion: v['api-version'] } : {}),
    baseUrl: withoutTrailingSlashes(v['base-url']),
    ingestionUrl: withoutTrailingSlashes(v['ingestion-url']),
    failOnStuck: v['fail-on-stuck'],
    stuckAfterMs: v['stuck-after'],
    maxConcurrency: v['max-concurrency'],
    ...(v['state-file'] ? { stateFile: v['state-file'] } : {})
  }
}
