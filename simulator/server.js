// @ts-check
/**
 * A simulator of the Azure Cloud Partner Portal offer-status API:
 *   GET /api/publishers/{publisherId}/offers/{offerId}/status?api-version=2017-10-31
 *
 * Node built-ins only, so `npm start` works on a fresh clone. Each (publisher, offer) pair walks
 * through the frames of a scenario, one frame per authenticated request; the last frame repeats.
 * An offer ID equal to a scenario name picks that scenario, so one server serves them all.
 *
 * The same server stands in for Microsoft Entra ID's token endpoint and for the GitHub Actions OIDC
 * ID-token endpoint (see identity.js); the CPP API accepts the static `token` or any access token the
 * stand-in issued for https://cloudpartner.azure.com and that has not expired.
 *
 * It serves Partner Center's Product Ingestion API too, under /rp/product-ingestion (see ingestion.js),
 * with its own scenarios; that API accepts the static `graphToken` or the stand-in's tokens for
 * https://graph.microsoft.com. A token for the other API gets a 401. An offer ID that names a PI
 * scenario is not found in the CPP API (as the `not-found` scenario answers), so that a client can look
 * it up in PI after a CPP 404.
 */
import http from 'node:http'
import { randomUUID } from 'node:crypto'
import { clock, createClock, withClock } from './clock.js'
import { CPP_AUDIENCE, GRAPH_AUDIENCE, aadError, createIdentity, identityRoute } from './identity.js'
import { INGESTION_PREFIX, JOB_NAMES, PI_SCENARIO_NAMES, createIngestion, piScenarioOf } from './ingestion.js'

export { INGESTION_PREFIX, JOB_NAMES, PI_SCENARIO_NAMES }

/**
 * @typedef {{ publisherId: string, offerId: string }} Ids
 * @typedef {{ messageHtml: string, level: 'informational' | 'warning' | 'error', timestamp: string }} Message
 * @typedef {string | { status: string, progress?: number, messages?: Message[] }} StepState
 * @typedef {{ delayMs?: number }} FrameBase
 * @typedef {Record<string, unknown>} Body
 * @typedef {FrameBase & { kind: 'status', body: Body }} FixedStatusFrame
 * @typedef {FrameBase & { kind: 'status', body: Body | (() => Body) }} StatusFrame
 *   a function body is built when the frame is served (for times relative to that moment)
 * @typedef {FrameBase & { kind: 'error', status: number, code: string, message: string, headers?: Record<string, string> }} ErrorFrame
 * @typedef {FrameBase & { kind: 'reset' }} ResetFrame
 * @typedef {FrameBase & { kind: 'malformed' }} MalformedFrame
 * @typedef {StatusFrame | ErrorFrame | ResetFrame | MalformedFrame} Frame
 * @typedef {'status' | 'token' | 'idtoken' | 'product' | 'submission' | 'job' | 'other'} RequestKind
 *   status: the CPP API; product, submission, job: the PI API (product?externalId=, submission/<guid>,
 *   configure/<jobId>/status); 'other' includes an unknown route under /rp/product-ingestion
 * @typedef {{
 *   kind: RequestKind, method: string, url: string, authorization: string | undefined, offerId: string,
 *   publisherId: string, productId: string, jobId: string, at: number
 * }} RecordedRequest
 *   publisherId is '' unless kind is 'status'; offerId is the CPP offer (status), the externalId asked for
 *   (product), or the offer of the GUID (submission, '' when unknown); productId is the GUID (product
 *   by GUID, submission); jobId the job (job); each is '' otherwise
 * @typedef {import('./identity.js').IdentityOptions} IdentityOptions
 * @typedef {import('./identity.js').Reply} Reply
 * @typedef {import('./identity.js').BearerCheck} BearerCheck
 * @typedef {{
 *   scenario?: string, token?: string, graphToken?: string, host?: string, port?: number, latencyMs?: number,
 *   log?: (line: string) => void, identity?: IdentityOptions, now?: () => number
 * }} SimulatorOptions
 *   token: the static token of the CPP API (default 'sim-token'); graphToken: the static token of the PI API
 *   (default 'sim-graph-token-0123456789'); now: this simulator's own clock (default: real time), for the
 *   times in its answers (see clock.js): with a fake clock they are the same on every run
 * @typedef {{
 *   url: string, port: number, ingestionUrl: string, requests: RecordedRequest[], close(): Promise<void>,
 *   readonly connections: number, idTokenRequestUrl: string, idTokenRequestToken: string,
 *   issued: { accessTokens: string[], idTokens: string[], byAudience: Record<string, string[]> }
 * }} Simulator
 *   ingestionUrl: the PI API's base URL on this server, `${url}/rp/product-ingestion`;
 *   connections: the TCP connections the server has accepted so far (its 'connection' events), to count
 *   how well a client reuses them. The server keeps Node's default idle time for a kept-alive connection,
 *   5 s, and announces it (`Keep-Alive: timeout=5`); Node's client agent then keeps the connection for
 *   4 s, so requests closer together than that share one, and slower ones open one each
 */

