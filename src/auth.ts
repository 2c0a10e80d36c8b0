/**
 * Credentials for the status APIs. A `token` input is used as it is; a client (tenant-id and
 * client-id) signs in to Microsoft Entra ID with the client-credentials grant, by client secret or by
 * a GitHub OIDC ID token as client assertion, for the resource each API needs (`{resource}/.default`),
 * and renews its token before it expires. Every token obtained is masked before anything else happens
 * to it. Nothing here knows an API: the sources name their resource.
 */
import { withoutTrailingSlashes } from './endpoint.js'
import { failureOutcome } from './failure.js'
import type { HttpPort, HttpResponse } from './http.js'
import { InputError, type Auth } from './inputs.js'
import { parseRetryAfter } from './retry-after.js'
import { neutralize } from './text.js'

export const OIDC_AUDIENCE = 'api://AzureADTokenExchange'

export type TokenOutcome =
  | { kind: 'ok'; token: string }
  | { kind: 'transient'; reason: string; retryAfterMs?: number; timedOut?: true }
  | { kind: 'fatal'; reason: string }

export type AuthMode = 'token' | 'client-secret' | 'oidc'

export interface TokenProvider {
  readonly mode: AuthMode
  /** Whether a new token can be had, e.g. after a 401. */
  readonly renewable: boolean
  /** A token valid for a while yet; `renew` asks for a new one whatever the cached one says. */
  token(options: { timeoutMs: number; signal: AbortSignal; renew?: boolean }): Promise<TokenOutcome>
}

/** The `token` input: used as it is, never renewed. */
export function staticToken(token: string): TokenProvider {
  return {
    mode: 'token',
    renewable: false,
    token() {
      return Promise.resolve({ kind: 'ok', token })
    }
  }
}

/** A GitHub Actions OIDC ID token for `audience`: a fresh one each call. */
export type IdTokenSource = (options: { timeoutMs: number; signal: AbortSignal }) => Promise<TokenOutcome>

export interface EntraOptions {
  /** The API the token is for, e.g. `https://graph.microsoft.com`: the scope is `{resource}/.default`. */
  resource: string
  authorityHost: string
  tenantId: string
  clientId: string
  credential: { kind: 'secret'; secret: string } | { kind: 'oidc'; idToken: IdTokenSource }
  http: HttpPort
  now: () => number
  /** Called with every token obtained, before it is used or stored (`core.setSecret`). */
  mask: (secret: string) => void
  log?: (message: string) => void
}

/** Time before expiry at which a token is renewed: a quarter of its life, at most 5 minutes. */
export function renewalMargin(lifetimeMs: number): number {
  return Math.min(5 * 60_000, lifetimeMs / 4)
}

function transientFrom(response: HttpResponse, what: string, now: number): TokenOutcome | undefined {
  const { status } = response
  if (status !== 408 && status !== 429 && status < 500) return undefined
  const outcome: TokenOutcome = { kind: 'transient', reason: `${what}: HTTP ${status}` }
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now)
  if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs
  return outcome
}

/** A token lifetime shorter than this is read as this, so that a bogus `expires_in` cannot make a sign-in per request. */
export const MIN_TOKEN_LIFETIME_MS = 60_000

/** A token lifetime longer than this is read as this: no token outlives a day. */
export const MAX_TOKEN_LIFETIME_MS = 86_400_000

/**
 * The lifetime an `expires_in` (seconds, a number or a short numeric string) stands for, within a
 * minute and a day; an hour when it is missing or unreadable. Anything else (an object, a nested
 * array) is never converted, so it cannot cost time or stack.
 */
export function tokenLifetimeMs(expiresIn: unknown): number {
  let seconds = NaN
  if (typeof expiresIn === 'number') seconds = expiresIn
  else if (typeof expiresIn === 'string' && /^\s*\d{1,10}(\.\d{1,6})?\s*$/.test(expiresIn)) seconds = Number(expiresIn)
  const ms = Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : 3_600_000
  return Math.min(MAX_TOKEN_LIFETIME_MS, Math.max(MIN_TOKEN_LIFETIME_MS, ms))
}

