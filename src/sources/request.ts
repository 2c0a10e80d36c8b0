/**
 * One authorised GET, as every source makes it: a bearer token for the API's resource, one renewal
 * and one more try at once on a 401, a redirect or a refusal as a fatal outcome with a hint, throttling,
 * server errors and no response as transient outcomes (with `Retry-After`), and the API's own error
 * text, neutralised, in every reason. It never retries by itself: the poll loop does.
 */
import type { TokenProvider } from '../auth.js'
import { failureOutcome } from '../failure.js'
import type { HttpPort, HttpResponse } from '../http.js'
import { parseRetryAfter } from '../retry-after.js'
import { neutralize } from '../text.js'
import type { ReadFailure } from './source.js'

/** What differs between the APIs when a request fails. */
export interface ApiProfile {
  /** One line of the API's error text in a failed answer's body; '' when there is none. */
  describeError(body: string): string
  /** The hint for a 401 when the token cannot be renewed (the `token` input). */
  tokenHint: string
  /** The hint when an app that signed in is refused (a second 401 in a row, or a 403). */
  appHint: string
  /** Hints for other refusals, by status. */
  hints: Record<number, string>
}

export interface RequestPorts {
  http: HttpPort
  credentials: TokenProvider
  now: () => number
  debug?: (message: string) => void
  log?: (message: string) => void
}

/** A 2xx answer, or the outcome that stands for the failure. */
export type GetResult = { kind: 'answer'; response: HttpResponse } | ReadFailure

/**
 * An answer's body as JSON, or undefined when it is not JSON. A leading byte order mark is no reason
 * to refuse an answer (the HTTP port drops it; another port might not).
 */
export function jsonOf(body: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body) }
  } catch {
    return undefined
  }
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

export async function authorisedGet(
  url: string,
  profile: ApiProfile,
  ports: RequestPorts,
  { timeoutMs, signal }: { timeoutMs: number; signal: AbortSignal }
): Promise<GetResult> {
  const { credentials, now } = ports
  const until = now() + timeoutMs
  const left = (): number => Math.max(1, until - now())
  let renewed = false
  for (;;) {
    const credential = await credentials.token({ timeoutMs: left(), signal, renew: renewed })
    if (credential.kind === 'fatal') return { ...credential, signIn: true }
    if (credential.kind !== 'ok') return credential
    ports.debug?.(`GET ${neutralize(url, 2_100)}`)
    let response: HttpResponse
    const requestMs = left()
    try {
      response = await ports.http.send({
        url,
        headers: { Authorization: `Bearer ${credential.token}`, Accept: 'application/json' },
        timeoutMs: requestMs,
        signal
      })
    } catch (error) {
      return failureOutcome(error, requestMs)
    }

    const { status } = response
    if (status >= 200 && status < 300) return { kind: 'answer', response }
    if (status >= 300 && status < 400) {
      // The HTTP port refuses redirects itself; this is for any other port.
      return { kind: 'fatal', httpStatus: status, reason: `HTTP ${status}: a redirect, which the action never follows` }
    }
    const detail = profile.describeError(response.body)
    const said = detail ? ` (${detail})` : ''
    if (isTransientStatus(status)) {
      const outcome: GetResult = { kind: 'transient', reason: `HTTP ${status}${said}` }
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now())
      if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs
      return outcome
    }
    if (status === 401 && credentials.renewable && !renewed) {
      // The token may have expired early or been revoked: one new token, one more try, at once.
      renewed = true
      ports.log?.(`The API answered HTTP 401${said}: renewing the token and trying again.`)
      continue
    }
    if (status === 401) {
      const hint = renewed ? `a second 401 in a row, with a new token: ${profile.appHint}` : profile.tokenHint
      return { kind: 'fatal', httpStatus: status, reason: `HTTP 401${said}: ${hint}` }
    }
    let hint = profile.hints[status] ?? 'the API refused the request'
    if (status === 403 && credentials.renewable) hint = profile.appHint
    return { kind: 'fatal', httpStatus: status, reason: `HTTP ${status}${said}: ${hint}` }
  }
}