/**
 * The steps of a publish, with the IDs, names, estimates and descriptions of the API's documented sample
 * (learn.microsoft.com, "Retrieve offer status", for a virtual machine offer): the IDs are not the names.
 */
const STEP_DEFS = [
  {
    id: 'displaydummycertify',
    stepName: 'Validate Pre-Requisites',
    estimatedTimeFrame: '< 15 min',
    description: 'Offer settings provided are validated.'
  },
  {
    id: 'displaycertify',
    stepName: 'Certification',
    estimatedTimeFrame: '~2-3 days',
    description: 'Your offer is analyzed by our certification systems for issues.'
  },
  {
    id: 'displayprovision',
    stepName: 'Provisioning',
    estimatedTimeFrame: '< 1 day',
    description: 'Your virtual machine is being replicated in our production systems.'
  },
  {
    id: 'displaypackage',
    stepName: 'Packaging and Lead Generation Registration',
    estimatedTimeFrame: '< 1 hour',
    description:
      'Your virtual machine is being packaged for customers. Additionally, lead systems are being configured and set up.'
  },
  {
    id: 'publisher-signoff',
    stepName: 'Publisher signoff',
    estimatedTimeFrame: '< 1 hour',
    description: 'Offer is available to preview. Ensure that everything looks good before making your offer live.'
  },
  {
    id: 'live',
    stepName: 'Live',
    estimatedTimeFrame: '~2-5 days',
    description: 'Offer is publicly visible and is available for purchase.'
  }
]

/** @param {number} ms @returns {string} ISO 8601 to the second, as the API writes it */
const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/**
 * A message dated `minutes` after the start of publishing (see clock.js: fixed, a whole minute); the
 * date is read when the answer is written, from the clock of the simulator writing it.
 * @param {Message['level']} level
 * @param {string} html
 * @param {number} minutes after the (fixed) start of publishing
 * @returns {Message}
 */
function msg(level, html, minutes) {
  return {
    messageHtml: html,
    level,
    get timestamp() {
      return iso(clock().start + minutes * 60_000)
    }
  }
}

/**
 * A message dated `ms` before now: call it while a frame is served (inside `atAnswer`).
 * @param {Message['level']} level @param {string} html @param {number} ms
 * @returns {Message}
 */
function msgAgo(level, html, ms) {
  return { messageHtml: html, level, timestamp: iso(clock().now() - ms) }
}

const DAY_MS = 24 * 60 * 60_000

/** @param {number} progress @param {Message[]} [messages] @returns {StepState} */
const ip = (progress, messages) => ({ status: 'inProgress', progress, ...(messages ? { messages } : {}) })
/** @param {Message[]} [messages] @returns {StepState} */
const done = (messages) => ({ status: 'complete', ...(messages ? { messages } : {}) })
const D = 'complete'

/**
 * The six steps, in order; a step not named in `states` is notStarted.
 * @param {Record<string, StepState>} states
 */
function steps(states) {
  return STEP_DEFS.map((def) => {
    const raw = states[def.id] ?? 'notStarted'
    const state = typeof raw === 'string' ? { status: raw } : raw
    /** @type {Record<string, unknown>} */
    const step = { id: def.id, stepName: def.stepName, description: def.description, status: state.status }
    if (def.estimatedTimeFrame) step.estimatedTimeFrame = def.estimatedTimeFrame
    step.progressPercentage = state.progress ?? (state.status.toLowerCase() === 'complete' ? 100 : 0)
    step.messages = state.messages ?? []
    return step
  })
}

/**
 * A 200 frame with an offer status body.
 * @param {string} status offer status
 * @param {Record<string, StepState>} states
 * @param {Record<string, unknown>} [extra] fields to add to or override in the body
 * @returns {FixedStatusFrame}
 */
