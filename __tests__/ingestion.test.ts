/** The Product Ingestion sources over a scripted HTTP port, and how `api: auto` routes offers. */
import { describe, expect, it } from '@jest/globals'
import { staticToken, type Credentials } from '../src/auth.js'
import type { HttpPort } from '../src/http.js'
import { readSettings, INPUT_DEFAULTS, type InputName } from '../src/inputs.js'
import { createSources, routeOffers } from '../src/sources/factory.js'
import { createIngestionOfferSource, createJobSource, type IngestionOptions } from '../src/sources/ingestion.js'
import { json, scriptedHttp } from './fixtures/http.js'

const signal = new AbortController().signal
const ROOT = 'https://pi.example.test/rp/product-ingestion'
const GUID = '11111111-2222-3333-4444-555555555555'
const product = json(200, { value: [{ id: `product/${GUID}`, identity: { externalId: 'saas-offer' } }] })
const sub = (target: string, n: string, status?: string, result?: string, created?: string) => ({
  id: `submission/${GUID}/${n}`,
  product: `product/${GUID}`,
  target: { targetType: target },
  ...(status ? { status, result, created } : {})
})
const previewReady = json(200, {
  value: [
    sub('draft', '0'),
    sub('live', '100', 'completed', 'succeeded', '2026-11-01T10:00:00.0000000Z'),
    sub('preview', '200', 'completed', 'succeeded', '2026-11-20T10:00:00.0000000Z')
  ]
})

function options(http: HttpPort, extra: Partial<IngestionOptions> = {}): IngestionOptions {
  return {
    ingestionUrl: ROOT,
    apiVersion: '2022-07-01',
    credentials: staticToken('graph-token-0123456789'),
    http,
    now: () => 0,
    stuckAfterMs: 7 * 86_400_000,
    ...extra
  }
}

