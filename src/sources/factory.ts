/**
 * The settings as sources: which API watches each offer and job. With `api: auto` the choice is made
 * per item, and said:
 * 1. a `job-id` is always watched through Product Ingestion;
 * 2. with the `token` input, its audience (`aud`, read without verifying: it only routes) decides;
 *    a token that is no readable JWT means the Cloud Partner Portal when `publisher-id` is set, else
 *    Product Ingestion;
 * 3. with a sign-in: no `publisher-id` means Product Ingestion; with one, the Cloud Partner Portal
 *    first, and an offer it answers 404 for is looked up in Product Ingestion.
 */
import type { Credentials } from '../auth.js'
import type { HttpPort } from '../http.js'
import { formatDuration } from '../duration.js'
import { isLoopbackHost, withoutTrailingSlashes } from '../endpoint.js'
import { InputError, MIN_REMOTE_INTERVAL_MS, type Settings } from '../inputs.js'
import { CPP_API_VERSION, CPP_RESOURCE, createCppSource } from './cpp.js'
import {
  createIngestionOfferSource,
  createJobSource,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  INGESTION_API_VERSION,
  type IngestionOptions
} from './ingestion.js'
import type { ReadOutcome, StatusSource } from './source.js'

export interface FactoryPorts {
  http: HttpPort
  now: () => number
  debug?: (message: string) => void
  log?: (message: string) => void
}

export type ApiName = 'cloud-partner-portal' | 'product-ingestion'

const API_NAMES: Record<ApiName, string> = {
  'cloud-partner-portal': 'the Cloud Partner Portal',
  'product-ingestion': 'Product Ingestion'
}

/** Which API an audience is for, when it is one of the two. */
export function apiOfAudience(audience: string | undefined): ApiName | undefined {
  if (!audience) return undefined
  const aud = withoutTrailingSlashes(audience).toLowerCase()
  if (aud === GRAPH_RESOURCE || aud === GRAPH_APP_ID) return 'product-ingestion'
  if (aud === CPP_RESOURCE) return 'cloud-partner-portal'
  return undefined
}

/** How `auto` routes the offers, and why (one sentence for the log). */
export function routeOffers(
  settings: Pick<Settings, 'api' | 'publisherId'>,
  credentials: Pick<Credentials, 'mode' | 'tokenAudience'>
): { api: ApiName; fallback: boolean; why: string } {
  if (settings.api !== 'auto') return { api: settings.api, fallback: false, why: `api is ${settings.api}` }
  if (credentials.mode === 'token') {
    const byAudience = apiOfAudience(credentials.tokenAudience)
    if (byAudience) {
      return { api: byAudience, fallback: false, why: `the token is for ${credentials.tokenAudience ?? ''}` }
    }
    return settings.publisherId
      ? { api: 'cloud-partner-portal', fallback: false, why: 'the token is no readable JWT and publisher-id is set' }
      : { api: 'product-ingestion', fallback: false, why: 'the token is no readable JWT and publisher-id is empty' }
  }
  return settings.publisherId
    ? {
        api: 'cloud-partner-portal',
        fallback: true,
        why: 'publisher-id is set; an offer the Cloud Partner Portal does not know is looked up in Product Ingestion'
      }
    : { api: 'product-ingestion', fallback: false, why: 'publisher-id is empty' }
}

/**
 * The Cloud Partner Portal first; on its 404, Product Ingestion from then on (said once). Found in
 * neither: one error naming both.
 */