function offer(status, states, extra = {}) {
  const body = {
    status,
    messages: [],
    steps: steps(states),
    previewLinks: [],
    liveLinks: [],
    notificationEmails: 'ops@contoso.com',
    ...extra
  }
  return { kind: 'status', body }
}

/**
 * A 200 frame whose body `build` makes anew each time the frame is served, e.g. with `msgAgo`.
 * @param {() => FixedStatusFrame} build
 * @returns {StatusFrame}
 */
function atAnswer(build) {
  return { kind: 'status', body: () => build().body }
}

/**
 * @param {number} status @param {string} code @param {string} message @param {Record<string, string>} [headers]
 * @returns {ErrorFrame}
 */
function error(status, code, message, headers) {
  return { kind: 'error', status, code, message, ...(headers ? { headers } : {}) }
}

const UNAUTHORIZED = error(401, 'Unauthorized', 'Authentication failed: the access token is invalid or expired.')
/** The 401 for a token of another API (e.g. Microsoft Graph's, for Product Ingestion). */
const WRONG_AUDIENCE = error(
  401,
  'InvalidAuthenticationTokenAudience',
  "The token's audience is not valid for this API."
)

/**
 * The 401 Azure answers for a bearer token past its expiry.
 * @param {number} expiresAt ms
 * @returns {ErrorFrame}
 */
function expired(expiresAt) {
  const message = `The access token expiry UTC time '${new Date(expiresAt).toISOString()}' is earlier than current UTC time '${new Date(clock().now()).toISOString()}'.`
  return error(401, 'ExpiredAuthenticationToken', message)
}

/** @param {Ids} ids */
function links(ids) {
  const name = `${encodeURIComponent(ids.publisherId)}.${encodeURIComponent(ids.offerId)}`
  return {
    preview: [{ displayText: 'Preview', uri: `https://portal.azure.com/#create/${name}-preview` }],
    live: [{ displayText: 'Azure Marketplace', uri: `https://azuremarketplace.microsoft.com/marketplace/apps/${name}` }]
  }
}

const VALIDATION_OK = [
  msg('informational', '<p>Validation passed. No issues were found in the offer metadata.</p>', 12)
]
const CERT_QUEUED = [
  msg(
    'informational',
    '<p>Your offer is in the certification queue. Certification usually takes <b>2-3 business days</b>.</p>',
    15
  )
]

/** @param {Ids} ids @returns {Frame[]} */
function happy(ids) {
  const { preview, live } = links(ids)
  const shown = { previewLinks: preview }
  const v = done(VALIDATION_OK)
  const certified = { displaydummycertify: v, displaycertify: D }
  // the preview exists once packaging is done: its links from then on
  const packaged = { ...certified, displayprovision: D, displaypackage: D }
  return [
    offer('notStarted', {}),
    offer('running', { displaydummycertify: ip(30) }),
    offer('running', { displaydummycertify: v }),
    offer('running', { displaydummycertify: v, displaycertify: ip(20, CERT_QUEUED) }),
    offer('running', { displaydummycertify: v, displaycertify: ip(60, CERT_QUEUED) }),
    offer('running', certified),
    offer('running', { ...certified, displayprovision: ip(50) }),
    offer('running', { ...certified, displayprovision: D }),
    offer('running', { ...certified, displayprovision: D, displaypackage: ip(40) }),
    offer('running', packaged, shown),
    offer('running', { ...packaged, 'publisher-signoff': D }, shown),
    offer('running', { ...packaged, 'publisher-signoff': D, live: ip(50) }, shown),
    offer(
      'succeeded',
      {
        ...packaged,
        'publisher-signoff': D,
        live: done([
          msg(
            'informational',
            `<p>Your offer is live: <a href="${live[0]?.uri}">view it in the Azure Marketplace</a>.</p>`,
            4000
          )
        ])
      },
      { previewLinks: preview, liveLinks: live }
    )
  ]
}

/**
 * Certification runs long: eight slowly changing frames, then the rest of `happy`.
 * @param {Ids} ids @returns {Frame[]}
 */