describe('an offer through Product Ingestion', () => {
  it('resolves the product once, then lists its submissions each read', async () => {
    const { http, requests } = scriptedHttp([product, previewReady])
    const logs: string[] = []
    const source = createIngestionOfferSource('saas-offer', options(http, { log: (m) => logs.push(m) }))
    const first = await source.read({ timeoutMs: 5_000, signal })
    expect(first).toMatchObject({ kind: 'ok', snapshot: { status: 'WaitingForPublisherReview' } })
    await source.read({ timeoutMs: 5_000, signal })
    expect(requests.map((r) => r.url)).toEqual([
      `${ROOT}/product?externalId=saas-offer&$version=2022-07-01`,
      `${ROOT}/submission/${GUID}?$version=2022-07-01`,
      `${ROOT}/submission/${GUID}?$version=2022-07-01`
    ])
    expect(requests[0]?.headers.Authorization).toBe('Bearer graph-token-0123456789')
    expect(logs).toEqual([`Offer saas-offer: Product Ingestion product ${GUID}.`])
    expect(source).toMatchObject({ id: 'saas-offer', label: 'saas-offer', intervalMs: 60_000 })
  })

  it('fails at once, after one request, when no product has the external ID', async () => {
    const { http, requests } = scriptedHttp([json(200, { value: [] })])
    const outcome = await createIngestionOfferSource('nope', options(http)).read({ timeoutMs: 5_000, signal })
    expect(outcome).toMatchObject({
      kind: 'fatal',
      httpStatus: 404,
      reason: expect.stringMatching(/^no product with external ID 'nope' is visible to this identity/)
    })
    expect(requests).toHaveLength(1)
  })

  it('follows @nextLink on the same origin, relative or absolute, and never to another host', async () => {
    const page = (entries: unknown[], next?: string) =>
      json(200, { value: entries, ...(next ? { '@nextLink': next } : {}) })
    const { http, requests } = scriptedHttp([
      product,
      page([sub('draft', '0')], `submission/${GUID}?$version=2022-07-01&continuationToken=a`),
      page(
        [sub('live', '100', 'completed', 'succeeded', '2026-11-01T10:00:00Z')],
        `${ROOT}/submission/${GUID}?continuationToken=b`
      ),
      page([sub('preview', '100', 'completed', 'succeeded', '2026-11-01T09:00:00Z')], 'https://evil.example/steal?x=1')
    ])
    const outcome = await createIngestionOfferSource('saas-offer', options(http)).read({ timeoutMs: 5_000, signal })
    // The list goes on elsewhere: not followed, and no verdict on a list read in part.
    expect(outcome).toEqual({
      kind: 'fatal',
      reason:
        'the submission list of offer saas-offer could not be read whole: it continues at https://evil.example, ' +
        'which the action does not follow, so that the token stays with ingestion-url'
    })
    expect(requests.map((r) => new URL(r.url).origin)).toEqual(Array(4).fill('https://pi.example.test'))
    expect(requests[2]?.url).toBe(`${ROOT}/submission/${GUID}?$version=2022-07-01&continuationToken=a`)
  })

  it.each([
    [
      'a path outside ingestion-url',
      'https://pi.example.test/other/submission?x=1',
      /continues at https:\/\/pi\.example\.test outside ingestion-url/
    ],
    [
      'user info on the same host',
      `https://u:p@pi.example.test/rp/product-ingestion/submission/${GUID}`,
      /outside ingestion-url/
    ],
    ['a protocol-relative host', '//evil.example/x', /continues at https:\/\/evil\.example,/],
    [
      'a downgrade to http',
      `http://pi.example.test/rp/product-ingestion/submission/${GUID}`,
      /continues at http:\/\/pi\.example\.test,/
    ]
  ])('does not follow %s', async (_name, link, reason) => {
    const { http, requests } = scriptedHttp([product, json(200, { value: [sub('draft', '0')], '@nextLink': link })])
    const outcome = await createIngestionOfferSource('saas-offer', options(http)).read({ timeoutMs: 5_000, signal })
    expect(outcome).toMatchObject({ kind: 'fatal', reason: expect.stringMatching(reason) })
    expect(requests).toHaveLength(2)
  })

  it('takes no verdict on a list cut short: too many pages, or too many submissions on a page', async () => {
    const endless = json(200, { value: [sub('draft', '0')], '@nextLink': `submission/${GUID}?continuationToken=x` })
    const paged = scriptedHttp([product, endless])
    expect(
      await createIngestionOfferSource('saas-offer', options(paged.http)).read({ timeoutMs: 5_000, signal })
    ).toMatchObject({
      kind: 'fatal',
      reason: expect.stringMatching(/could not be read whole: it is longer than 5 pages$/)
    })
    expect(paged.requests).toHaveLength(6)
    const many = Array.from({ length: 101 }, (_, i) =>
      sub('preview', String(i + 1), 'completed', 'succeeded', '2026-11-01T10:00:00Z')
    )
    const crowded = scriptedHttp([product, json(200, { value: many })])
    expect(
      await createIngestionOfferSource('saas-offer', options(crowded.http)).read({ timeoutMs: 5_000, signal })
    ).toMatchObject({
      kind: 'fatal',
      reason: expect.stringMatching(/a page has more than 100 submissions$/)
    })
  })

  it('names a token for the other API on a 401, and gives the API error text', async () => {
    const { http } = scriptedHttp([
      json(401, { error: { code: 'unauthorized', message: 'bad audience', details: [] } })
    ])
    const outcome = await createIngestionOfferSource(
      'saas-offer',
      options(http, { tokenAudience: 'https://cloudpartner.azure.com' })
    ).read({ timeoutMs: 5_000, signal })
    expect(outcome).toMatchObject({
      kind: 'fatal',
      reason: expect.stringMatching(
        /^HTTP 401 \(unauthorized: bad audience\): the token is for https:\/\/cloudpartner\.azure\.com, not for https:\/\/graph\.microsoft\.com/
      )
    })
  })

  it('retries throttling and a body that is not a submission list', async () => {
    const { http } = scriptedHttp([
      { status: 429, headers: { 'retry-after': '7' }, body: '' },
      product,
      json(200, { nope: true })
    ])
    const source = createIngestionOfferSource('saas-offer', options(http))
    expect(await source.read({ timeoutMs: 5_000, signal })).toMatchObject({ kind: 'transient', retryAfterMs: 7_000 })
    expect(await source.read({ timeoutMs: 5_000, signal })).toMatchObject({
      kind: 'transient',
      reason: expect.stringMatching(/^HTTP 200 with a body that is not a submission list/)
    })
  })
})

