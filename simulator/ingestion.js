// @ts-check
/**
 * A simulator of Partner Center's Product Ingestion (PI) API, the part of it an offer watcher reads,
 * served by server.js on the same port under INGESTION_PREFIX (the real base URL is
 * https://graph.microsoft.com/rp/product-ingestion):
 *
 *   GET product?externalId=<offerId>        the product of an offer, as a collection ({"value": [...]})
 *   GET product/<guid>                      one product
 *   GET submission/<guid>                   the product's submissions: the draft, then preview and live
 *                                           entries; optional targetType=draft|preview|live
 *   GET configure/<jobId>/status            a configure job's status
 *
 * `$version` is accepted and ignored; query parameter names are matched case-insensitively (externalId,
 * externalID, externalid). Requests need a bearer token for the audience https://graph.microsoft.com.
 * Errors use PI's envelope, {"error": {"code", "message", "details": []}}.
 *
 * Scenarios: an offer ID equal to a PI scenario name plays that scenario (a CPP scenario name, or any
 * other ID, is an unknown product: an empty `value`). An offer ID `<scenario>_<anything>` plays the same
 * scenario as a product of its own, with its own GUID and frame counter, so that concurrent tests need
 * not share one. The product's submission list walks through the scenario's frames, one frame per
 * authenticated request for its first page (pages after it, by `@nextLink`, belong to that same frame);
 * the last frame repeats. Job IDs equal to a job scenario name (or `<name>_<anything>`) play that job,
 * one frame per authenticated request; any other job ID is a 404.
 *
 * Node built-ins only. Like identity.js, the handler does no I/O: it takes the request's parts and returns
 * a Reply, which server.js sends.
 */
import { createHash } from 'node:crypto'
import { clock } from './clock.js'
import { GRAPH_AUDIENCE } from './identity.js'

/**
 * @typedef {import('./identity.js').Reply} Reply
 * @typedef {import('./identity.js').BearerCheck} BearerCheck
 * @typedef {Record<string, unknown>} Body
 * @typedef {{ guid: string, offerId: string }} Product
 * @typedef {'paged' | 'foreign'} Paging
 *   paged: the list over three pages, the first `@nextLink` relative (a root-relative path), the second
 *   absolute (this server's origin); foreign: one page whose `@nextLink` points at another origin
 * @typedef {{ kind: 'submissions', value: Body[], paging?: Paging }} SubmissionsFrame
 * @typedef {{ kind: 'job', body: Body }} JobFrame
 * @typedef {{ kind: 'error', status: number, code: string, message: string, headers?: Record<string, string> }} PiErrorFrame
 * @typedef {SubmissionsFrame | PiErrorFrame} ProductFrame
 * @typedef {JobFrame | PiErrorFrame} JobStatusFrame
 * @typedef {{ kind: 'product' | 'submission' | 'job' | 'other', offerId: string, productId: string, jobId: string }} IngestionRequestInfo
 *   what server.js records of a request under INGESTION_PREFIX: offerId is the externalId asked for
 *   (product) or the offer whose GUID it is (submission, '' when unknown); productId the GUID; jobId the job
 * @typedef {{ method: string, path: string, query: URLSearchParams, bearer: BearerCheck, origin: string }} IngestionRequest
 *   path: the raw path (with the prefix); origin: this server's, e.g. http://127.0.0.1:4321
 */

/** The path prefix of the PI API on the simulator (as on graph.microsoft.com). */
export const INGESTION_PREFIX = '/rp/product-ingestion'

const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema'
const PRODUCT_SCHEMA = `${SCHEMA_HOST}/product/2022-03-01-preview2`
const SUBMISSION_SCHEMA = `${SCHEMA_HOST}/submission/2022-03-01-preview2`
const CONFIGURE_STATUS_SCHEMA = `${SCHEMA_HOST}/configure-status/2022-07-01`
/** The retired schema host the 2022 doc samples still name (the `job-id-casing` job answers with it). */
const LEGACY_CONFIGURE_STATUS_SCHEMA =
  'https://product-ingestion.azureedge.net/schema/configure-status/2022-03-01-preview2'
