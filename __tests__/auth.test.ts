import { describe, expect, it } from '@jest/globals'
import {
  createCredentials,
  jwtAudience,
  entraToken,
  githubIdToken,
  jwtSubject,
  renewalMargin,
  signInHint,
  staticToken,
  tokenLifetimeMs,
  type TokenProvider
} from '../src/auth.js'
import { createCppSource } from '../src/sources/cpp.js'
import { RequestFailure, type HttpPort, type HttpRequest } from '../src/http.js'
import { InputError } from '../src/inputs.js'
import { fakeClock } from './fixtures/fakes.js'
import { json, scriptedHttp, type Answer } from './fixtures/http.js'

const tokenAnswer = (token: string, expiresIn: number | string = 3600) =>
  json(200, { token_type: 'Bearer', expires_in: expiresIn, access_token: token })
const signal = new AbortController().signal
const form = (request: HttpRequest | undefined) => Object.fromEntries(new URLSearchParams(request?.body ?? ''))

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'RS256' })}.${part(claims)}.sig`
}

function secretProvider(answers: Answer[]) {
  const clock = fakeClock()
  const { http, requests } = scriptedHttp(answers)
  const masked: string[] = []
  const logs: string[] = []
  const provider = entraToken({
    resource: 'https://cloudpartner.azure.com',
    authorityHost: 'https://login.example.test/',
    tenantId: 'contoso.onmicrosoft.com',
    clientId: 'app-1',
    credential: { kind: 'secret', secret: 'the-secret' },
    http,
    now: clock.now,
    mask: (s) => masked.push(s),
    log: (m) => logs.push(m)
  })
  return { provider, requests, masked, logs, clock }
}

describe('a client-secret sign-in', () => {
  it('posts the client-credentials grant to the v2.0 endpoint with the CPP scope', async () => {
    const { provider, requests, masked } = secretProvider([tokenAnswer('at-1-token-0123456789')])
    expect(await provider.token({ timeoutMs: 5_000, signal })).toEqual({ kind: 'ok', token: 'at-1-token-0123456789' })
    expect(requests[0]?.method).toBe('POST')
    expect(requests[0]?.url).toBe('https://login.example.test/contoso.onmicrosoft.com/oauth2/v2.0/token')
    expect(requests[0]?.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
    expect(form(requests[0])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: 'the-secret',
      scope: 'https://cloudpartner.azure.com/.default'
    })
    expect(masked).toEqual(['at-1-token-0123456789'])
    expect(provider.mode).toBe('client-secret')
    expect(provider.renewable).toBe(true)
  })

  it('keeps the token until shortly before it expires, then renews it', async () => {
    const { provider, requests, clock, logs } = secretProvider([
      tokenAnswer('at-1-token-0123456789', '3600'),
      tokenAnswer('at-2-token-0123456789')
    ])
    await provider.token({ timeoutMs: 5_000, signal })
    clock.advance(54 * 60_000)
    expect(await provider.token({ timeoutMs: 5_000, signal })).toEqual({ kind: 'ok', token: 'at-1-token-0123456789' })
    expect(requests).toHaveLength(1)
    clock.advance(60_000 + 1)
    expect(await provider.token({ timeoutMs: 5_000, signal })).toEqual({ kind: 'ok', token: 'at-2-token-0123456789' })
    expect(requests).toHaveLength(2)
    expect(logs).toEqual([
      'Signed in to Entra ID as app app-1 (client secret) for https://cloudpartner.azure.com.',
      'Renewed the Entra ID token as app app-1 (client secret) for https://cloudpartner.azure.com.'
    ])
  })

  it('renews at once when asked to', async () => {
    const { provider, requests } = secretProvider([
      tokenAnswer('at-1-token-0123456789'),
      tokenAnswer('at-2-token-0123456789')
    ])
    await provider.token({ timeoutMs: 5_000, signal })
    expect(await provider.token({ timeoutMs: 5_000, signal, renew: true })).toEqual({
      kind: 'ok',
      token: 'at-2-token-0123456789'
    })
    expect(requests).toHaveLength(2)
  })

  it('shows the error, the first line of the AADSTS text and a hint when the secret is refused', async () => {
    const { provider } = secretProvider([
      json(401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1\r\nCorrelation ID: 2',
        error_codes: [7000215]
      })
    ])
    const outcome = await provider.token({ timeoutMs: 5_000, signal })
    expect(outcome).toEqual({
      kind: 'fatal',
      reason:
        "Entra ID sign-in refused (client-secret): invalid_client: AADSTS7000215: Invalid client secret provided. Hint: client-secret is wrong: use the secret's Value (not its Secret ID) of a secret of this app."
    })
    expect(JSON.stringify(outcome)).not.toContain('the-secret')
  })

  it.each<[Answer, RegExp, number | undefined]>([
    [json(503, {}, { 'retry-after': '3' }), /Entra ID sign-in: HTTP 503/, 3_000],
    [json(429, {}), /HTTP 429/, undefined],
    [new RequestFailure('network', 'ECONNRESET'), /connection failed: ECONNRESET/, undefined],
    [new RequestFailure('timeout', 'x'), /no response within 5000ms/, undefined],
    [json(200, { nothing: true }), /no access_token/, undefined]
  ])('retries %p later', async (answer, reason, retryAfterMs) => {
    const { provider } = secretProvider([answer])
    const outcome = await provider.token({ timeoutMs: 5_000, signal })
    expect(outcome.kind).toBe('transient')
    expect(outcome.kind === 'transient' && outcome.reason).toMatch(reason)
    expect(outcome.kind === 'transient' && outcome.retryAfterMs).toBe(retryAfterMs)
  })

  it('renews at a quarter of a short life, and 5 minutes before a long one', () => {
    expect(renewalMargin(3_600_000)).toBe(300_000)
    expect(renewalMargin(4_000)).toBe(1_000)
  })
})

describe('a GitHub OIDC sign-in', () => {
  function oidc(answers: Answer[]) {
    const clock = fakeClock()
    const { http, requests } = scriptedHttp(answers)
    const masked: string[] = []
    const idToken = githubIdToken({
      requestUrl: 'https://gh.example.test/idtoken?api-version=2.0',
      requestToken: 'request-token',
      http,
      now: clock.now,
      mask: (s) => masked.push(s)
    })
    const provider = entraToken({
      resource: 'https://cloudpartner.azure.com',
      authorityHost: 'https://login.example.test',
      tenantId: 'tenant',
      clientId: 'app-1',
      credential: { kind: 'oidc', idToken },
      http,
      now: clock.now,
      mask: (s) => masked.push(s)
    })
    return { provider, requests, masked }
  }

  it('asks GitHub for a fresh ID token for each exchange and sends it as client assertion', async () => {
    const id1 = jwt({ sub: 'repo:contoso/offers:ref:refs/heads/main' })
    const id2 = jwt({ sub: 'repo:contoso/offers:ref:refs/heads/main', n: 2 })
    const { provider, requests, masked } = oidc([
      json(200, { value: id1 }),
      tokenAnswer('at-1-token-0123456789'),
      json(200, { value: id2 }),
      tokenAnswer('at-2-token-0123456789')
    ])
    await provider.token({ timeoutMs: 5_000, signal })
    await provider.token({ timeoutMs: 5_000, signal, renew: true })
    expect(requests.map((r) => `${r.method ?? 'GET'} ${r.url}`)).toEqual([
      'GET https://gh.example.test/idtoken?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange',
      'POST https://login.example.test/tenant/oauth2/v2.0/token',
      'GET https://gh.example.test/idtoken?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange',
      'POST https://login.example.test/tenant/oauth2/v2.0/token'
    ])
    expect(requests[0]?.headers.Authorization).toBe('Bearer request-token')
    expect(form(requests[1])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-1',
      scope: 'https://cloudpartner.azure.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: id1
    })
    expect(form(requests[3]).client_assertion).toBe(id2)
    expect(masked).toEqual([id1, 'at-1-token-0123456789', id2, 'at-2-token-0123456789'])
    expect(provider.mode).toBe('oidc')
  })

  it("names the run's subject when no federated credential matches it", async () => {
    const { provider } = oidc([
      json(200, { value: jwt({ sub: 'repo:contoso/offers:environment:prod' }) }),
      json(400, {
        error: 'invalid_client',
        error_description: 'AADSTS70021: No matching federated identity record found for presented assertion.'
      })
    ])
    const outcome = await provider.token({ timeoutMs: 5_000, signal })
    expect(outcome.kind).toBe('fatal')
    expect(outcome.kind === 'fatal' && outcome.reason).toMatch(
      /AADSTS70021: .*Hint: no federated credential of the app matches this workflow: .*this run's subject is 'repo:contoso\/offers:environment:prod'/
    )
  })

  it('fails when GitHub refuses the ID token, and retries when it is down', async () => {
    const refused = await oidc([json(403, {})]).provider.token({ timeoutMs: 5_000, signal })
    expect(refused).toEqual({
      kind: 'fatal',
      reason:
        'GitHub OIDC ID token: GitHub refused the request (HTTP 403); check that the job has `permissions: id-token: write`'
    })
    const down = await oidc([json(502, {})]).provider.token({ timeoutMs: 5_000, signal })
    expect(down).toEqual({ kind: 'transient', reason: 'GitHub OIDC ID token: HTTP 502' })
  })
})

describe('createCredentials', () => {
  const ports = { http: scriptedHttp([]).http, now: () => 0, mask: () => undefined }

  it('uses the token input as it is, for any resource, and reads its audience without trusting it', async () => {
    const credentials = createCredentials({ kind: 'token', token: 't' }, {}, ports)
    const provider = credentials.forResource('https://cloudpartner.azure.com')
    expect(provider.renewable).toBe(false)
    expect(await provider.token({ timeoutMs: 1, signal })).toEqual({ kind: 'ok', token: 't' })
    expect(credentials.tokenAudience).toBeUndefined()
    const graph = createCredentials({ kind: 'token', token: jwt({ aud: 'https://graph.microsoft.com' }) }, {}, ports)
    expect(graph.tokenAudience).toBe('https://graph.microsoft.com')
  })

  it('signs in once per resource, with that resource as scope', async () => {
    const { http, requests } = scriptedHttp([tokenAnswer('at-1-token-0123456789')])
    const auth = {
      kind: 'client-secret' as const,
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
      authorityHost: 'https://login.example.test'
    }
    const credentials = createCredentials(auth, {}, { http, now: () => 0, mask: () => undefined })
    const cpp = credentials.forResource('https://cloudpartner.azure.com')
    expect(credentials.forResource('https://cloudpartner.azure.com')).toBe(cpp)
    await cpp.token({ timeoutMs: 1_000, signal })
    await credentials.forResource('https://graph.microsoft.com').token({ timeoutMs: 1_000, signal })
    expect(requests.map((r) => form(r).scope)).toEqual([
      'https://cloudpartner.azure.com/.default',
      'https://graph.microsoft.com/.default'
    ])
  })

  it('says exactly what to add when the job may not request an ID token', () => {
    const auth = { kind: 'oidc' as const, tenantId: 't', clientId: 'c', authorityHost: 'https://login.example.test' }
    expect(() => createCredentials(auth, {}, ports)).toThrow(InputError)
    expect(() => createCredentials(auth, {}, ports)).toThrow(/add `permissions: id-token: write` to the job/)
    expect(
      createCredentials(auth, { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'y' }, ports)
        .mode
    ).toBe('oidc')
  })

  it('reads the first audience of a list, and nothing from junk', () => {
    expect(jwtAudience(jwt({ aud: ['00000003-0000-0000-c000-000000000000', 'x'] }))).toBe(
      '00000003-0000-0000-c000-000000000000'
    )
    expect(jwtAudience('junk')).toBeUndefined()
    expect(jwtAudience(jwt({ aud: 5 }))).toBeUndefined()
  })
})

describe('hints and claims', () => {
  it.each([
    ['AADSTS7000222: expired', /has expired/],
    ['AADSTS700016: not found', /check client-id and tenant-id/],
    ['AADSTS90002: tenant', /check tenant-id/],
    ['AADSTS700024: time range', /expired or already used/],
    ['AADSTS500011: resource', /not known in this tenant/],
    ['AADSTS7000218: body must contain', /id-token: write/]
  ])('%s', (description, hint) => {
    expect(signInHint(description, 'client-secret')).toMatch(hint)
  })

  it('has no hint for an unknown code', () => {
    expect(signInHint('AADSTS12345: something', 'oidc')).toBeUndefined()
  })

  it('reads the subject of a JWT without trusting it, and survives junk', () => {
    expect(jwtSubject(jwt({ sub: 'repo:a/b:ref:refs/heads/main' }))).toBe('repo:a/b:ref:refs/heads/main')
    expect(jwtSubject('junk')).toBeUndefined()
    expect(jwtSubject('a.b.c')).toBeUndefined()
  })
})

describe('the CPP source with a renewable sign-in', () => {
  function provider(tokens: string[]): TokenProvider & { calls: (boolean | undefined)[] } {
    const calls: (boolean | undefined)[] = []
    return {
      mode: 'client-secret',
      renewable: true,
      calls,
      async token({ renew }) {
        calls.push(renew)
        return { kind: 'ok', token: tokens[Math.min(calls.length - 1, tokens.length - 1)] ?? '' }
      }
    }
  }
  const status = json(200, { status: 'running', steps: [] })
  const unauthorized = json(401, { error: { code: 'ExpiredAuthenticationToken', message: 'expired' } })
  function source(http: HttpPort, credentials: TokenProvider) {
    return createCppSource({
      baseUrl: 'https://cpp.test',
      apiVersion: 'v',
      publisherId: 'p',
      offerId: 'o',
      credentials,
      http,
      now: () => 0
    })
  }

  it('renews the token once and tries again at once on a 401', async () => {
    const { http, requests } = scriptedHttp([unauthorized, status])
    const credentials = provider(['old', 'new'])
    const outcome = await source(http, credentials).read({ timeoutMs: 5_000, signal })
    expect(outcome.kind).toBe('ok')
    expect(credentials.calls).toEqual([false, true])
    expect(requests.map((r) => r.headers.Authorization)).toEqual(['Bearer old', 'Bearer new'])
  })

  it('fails on a second 401 in a row, with the reason', async () => {
    const { http, requests } = scriptedHttp([unauthorized])
    const outcome = await source(http, provider(['old', 'new'])).read({ timeoutMs: 5_000, signal })
    expect(requests).toHaveLength(2)
    expect(outcome).toEqual({
      kind: 'fatal',
      httpStatus: 401,
      reason: expect.stringMatching(
        /^HTTP 401 \(ExpiredAuthenticationToken: expired\): a second 401 in a row, with a new token: .*add the app to the Partner Center account/
      )
    })
  })

  it('does not retry a 401 with a token that cannot be renewed', async () => {
    const { http, requests } = scriptedHttp([unauthorized])
    const outcome = await source(http, staticToken('t')).read({ timeoutMs: 5_000, signal })
    expect(requests).toHaveLength(1)
    expect(outcome.kind === 'fatal' && outcome.reason).toMatch(
      /the token expired or is not for https:\/\/cloudpartner\.azure\.com/
    )
  })

  it('hints at adding the app to the account on a 403', async () => {
    const { http } = scriptedHttp([json(403, { error: { code: 'Forbidden', message: 'no' } })])
    const outcome = await source(http, provider(['t'])).read({ timeoutMs: 5_000, signal })
    expect(outcome.kind === 'fatal' && outcome.reason).toMatch(/add the app to the Partner Center account/)
  })

  it('passes on a sign-in failure without calling the API', async () => {
    const { http, requests } = scriptedHttp([status])
    const failing: TokenProvider = {
      mode: 'oidc',
      renewable: true,
      token: async () => ({ kind: 'transient', reason: 'Entra ID sign-in: HTTP 503' })
    }
    expect(await source(http, failing).read({ timeoutMs: 5_000, signal })).toEqual({
      kind: 'transient',
      reason: 'Entra ID sign-in: HTTP 503'
    })
    expect(requests).toHaveLength(0)
  })
})

describe('one sign-in for offers watched together', () => {
  it('shares a sign-in under way between concurrent requests for a token', async () => {
    const { provider, requests } = secretProvider([
      tokenAnswer('at-1-token-0123456789'),
      tokenAnswer('at-2-token-0123456789')
    ])
    const outcomes = await Promise.all([1, 2, 3].map(() => provider.token({ timeoutMs: 5_000, signal })))
    expect(outcomes).toEqual([1, 2, 3].map(() => ({ kind: 'ok', token: 'at-1-token-0123456789' })))
    expect(requests).toHaveLength(1)
    // and a later renewal is a new sign-in
    expect(await provider.token({ timeoutMs: 5_000, signal, renew: true })).toEqual({
      kind: 'ok',
      token: 'at-2-token-0123456789'
    })
  })
})

describe('a hostile token endpoint', () => {
  it.each(['Running', 'short-token', 'has a blank in it 0123456789'])(
    'refuses an access_token %p that is not plausibly one, and never masks it',
    async (token) => {
      const { provider, masked } = secretProvider([tokenAnswer(token)])
      const outcome = await provider.token({ timeoutMs: 5_000, signal })
      expect(outcome).toMatchObject({ kind: 'fatal', reason: expect.stringMatching(/access_token is not a token/) })
      expect(masked).toEqual([])
    }
  )

  it('treats a lifetime below a minute as a minute', async () => {
    const { provider, requests, clock } = secretProvider([tokenAnswer('at-1-token-0123456789', 0.001)])
    await provider.token({ timeoutMs: 5_000, signal })
    clock.advance(30_000)
    await provider.token({ timeoutMs: 5_000, signal })
    expect(requests).toHaveLength(1)
    clock.advance(30_000)
    await provider.token({ timeoutMs: 5_000, signal })
    expect(requests).toHaveLength(2)
  })

  it('fails at once on a redirect, without another request', async () => {
    const { provider, requests } = secretProvider([
      new RequestFailure('redirect', 'HTTP 307 redirect to http://127.0.0.1:9 (not followed)')
    ])
    const outcome = await provider.token({ timeoutMs: 5_000, signal })
    expect(outcome).toMatchObject({
      kind: 'fatal',
      reason: expect.stringMatching(/^Entra ID sign-in: HTTP 307 redirect to http:\/\/127\.0\.0\.1:9/)
    })
    expect(requests).toHaveLength(1)
  })

  it('retries an answer too large, and neutralises what the service wrote', async () => {
    const { provider } = secretProvider([
      new RequestFailure('too-large', 'response too large (over 8 MiB)'),
      json(400, { error: 'invalid_client', error_description: '##[error]pwned ::warning::x\nsecond line' })
    ])
    expect(await provider.token({ timeoutMs: 5_000, signal })).toMatchObject({
      kind: 'transient',
      reason: 'Entra ID sign-in: response too large (over 8 MiB)'
    })
    const refused = await provider.token({ timeoutMs: 5_000, signal })
    expect(refused.kind).toBe('fatal')
    const reason = refused.kind === 'fatal' ? refused.reason : ''
    expect(reason).not.toMatch(/##\[|::/)
    expect(reason).not.toContain('second line')
  })
})

describe('tokenLifetimeMs', () => {
  it('reads numbers and short numeric strings within a minute and a day, else an hour', () => {
    expect(tokenLifetimeMs(3_599)).toBe(3_599_000)
    expect(tokenLifetimeMs('3599')).toBe(3_599_000)
    expect(tokenLifetimeMs(0.001)).toBe(60_000)
    expect(tokenLifetimeMs(1e308)).toBe(86_400_000)
    expect(tokenLifetimeMs(undefined)).toBe(3_600_000)
    expect(tokenLifetimeMs(-5)).toBe(3_600_000)
    expect(tokenLifetimeMs('1'.repeat(400))).toBe(3_600_000)
    // A deeply nested array is never converted (Number() on it would overflow the stack).
    let nested: unknown = []
    for (let i = 0; i < 200_000; i++) nested = [nested]
    expect(tokenLifetimeMs(nested)).toBe(3_600_000)
    expect(tokenLifetimeMs({ valueOf: () => 5 })).toBe(3_600_000)
  })
})