describe('a configure job', () => {
  it('reads its status, and fails at once naming an unknown job', async () => {
    const done = json(200, {
      jobId: 'job-1',
      jobStatus: 'completed',
      jobResult: 'succeeded',
      jobStart: '2026-11-25T10:00:00Z',
      jobEnd: '2026-11-25T10:05:00Z',
      errors: []
    })
    const { http, requests } = scriptedHttp([done, json(404, { error: { code: 'notFound', message: 'gone' } })])
    const source = createJobSource('job-1', options(http))
    expect(source).toMatchObject({ id: 'job-1', kind: 'job', label: 'Configure job job-1' })
    expect(await source.read({ timeoutMs: 5_000, signal })).toMatchObject({
      kind: 'ok',
      snapshot: { status: 'Succeeded' }
    })
    expect(requests[0]?.url).toBe(`${ROOT}/configure/job-1/status?$version=2022-07-01`)
    expect(await source.read({ timeoutMs: 5_000, signal })).toMatchObject({
      kind: 'fatal',
      reason: "HTTP 404 (notFound: gone): check job-id: there is no configure job 'job-1' for this identity"
    })
  })
})

describe('api auto', () => {
  const credentials = (mode: Credentials['mode'], tokenAudience?: string): Credentials => ({
    mode,
    forResource: () => staticToken('t'),
    ...(tokenAudience ? { tokenAudience } : {})
  })
  it.each([
    [
      'token for Graph',
      { api: 'auto', publisherId: 'contoso' },
      credentials('token', 'https://graph.microsoft.com'),
      'product-ingestion',
      false
    ],
    [
      'token for Graph by app ID',
      { api: 'auto', publisherId: '' },
      credentials('token', '00000003-0000-0000-c000-000000000000'),
      'product-ingestion',
      false
    ],
    [
      'token for CPP',
      { api: 'auto', publisherId: '' },
      credentials('token', 'https://cloudpartner.azure.com/'),
      'cloud-partner-portal',
      false
    ],
    [
      'opaque token, publisher-id',
      { api: 'auto', publisherId: 'contoso' },
      credentials('token'),
      'cloud-partner-portal',
      false
    ],
    [
      'opaque token, no publisher-id',
      { api: 'auto', publisherId: '' },
      credentials('token'),
      'product-ingestion',
      false
    ],
    ['sign-in, no publisher-id', { api: 'auto', publisherId: '' }, credentials('oidc'), 'product-ingestion', false],
    [
      'sign-in, publisher-id',
      { api: 'auto', publisherId: 'contoso' },
      credentials('client-secret'),
      'cloud-partner-portal',
      true
    ],
    [
      'api set',
      { api: 'product-ingestion', publisherId: 'contoso' },
      credentials('token', 'https://cloudpartner.azure.com'),
      'product-ingestion',
      false
    ]
  ] as const)('%s', (_name, settings, creds, api, fallback) => {
    expect(routeOffers(settings, creds)).toMatchObject({ api, fallback })
  })

  function settingsOf(inputs: Partial<Record<InputName, string>>) {
    const values = { ...INPUT_DEFAULTS, token: 't', 'offer-id': 'a', ...inputs }
    return readSettings((name) => values[name])
  }

  it('looks an offer the Cloud Partner Portal does not know up in Product Ingestion, once', async () => {
    const cppNotFound = json(404, { error: { code: 'NotFound', message: 'no offer' } })
    const { http, requests } = scriptedHttp([
      (r) => (r.url.includes('/api/publishers/') ? cppNotFound : r.url.includes('/product?') ? product : previewReady)
    ])
    const logs: string[] = []
    const { sources, notes } = createSources(
      settingsOf({ 'publisher-id': 'contoso', 'offer-id': 'saas-offer', 'job-id': 'job-1' }),
      credentials('client-secret'),
      { http, now: () => 0, log: (m) => logs.push(m) }
    )
    expect(notes).toEqual([
      'Watching the offer through the Cloud Partner Portal: publisher-id is set; an offer the Cloud Partner Portal does not know is looked up in Product Ingestion.',
      'Watching the configure job through Product Ingestion.'
    ])
    expect(sources.map((s) => s.label)).toEqual(['contoso/saas-offer', 'Configure job job-1'])
    const offer = sources[0]!
    expect(await offer.read({ timeoutMs: 5_000, signal })).toMatchObject({ kind: 'ok' })
    expect(await offer.read({ timeoutMs: 5_000, signal })).toMatchObject({ kind: 'ok' })
    expect(requests.filter((r) => r.url.includes('/api/publishers/'))).toHaveLength(1)
    expect(logs.filter((l) => l.includes('looking it up in Product Ingestion'))).toHaveLength(1)
  })

  it('says so in one error when neither API knows the offer', async () => {
    const { http } = scriptedHttp([
      (r) =>
        r.url.includes('/api/publishers/')
          ? json(404, { error: { code: 'NotFound', message: 'x' } })
          : json(200, { value: [] })
    ])
    const { sources } = createSources(settingsOf({ 'publisher-id': 'contoso' }), credentials('oidc'), {
      http,
      now: () => 0
    })
    expect(await sources[0]!.read({ timeoutMs: 5_000, signal })).toMatchObject({
      kind: 'fatal',
      reason: expect.stringMatching(
        /^found in neither API: the Cloud Partner Portal has no offer 'a' for this publisher \(HTTP 404\), and no product with external ID 'a'/
      )
    })
  })
})

