/**
 * Integration: the real HTTP adapter and CPP source over loopback against the simulator, with the
 * real sleep, driven by the poll loop at short intervals.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { staticToken } from '../src/auth.js'
import { createCppSource } from '../src/sources/cpp.js'
import { createHttpPort, RequestFailure } from '../src/http.js'
import { watch } from '../src/poll.js'
import { now, random, sleep } from '../src/ports.js'
import { createIngestionOfferSource, createJobSource } from '../src/sources/ingestion.js'
import { DEFAULT_GRAPH_TOKEN, startSimulator } from '../simulator/server.js'

const TOKEN = 'integration-token'
const sim = await startSimulator({ token: TOKEN })
afterAll(() => sim.close())

let n = 0
function source(offerId: string, token = TOKEN) {
  return createCppSource({
    baseUrl: sim.url,
    apiVersion: '2017-10-31',
    publisherId: `integration-${++n}`,
    offerId,
    credentials: staticToken(token),
    http: createHttpPort(),
    now
  })
}

const fast = { waitFor: 'completion' as const, timeoutMs: 15_000, intervalMs: 20, maxIntervalMs: 100 }
const ports = (signal = new AbortController().signal) => ({ now, sleep, random, signal })

describe('over loopback', () => {
  it('follows the happy path to Succeeded', async () => {
    const result = await watch(source('happy'), fast, ports())
    expect(result.end).toEqual({ kind: 'stopped', reason: 'finished' })
    expect(result.snapshot?.status).toBe('Succeeded')
    expect(result.snapshot?.steps).toHaveLength(6)
    expect(result.polls).toBe(13)
  })

  it('rides out throttling, a 503, a connection reset and a malformed body', async () => {
    const started = Date.now()
    const result = await watch(source('flaky'), fast, ports())
    expect(result.end.kind).toBe('stopped')
    expect(result.snapshot?.status).toBe('Succeeded')
    expect(result.transientErrors).toBe(4)
    // Retry-After: 1 is honoured as a floor even though max-interval is 100ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000)
  })

  it('stops with the API reason on a 404', async () => {
    const result = await watch(source('not-found'), fast, ports())
    expect(result.end.kind).toBe('error')
    expect(result.end.kind === 'error' && result.end.reason).toMatch(/HTTP 404 \(OfferNotFound: /)
    expect(result.polls).toBe(1)
  })

  it('cuts a slow request at the deadline', async () => {
    const started = Date.now()
    const result = await watch(source('slow'), { ...fast, timeoutMs: 400 }, ports())
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('aborts a request in flight when cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => {
      controller.abort()
    }, 200)
    const started = Date.now()
    const result = await watch(source('slow'), fast, ports(controller.signal))
    expect(result.end).toEqual({ kind: 'cancelled' })
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})

describe('the HTTP adapter', () => {
  const url = () => `${sim.url}/api/publishers/p/offers/happy/status?api-version=2017-10-31`

  it('returns status, lower-cased headers and body', async () => {
    const response = await createHttpPort().send({
      url: url(),
      headers: { Authorization: `Bearer ${TOKEN}` },
      timeoutMs: 5_000
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/application\/json/)
    expect(JSON.parse(response.body)).toHaveProperty('status')
  })

  it('returns error statuses rather than throwing', async () => {
    const response = await createHttpPort().send({
      url: url(),
      headers: { Authorization: 'Bearer wrong' },
      timeoutMs: 5_000
    })
    expect(response.status).toBe(401)
  })

  it('rejects with a timeout, a network failure, or an abort', async () => {
    const slow = `${sim.url}/api/publishers/p/offers/slow/status?api-version=2017-10-31`
    await expect(
      createHttpPort().send({ url: slow, headers: { Authorization: `Bearer ${TOKEN}` }, timeoutMs: 100 })
    ).rejects.toMatchObject({ kind: 'timeout' })
    await expect(
      createHttpPort().send({ url: 'http://127.0.0.1:1/x', headers: {}, timeoutMs: 2_000 })
    ).rejects.toBeInstanceOf(RequestFailure)
    const aborted = AbortSignal.abort()
    await expect(
      createHttpPort().send({ url: slow, headers: {}, timeoutMs: 5_000, signal: aborted })
    ).rejects.toMatchObject({ kind: 'aborted' })
  })
})

describe('Product Ingestion over loopback', () => {
  const options = (log?: (m: string) => void) => ({
    ingestionUrl: sim.ingestionUrl,
    apiVersion: '2022-07-01',
    credentials: staticToken(DEFAULT_GRAPH_TOKEN),
    http: createHttpPort(),
    now,
    stuckAfterMs: 7 * 86_400_000,
    ...(log ? { log } : {})
  })

  it('follows a paged submission list to Succeeded', async () => {
    const result = await watch(createIngestionOfferSource(`pi-paged_${++n}`, options()), fast, ports())
    expect(result.end).toEqual({ kind: 'stopped', reason: 'finished' })
    expect(result.snapshot?.status).toBe('Succeeded')
    expect(result.snapshot?.steps.map((s) => s.status)).toEqual(['Complete', 'Complete', 'Complete'])
  })

  it('watches a configure job to its certification failure', async () => {
    const result = await watch(createJobSource(`job-cert-failed_${++n}`, options()), fast, ports())
    expect(result.snapshot?.status).toBe('Failed')
    expect(result.snapshot?.messages.map((m) => m.text).join('\n')).toMatch(/certification failure/)
  })

  it('never follows a page link to another origin, and takes no verdict on the part it read', async () => {
    const outcome = await createIngestionOfferSource(`pi-foreign-nextlink_${++n}`, options()).read({
      timeoutMs: 5_000,
      signal: new AbortController().signal
    })
    expect(outcome).toMatchObject({
      kind: 'fatal',
      reason: expect.stringMatching(
        /could not be read whole: it continues at http:\/\/127\.0\.0\.2:\d+, which the action/
      )
    })
  })
})