/** Whether an `access_token` is plausibly one: masking a word such as `Running` would hide it all over the log. */
export function isPlausibleToken(token: string): boolean {
  return token.length >= 20 && token.length <= 16_384 && !/\s/.test(token)
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The claims of a JWT, read without verifying anything; undefined when it is not one. */
function jwtClaims(jwt: string): Record<string, unknown> | undefined {
  if (jwt.length > 16_384) return undefined
  const payload = jwt.split('.')[1]
  if (!payload) return undefined
  return parseJson(Buffer.from(payload, 'base64url').toString('utf8'))
}

/** The `sub` claim of a JWT, for hints; undefined when it cannot be read. Nothing is verified. */
export function jwtSubject(jwt: string): string | undefined {
  const sub = jwtClaims(jwt)?.sub
  return typeof sub === 'string' ? neutralize(sub, 300) : undefined
}

/** The `aud` claim of a JWT (the first, if a list), to route a token: nothing is verified. */
export function jwtAudience(jwt: string): string | undefined {
  const aud = jwtClaims(jwt)?.aud
  const first: unknown = Array.isArray(aud) ? aud[0] : aud
  return typeof first === 'string' ? neutralize(first, 300) : undefined
}

/** A hint for the common `AADSTS` errors of a client-credentials sign-in. */
export function signInHint(
  description: string,
  mode: AuthMode,
  subject?: string,
  resource = 'the API'
): string | undefined {
  const has = (...codes: number[]): boolean => codes.some((code) => new RegExp(`AADSTS${code}\\b`).test(description))
  if (has(7000215)) return "client-secret is wrong: use the secret's Value (not its Secret ID) of a secret of this app"
  if (has(7000222)) return 'client-secret has expired: create a new secret for the app and update the repository secret'
  if (has(700016)) return 'no app with this client-id in this tenant: check client-id and tenant-id'
  if (has(90002, 900023)) return 'no such tenant: check tenant-id'
  if (has(70021, 700211, 700212, 700213)) {
    const seen = subject ? `; this run's subject is '${subject}'` : ''
    return (
      'no federated credential of the app matches this workflow: add one with issuer ' +
      `https://token.actions.githubusercontent.com, audience ${OIDC_AUDIENCE} and the run's subject ` +
      `(repo:OWNER/REPO:ref:refs/heads/BRANCH, or repo:OWNER/REPO:environment:NAME)${seen}`
    )
  }
  if (has(700024)) return 'the GitHub ID token was refused as expired or already used: re-run the job'
  if (has(500011)) return `the resource ${resource} is not known in this tenant`
  if (has(7000218)) {
    return mode === 'oidc'
      ? 'the app has no federated credential for GitHub'
      : 'give client-secret, or grant the job `permissions: id-token: write` to sign in with OIDC'
  }
  return undefined
}

/** Sign-in to Entra ID with the client-credentials grant (v2.0 endpoint, scope `{resource}/.default`). */
export function entraToken(options: EntraOptions): TokenProvider {
  const { http, now } = options
  const mode: AuthMode = options.credential.kind === 'secret' ? 'client-secret' : 'oidc'
  const url = `${withoutTrailingSlashes(options.authorityHost)}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`
  let cached: { token: string; renewAt: number } | undefined
  let subject: string | undefined

  async function signIn(timeoutMs: number, signal: AbortSignal): Promise<TokenOutcome> {
    const started = now()
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      scope: `${options.resource}/.default`
    })
    if (options.credential.kind === 'secret') {
      form.set('client_secret', options.credential.secret)
    } else {
      const assertion = await options.credential.idToken({ timeoutMs, signal })
      if (assertion.kind !== 'ok') return assertion
      subject = jwtSubject(assertion.token)
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      form.set('client_assertion', assertion.token)
    }

    const what = 'Entra ID sign-in'
    let response: HttpResponse
    try {
      response = await http.send({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        timeoutMs: Math.max(1, timeoutMs - (now() - started)),
        signal
      })
    } catch (error) {
      return failureOutcome(error, timeoutMs, what)
    }
    const transient = transientFrom(response, what, now())
    if (transient) return transient

    const json = parseJson(response.body)
    if (response.status >= 200 && response.status < 300) {
      const token = json?.access_token
      if (typeof token !== 'string' || token === '')
        return { kind: 'transient', reason: `${what}: no access_token in the answer` }
      if (!isPlausibleToken(token)) {
        // Not masked: it is no secret worth hiding, and masking a short word would hide it everywhere.
        return {
          kind: 'fatal',
          reason: `${what} (${mode}): the answer's access_token is not a token (too short, too long or with blanks); check authority-host`
        }
      }
      options.mask(token)
      const lifetimeMs = tokenLifetimeMs(json?.expires_in)
      cached = { token, renewAt: started + lifetimeMs - renewalMargin(lifetimeMs) }
      return { kind: 'ok', token }
    }

    const code = typeof json?.error === 'string' ? json.error : `HTTP ${response.status}`
    const description =
      typeof json?.error_description === 'string'
        ? (json.error_description.slice(0, 2_000).split(/\r?\n/)[0] ?? '')
        : ''
    const hint = signInHint(description, mode, subject, options.resource)
    let said = neutralize([code.slice(0, 200), description].filter(Boolean).join(': '), 600)
    if (!/[.!?]$/.test(said)) said += '.'
    return { kind: 'fatal', reason: `${what} refused (${mode}): ${said}${hint ? ` Hint: ${hint}.` : ''}` }
  }

  // Offers watched together share one sign-in: a request for a token while one is under way waits for it.
  let pending: Promise<TokenOutcome> | undefined

  async function fresh(timeoutMs: number, signal: AbortSignal): Promise<TokenOutcome> {
    const first = cached === undefined
    const outcome = await signIn(timeoutMs, signal)
    if (outcome.kind === 'ok') {
      const via = mode === 'oidc' ? 'GitHub OIDC' : 'client secret'
      options.log?.(
        `${first ? 'Signed in to Entra ID' : 'Renewed the Entra ID token'} as app ${options.clientId} (${via}) for ${options.resource}.`
      )
    }
    return outcome
  }

  return {
    mode,
    renewable: true,
    async token({ timeoutMs, signal, renew }) {
      if (cached && !renew && now() < cached.renewAt) return { kind: 'ok', token: cached.token }
      pending ??= fresh(timeoutMs, signal).finally(() => (pending = undefined))
      return pending
    }
  }
}

