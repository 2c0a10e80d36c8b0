import { describe, expect, it } from '@jest/globals'
import { staticToken } from '../src/auth.js'
import { createCppSource, describeApiError, statusUrl } from '../src/sources/cpp.js'
import { RequestFailure, type HttpPort, type HttpRequest, type HttpResponse } from '../src/http.js'
import { T0 } from './fixtures/fakes.js'

function port(answer: HttpResponse | RequestFailure) {
  const requests: HttpRequest[] = []
  const http: HttpPort = {
    async send(request) {
      requests.push(request)
      if (answer instanceof RequestFailure) throw answer
      return answer
    }
  }
  return { http, requests }
}

function source(http: HttpPort) {
  return createCppSource({
    baseUrl: 'https://cpp.example.test/',
    apiVersion: '2017-10-31',
    publisherId: 'contoso',
    offerId: 'vm-offer',
    credentials: staticToken('tok-123'),
    http,
    now: () => T0
  })
}

const signal = new AbortController().signal
const read = (http: HttpPort) => source(http).read({ timeoutMs: 5_000, signal })
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(body)
})

describe('statusUrl', () => {
  it('builds the documented URL', () => {
    expect(statusUrl('https://cloudpartner.azure.com', '2017-10-31', 'contoso', 'vm-offer')).toBe(
      'https://cloudpartner.azure.com/api/publishers/contoso/offers/vm-offer/status?api-version=2017-10-31'
    )
  })
  it('encodes each ID as one path segment, so nothing in an ID changes the path', () => {
    const url = statusUrl('https://h.test/root/', '2017-10-31', 'a/b', '../x?y#z')
    expect(url).toBe('https://h.test/root/api/publishers/a%2Fb/offers/..%2Fx%3Fy%23z/status?api-version=2017-10-31')
    expect(new URL(url).pathname).toBe('/root/api/publishers/a%2Fb/offers/..%2Fx%3Fy%23z/status')
  })
})

describe('the CPP source', () => {
  it('sends the bearer token and reads a status', async () => {
    const { http, requests } = port(json(200, { status: 'succeeded', steps: [] }))
    const outcome = await read(http)
    expect(outcome).toEqual({ kind: 'ok', snapshot: { status: 'Succeeded', steps: [], messages: [] } })
    expect(requests[0]?.headers.Authorization).toBe('Bearer tok-123')
    expect(requests[0]?.url).toBe(
      'https://cpp.example.test/api/publishers/contoso/offers/vm-offer/status?api-version=2017-10-31'
    )
    expect(requests[0]?.timeoutMs).toBe(5_000)
  })

  it.each([
    [
      404,
      { error: { code: 'OfferNotFound', message: 'No offer' } },
      /HTTP 404 \(OfferNotFound: No offer\): check publisher-id and offer-id/
    ],
    [
      403,
      { error: { code: 'Forbidden', message: 'Denied' } },
      /HTTP 403 \(Forbidden: Denied\): the identity lacks access to this publisher/
    ],
    [
      401,
      { error: { code: 'Unauthorized', message: 'Bad token' } },
      /HTTP 401 .*token expired or is not for https:\/\/cloudpartner\.azure\.com/
    ],
    [400, { error: { code: 'BadRequest', message: 'Bad' } }, /HTTP 400 \(BadRequest: Bad\)/],
    [409, {}, /HTTP 409: the API refused the request/]
  ])('fails at once on %p', async (status, body, reason) => {
    const outcome = await read(port(json(status, body)).http)
    expect(outcome.kind).toBe('fatal')
    expect(outcome.kind === 'fatal' && outcome.reason).toMatch(reason)
  })

  it.each([408, 429, 500, 502, 503, 504])('retries %p, honouring Retry-After', async (status) => {
    const outcome = await read(
      port(json(status, { error: { code: 'Busy', message: 'later' } }, { 'retry-after': '7' })).http
    )
    expect(outcome).toEqual({ kind: 'transient', reason: `HTTP ${status} (Busy: later)`, retryAfterMs: 7_000 })
  })

  it('retries a body that is not JSON or not a status', async () => {
    const html = await read(port({ status: 200, headers: {}, body: '<html>oops' }).http)
    expect(html).toEqual({ kind: 'transient', reason: 'HTTP 200 with a body that is not JSON' })
    const wrong = await read(port(json(200, { hello: 'world' })).http)
    expect(wrong.kind === 'transient' && wrong.reason).toMatch(/not an offer status/)
  })

  it.each<[RequestFailure, RegExp]>([
    [new RequestFailure('network', 'read ECONNRESET'), /connection failed: read ECONNRESET/],
    [new RequestFailure('timeout', 'slow'), /no response within 5000ms/],
    [new RequestFailure('aborted', 'x'), /cancelled/]
  ])('retries a request with no response: %p', async (failure, reason) => {
    const outcome = await read(port(failure).http)
    expect(outcome.kind).toBe('transient')
    expect(outcome.kind === 'transient' && outcome.reason).toMatch(reason)
  })

  it('labels the offer', () => {
    expect(source(port(json(200, {})).http).label).toBe('contoso/vm-offer')
  })
})

describe('describeApiError', () => {
  it('reads the documented error shape, a flat one, and text', () => {
    expect(describeApiError('{"error":{"code":"C","message":"M"}}')).toBe('C: M')
    expect(describeApiError('{"code":"C","message":"M"}')).toBe('C: M')
    expect(describeApiError('{"message":"only"}')).toBe('only')
    expect(describeApiError('Gateway\nTimeout')).toBe('Gateway Timeout')
    expect(describeApiError('')).toBe('')
    expect(describeApiError('null')).toBe('')
  })
})