describe('inputs judged once the route is known', () => {
  const credentialsFor = (mode: Credentials['mode'], tokenAudience?: string): Credentials => ({
    mode,
    forResource: () => staticToken('t'),
    ...(tokenAudience ? { tokenAudience } : {})
  })
  const settingsOf = (inputs: Partial<Record<InputName, string>>) => {
    const values = { ...INPUT_DEFAULTS, token: 't', 'offer-id': 'a', ...inputs }
    return readSettings((name) => values[name])
  }
  const ports = { http: scriptedHttp([]).http, now: () => 0 }

  it('needs publisher-id when a token for the Cloud Partner Portal routes an offer there', () => {
    expect(() =>
      createSources(settingsOf({}), credentialsFor('token', 'https://cloudpartner.azure.com'), ports)
    ).toThrow(/^Input 'publisher-id' is required for the Cloud Partner Portal API \(chosen because the token is for/)
  })

  it('refuses a sub-second interval when the route reaches a real API', () => {
    const loopbackCpp = { 'publisher-id': 'contoso', 'base-url': 'http://127.0.0.1:9', interval: '100ms' }
    // A sign-in may fall back to Product Ingestion, whose URL here is the real one.
    expect(() => createSources(settingsOf(loopbackCpp), credentialsFor('client-secret'), ports)).toThrow(
      /^Input 'interval' must be at least 1s against a real API/
    )
    expect(() =>
      createSources(settingsOf(loopbackCpp), credentialsFor('token', 'https://graph.microsoft.com'), ports)
    ).toThrow(/^Input 'interval' must be at least 1s/)
    expect(createSources(settingsOf(loopbackCpp), credentialsFor('token'), ports).sources).toHaveLength(1)
  })
})

describe('the pace of Product Ingestion', () => {
  it('declares a minute as its pace and its floor', () => {
    const { http } = scriptedHttp([product])
    expect(createIngestionOfferSource('x', options(http))).toMatchObject({ intervalMs: 60_000, minIntervalMs: 60_000 })
    expect(createJobSource('j', options(http))).toMatchObject({ intervalMs: 60_000, minIntervalMs: 60_000 })
  })
})
