// @ts-check
/**
 * Stand-ins for the two identity services the action talks to before it can read the CPP API or the
 * Product Ingestion API:
 *
 *   POST /{tenant}/oauth2/v2.0/token   Microsoft Entra ID (client credentials, with a client secret
 *                                       or a federated client assertion), for the scope
 *                                       https://cloudpartner.azure.com/.default (the CPP API) or
 *                                       https://graph.microsoft.com/.default (Product Ingestion); each
 *                                       access token remembers its audience, and each API takes only its own
 *   GET  /_github/idtoken              the GitHub Actions OIDC ID-token endpoint a runner exposes as
 *                                       ACTIONS_ID_TOKEN_REQUEST_URL
 *
 * Node built-ins only. The handlers do no I/O: they take the request's parts and return a Reply,
 * which server.js sends (with its latency and logging). Error bodies copy the shape and the AADSTS
 * codes of the real services closely enough for a client's error handling to be tested against them.
 */
import { randomBytes, randomUUID } from 'node:crypto'

/**
 * @typedef {{
 *   tenantId?: string, clientId?: string, clientSecret?: string,
 *   tokenLifetimeSec?: number, idTokenLifetimeSec?: number,
 *   subject?: string, allowedSubject?: string, idTokenRequestToken?: string,
 *   tokenFailures?: string[]
 * }} IdentityOptions
 * `tokenFailures` entries: 'reset' (destroy the socket), '429' (with Retry-After: 1) or any '5xx'.
 * @typedef {{ kind: 'json', status: number, headers?: Record<string, string>, body: unknown } | { kind: 'reset' }} Reply
 * @typedef {{ kind: 'token', tenant: string } | { kind: 'idtoken' }} IdentityRoute
 * @typedef {{ ok: true, audience: string } | { ok: false, expiresAt: number, audience: string } | undefined} AccessTokenCheck
 *   undefined: not a token this simulator issued
 * @typedef {{ kind: 'none' } | { kind: 'valid', audiences: readonly string[] } | { kind: 'expired', audiences: readonly string[], expiresAt: number }} BearerCheck
 *   what a request's Authorization header is worth: 'none' when it has no bearer token this simulator knows
 * @typedef {{ payload: IdTokenPayload, expiresAt: number, redeemedAt?: number }} IssuedIdToken
 * @typedef {{ iss: string, sub: string, aud: string, iat: number, nbf: number, exp: number, jti: string, repository: string, ref: string }} IdTokenPayload
 */

export const IDENTITY_DEFAULTS = Object.freeze({
  tenantId: 'sim-tenant',
  clientId: 'sim-client',
  clientSecret: 'sim-secret',
  tokenLifetimeSec: 3600,
  idTokenLifetimeSec: 300,
  subject: 'repo:contoso/offers:ref:refs/heads/main',
  idTokenRequestToken: 'sim-id-request-token'
})

/** The audience (resource) of the Cloud Partner Portal API's tokens. */
export const CPP_AUDIENCE = 'https://cloudpartner.azure.com'
/** The audience of the Product Ingestion API's tokens: it is served under Microsoft Graph. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com'
export const CPP_SCOPE = `${CPP_AUDIENCE}/.default`
export const GRAPH_SCOPE = `${GRAPH_AUDIENCE}/.default`
/** The scopes the stand-in Entra ID issues tokens for, and the audience of each. */
const AUDIENCE_OF_SCOPE = new Map([
  [CPP_SCOPE, CPP_AUDIENCE],
  [GRAPH_SCOPE, GRAPH_AUDIENCE]
])
export const EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString()
/** @param {unknown} value */
const base64url = (value) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/**
 * An Entra ID error reply: `{ error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri }`.
 * @param {number} status @param {string} error @param {number} code AADSTS number
 * @param {string} description without the 'AADSTSnnn: ' prefix and the trace lines
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
export function aadError(status, error, code, description, headers) {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = iso(Date.now())
  return {
    kind: 'json',
    status,
    headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', 'x-ms-request-id': traceId, ...headers },
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`
    }
  }
}

/**
 * The identity route of a raw (still percent-encoded) path, or undefined.
 * @param {string} path
 * @returns {IdentityRoute | undefined}
 */
