/**
 * The Cloud Partner Portal status API:
 * `GET {base}/api/publishers/{publisher}/offers/{offer}/status?api-version=...` with a bearer token.
 * Turns each HTTP exchange into a {@link ReadOutcome}; it never retries by itself (the poll loop does).
 */
import type { TokenProvider } from '../auth.js'
import { withoutTrailingSlashes } from '../endpoint.js'
import type { HttpPort } from '../http.js'
import { stateKey } from '../state.js'
import { neutralize } from '../text.js'
import { parseOfferStatus } from './cpp-schema.js'
import { authorisedGet, jsonOf, type ApiProfile } from './request.js'
import type { ReadOutcome, StatusSource } from './source.js'

export const CPP_RESOURCE = 'https://cloudpartner.azure.com'
export const CPP_API_VERSION = '2017-10-31'
/** The pace when `interval` is empty. */
export const CPP_INTERVAL_MS = 30_000

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
  /** With the `token` input: its audience, to say so when it is a token for another API. */
  tokenAudience?: string
}

/** The status URL; each ID is one encoded path segment, so nothing in it can change the path. */
export function statusUrl(baseUrl: string, apiVersion: string, publisherId: string, offerId: string): string {
  const root = withoutTrailingSlashes(baseUrl)
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

function tokenHint(audience: string | undefined): string {
  const get = `get one with: az account get-access-token --resource ${CPP_RESOURCE}`
  if (audience && withoutTrailingSlashes(audience).toLowerCase() !== CPP_RESOURCE) {
    return `the token is for ${audience}, not for ${CPP_RESOURCE}, which the Cloud Partner Portal needs (${get})`
  }
  return `the token expired or is not for ${CPP_RESOURCE} (${get})`
}
const APP_HINT =
  'the app signed in, but the API refused it: add the app to the Partner Center account ' +
  '(Account settings, User management, Microsoft Entra applications) with a role for this publisher'

const HINTS: Record<number, string> = {
  400: 'the API refused the request: check api-version and the IDs',
  403: 'the identity lacks access to this publisher: add it to the Partner Center account',
  404: 'check publisher-id and offer-id: no such publisher or offer'
}

/** How the CPP API fails, for the shared request. */
export function cppProfile(tokenAudience?: string): ApiProfile {
  return { describeError: describeApiError, tokenHint: tokenHint(tokenAudience), appHint: APP_HINT, hints: HINTS }
}

export function createCppSource(options: CppOptions): StatusSource {
  const url = statusUrl(options.baseUrl, options.apiVersion, options.publisherId, options.offerId)
  const profile = cppProfile(options.tokenAudience)
  return {
    id: options.offerId,
    label: `${options.publisherId}/${options.offerId}`,
    key: stateKey({ api: 'cpp', kind: 'offer', id: `${options.publisherId}/${options.offerId}` }),
    intervalMs: CPP_INTERVAL_MS,
    async read({ timeoutMs, signal }): Promise<ReadOutcome> {
      const result = await authorisedGet(url, profile, options, { timeoutMs, signal })
      if (result.kind !== 'answer') return result
      return parseBody(result.response.status, result.response.body)
    }
  }
}

function parseBody(status: number, body: string): ReadOutcome {
  const json = jsonOf(body)
  if (!json) return { kind: 'transient', reason: `HTTP ${status} with a body that is not JSON` }
  const parsed = parseOfferStatus(json.value)
  return parsed.ok
    ? { kind: 'ok', snapshot: parsed.snapshot }
    : { kind: 'transient', reason: `HTTP ${status} with a body that is ${parsed.reason}` }
}