function cppThenIngestion(cpp: StatusSource, ingestion: StatusSource, ports: FactoryPorts): StatusSource {
  let current = cpp
  return {
    id: cpp.id,
    label: cpp.label,
    get key() {
      return current.key
    },
    ...(ingestion.key ? { aliases: [ingestion.key] } : {}),
    ...(cpp.intervalMs === undefined ? {} : { intervalMs: cpp.intervalMs }),
    async read(options): Promise<ReadOutcome> {
      const until = ports.now() + options.timeoutMs
      const outcome = await current.read(options)
      if (current !== cpp || outcome.kind !== 'fatal' || outcome.httpStatus !== 404) return outcome
      ports.log?.(
        `Offer ${cpp.label}: the Cloud Partner Portal does not know it (HTTP 404); looking it up in Product Ingestion.`
      )
      current = ingestion
      // The lookup has what is left of this read's time, not a new allowance.
      const found = await ingestion.read({ ...options, timeoutMs: Math.max(1, until - ports.now()) })
      if (found.kind === 'fatal' && found.httpStatus === 404) {
        return {
          kind: 'fatal',
          httpStatus: 404,
          reason:
            `found in neither API: the Cloud Partner Portal has no offer '${cpp.id}' for this publisher (HTTP 404), ` +
            `and ${found.reason}`
        }
      }
      return found
    }
  }
}

/**
 * What the inputs could not judge before the route was known (a token's audience decides it):
 * @throws {InputError} when the Cloud Partner Portal is chosen without a publisher-id, or a
 * sub-second interval would poll a real API.
 */
function checkRoute(settings: Settings, route: { api: ApiName; fallback: boolean; why: string }): void {
  const offers = settings.offerIds.length > 0
  if (offers && route.api === 'cloud-partner-portal' && !settings.publisherId) {
    throw new InputError(
      `Input 'publisher-id' is required for the Cloud Partner Portal API (chosen because ${route.why})`
    )
  }
  const urls = [
    ...(offers && route.api === 'cloud-partner-portal' ? [settings.baseUrl] : []),
    ...((offers && (route.api === 'product-ingestion' || route.fallback)) || settings.jobIds.length > 0
      ? [settings.ingestionUrl]
      : [])
  ]
  const remote = urls.some((url) => !isLoopbackHost(new URL(url).hostname))
  if (settings.intervalMs !== undefined && settings.intervalMs < MIN_REMOTE_INTERVAL_MS && remote) {
    throw new InputError(
      `Input 'interval' must be at least ${formatDuration(MIN_REMOTE_INTERVAL_MS)} against a real API ` +
        `(shorter only for loopback test doubles; ${route.why})`
    )
  }
}

export function createSources(
  settings: Settings,
  credentials: Credentials,
  ports: FactoryPorts
): { sources: StatusSource[]; notes: string[] } {
  const ingestion: IngestionOptions = {
    ...ports,
    ingestionUrl: settings.ingestionUrl,
    apiVersion: settings.apiVersion ?? INGESTION_API_VERSION,
    credentials: credentials.forResource(GRAPH_RESOURCE),
    stuckAfterMs: settings.stuckAfterMs,
    ...(credentials.tokenAudience ? { tokenAudience: credentials.tokenAudience } : {})
  }
  const cpp = (offerId: string): StatusSource =>
    createCppSource({
      ...ports,
      baseUrl: settings.baseUrl,
      apiVersion: settings.apiVersion ?? CPP_API_VERSION,
      publisherId: settings.publisherId,
      offerId,
      credentials: credentials.forResource(CPP_RESOURCE),
      ...(credentials.tokenAudience ? { tokenAudience: credentials.tokenAudience } : {})
    })

  const notes: string[] = []
  const route = routeOffers(settings, credentials)
  checkRoute(settings, route)
  const sources = settings.offerIds.map((offerId): StatusSource => {
    if (route.api === 'product-ingestion') return createIngestionOfferSource(offerId, ingestion)
    if (!route.fallback) return cpp(offerId)
    return cppThenIngestion(cpp(offerId), createIngestionOfferSource(offerId, ingestion), ports)
  })
  if (sources.length > 0) {
    const what = sources.length === 1 ? 'the offer' : `the ${sources.length} offers`
    notes.push(`Watching ${what} through ${API_NAMES[route.api]}: ${route.why}.`)
  }
  if (settings.jobIds.length > 0) {
    const what = settings.jobIds.length === 1 ? 'the configure job' : `the ${settings.jobIds.length} configure jobs`
    notes.push(`Watching ${what} through Product Ingestion.`)
  }
  sources.push(...settings.jobIds.map((jobId) => createJobSource(jobId, ingestion)))
  return { sources, notes }
}