function late(ids) {
  const v = done(VALIDATION_OK)
  const note = msg('informational', '<p>Certification is taking longer than usual because of high demand.</p>', 2880)
  const still = msg('informational', '<p>Certification is still in progress; no action is needed.</p>', 4320)
  /** @type {[number, Message[]][]} progress and messages of each frame */
  const cert = [
    [10, CERT_QUEUED],
    [15, CERT_QUEUED],
    [20, CERT_QUEUED],
    [20, [...CERT_QUEUED, note]],
    [25, [...CERT_QUEUED, note]],
    [30, [...CERT_QUEUED, note]],
    [30, [...CERT_QUEUED, note, still]],
    [35, [...CERT_QUEUED, note, still]]
  ]
  return [
    ...cert.map(([p, m]) => offer('running', { displaydummycertify: v, displaycertify: ip(p, m) })),
    ...happy(ids).slice(5)
  ]
}

/**
 * A publish that takes days, as scheduled checks with `wait-for: none` see it: one look a run, so each
 * run of the action against one simulator sees the next frame. Validation runs; then it is done and
 * Certification (estimate ~2-3 days) has begun, queued; then a look that finds the same statuses with
 * more progress, nothing new for a check that remembers what it saw; and there it stays.
 * @returns {Frame[]}
 */
function multiDay() {
  const v = done(VALIDATION_OK)
  return [
    offer('running', { displaydummycertify: ip(40) }),
    offer('running', { displaydummycertify: v, displaycertify: ip(10, CERT_QUEUED) }),
    offer('running', { displaydummycertify: v, displaycertify: ip(20, CERT_QUEUED) })
  ]
}

const NASTY =
  '<p>Certification failed: <b>CVE-2026-1234</b> found | see <a href="https://example.test/report">report</a></p><script>alert(1)</script>\n| injected | row |'

/** @type {Record<string, (ids: Ids) => Frame[]>} */
const SCENARIOS = {
  happy,
  rejected: () => [
    offer('running', { displaydummycertify: ip(50) }),
    offer('running', { displaydummycertify: done(VALIDATION_OK), displaycertify: ip(20, CERT_QUEUED) }),
    offer('failed', {
      displaydummycertify: done(VALIDATION_OK),
      displaycertify: {
        status: 'rejected',
        progress: 100,
        messages: [
          msg('error', NASTY, 2900),
          msg(
            'warning',
            '<p>The privacy policy URL returned <code>404</code>; update it before resubmitting.</p>',
            2901
          )
        ]
      }
    })
  ],
  failed: () => [
    offer('running', { displaydummycertify: ip(40) }),
    offer('running', { displaydummycertify: D, displaycertify: ip(50) }),
    offer('running', { displaydummycertify: D, displaycertify: D, displayprovision: D, displaypackage: ip(30) }),
    offer('failed', {
      displaydummycertify: D,
      displaycertify: D,
      displayprovision: D,
      displaypackage: {
        status: 'blocked',
        progress: 30,
        messages: [
          msg('error', '<p>Packaging failed: the VM image could not be copied (storage SAS expired)</p>', 3100)
        ]
      }
    })
  ],
  canceled: () => [
    offer('running', { displaydummycertify: ip(50) }),
    offer('canceled', {
      displaydummycertify: D,
      displaycertify: {
        status: 'canceled',
        messages: [msg('informational', '<p>Publishing was canceled by the publisher</p>', 60)]
      }
    })
  ],
  'publisher-review': (ids) => {
    const { preview } = links(ids)
    const review = msg(
      'informational',
      `<p>Your preview is ready. Review it <a href="${preview[0]?.uri}">here</a>, then select <b>Go live</b>.</p>`,
      3600
    )
    return [
      offer('running', { displaydummycertify: ip(50) }),
      offer('running', { displaydummycertify: D, displaycertify: ip(50) }),
      offer('running', { displaydummycertify: D, displaycertify: D, displayprovision: ip(50) }),
      offer('running', { displaydummycertify: D, displaycertify: D, displayprovision: D, displaypackage: ip(50) }),
      offer(
        'running',
        {
          displaydummycertify: D,
          displaycertify: D,
          displayprovision: D,
          displaypackage: D,
          'publisher-signoff': { status: 'waitingForPublisherReview', messages: [review] }
        },
        { previewLinks: preview }
      )
    ]
  },
  flaky: (ids) => {
    const h = happy(ids)
    return [
      ...h.slice(0, 1),
      error(429, 'TooManyRequests', 'Rate limit exceeded. Retry after 1 second.', { 'Retry-After': '1' }),
      ...h.slice(1, 2),
      error(503, 'ServiceUnavailable', 'Try again later'),
      ...h.slice(2, 3),
      { kind: 'reset' },
      ...h.slice(3, 4),
      { kind: 'malformed' },
      ...h.slice(4)
    ]
  },
  'expired-once': (ids) => {
    const [first, ...rest] = happy(ids)
    return [...(first ? [first] : []), expired(clock().now() - 1000), ...rest]
  },
  late,
  throttled: (ids) => [
    error(429, 'TooManyRequests', 'Rate limit exceeded for publisher.', { 'Retry-After': '1' }),
    ...happy(ids)
  ],
  // In certification for six days (against an estimate of ~2-3 days), forever.
  stuck: () => [
    atAnswer(() =>
      offer('running', {
        displaydummycertify: D,
        displaycertify: ip(40, [
          msgAgo('informational', '<p>Your offer is in the certification queue.</p>', 6 * DAY_MS)
        ])
      })
    )
  ],
  // Days of publishing, one look a scheduled check: validation, then Certification, then more of it.
  'multi-day': multiDay,
  // In Validate Pre-Requisites (estimate < 15 min) forever, with no message to date it.
  'stuck-short': () => [offer('running', { displaydummycertify: ip(50) })],
  slow: () => [{ ...offer('running', { displaydummycertify: D, displaycertify: ip(10, CERT_QUEUED) }), delayMs: 2000 }],
  'not-found': (ids) => [
    error(404, 'OfferNotFound', `Offer '${ids.offerId}' of publisher '${ids.publisherId}' was not found.`)
  ],
  forbidden: (ids) => [error(403, 'Forbidden', `The caller does not have access to publisher '${ids.publisherId}'.`)],
  unauthorized: () => [UNAUTHORIZED],
  'bad-request': () => [error(400, 'BadRequest', 'The request is invalid.')],
  'unknown-status': () => {
    const first = offer('pendingValidationQueue', { displaydummycertify: { status: 'queuedForScan', progress: 0 } })
    const [validation, certification, ...others] = /** @type {Record<string, unknown>[]} */ (first.body.steps)
    const rest = { ...certification }
    delete rest.progressPercentage
    first.body.steps = [
      validation,
      { ...rest, status: 'inProgress', processPercentage: 15, queuePosition: 3 },
      ...others
    ]
    const cases = ['Complete', 'COMPLETE', 'complete']
    const last = offer('Succeeded', Object.fromEntries(STEP_DEFS.map((d, i) => [d.id, cases[i % cases.length] ?? D])))
    return [first, last]
  },
  'never-published': () => [offer('neverPublished', {}, { steps: [] })]
}

