import { describe, expect, it } from '@jest/globals'
import { staticToken } from '../src/auth.js'
import type { HttpPort, HttpRequest, HttpResponse } from '../src/http.js'
import { createIngestionOfferSource, createJobSource, type IngestionOptions } from '../src/sources/ingestion.js'
import { parseSubmissionList, parseJobStatus, parseProductList, describeIngestionError, submissionSnapshot } from '../src/sources/ingestion-schema.js'

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) })
const signal = new AbortController().signal
const ROOT = 'https://pi.example.test/rp/product-ingestion'
const GUID = '11111111-2222-3333-4444-555555555555'
const product = json(200, { value: [{ id: `product/${GUID}` }] })

function run(link: string) {
  const requests: HttpRequest[] = []
  const logs: string[] = []
  const debugs: string[] = []
  let n = 0
  const http: HttpPort = {
    async send(r) {
      requests.push(r)
      n++
      if (n === 1) return product
      if (n === 2) return json(200, { value: [], '@nextLink': link })
      return json(200, { value: [] })
    }
  }
  const o: IngestionOptions = { ingestionUrl: ROOT, apiVersion: '2022-07-01', credentials: staticToken('tok-0123456789012345678'), http, now: () => 0, stuckAfterMs: 1e9, log: (m) => logs.push(m), debug: (m) => debugs.push(m) }
  return { src: createIngestionOfferSource('offer', o), requests, logs, debugs }
}

describe('nextLink', () => {
  const links = [
    'submission/x?$skip=1', '/other', '//evil.test/x', '\\\\evil.test\\x', '/\\evil.test/x', 'http://pi.example.test/x',
    'https://pi.example.test@evil.test/x', 'https://u:p@pi.example.test/x', 'https://pi.example.test:443/x',
    'https://pi.example.test./x', 'https://PI.EXAMPLE.TEST/x', 'https://pi%2Eexample%2Etest/x', 'https://xn--pi-example.test/x',
    'https:pi.example.test/x', 'https:/evil.test/x', 'https:\\\\evil.test/x', '\t//evil.test', ' //evil.test', 'javascript:alert(1)',
    'x##[error]pwned::y', 'https://pi.example.test/a::error::b##[warning]c', 'https://pi.example.test:8443/x', 'https://[::1]/x',
    'https://pi.example.test\u3002evil.test/x', 'https://pi.example.test%00.evil.test/x', 'https://ｐｉ.example.test/x'
  ]
  for (const link of links) {
    it(JSON.stringify(link), async () => {
      const { src, requests, logs, debugs } = run(link)
      await src.read({ timeoutMs: 1000, signal })
      console.log(JSON.stringify(link), '->', requests.slice(2).map((r) => r.url), logs.slice(1), debugs.slice(2))
    })
  }
})

describe('perf and junk', () => {
  it('huge keys', () => {
    const item: Record<string, number> = {}
    for (let i = 0; i < 300_000; i++) item['k' + i] = 0
    const body = { value: [item, item, item] }
    let t = Date.now()
    parseSubmissionList(body)
    console.log('sublist ms', Date.now() - t)
    t = Date.now()
    parseJobStatus({ jobStatus: 'failed', errors: Array(20).fill({ ...item, details: Array(20).fill(item) }) })
    console.log('job ms', Date.now() - t)
  })
  it('junk', () => {
    const junk: unknown[] = [null, 1, 'x', [], {}, { value: null }, { value: [null, 1, [], { id: {} }] }, { value: [{ id: 'product/..' }] },
      { value: [{ id: 'product/%2e%2e' }] }, { value: [{ id: 'a/b?c' }] }, JSON.parse('{"__proto__": {"value": []}}'), { jobStatus: {} }, { jobStatus: 'x', errors: 'y' },
      { jobStatus: 'completed', jobResult: { a: 1 }, errors: [{ details: { code: 1 } }] }, { jobStatus: 1e308, jobId: -0 }]
    for (const j of junk) { parseSubmissionList(j); parseJobStatus(j); console.log(JSON.stringify(parseProductList(j))) }
    for (const b of ['', '\ufeff', 'null', '"::error::x"', '{"error":[1]}', '{"error":{"details":"x"}}', '[[[[' ]) describeIngestionError(b)
    let deep = '1'; for (let i = 0; i < 100000; i++) deep = `{"details":[${deep}]}`
    const j = JSON.parse(`{"jobStatus":"failed","errors":[${deep}]}`)
    console.log(JSON.stringify(parseJobStatus(j)).slice(0, 300))
    const sn = submissionSnapshot(parseSubmissionList({ value: [{ target: 'live', id: 'submission/x/::error::pwned', status: 'Completed::error::x\n::warning::y', result: 'succeeded', created: 'a\n::error::z' }] }) as any as never, { stuckAfterMs: 1 })
  })
  it('job echo', async () => {
    const http: HttpPort = { async send() { return json(200, { jobStatus: 'weird::error::x\n##[error]y', jobId: 'other\n::error::id', jobResult: 'zz' }) } }
    const o: IngestionOptions = { ingestionUrl: ROOT, apiVersion: '2022-07-01', credentials: staticToken('tok-0123456789012345678'), http, now: () => 0, stuckAfterMs: 1e9 }
    const r = await createJobSource('mine', o).read({ timeoutMs: 1000, signal })
    console.log(JSON.stringify(r))
  })
})