/**
 * GitHub's OIDC ID token, as `core.getIDToken` gets it (`ACTIONS_ID_TOKEN_REQUEST_URL` with the
 * audience, `ACTIONS_ID_TOKEN_REQUEST_TOKEN` as bearer), but through the HTTP port so that the
 * deadline, cancellation and the transient-error rules apply to it as to every other request.
 */
export function githubIdToken(options: {
  requestUrl: string
  requestToken: string
  audience?: string
  http: HttpPort
  now: () => number
  mask: (secret: string) => void
}): IdTokenSource {
  const separator = options.requestUrl.includes('?') ? '&' : '?'
  const url = `${options.requestUrl}${separator}audience=${encodeURIComponent(options.audience ?? OIDC_AUDIENCE)}`
  const what = 'GitHub OIDC ID token'
  return async ({ timeoutMs, signal }) => {
    let response: HttpResponse
    try {
      response = await options.http.send({
        url,
        headers: { Authorization: `Bearer ${options.requestToken}`, Accept: 'application/json' },
        timeoutMs,
        signal
      })
    } catch (error) {
      return failureOutcome(error, timeoutMs, what)
    }
    const transient = transientFrom(response, what, options.now())
    if (transient) return transient
    const value = parseJson(response.body)?.value
    if (response.status >= 200 && response.status < 300 && typeof value === 'string' && isPlausibleToken(value)) {
      options.mask(value)
      return { kind: 'ok', token: value }
    }
    if (response.status >= 200 && response.status < 300)
      return { kind: 'transient', reason: `${what}: no token in the answer` }
    return {
      kind: 'fatal',
      reason: `${what}: GitHub refused the request (HTTP ${response.status}); check that the job has \`permissions: id-token: write\``
    }
  }
}

/** The sign-in of the run: a token provider per resource, sign-ins shared by the offers that need one. */
export interface Credentials {
  readonly mode: AuthMode
  /** A provider of tokens for `resource` (the same one for every call with the same resource). */
  forResource(resource: string): TokenProvider
  /** With the `token` input: its audience (`aud`), read without verifying; undefined when it is no readable JWT. */
  readonly tokenAudience?: string
}

/**
 * The credentials for the settings' sign-in mode. OIDC needs the runner's ID-token endpoint, which a
 * job only has with `permissions: id-token: write`: without it, this fails before any request is sent.
 */
export function createCredentials(
  auth: Auth,
  env: Record<string, string | undefined>,
  ports: { http: HttpPort; now: () => number; mask: (secret: string) => void; log?: (message: string) => void }
): Credentials {
  if (auth.kind === 'token') {
    const provider = staticToken(auth.token)
    const audience = jwtAudience(auth.token)
    return { mode: 'token', forResource: () => provider, ...(audience ? { tokenAudience: audience } : {}) }
  }
  let credential: EntraOptions['credential']
  if (auth.kind === 'client-secret') {
    credential = { kind: 'secret', secret: auth.clientSecret }
  } else {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    if (!requestUrl || !requestToken) {
      throw new InputError(
        'Signing in with GitHub OIDC (tenant-id and client-id without client-secret) needs an ID token, and this job ' +
          'may not request one: add `permissions: id-token: write` to the job (or the workflow), or give client-secret.',
        'OIDC permission missing'
      )
    }
    const idToken = githubIdToken({ requestUrl, requestToken, http: ports.http, now: ports.now, mask: ports.mask })
    credential = { kind: 'oidc', idToken }
  }
  const providers = new Map<string, TokenProvider>()
  return {
    mode: auth.kind,
    forResource(resource) {
      let provider = providers.get(resource)
      if (!provider) {
        provider = entraToken({
          resource,
          authorityHost: auth.authorityHost,
          tenantId: auth.tenantId,
          clientId: auth.clientId,
          credential,
          ...ports
        })
        providers.set(resource, provider)
      }
      return provider
    }
  }
}