export const SCENARIO_NAMES = Object.keys(SCENARIOS)

/**
 * The frames of a scenario for one offer (the frames can mention the IDs).
 * @param {string} name
 * @param {Ids} [ids]
 * @returns {Frame[]}
 */
export function scenarioFrames(name, ids = { publisherId: 'contoso', offerId: name }) {
  const build = Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name] : undefined
  if (!build) throw new Error(`Unknown simulator scenario '${name}'; known scenarios: ${SCENARIO_NAMES.join(', ')}`)
  return build(ids)
}

/**
 * The route's IDs, or undefined when the path is not /api/publishers/{pub}/offers/{offer}/status.
 * @param {string} path raw (still percent-encoded) path
 * @returns {Ids | undefined}
 */
function parseRoute(path) {
  const [empty, api, publishers, pub, offers, off, status, ...more] = path.split('/')
  if (empty !== '' || api !== 'api' || publishers !== 'publishers' || offers !== 'offers' || status !== 'status')
    return undefined
  if (more.length > 0 || !pub || !off) return undefined
  try {
    return { publisherId: decodeURIComponent(pub), offerId: decodeURIComponent(off) }
  } catch {
    return undefined // malformed percent-encoding
  }
}

/**
 * @param {http.ServerResponse} res @param {unknown} err
 */
function internalError(res, err) {
  if (res.destroyed || res.writableEnded) return
  if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ error: { code: 'InternalError', message: String(err) } }))
}

const MAX_FORM_BYTES = 64 * 1024
export const DEFAULT_TOKEN = 'sim-token'
export const DEFAULT_GRAPH_TOKEN = 'sim-graph-token-0123456789'

/**
 * Start the simulator. Resolves once it listens.
 * @param {SimulatorOptions} [options]
 * @returns {Promise<Simulator>}
 */
