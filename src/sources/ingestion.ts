/**
 * Partner Center's Product Ingestion API (`https://graph.microsoft.com/rp/product-ingestion`), for
 * every offer published after the move to Partner Center, and for the configure jobs that a publish
 * starts. An offer is resolved once from its external ID (the offer ID) to its product, then its
 * submissions (preview, live) are listed on every read; a job's status is read as it is. The wire
 * shapes and the mapping to the action's snapshot live in `ingestion-schema.ts`.
 */
import type { TokenProvider } from '../auth.js'
import { withoutTrailingSlashes } from '../endpoint.js'
import type { HttpPort } from '../http.js'
import { partnerCenterOfferPage } from '../links.js'
import { isStatus, waitsForPublisherReview, type OfferSnapshot } from '../snapshot.js'
import { stateKey } from '../state.js'
import { neutralize } from '../text.js'
import {
  describeIngestionError,
  MAX_SUBMISSIONS,
  parseJobStatus,
  parseProductList,
  parseSubmissionList,
  submissionSnapshot,
  type Submission
} from './ingestion-schema.js'
import { authorisedGet, jsonOf, type ApiProfile, type RequestPorts } from './request.js'
import type { ReadFailure, ReadOutcome, StatusSource } from './source.js'

export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
/** Microsoft Graph's own application ID, which some tokens carry as their audience. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000'
export const INGESTION_API_VERSION = '2022-07-01'
/** Its docs ask for at most one poll a minute. */
export const INGESTION_INTERVAL_MS = 60_000
/** Pages of submissions followed in one read; a product has a handful of submissions. */
export const MAX_PAGES = 5

export interface IngestionOptions extends RequestPorts {
  ingestionUrl: string
  apiVersion: string
  credentials: TokenProvider
  http: HttpPort
  /** How long a submission may run before it is stuck. */
  stuckAfterMs: number
  /** With the `token` input: its audience, to say so when it is a token for another API. */
  tokenAudience?: string
}

const APP_HINT =
  'the app signed in, but Product Ingestion refused it: add the app to the Partner Center account ' +
  '(Account settings, User management, Microsoft Entra applications) with a role that can read offers'

function tokenHint(audience: string | undefined): string {
  const get = `get one with: az account get-access-token --resource ${GRAPH_RESOURCE}`
  if (
    audience &&
    audience !== GRAPH_RESOURCE &&
    audience !== GRAPH_APP_ID &&
    !audience.startsWith(`${GRAPH_RESOURCE}/`)
  ) {
    return `the token is for ${audience}, not for ${GRAPH_RESOURCE}, which Product Ingestion needs (${get})`
  }
  return `the token expired or is not for ${GRAPH_RESOURCE} (${get})`
}

function profile(options: IngestionOptions, notFound: string): ApiProfile {
  return {
    describeError: describeIngestionError,
    tokenHint: tokenHint(options.tokenAudience),
    appHint: APP_HINT,
    hints: {
      400: 'Product Ingestion refused the request: check api-version and the IDs',
      403: 'the identity may not read offers of this account: add the app to the Partner Center account with a role that can read offers',
      404: notFound
    }
  }
}

function root(options: IngestionOptions): string {
  return withoutTrailingSlashes(options.ingestionUrl)
}

function version(options: IngestionOptions): string {
  return `$version=${encodeURIComponent(options.apiVersion)}`
}

/** The time left of a read that must end by `until`. */
const leftUntil = (until: number, now: () => number) => (): number => Math.max(1, until - now())

/**
 * An offer watched through Product Ingestion. Its product is looked up once; an offer that no
 * product matches fails at once, after one request, with `httpStatus` 404.
 */
