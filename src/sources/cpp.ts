/**
 * The Cloud Partner Portal status API:
 * `GET {base}/api/publishers/{publisher}/offers/{offer}/status?api-version=...` with a bearer token.
 * Turns each HTTP exchange into a {@link ReadOutcome}; it never retries by itself (the poll loop does).
 */
import type { TokenProvider } from '../auth.js'
import { failureOutcome } from '../failure.js'
import type { HttpPort, HttpResponse } from '../http.js'
import { parseRetryAfter } from '../retry-after.js'
import type { ReadOutcome, StatusSource } from './source.js'
import { parseOfferStatus } from './cpp-schema.js'
import { neutralize } from '../text.js'

export const CPP_RESOURCE = 'https://cloudpartner.azure.com'

export interface CppOptions {
  baseUrl: string
  apiVersion: string
  publisherId: string
  offerId: string
  credentials: TokenProvider
  http: HttpPort
  now: () => number
  debug?: (message: string) => void
  log?: (message: string) => void
}

/** The status URL; each ID is one encoded path segment, so nothing in it can change the path. */
export function statusUrl(baseUrl: string, apiVersion: string, publisherId: string, offerId: string): string {
  const root = baseUrl.replace(/\/+$/, '')
  const publisher = encodeURIComponent(publisherId)
  const offer = encodeURIComponent(offerId)
  return `${root}/api/publishers/${publisher}/offers/${offer}/status?api-version=${encodeURIComponent(apiVersion)}`
}

/** The `{"error":{"code","message"}}` of a failed response, as one safe line; empty when there is none. */
export function describeApiError(body: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return neutralize(body.slice(0, 1_000), 200)
  }
  const root = (parsed ?? {}) as Record<string, unknown>
  const error = (typeof root.error === 'object' && root.error !== null ? root.error : root) as Record<string, unknown>
  const code = typeof error.code === 'string' ? error.code : ''
  const message =
    typeof error.message === 'string' ? error.message : typeof root.message === 'string' ? root.message : ''
  return neutralize([code.slice(0, 1_000), message.slice(0, 2_000)].filter(Boolean).join(': '), 500)
}

const TOKEN_HINT = `the token expired or is not for ${CPP_RESOURCE} (get one with: az account get-access-token --resource ${CPP_RESOURCE})`
const APP_HINT =
  'the app signed in, but the API refused it: add the app to the Partner Center account ' +
  '(Account settings, User management, Microsoft Entra applications) with a role for this publisher'

const HINTS: Record<number, string> = {
  400: 'the API refused the request: check api-version and the IDs',
  403: 'the identity lacks access to this publisher: add it to the Partner Center account',
  404: 'check publisher-id and offer-id: no such publisher or offer'
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

export function createCppSource(options: CppOptions): StatusSource {
  const { credentials, now } = options
  const url = statusUrl(options.baseUrl, options.apiVersion, options.publisherId, options.offerId)
  const label = `${options.publisherId}/${options.offerId}`

  /** One HTTP exchange with the API, or the outcome that stands for its failure. */
  async function exchange(token: string, timeoutMs: number, signal: AbortSignal): Promise<HttpResponse | ReadOutcome> {
    options.debug?.(`GET ${url}`)
    try {
      return await options.http.send({
        url,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        timeoutMs,
        signal
      })
    } catch (error) {
      return failureOutcome(error, timeoutMs)
    }
  }

  return {
    label,
    async read({ timeoutMs, signal }): Promise<ReadOutcome> {
      const until = now() + timeoutMs
      const left = (): number => Math.max(1, until - now())
      let renewed = false
      for (;;) {
        const credential = await credentials.token({ timeoutMs: left(), signal, renew: renewed })
        if (credential.kind !== 'ok') return credential
        const response = await exchange(credential.token, left(), signal)
        if (!('status' in response)) return response

        const { status } = response
        if (status >= 200 && status < 300) return parseBody(status, response.body)

        if (status >= 300 && status < 400) {
          // The HTTP port refuses redirects itself; this is for any other port.
          return {
            kind: 'fatal',
            httpStatus: status,
            reason: `HTTP ${status}: a redirect, which the action never follows`
          }
        }
        const detail = describeApiError(response.body)
        const said = detail ? ` (${detail})` : ''
        if (isTransientStatus(status)) {
          const outcome: ReadOutcome = { kind: 'transient', reason: `HTTP ${status}${said}` }
          const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now())
          if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs
          return outcome
        }
        if (status === 401 && credentials.renewable && !renewed) {
          // The token may have expired early or been revoked: one new token, one more try, at once.
          renewed = true
          options.log?.(`The API answered HTTP 401${said}: renewing the token and trying again.`)
          continue
        }
        if (status === 401) {
          const hint = renewed ? `a second 401 in a row, with a new token: ${APP_HINT}` : TOKEN_HINT
          return { kind: 'fatal', httpStatus: status, reason: `HTTP 401${said}: ${hint}` }
        }
        let hint = HINTS[status] ?? 'the API refused the request'
        if (status === 403 && credentials.renewable) hint = APP_HINT
        return { kind: 'fatal', httpStatus: status, reason: `HTTP ${status}${said}: ${hint}` }
      }
    }
  }
}

function parseBody(status: number, body: string): ReadOutcome {
  let json: unknown
  try {
    // A byte order mark is no reason to refuse an answer (the HTTP port drops it too).
    json = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body)
  } catch {
    return { kind: 'transient', reason: `HTTP ${status} with a body that is not JSON` }
  }
  const parsed = parseOfferStatus(json)
  return parsed.ok
    ? { kind: 'ok', snapshot: parsed.snapshot }
    : { kind: 'transient', reason: `HTTP ${status} with a body that is ${parsed.reason}` }
}