export function identityRoute(path) {
  if (path === '/_github/idtoken') return { kind: 'idtoken' }
  const [empty, tenant, oauth2, version, token, ...more] = path.split('/')
  if (empty !== '' || !tenant || oauth2 !== 'oauth2' || version !== 'v2.0' || token !== 'token' || more.length > 0)
    return undefined
  try {
    return { kind: 'token', tenant: decodeURIComponent(tenant) }
  } catch {
    return { kind: 'token', tenant } // malformed percent-encoding: an unknown tenant
  }
}

/**
 * @param {string} name @param {unknown} value
 * @returns {number}
 */
function lifetime(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`identity.${name} must be a number of seconds >= 0, not ${String(value)}`)
  return value
}

/**
 * The identity state of one simulator: the options, the tokens it issued, and the two handlers.
 * @param {IdentityOptions} [options]
 */
export function createIdentity(options = {}) {
  const {
    tenantId = IDENTITY_DEFAULTS.tenantId,
    clientId = IDENTITY_DEFAULTS.clientId,
    clientSecret = IDENTITY_DEFAULTS.clientSecret,
    subject = IDENTITY_DEFAULTS.subject,
    idTokenRequestToken = IDENTITY_DEFAULTS.idTokenRequestToken,
    tokenFailures = []
  } = options
  const allowedSubject = options.allowedSubject ?? subject
  const tokenLifetimeSec = lifetime('tokenLifetimeSec', options.tokenLifetimeSec ?? IDENTITY_DEFAULTS.tokenLifetimeSec)
  const idTokenLifetimeSec = lifetime(
    'idTokenLifetimeSec',
    options.idTokenLifetimeSec ?? IDENTITY_DEFAULTS.idTokenLifetimeSec
  )
  for (const failure of tokenFailures) {
    if (!/^(reset|429|5\d\d)$/.test(failure))
      throw new Error(`Unknown identity.tokenFailures entry '${failure}'; use 'reset', '429' or a 5xx status`)
  }

  /**
   * Everything issued, in order (the public view); `byAudience` has the access tokens again, by audience
   * (e.g. `issued.byAudience['https://graph.microsoft.com']`).
   */
  const issued = {
    accessTokens: /** @type {string[]} */ ([]),
    idTokens: /** @type {string[]} */ ([]),
    byAudience: /** @type {Record<string, string[]>} */ ({})
  }
  /** @type {Map<string, { expiresAt: number, audience: string }>} access token -> expiry (ms) and audience */
  const accessTokens = new Map()
  /** @type {Map<string, IssuedIdToken>} */
  const idTokens = new Map()
  /** token requests that reached the failure-injection step */
  let failureIndex = 0

  /** @param {string} audience @returns {Reply} */
  function issueAccessToken(audience) {
    const accessToken = `sim-at-${randomBytes(16).toString('hex')}`
    accessTokens.set(accessToken, { expiresAt: Date.now() + tokenLifetimeSec * 1000, audience })
    issued.accessTokens.push(accessToken)
    ;(issued.byAudience[audience] ??= []).push(accessToken)
    return {
      kind: 'json',
      status: 200,
      headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
      body: {
        token_type: 'Bearer',
        expires_in: tokenLifetimeSec,
        ext_expires_in: tokenLifetimeSec,
        access_token: accessToken
      }
    }
  }

  /** @param {string} failure @returns {Reply} */
  function injectedFailure(failure) {
    if (failure === 'reset') return { kind: 'reset' }
    if (failure === '429') {
      return aadError(
        429,
        'temporarily_unavailable',
        90055,
        'The request has been throttled. Please try again later.',
        { 'Retry-After': '1' }
      )
    }
    if (failure === '503')
      return aadError(503, 'temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.')
    return aadError(Number(failure), 'server_error', 90015, 'An internal error has occurred. Please try again.')
  }

  /**
   * Check a federated client assertion: its type, that this simulator issued it, its audience, its time
   * range, its subject, and that it was not redeemed before. Undefined when it is accepted (and now redeemed).
   * @param {URLSearchParams} form
   * @returns {Reply | undefined}
   */
  function rejectAssertion(form) {
    const type = form.get('client_assertion_type')
    if (type !== JWT_BEARER) {
      return aadError(
        400,
        'invalid_request',
        50027,
        `Invalid client_assertion_type '${type ?? ''}'. It must be '${JWT_BEARER}'.`
      )
    }
    const assertion = form.get('client_assertion') ?? ''
    const record = idTokens.get(assertion)
    if (!record) return aadError(400, 'invalid_client', 50027, 'JWT token is invalid or malformed.')
    const { payload } = record
    if (payload.aud !== EXCHANGE_AUDIENCE) {
      return aadError(
        400,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${payload.aud}'. Please note that the matching is done using a case-sensitive comparison. Check your federated identity credential Audience field.`
      )
    }
    const now = Date.now()
    if (now >= record.expiresAt || now < payload.nbf * 1000) {
      return aadError(
        400,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${iso(payload.nbf * 1000)}, expiry time of assertion ${iso(record.expiresAt)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`
      )
    }
    if (payload.sub !== allowedSubject) {
      return aadError(
        400,
        'invalid_client',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${payload.iss}'. Assertion Subject: '${payload.sub}'. Assertion Audience: '${payload.aud}'.`
      )
    }
    if (record.redeemedAt !== undefined) {
      return aadError(
        400,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. The assertion with jti '${payload.jti}' was already redeemed at ${iso(record.redeemedAt)}; request a new ID token for each exchange.`
      )
    }
    record.redeemedAt = now
    return undefined
  }

  /**
   * POST /{tenant}/oauth2/v2.0/token
   * @param {string} method @param {string} tenant decoded path segment
   * @param {URLSearchParams} form the form body (empty when the body is not form-encoded)
   * @returns {Reply}
   */
  function tokenReply(method, tenant, form) {
    if (method !== 'POST') {
      return aadError(
        405,
        'invalid_request',
        900561,
        `The endpoint only accepts POST requests. Received a ${method} request.`,
        { Allow: 'POST' }
      )
    }
    if (tenant !== tenantId) {
      return aadError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`
      )
    }
    const grantType = form.get('grant_type')
    if (grantType !== 'client_credentials') {
      return aadError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType ?? ''}'.`
      )
    }
    const client = form.get('client_id')
    if (client !== clientId) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${client ?? ''}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`
      )
    }
    const scope = form.get('scope')
    if (scope === null || scope === '') {
      return aadError(400, 'invalid_scope', 70011, "The provided request must include a 'scope' input parameter.")
    }
    const audience = AUDIENCE_OF_SCOPE.get(scope)
    if (audience === undefined) {
      return aadError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`
      )
    }
    const failure = tokenFailures[failureIndex++]
    if (failure !== undefined) return injectedFailure(failure)

    if (form.has('client_secret')) {
      if (form.get('client_secret') === clientSecret) return issueAccessToken(audience)
      return aadError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`
      )
    }
    if (form.has('client_assertion')) return rejectAssertion(form) ?? issueAccessToken(audience)
    return aadError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    )
  }

  /**
   * GET /_github/idtoken?api-version=2.0&audience=<aud>
   * @param {string} method @param {string | undefined} authorization @param {URLSearchParams} query
   * @returns {Reply}
   */
  function idTokenReply(method, authorization, query) {
    if (method !== 'GET')
      return { kind: 'json', status: 405, headers: { Allow: 'GET' }, body: { message: 'Method Not Allowed' } }
    if (authorization !== `Bearer ${idTokenRequestToken}`)
      return { kind: 'json', status: 401, body: { message: 'Unauthorized' } }
    const nowMs = Date.now()
    const now = Math.floor(nowMs / 1000)
    const expiresAt = nowMs + idTokenLifetimeSec * 1000
    /** @type {IdTokenPayload} */
    const payload = {
      iss: GITHUB_ISSUER,
      sub: subject,
      aud: query.get('audience') || EXCHANGE_AUDIENCE,
      iat: now,
      nbf: now,
      exp: Math.floor(expiresAt / 1000),
      jti: randomUUID(),
      repository: 'contoso/offers',
      ref: 'refs/heads/main'
    }
    const jwt = [
      base64url({ alg: 'RS256', typ: 'JWT', kid: 'sim' }),
      base64url(payload),
      randomBytes(32).toString('base64url')
    ].join('.')
    idTokens.set(jwt, { payload, expiresAt })
    issued.idTokens.push(jwt)
    return { kind: 'json', status: 200, body: { value: jwt } }
  }

  /**
   * Whether a bearer token is one this simulator issued, and if so its audience and whether it is still valid.
   * @param {string} token
   * @returns {AccessTokenCheck}
   */
  function checkAccessToken(token) {
    const record = accessTokens.get(token)
    if (record === undefined) return undefined
    const { expiresAt, audience } = record
    return Date.now() < expiresAt ? { ok: true, audience } : { ok: false, expiresAt, audience }
  }

  return { idTokenRequestToken, issued, tokenReply, idTokenReply, checkAccessToken }
}