export function createIngestionOfferSource(offerId: string, options: IngestionOptions): StatusSource {
  const origin = new URL(root(options)).origin
  const basePath = withoutTrailingSlashes(new URL(root(options)).pathname)
  const notFound =
    `no product with external ID '${offerId}' is visible to this identity in Product Ingestion: ` +
    'check offer-id, and that the identity belongs to the Partner Center account that owns the offer'
  const api = profile(options, notFound)
  let productId: string | undefined

  async function resolve(timeoutMs: number, signal: AbortSignal): Promise<ReadFailure | undefined> {
    const url = `${root(options)}/product?externalId=${encodeURIComponent(offerId)}&${version(options)}`
    const got = await authorisedGet(url, api, options, { timeoutMs, signal })
    if (got.kind !== 'answer') return got
    const parsed = parseProductList(jsonOf(got.response.body)?.value)
    if (!parsed.ok)
      return { kind: 'transient', reason: `HTTP ${got.response.status} with a body that is ${parsed.reason}` }
    if (!parsed.productId) return { kind: 'fatal', httpStatus: 404, reason: notFound }
    productId = parsed.productId
    options.log?.(`Offer ${offerId}: Product Ingestion product ${productId}.`)
    return undefined
  }

  /**
   * The next page's URL; undefined at the end of the list. A relative link is read against
   * `ingestion-url`, as the fact sheet's peers do. A link off the API (another origin, another path,
   * or with user info) is never followed, so that the token stays with `ingestion-url`: that leaves
   * the list incomplete, said as a fatal outcome.
   */
  function nextPage(link: string | undefined): { url?: string } | ReadFailure {
    if (!link) return {}
    let next: URL
    try {
      next = new URL(link, `${root(options)}/`)
    } catch {
      return { kind: 'fatal', reason: incomplete('its next page link is not a URL') }
    }
    const onApi = next.origin === origin && !next.username && !next.password && next.pathname.startsWith(`${basePath}/`)
    if (onApi) return { url: next.href }
    return {
      kind: 'fatal',
      reason: incomplete(
        `it continues at ${neutralize(next.origin, 100)}${next.origin === origin ? ' outside ingestion-url' : ''}, ` +
          'which the action does not follow, so that the token stays with ingestion-url'
      )
    }
  }

  function incomplete(why: string): string {
    return `the submission list of offer ${offerId} could not be read whole: ${why}`
  }

  return {
    id: offerId,
    label: offerId,
    key: stateKey({ api: 'pi', kind: 'offer', id: offerId }),
    intervalMs: INGESTION_INTERVAL_MS,
    minIntervalMs: INGESTION_INTERVAL_MS,
    async read({ timeoutMs, signal }): Promise<ReadOutcome> {
      const left = leftUntil(options.now() + timeoutMs, options.now)
      if (productId === undefined) {
        const failed = await resolve(left(), signal)
        if (failed) return failed
      }
      const submissions: Submission[] = []
      let url: string | undefined =
        `${root(options)}/submission/${encodeURIComponent(productId ?? '')}?${version(options)}`
      // A verdict is only taken on the whole list: the newest submission could be on the part not read.
      for (let page = 0; url !== undefined; page++) {
        if (page === MAX_PAGES) {
          return { kind: 'fatal', reason: incomplete(`it is longer than ${MAX_PAGES} pages`) }
        }
        const got = await authorisedGet(url, api, options, { timeoutMs: left(), signal })
        if (got.kind !== 'answer') return got
        const parsed = parseSubmissionList(jsonOf(got.response.body)?.value)
        if (!parsed.ok) {
          return { kind: 'transient', reason: `HTTP ${got.response.status} with a body that is ${parsed.reason}` }
        }
        if (parsed.omitted > 0) {
          return { kind: 'fatal', reason: incomplete(`a page has more than ${MAX_SUBMISSIONS} submissions`) }
        }
        for (const submission of parsed.submissions) submissions.push(submission)
        const next = nextPage(parsed.nextLink)
        if ('kind' in next) return next
        url = next.url
      }
      const snapshot = submissionSnapshot(submissions, { stuckAfterMs: options.stuckAfterMs })
      return { kind: 'ok', snapshot: withOfferPage(snapshot, productId ?? '') }
    }
  }
}

/**
 * Product Ingestion gives no link to a preview or a listing: once the preview is ready (or live), the
 * publisher's next stop is the product's page in Partner Center, built from its durable ID (a GUID).
 */
function withOfferPage(snapshot: OfferSnapshot, productId: string): OfferSnapshot {
  const ready = waitsForPublisherReview(snapshot) || isStatus(snapshot.status, 'Succeeded')
  const page = ready ? partnerCenterOfferPage(productId) : undefined
  return page ? { ...snapshot, links: { preview: page } } : snapshot
}

/** A configure job (`POST configure` answered with its `jobId`), watched until it ends. */
export function createJobSource(jobId: string, options: IngestionOptions): StatusSource {
  const api = profile(options, `check job-id: there is no configure job '${jobId}' for this identity`)
  const url = `${root(options)}/configure/${encodeURIComponent(jobId)}/status?${version(options)}`
  return {
    id: jobId,
    kind: 'job',
    label: `Configure job ${jobId}`,
    key: stateKey({ api: 'pi', kind: 'job', id: jobId }),
    intervalMs: INGESTION_INTERVAL_MS,
    minIntervalMs: INGESTION_INTERVAL_MS,
    async read({ timeoutMs, signal }): Promise<ReadOutcome> {
      const got = await authorisedGet(url, api, options, { timeoutMs, signal })
      if (got.kind !== 'answer') return got
      const parsed = parseJobStatus(jsonOf(got.response.body)?.value, { stuckAfterMs: options.stuckAfterMs })
      if (!parsed.ok) {
        return { kind: 'transient', reason: `HTTP ${got.response.status} with a body that is ${parsed.reason}` }
      }
      // The step is named for the job asked about, whatever ID the answer carries.
      const steps = parsed.snapshot.steps.map((step) =>
        step.id === 'configure-job' ? { ...step, name: `Configure job ${jobId}` } : step
      )
      return { kind: 'ok', snapshot: { ...parsed.snapshot, steps } }
    }
  }
}