export async function startSimulator(options = {}) {
  const {
    scenario = 'happy',
    token = DEFAULT_TOKEN,
    graphToken = DEFAULT_GRAPH_TOKEN,
    host = '127.0.0.1',
    port = 0,
    latencyMs = 0,
    log
  } = options
  scenarioFrames(scenario) // throws for an unknown scenario
  const own = options.now ? createClock(options.now) : undefined
  const identity = createIdentity(options.identity) // throws for bad identity options
  const ingestion = createIngestion()
  /** This server's origin, e.g. http://127.0.0.1:4321, once it listens. */
  let origin = ''
  /** @type {RecordedRequest[]} */
  const requests = []
  /** @type {Map<string, number>} authenticated requests per (publisher, offer) */
  const counters = new Map()
  /** @type {Set<NodeJS.Timeout>} */
  const timers = new Set()

  /**
   * Run `send` after `delayMs` (at once when 0); close() cancels what is still waiting.
   * @param {number} delayMs @param {() => void} send
   */
  function later(delayMs, send) {
    if (delayMs <= 0) {
      send()
      return
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      send()
    }, delayMs)
    timers.add(timer)
  }

  /**
   * Drop the connection in the middle of the answer: its status line, then a reset. Not before any
   * byte of it: a client that sees a kept-alive connection reset before any answer takes it for one
   * the server had closed while it was idle, and sends a GET again on a new connection (the action
   * does), so that the frame would go unseen.
   * @param {http.ServerResponse} res
   */
  function resetSocket(res) {
    const socket = res.socket
    if (!socket) return
    socket.write('HTTP/1.1 200 OK\r\n', () => {
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
      else socket.destroy()
    })
  }

  /**
   * @param {http.ServerResponse} res @param {Frame} frame
   */
  function answer(res, frame) {
    later((frame.delayMs ?? 0) + latencyMs, () => {
      if (res.destroyed || res.writableEnded) return
      const headers = { 'Content-Type': 'application/json; charset=utf-8', 'x-ms-request-id': randomUUID() }
      if (frame.kind === 'reset') {
        resetSocket(res)
      } else if (frame.kind === 'malformed') {
        res.writeHead(200, headers).end('<html>upstream error</html>')
      } else if (frame.kind === 'error') {
        res
          .writeHead(frame.status, { ...headers, ...frame.headers })
          .end(JSON.stringify({ error: { code: frame.code, message: frame.message } }))
      } else {
        res.writeHead(200, headers).end(JSON.stringify(typeof frame.body === 'function' ? frame.body() : frame.body))
      }
      log?.(
        `${res.req.method} ${res.req.url} -> ${frame.kind === 'status' ? 200 : frame.kind === 'error' ? frame.status : frame.kind}`
      )
    })
  }

  /**
   * Send an identity endpoint's reply.
   * @param {http.ServerResponse} res @param {Reply} reply
   */
  function send(res, reply) {
    later(latencyMs, () => {
      if (res.destroyed || res.writableEnded) return
      if (reply.kind === 'reset') resetSocket(res)
      else
        res
          .writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers })
          .end(JSON.stringify(reply.body))
      log?.(`${res.req.method} ${res.req.url} -> ${reply.kind === 'reset' ? 'reset' : reply.status}`)
    })
  }

  /**
   * Read the request body, then call `done` with it as a form: empty unless the body is
   * application/x-www-form-urlencoded (as Entra ID ignores other bodies), undefined when too large.
   * @param {http.IncomingMessage} req @param {(form: URLSearchParams | undefined) => void} done
   */
  function readForm(req, done) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length
      if (size <= MAX_FORM_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      if (size > MAX_FORM_BYTES) {
        done(undefined)
        return
      }
      done(
        new URLSearchParams(type === 'application/x-www-form-urlencoded' ? Buffer.concat(chunks).toString('utf8') : '')
      )
    })
    req.on('error', () => undefined) // the client went away: nothing to answer
  }

  /**
   * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} tenant decoded
   */
  function handleToken(req, res, tenant) {
    const method = req.method ?? ''
    if (method !== 'POST') {
      send(res, identity.tokenReply(method, tenant, new URLSearchParams()))
      return
    }
    readForm(req, (form) => {
      try {
        send(
          res,
          form
            ? identity.tokenReply(method, tenant, form)
            : aadError(413, 'invalid_request', 90015, 'The request body is too large.')
        )
      } catch (err) {
        internalError(res, err)
      }
    })
  }

  /**
   * What a request's bearer token is worth: the audiences it is valid for (a static token's, or an
   * issued token's), whether it expired, or nothing.
   * @param {string | undefined} authorization
   * @returns {BearerCheck}
   */
  function checkBearer(authorization) {
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined
    if (bearer === undefined) return { kind: 'none' }
    const statics = [...(bearer === token ? [CPP_AUDIENCE] : []), ...(bearer === graphToken ? [GRAPH_AUDIENCE] : [])]
    if (statics.length > 0) return { kind: 'valid', audiences: statics }
    const issued = identity.checkAccessToken(bearer)
    if (!issued) return { kind: 'none' }
    return issued.ok
      ? { kind: 'valid', audiences: [issued.audience] }
      : { kind: 'expired', audiences: [issued.audience], expiresAt: issued.expiresAt }
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  function handle(req, res) {
    const rawUrl = req.url ?? '/'
    const q = rawUrl.indexOf('?')
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q)
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1))
    const ids = parseRoute(path)
    const pi = ids ? undefined : ingestion.describe(path, query)
    const route = ids || pi ? undefined : identityRoute(path)
    const authorization = req.headers.authorization
    requests.push({
      kind: ids ? 'status' : (pi?.kind ?? route?.kind ?? 'other'),
      method: req.method ?? '',
      url: rawUrl,
      authorization,
      publisherId: ids?.publisherId ?? '',
      offerId: ids?.offerId ?? pi?.offerId ?? '',
      productId: pi?.productId ?? '',
      jobId: pi?.jobId ?? '',
      at: clock().now()
    })

    if (pi) {
      const method = req.method ?? ''
      const reply = ingestion.reply({ method, path, query, bearer: checkBearer(authorization), origin })
      send(
        res,
        reply ?? { kind: 'json', status: 404, body: { error: { code: 'notFound', message: 'No such route.' } } }
      )
      return
    }
    if (route?.kind === 'token') {
      handleToken(req, res, route.tenant)
      return
    }
    if (route?.kind === 'idtoken') {
      send(res, identity.idTokenReply(req.method ?? '', authorization, query))
      return
    }
    if (!ids) {
      answer(res, error(404, 'NotFound', 'No such route'))
      return
    }
    if (req.method !== 'GET') {
      answer(res, error(405, 'MethodNotAllowed', `Method ${req.method} is not allowed`, { Allow: 'GET' }))
      return
    }
    if (!query.get('api-version')) {
      answer(res, error(400, 'InvalidApiVersion', 'api-version is required'))
      return
    }
    const bearer = checkBearer(authorization)
    if (bearer.kind === 'none') {
      answer(res, UNAUTHORIZED)
      return
    }
    if (!bearer.audiences.includes(CPP_AUDIENCE)) {
      answer(res, WRONG_AUDIENCE)
      return
    }
    if (bearer.kind === 'expired') {
      answer(res, expired(bearer.expiresAt))
      return
    }

    // An offer of the PI API is not found here; any other unknown offer plays the default scenario.
    const name = SCENARIO_NAMES.includes(ids.offerId)
      ? ids.offerId
      : piScenarioOf(ids.offerId) !== undefined
        ? 'not-found'
        : scenario
    const frames = scenarioFrames(name, ids)
    const key = JSON.stringify([ids.publisherId, ids.offerId])
    const k = counters.get(key) ?? 0
    counters.set(key, k + 1)
    const frame = frames[Math.min(k, frames.length - 1)]
    answer(res, frame ?? error(500, 'InternalError', 'Scenario has no frames'))
  }

  const server = http.createServer((req, res) => {
    try {
      withClock(own, () => {
        handle(req, res)
      })
    } catch (err) {
      internalError(res, err)
    }
  })
  let connections = 0
  server.on('connection', () => {
    connections++
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('Simulator is not listening on a TCP port')
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address

  const url = `http://${urlHost}:${address.port}`
  origin = url
  return {
    url,
    port: address.port,
    ingestionUrl: `${url}${INGESTION_PREFIX}`,
    requests,
    idTokenRequestUrl: `${url}/_github/idtoken?api-version=2.0`,
    idTokenRequestToken: identity.idTokenRequestToken,
    issued: identity.issued,
    get connections() {
      return connections
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      return new Promise((resolve) => {
        server.close(() => {
          resolve()
        })
        server.closeAllConnections()
      })
    }
  }
}