/** What an unfinished job's `jobEnd` says. */
export const NO_JOB_END = '0001-01-01T00:00:00'
/** The origin the `pi-foreign-nextlink` scenario's `@nextLink` points at (with this server's port). */
export const FOREIGN_HOST = '127.0.0.2'

/** Submission and job times count from the start of publishing (see clock.js), like server.js's messages. */
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** @param {string} text @returns {Buffer} */
const sha256 = (text) => createHash('sha256').update(text).digest()

/**
 * A time as the PI API writes it: ISO 8601 with 7 fraction digits and `Z`, e.g. 2022-01-25T07:13:06.4408032Z.
 * The fraction of the second is made up from `salt` (the same salt, the same digits).
 * @param {number} ms a whole second @param {string} salt
 */
function stamp(ms, salt) {
  const fraction = String(sha256(salt).readUInt32BE(0) % 10_000_000).padStart(7, '0')
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, `.${fraction}Z`)
}

/**
 * The GUID of a product, made from its offer ID (the same ID always gives the same GUID).
 * @param {string} offerId
 */
export function productGuid(offerId) {
  const hex = sha256(`product:${offerId}`).toString('hex')
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * The numeric ID of a product's `seq`th submission: a large integer like Partner Center's, as a string.
 * @param {Product} product @param {number} seq
 */
function submissionNumber(product, seq) {
  const spread = BigInt(sha256(`submission:${product.guid}`).readUInt32BE(0) % 100_000_000)
  return (1152921505000000000n + spread * 1000n + BigInt(seq)).toString()
}

/** @param {Product} product @returns {Body} the draft reference, which carries no status */
function draft(product) {
  return {
    $schema: SUBMISSION_SCHEMA,
    id: `submission/${product.guid}/0`,
    product: `product/${product.guid}`,
    target: { targetType: 'draft' }
  }
}

/**
 * A preview or live submission.
 * @param {Product} product @param {number} seq its number (a live entry made from a preview shares it)
 * @param {'preview' | 'live'} targetType
 * @param {'notStarted' | 'running' | 'completed'} status @param {'pending' | 'succeeded' | 'failed'} result
 * @param {number} createdAgoMs how long before the start of publishing it was created
 * @returns {Body}
 */
function submission(product, seq, targetType, status, result, createdAgoMs) {
  const number = submissionNumber(product, seq)
  return {
    $schema: SUBMISSION_SCHEMA,
    id: `submission/${product.guid}/${number}`,
    product: `product/${product.guid}`,
    target: { targetType },
    status,
    result,
    created: stamp(clock().start - createdAgoMs, number)
  }
}

/** @param {Body[]} value @param {Paging} [paging] @returns {SubmissionsFrame} */
const list = (value, paging) => ({ kind: 'submissions', value, ...(paging ? { paging } : {}) })

/**
 * @param {number} status @param {string} code @param {string} message @param {Record<string, string>} [headers]
 * @returns {PiErrorFrame}
 */
function error(status, code, message, headers) {
  return { kind: 'error', status, code, message, ...(headers ? { headers } : {}) }
}

/** @param {Product} p @returns {SubmissionsFrame[]} preview running, succeeded, then live running, succeeded */
function live(p) {
  const d = draft(p)
  /** @param {'running' | 'completed'} status @param {'pending' | 'succeeded'} result */
  const preview = (status, result) => submission(p, 1, 'preview', status, result, 4 * MINUTE)
  /** @param {'running' | 'completed'} status @param {'pending' | 'succeeded'} result */
  const goLive = (status, result) => submission(p, 1, 'live', status, result, 4 * MINUTE)
  return [
    list([d, preview('running', 'pending')]),
    list([d, preview('completed', 'succeeded')]),
    list([d, preview('completed', 'succeeded'), goLive('running', 'pending')]),
    list([d, preview('completed', 'succeeded'), goLive('completed', 'succeeded')])
  ]
}

/** @type {Record<string, (product: Product) => ProductFrame[]>} */
const PI_SCENARIOS = {
  // Preview published, no live submission: waiting for the publisher's Go live.
  'pi-preview-ready': (p) => {
    const d = draft(p)
    return [
      list([d, submission(p, 1, 'preview', 'notStarted', 'pending', 3 * MINUTE)]),
      list([d, submission(p, 1, 'preview', 'running', 'pending', 3 * MINUTE)]),
      list([d, submission(p, 1, 'preview', 'completed', 'succeeded', 3 * MINUTE)])
    ]
  },
  'pi-live': live,
  // A new version goes live over an old one: two live entries, the new one first in the list.
  'pi-new-version': (p) => {
    const d = draft(p)
    const old = submission(p, 1, 'live', 'completed', 'succeeded', 30 * DAY)
    const preview = submission(p, 2, 'preview', 'completed', 'succeeded', 3 * DAY)
    return [
      list([d, submission(p, 2, 'live', 'notStarted', 'pending', 3 * DAY), preview, old]),
      list([d, submission(p, 2, 'live', 'running', 'pending', 3 * DAY), preview, old]),
      list([d, submission(p, 2, 'live', 'completed', 'succeeded', 3 * DAY), preview, old])
    ]
  },
  'pi-preview-failed': (p) => {
    const d = draft(p)
    return [
      list([d, submission(p, 1, 'preview', 'running', 'pending', 5 * MINUTE)]),
      list([d, submission(p, 1, 'preview', 'completed', 'failed', 5 * MINUTE)])
    ]
  },
  // pi-live, each list over three pages.
  'pi-paged': (p) => live(p).map((frame) => list(frame.value, 'paged')),
  // The first page's @nextLink leaves for another origin: a client must not follow it.
  'pi-foreign-nextlink': (p) => [
    list([draft(p), submission(p, 1, 'preview', 'running', 'pending', 4 * MINUTE)], 'foreign')
  ],
  'pi-throttled': (p) => [
    error(429, 'tooManyRequests', 'Too many requests. Retry after 1 second.', { 'Retry-After': '1' }),
    ...live(p)
  ],
  'pi-never-published': (p) => [list([draft(p)])]
}

export const PI_SCENARIO_NAMES = Object.keys(PI_SCENARIOS)

/**
 * A configure-status body.
 * @param {string} jobId
 * @param {string} jobStatus @param {string} jobResult
 * @param {{ ended?: boolean, errors?: Body[], resourceUri?: boolean, idKey?: string, schema?: string }} [more]
 * @returns {JobFrame}
 */
function job(jobId, jobStatus, jobResult, more = {}) {
  const { ended = false, errors = [], resourceUri = false, idKey = 'jobId', schema = CONFIGURE_STATUS_SCHEMA } = more
  return {
    kind: 'job',
    body: {
      $schema: schema,
      [idKey]: jobId,
      jobStatus,
      jobResult,
      jobStart: stamp(clock().start - 2 * MINUTE, `${jobId}:start`),
      jobEnd: ended ? stamp(clock().start, `${jobId}:end`) : NO_JOB_END,
      ...(resourceUri ? { resourceUri: `https://product-ingestion.mp.microsoft.com/configure/${jobId}` } : {}),
      errors
    }
  }
}

/** @type {Record<string, (jobId: string) => JobStatusFrame[]>} */
const JOBS = {
  'job-succeeded': (id) => [
    job(id, 'notStarted', 'pending'),
    job(id, 'running', 'pending'),
    job(id, 'completed', 'succeeded', { ended: true, resourceUri: true })
  ],
  // Certification failed (cloudpub's nested invalidState shape), and a real badRequest besides.
  'job-cert-failed': (id) => [
    job(id, 'running', 'pending'),
    job(id, 'completed', 'failed', {
      ended: true,
      errors: [
        {
          resourceId: `submission/${productGuid(id)}/${submissionNumber({ guid: productGuid(id), offerId: id }, 1)}`,
          code: 'internalServerError',
          message: 'Operation failed',
          details: [
            {
              code: 'invalidState',
              message: 'Certification',
              details: [{ code: 'invalidState', message: 'Issues found during Certification.' }]
            }
          ]
        },
        {
          code: 'badRequest',
          message: "Cannot delete image '9.0.20230404' of type 'X64Gen1' as it is already published.",
          details: [
            {
              code: 'invalidResource',
              message:
                'Failure for resource: virtual-machine-plan-technical-configuration-0, schema: virtual-machine-plan-technical-configuration'
            }
          ]
        }
      ]
    })
  ],
  'job-cancelled': (id) => [job(id, 'running', 'pending'), job(id, 'completed', 'cancelled', { ended: true })],
  // The 2022 doc samples' casing: `jobID`, and capitalised values.
  'job-id-casing': (id) => {
    const more = { idKey: 'jobID', schema: LEGACY_CONFIGURE_STATUS_SCHEMA }
    return [job(id, 'Running', 'Pending', more), job(id, 'Completed', 'Succeeded', { ...more, ended: true })]
  }
}

export const JOB_NAMES = Object.keys(JOBS)

/**
 * The scenario an ID plays: the name itself, or the part before the first `_`; undefined when that is
 * not one of `names`.
 * @param {string} id @param {readonly string[]} names
 */
function scenarioOf(id, names) {
  const name = id.split('_', 1)[0] ?? ''
  return names.includes(name) ? name : undefined
}

/** The PI scenario an offer ID plays, or undefined when PI does not know the offer. @param {string} offerId */
export const piScenarioOf = (offerId) => scenarioOf(offerId, PI_SCENARIO_NAMES)

/** The job scenario a job ID plays, or undefined (a 404). @param {string} jobId */
export const jobScenarioOf = (jobId) => scenarioOf(jobId, JOB_NAMES)

/**
 * The frames of a PI scenario for one offer.
 * @param {string} name
 * @param {string} [offerId]
 * @returns {ProductFrame[]}
 */
export function piScenarioFrames(name, offerId = name) {
  const build = Object.hasOwn(PI_SCENARIOS, name) ? PI_SCENARIOS[name] : undefined
  if (!build) throw new Error(`Unknown PI scenario '${name}'; known: ${PI_SCENARIO_NAMES.join(', ')}`)
  return build({ guid: productGuid(offerId), offerId })
}

/**
 * The frames of a job scenario.
 * @param {string} name
 * @param {string} [jobId]
 * @returns {JobStatusFrame[]}
 */
export function jobFrames(name, jobId = name) {
  const build = Object.hasOwn(JOBS, name) ? JOBS[name] : undefined
  if (!build) throw new Error(`Unknown job scenario '${name}'; known: ${JOB_NAMES.join(', ')}`)
  return build(jobId)
}

/** @param {Product} product @returns {Body} */
function productResource(product) {
  return {
    $schema: PRODUCT_SCHEMA,
    id: `product/${product.guid}`,
    identity: { externalId: product.offerId },
    type: 'softwareAsAService',
    alias: `Contoso ${product.offerId}`
  }
}

/**
 * A query parameter by a name in any casing (the first one given).
 * @param {URLSearchParams} query @param {string} name
 */
function param(query, name) {
  const lower = name.toLowerCase()
  for (const [key, value] of query) if (key.toLowerCase() === lower) return value
  return undefined
}

/**
 * @typedef {{ kind: 'products' } | { kind: 'product', guid: string } | { kind: 'submission', guid: string } | { kind: 'job', jobId: string } | { kind: 'other' }} Route
 */

/**
 * The route of a raw path under INGESTION_PREFIX; undefined when the path is not under it.
 * @param {string} path raw (still percent-encoded) path
 * @returns {Route | undefined}
 */
export function ingestionRoute(path) {
  if (path !== INGESTION_PREFIX && !path.startsWith(`${INGESTION_PREFIX}/`)) return undefined
  let parts
  try {
    parts = path
      .slice(INGESTION_PREFIX.length + 1)
      .split('/')
      .map(decodeURIComponent)
  } catch {
    return { kind: 'other' } // malformed percent-encoding
  }
  const [first, second, third, ...more] = parts
  if (more.length > 0) return { kind: 'other' }
  if (first === 'product' && second === undefined) return { kind: 'products' }
  if (first === 'product' && second && third === undefined) return { kind: 'product', guid: second }
  if (first === 'submission' && second && third === undefined) return { kind: 'submission', guid: second }
  if (first === 'configure' && second && third === 'status') return { kind: 'job', jobId: second }
  return { kind: 'other' }
}

/**
 * The reply with PI's error envelope.
 * @param {number} status @param {string} code @param {string} message @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
export function piError(status, code, message, headers) {
  return { kind: 'json', status, ...(headers ? { headers } : {}), body: { error: { code, message, details: [] } } }
}

/** The 401 for a token of another API (e.g. the Cloud Partner Portal's): exactly this body. */
export const WRONG_AUDIENCE = Object.freeze({
  error: { code: 'unauthorized', message: "The token's audience is not valid for this API." }
})

/**
 * The 401 for a request whose bearer token is not a valid one for Microsoft Graph; undefined when it is.
 * @param {BearerCheck} bearer
 * @returns {Reply | undefined}
 */
function refuse(bearer) {
  if (bearer.kind === 'none')
    return piError(401, 'unauthorized', 'Authentication failed: the access token is missing or invalid.')
  if (!bearer.audiences.includes(GRAPH_AUDIENCE)) return { kind: 'json', status: 401, body: WRONG_AUDIENCE }
  if (bearer.kind === 'expired') {
    const at = new Date(bearer.expiresAt).toISOString()
    return piError(401, 'unauthorized', `Lifetime validation failed: the access token expired at '${at}'.`)
  }
  return undefined
}

/** @param {string} text @returns {string} */
const encodeToken = (text) => Buffer.from(text).toString('base64url')

/**
 * The frame index and page of a continuation token; 'foreign' for the foreign scenario's; undefined when invalid.
 * @param {string} token
 * @returns {{ frame: number, page: number | 'foreign' } | undefined}
 */
function decodeToken(token) {
  const match = /^(\d{1,6})\.(\d|foreign)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  if (!match) return undefined
  return { frame: Number(match[1]), page: match[2] === 'foreign' ? 'foreign' : Number(match[2]) }
}

/** The PI state of one simulator: its products and counters, and the request handler. */
export function createIngestion() {
  /** @type {Map<string, string>} product GUID -> offer ID, for every PI offer asked for (and the scenario names) */
  const offers = new Map(PI_SCENARIO_NAMES.map((name) => [productGuid(name), name]))
  /** @type {Map<string, number>} authenticated requests per submission list (first pages) and per job */
  const counters = new Map()

  /**
   * What server.js records of a request under the prefix; undefined when the path is not under it.
   * @param {string} path @param {URLSearchParams} query
   * @returns {IngestionRequestInfo | undefined}
   */
  function describe(path, query) {
    const route = ingestionRoute(path)
    if (!route) return undefined
    const none = { offerId: '', productId: '', jobId: '' }
    if (route.kind === 'products') return { ...none, kind: 'product', offerId: param(query, 'externalId') ?? '' }
    if (route.kind === 'product' || route.kind === 'submission')
      return { ...none, kind: route.kind, offerId: offers.get(route.guid) ?? '', productId: route.guid }
    if (route.kind === 'job') return { ...none, kind: 'job', jobId: route.jobId }
    return { ...none, kind: 'other' }
  }

  /**
   * Count one more request for `key`; the frame it gets (the last one repeats).
   * @template T @param {string} key @param {T[]} frames
   * @returns {[T | undefined, number]} the frame and its index
   */
  function next(key, frames) {
    const k = counters.get(key) ?? 0
    counters.set(key, k + 1)
    const index = Math.min(k, frames.length - 1)
    return [frames[index], index]
  }

  /** @param {PiErrorFrame} frame @returns {Reply} */
  const errorReply = (frame) => piError(frame.status, frame.code, frame.message, frame.headers)

  /**
   * GET submission/<guid>: a frame's list, or one page of it.
   * @param {IngestionRequest} request @param {string} guid
   * @returns {Reply}
   */
  function submissions(request, guid) {
    const offerId = offers.get(guid)
    const name = offerId === undefined ? undefined : piScenarioOf(offerId)
    if (offerId === undefined || name === undefined) return piError(404, 'notFound', `Product ${guid} was not found.`)
    const frames = piScenarioFrames(name, offerId)
    const continuation = param(request.query, 'continuationToken')
    /** @type {number} */
    let index
    let page = 0
    if (continuation === undefined) {
      index = next(`submission:${guid}`, frames)[1]
    } else {
      const decoded = decodeToken(continuation)
      if (!decoded || decoded.frame >= frames.length)
        return piError(400, 'badRequest', 'The continuation token is not valid.')
      if (decoded.page === 'foreign') return piError(404, 'notFound', 'This page is not served here.')
      index = decoded.frame
      page = decoded.page
    }
    const frame = frames[index]
    if (!frame) return piError(500, 'internalServerError', 'The scenario has no frames.')
    if (frame.kind === 'error') return errorReply(frame)

    const targetType = param(request.query, 'targetType')?.toLowerCase()
    const value = targetType
      ? frame.value.filter((entry) => {
          const target = /** @type {{ targetType?: string } | undefined} */ (entry.target)
          return target?.targetType === targetType
        })
      : frame.value
    const version = param(request.query, '$version')
    /** @param {string} token the path and query of the next page, after the prefix */
    const link = (token) => {
      const q = [
        ...(version === undefined ? [] : [`$version=${encodeURIComponent(version)}`]),
        ...(targetType ? [`targetType=${encodeURIComponent(targetType)}`] : []),
        `continuationToken=${token}`
      ]
      return `${INGESTION_PREFIX}/submission/${encodeURIComponent(guid)}?${q.join('&')}`
    }
    if (frame.paging === 'foreign') {
      if (page !== 0) return piError(400, 'badRequest', 'The continuation token is not valid.')
      const port = new URL(request.origin).port
      const nextLink = `http://${FOREIGN_HOST}:${port}${link(encodeToken(`${index}.foreign`))}`
      return { kind: 'json', status: 200, body: { value, '@nextLink': nextLink } }
    }
    if (frame.paging === 'paged') {
      const pages = [value.slice(0, 1), value.slice(1, 2), value.slice(2)]
      const shown = pages[page]
      if (shown === undefined) return piError(400, 'badRequest', 'The continuation token is not valid.')
      /** @type {Body} */
      const body = { value: shown }
      // the first page's link is relative (a path on this origin), the second's absolute
      if (page === 0) body['@nextLink'] = link(encodeToken(`${index}.1`))
      if (page === 1) body['@nextLink'] = `${request.origin}${link(encodeToken(`${index}.2`))}`
      return { kind: 'json', status: 200, body }
    }
    if (page !== 0) return piError(400, 'badRequest', 'The continuation token is not valid.')
    return { kind: 'json', status: 200, body: { value } }
  }

  /**
   * GET configure/<jobId>/status
   * @param {string} jobId
   * @returns {Reply}
   */
  function jobStatus(jobId) {
    const name = jobScenarioOf(jobId)
    if (name === undefined) return piError(404, 'notFound', `Job ${jobId} was not found.`)
    const [frame] = next(`job:${jobId}`, jobFrames(name, jobId))
    if (!frame) return piError(500, 'internalServerError', 'The job has no frames.')
    return frame.kind === 'error' ? errorReply(frame) : { kind: 'json', status: 200, body: frame.body }
  }

  /**
   * The reply to a request under INGESTION_PREFIX (undefined when the path is not under it).
   * @param {IngestionRequest} request
   * @returns {Reply | undefined}
   */
  function reply(request) {
    const route = ingestionRoute(request.path)
    if (!route) return undefined
    if (route.kind === 'other') return piError(404, 'notFound', 'No such route.')
    if (request.method !== 'GET')
      return piError(405, 'methodNotAllowed', `Method ${request.method} is not allowed.`, { Allow: 'GET' })
    const refused = refuse(request.bearer)
    if (refused) return refused

    if (route.kind === 'products') {
      const externalId = param(request.query, 'externalId')
      const known = externalId === undefined ? PI_SCENARIO_NAMES : piScenarioOf(externalId) ? [externalId] : []
      const value = known.map((offerId) => {
        const guid = productGuid(offerId)
        offers.set(guid, offerId)
        return productResource({ guid, offerId })
      })
      return { kind: 'json', status: 200, body: { value } }
    }
    if (route.kind === 'product') {
      const offerId = offers.get(route.guid)
      if (offerId === undefined) return piError(404, 'notFound', `Product ${route.guid} was not found.`)
      return { kind: 'json', status: 200, body: productResource({ guid: route.guid, offerId }) }
    }
    if (route.kind === 'submission') return submissions(request, route.guid)
    return jobStatus(route.jobId)
  }

  return { describe, reply }
}
