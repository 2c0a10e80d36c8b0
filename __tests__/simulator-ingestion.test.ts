/**
 * The simulator's Product Ingestion API (simulator/ingestion.js, served by server.js under
 * /rp/product-ingestion), over loopback: its scenarios frame by frame, paging, jobs, and the audiences
 * of the tokens each API takes.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { JOB_NAMES, PI_SCENARIO_NAMES, SCENARIO_NAMES, startSimulator } from '../simulator/server.js'
import { productGuid } from '../simulator/ingestion.js'

const GRAPH = 'test-graph-token'
const CPP = 'test-cpp-token'
const sim = await startSimulator({ token: CPP, graphToken: GRAPH, identity: { tokenLifetimeSec: 60 } })
afterAll(() => sim.close())

type Json = Record<string, unknown>
interface Answer {
  status: number
  headers: Headers
  body: Json
}

/** GET with `token` as bearer (null: no Authorization header). */
async function get(url: string, token: string | null = GRAPH): Promise<Answer> {
  const res = await fetch(url.startsWith('http') ? url : `${sim.ingestionUrl}/${url}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` }
  })
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json }
}

/** A fresh offer ID playing `scenario`, with its own product and frame counter. */
const fresh = (scenario: string) => `${scenario}_${randomUUID().slice(0, 8)}`

async function guidOf(offerId: string): Promise<string> {
  const { body } = await get(`product?externalId=${offerId}&$version=2022-07-01`)
  const [product] = body.value as { id: string }[]
  expect(product?.id).toMatch(/^product\/[0-9a-f-]{36}$/)
  return product!.id.slice('product/'.length)
}

interface Entry {
  id: string
  product: string
  target: { targetType: string }
  status?: string
  result?: string
  created?: string
}

/** Each entry as `target status/result` (the draft as `draft`). */
const brief = (value: Entry[]) =>
  value.map((e) => (e.status === undefined ? e.target.targetType : `${e.target.targetType} ${e.status}/${e.result}`))

/** The submission lists of `n` consecutive first-page requests. */
async function frames(offerId: string, n: number): Promise<string[][]> {
  const guid = await guidOf(offerId)
  const out: string[][] = []
  for (let i = 0; i < n; i++) {
    const { status, body } = await get(`submission/${guid}?$version=2022-07-01`)
    out.push(status === 200 ? brief(body.value as Entry[]) : [`HTTP ${status}`])
  }
  return out
}

const CREATED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/

async function token(scope: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${sim.url}/sim-tenant/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'sim-client',
      client_secret: 'sim-secret',
      scope
    })
  })
  return { status: res.status, body: (await res.json()) as Json }
}

const cppStatus = (offer: string, bearer: string, publisher = `pub-${randomUUID().slice(0, 8)}`) =>
  get(`${sim.url}/api/publishers/${publisher}/offers/${offer}/status?api-version=2017-10-31`, bearer)

describe('product lookup', () => {
  it('finds a PI scenario by externalId in any casing, with a GUID of its own', async () => {
    for (const key of ['externalId', 'externalID', 'externalid']) {
      const { status, body } = await get(`product?${key}=pi-live&$version=2022-03-01-preview2`)
      expect(status).toBe(200)
      expect(body).toEqual({
        value: [
          {
            $schema: 'https://schema.mp.microsoft.com/schema/product/2022-03-01-preview2',
            id: `product/${productGuid('pi-live')}`,
            identity: { externalId: 'pi-live' },
            type: 'softwareAsAService',
            alias: 'Contoso pi-live'
          }
        ]
      })
    }
    expect(productGuid('pi-live')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(productGuid('pi-live')).not.toBe(productGuid('pi-live_x'))
  })

  it('answers an empty collection for a CPP scenario and for any unknown offer', async () => {
    for (const offer of ['happy', 'not-found', 'contoso-vm-offer', 'pilive']) {
      expect(await get(`product?externalId=${offer}`)).toMatchObject({ status: 200, body: { value: [] } })
    }
  })

  it('serves a product by GUID once known, and 404s a GUID it does not know', async () => {
    const guid = await guidOf('pi-live')
    expect((await get(`product/${guid}`)).body).toMatchObject({ id: `product/${guid}` })
    expect(await get(`product/${randomUUID()}`)).toMatchObject({ status: 404, body: { error: { code: 'notFound' } } })
  })
})

describe('submission lists, one frame per request', () => {
  it('pi-preview-ready: preview notStarted, running, succeeded; never live', async () => {
    expect(await frames(fresh('pi-preview-ready'), 4)).toEqual([
      ['draft', 'preview notStarted/pending'],
      ['draft', 'preview running/pending'],
      ['draft', 'preview completed/succeeded'],
      ['draft', 'preview completed/succeeded']
    ])
  })

  it('pi-live: preview, then live with the same submission ID', async () => {
    const offer = fresh('pi-live')
    expect(await frames(offer, 5)).toEqual([
      ['draft', 'preview running/pending'],
      ['draft', 'preview completed/succeeded'],
      ['draft', 'preview completed/succeeded', 'live running/pending'],
      ['draft', 'preview completed/succeeded', 'live completed/succeeded'],
      ['draft', 'preview completed/succeeded', 'live completed/succeeded']
    ])
    const guid = await guidOf(offer)
    const [draft, preview, live] = (await get(`submission/${guid}`)).body.value as Entry[]
    expect(draft).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
      id: `submission/${guid}/0`,
      product: `product/${guid}`,
      target: { targetType: 'draft' }
    })
    expect(preview?.id).toMatch(new RegExp(`^submission/${guid}/\\d{19}$`))
    expect(live?.id).toBe(preview?.id)
    expect(preview?.created).toMatch(CREATED)
  })

  it('pi-new-version: a new live entry beside the old one, newer by created', async () => {
    const offer = fresh('pi-new-version')
    expect(await frames(offer, 3)).toEqual([
      ['draft', 'live notStarted/pending', 'preview completed/succeeded', 'live completed/succeeded'],
      ['draft', 'live running/pending', 'preview completed/succeeded', 'live completed/succeeded'],
      ['draft', 'live completed/succeeded', 'preview completed/succeeded', 'live completed/succeeded']
    ])
    const [, next, preview, old] = (await get(`submission/${await guidOf(offer)}`)).body.value as Entry[]
    expect(next?.id).toBe(preview?.id)
    expect(next?.id).not.toBe(old?.id)
    expect(Date.parse(next!.created!)).toBeGreaterThan(Date.parse(old!.created!))
  })

  it('pi-preview-failed, pi-never-published', async () => {
    expect(await frames(fresh('pi-preview-failed'), 3)).toEqual([
      ['draft', 'preview running/pending'],
      ['draft', 'preview completed/failed'],
      ['draft', 'preview completed/failed']
    ])
    expect(await frames(fresh('pi-never-published'), 2)).toEqual([['draft'], ['draft']])
  })

  it('pi-throttled: a 429 with Retry-After: 1 first, then pi-live', async () => {
    const guid = await guidOf(fresh('pi-throttled'))
    const first = await get(`submission/${guid}`)
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('1')
    expect(first.body).toEqual({
      error: { code: 'tooManyRequests', message: 'Too many requests. Retry after 1 second.', details: [] }
    })
    expect(brief((await get(`submission/${guid}`)).body.value as Entry[])).toEqual(['draft', 'preview running/pending'])
  })

  it('filters by targetType', async () => {
    const guid = await guidOf(fresh('pi-new-version'))
    const { body } = await get(`submission/${guid}?targetType=live`)
    expect(brief(body.value as Entry[])).toEqual(['live notStarted/pending', 'live completed/succeeded'])
  })

  it('keeps a counter per product: concurrent offers of one scenario each start at the first frame', async () => {
    const [a, b] = await Promise.all([frames(fresh('pi-live'), 1), frames(fresh('pi-live'), 1)])
    expect(a).toEqual(b)
  })

  it('404s the submissions of an unknown product, and of a prefixed durable ID', async () => {
    expect(await get(`submission/${randomUUID()}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'notFound', details: [] } }
    })
    expect((await get(`submission/product/${await guidOf('pi-live')}`)).status).toBe(404)
  })
})

describe('paging', () => {
  it('pi-paged: three pages, the first link relative and the second absolute; pages do not advance the frames', async () => {
    const guid = await guidOf(fresh('pi-paged'))
    const walk = async () => {
      const pages: Json[] = []
      let url: string | undefined = `submission/${guid}?$version=2022-07-01`
      while (url !== undefined) {
        const { status, body } = await get(url.startsWith('/') ? new URL(url, sim.url).href : url)
        expect(status).toBe(200)
        pages.push(body)
        url = body['@nextLink'] as string | undefined
      }
      return pages
    }
    const first = await walk()
    expect(first).toHaveLength(3)
    const [one, two] = first.map((p) => p['@nextLink'] as string | undefined)
    expect(one).toMatch(
      new RegExp(`^/rp/product-ingestion/submission/${guid}\\?\\$version=2022-07-01&continuationToken=`)
    )
    expect(two).toMatch(new RegExp(`^${sim.url}/rp/product-ingestion/submission/${guid}\\?`))
    expect(first.flatMap((p) => brief(p.value as Entry[]))).toEqual(['draft', 'preview running/pending'])
    const second = await walk()
    expect(second.flatMap((p) => brief(p.value as Entry[]))).toEqual(['draft', 'preview completed/succeeded'])
    await walk()
    expect((await walk()).flatMap((p) => brief(p.value as Entry[]))).toEqual([
      'draft',
      'preview completed/succeeded',
      'live completed/succeeded'
    ])
  })

  it('refuses a continuation token it did not make', async () => {
    const guid = await guidOf('pi-paged')
    expect(await get(`submission/${guid}?continuationToken=bogus`)).toMatchObject({
      status: 400,
      body: { error: { code: 'badRequest' } }
    })
  })

  it('pi-foreign-nextlink: the first page links to another origin', async () => {
    const offer = fresh('pi-foreign-nextlink')
    const guid = await guidOf(offer)
    const { body } = await get(`submission/${guid}?$version=2022-07-01`)
    expect(brief(body.value as Entry[])).toEqual(['draft', 'preview running/pending'])
    const link = new URL(body['@nextLink'] as string)
    expect(link.origin).toBe(`http://127.0.0.2:${sim.port}`)
    expect(link.origin).not.toBe(new URL(sim.url).origin)
    // Served nothing even if it arrives here.
    expect((await get(`${sim.url}${link.pathname}${link.search}`)).status).toBe(404)
  })
})

describe('configure jobs', () => {
  const job = async (id: string, n: number) => {
    const out: Json[] = []
    for (let i = 0; i < n; i++) out.push((await get(`configure/${id}/status?$version=2022-07-01`)).body)
    return out
  }
  const states = (bodies: Json[]) => bodies.map((b) => `${String(b.jobStatus)}/${String(b.jobResult)}`)

  it('job-succeeded: notStarted, running, completed/succeeded; jobEnd unset until then', async () => {
    const id = fresh('job-succeeded')
    const bodies = await job(id, 4)
    expect(states(bodies)).toEqual([
      'notStarted/pending',
      'running/pending',
      'completed/succeeded',
      'completed/succeeded'
    ])
    expect(bodies[0]).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/configure-status/2022-07-01',
      jobId: id,
      jobStatus: 'notStarted',
      jobResult: 'pending',
      jobStart: expect.stringMatching(CREATED),
      jobEnd: '0001-01-01T00:00:00',
      errors: []
    })
    expect(bodies[2]?.jobEnd).toMatch(CREATED)
    expect(bodies[2]?.resourceUri).toBe(`https://product-ingestion.mp.microsoft.com/configure/${id}`)
  })

  it('job-cert-failed: a nested invalidState certification error and a badRequest', async () => {
    const bodies = await job(fresh('job-cert-failed'), 2)
    expect(states(bodies)).toEqual(['running/pending', 'completed/failed'])
    const errors = bodies[1]?.errors as Json[]
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatchObject({
      code: 'internalServerError',
      details: [
        { code: 'invalidState', details: [{ code: 'invalidState', message: expect.stringMatching(/Certification/) }] }
      ]
    })
    expect(errors[1]).toMatchObject({ code: 'badRequest', details: [{ code: 'invalidResource' }] })
  })

  it('job-cancelled, job-id-casing', async () => {
    expect(states(await job(fresh('job-cancelled'), 2))).toEqual(['running/pending', 'completed/cancelled'])
    const id = fresh('job-id-casing')
    const casing = await job(id, 2)
    expect(casing[1]).toMatchObject({ jobID: id, jobStatus: 'Completed', jobResult: 'Succeeded' })
    expect(casing[1]).not.toHaveProperty('jobId')
  })

  it('404s an unknown job', async () => {
    expect(await get('configure/0abfafad-2223-49b8-b8e2-7acfebc28b9f/status')).toEqual({
      status: 404,
      headers: expect.anything(),
      body: {
        error: { code: 'notFound', message: 'Job 0abfafad-2223-49b8-b8e2-7acfebc28b9f was not found.', details: [] }
      }
    })
  })
})

describe('audiences', () => {
  it('PI takes the Graph token; the CPP token gets a 401 for its audience, no token a 401', async () => {
    expect((await get('product?externalId=pi-live', GRAPH)).status).toBe(200)
    expect(await get('product?externalId=pi-live', CPP)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: "The token's audience is not valid for this API." } }
    })
    expect(await get('product?externalId=pi-live', null)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', details: [] } }
    })
    expect((await get('product?externalId=pi-live', 'nonsense')).status).toBe(401)
  })

  it('CPP refuses the Graph token, in its own error shape', async () => {
    expect(await cppStatus('happy', GRAPH)).toMatchObject({
      status: 401,
      body: {
        error: {
          code: 'InvalidAuthenticationTokenAudience',
          message: "The token's audience is not valid for this API."
        }
      }
    })
    expect((await cppStatus('happy', CPP)).status).toBe(200)
  })

  it('Entra tokens remember the audience of their scope; other scopes are refused', async () => {
    const graph = await token('https://graph.microsoft.com/.default')
    const cpp = await token('https://cloudpartner.azure.com/.default')
    expect([graph.status, cpp.status]).toEqual([200, 200])
    const g = graph.body.access_token as string
    const c = cpp.body.access_token as string
    expect(sim.issued.byAudience['https://graph.microsoft.com']).toContain(g)
    expect(sim.issued.byAudience['https://cloudpartner.azure.com']).toContain(c)
    expect((await get('product?externalId=pi-live', g)).status).toBe(200)
    expect((await get('product?externalId=pi-live', c)).status).toBe(401)
    expect((await cppStatus('happy', c)).status).toBe(200)
    expect((await cppStatus('happy', g)).body).toMatchObject({ error: { code: 'InvalidAuthenticationTokenAudience' } })

    const other = await token('https://management.azure.com/.default')
    expect(other.status).toBe(400)
    expect(other.body).toMatchObject({ error: 'invalid_scope', error_codes: [70011] })
    expect(other.body.error_description).toMatch(/^AADSTS70011: /)
  })

  it('an unauthenticated request does not advance the frames', async () => {
    const offer = fresh('pi-live')
    const guid = await guidOf(offer)
    expect((await get(`submission/${guid}`, CPP)).status).toBe(401)
    expect((await get(`submission/${guid}`, null)).status).toBe(401)
    expect(brief((await get(`submission/${guid}`)).body.value as Entry[])).toEqual(['draft', 'preview running/pending'])
  })
})

describe('mixed portfolios and the request log', () => {
  it('a PI offer is not found in CPP, with the not-found body', async () => {
    const publisher = `pub-${randomUUID().slice(0, 8)}`
    const pi = await cppStatus('pi-live', CPP, publisher)
    expect(pi).toMatchObject({
      status: 404,
      body: { error: { code: 'OfferNotFound', message: `Offer 'pi-live' of publisher '${publisher}' was not found.` } }
    })
    expect((await cppStatus(fresh('pi-live'), CPP)).status).toBe(404)
    const notFound = await cppStatus('not-found', CPP, publisher)
    expect(notFound.body).toEqual({
      error: { code: 'OfferNotFound', message: `Offer 'not-found' of publisher '${publisher}' was not found.` }
    })
  })

  it('records PI requests by kind, with offer, product and job', async () => {
    const offer = fresh('pi-live')
    const guid = await guidOf(offer)
    await get(`submission/${guid}`)
    await get('configure/job-succeeded_log/status')
    await get('nothing/here')
    const mine = sim.requests.filter(
      (r) => r.offerId === offer || r.jobId === 'job-succeeded_log' || r.url.endsWith('/nothing/here')
    )
    expect(mine.map((r) => [r.kind, r.offerId, r.productId, r.jobId, r.publisherId])).toEqual([
      ['product', offer, '', '', ''],
      ['submission', offer, guid, '', ''],
      ['job', '', '', 'job-succeeded_log', ''],
      ['other', '', '', '', '']
    ])
  })

  it('answers 404 for an unknown route and 405 for a method other than GET, in the PI envelope', async () => {
    expect(await get('nothing/here')).toMatchObject({ status: 404, body: { error: { code: 'notFound', details: [] } } })
    const res = await fetch(`${sim.ingestionUrl}/product?externalId=pi-live`, {
      method: 'POST',
      headers: { authorization: `Bearer ${GRAPH}` }
    })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET')
    expect(await res.json()).toMatchObject({ error: { code: 'methodNotAllowed' } })
  })

  it('exports the scenario names, none shared between the APIs', () => {
    expect(PI_SCENARIO_NAMES).toEqual([
      'pi-preview-ready',
      'pi-live',
      'pi-new-version',
      'pi-preview-failed',
      'pi-paged',
      'pi-foreign-nextlink',
      'pi-throttled',
      'pi-never-published'
    ])
    expect(JOB_NAMES).toEqual(['job-succeeded', 'job-cert-failed', 'job-cancelled', 'job-id-casing'])
    expect(SCENARIO_NAMES.filter((n) => PI_SCENARIO_NAMES.includes(n))).toEqual([])
  })
})

describe('defaults', () => {
  it('takes sim-token on CPP and sim-graph-token-0123456789 on PI', async () => {
    const plain = await startSimulator()
    try {
      const cpp = await fetch(`${plain.url}/api/publishers/p/offers/happy/status?api-version=2017-10-31`, {
        headers: { authorization: 'Bearer sim-token' }
      })
      const pi = await fetch(`${plain.ingestionUrl}/product?externalId=pi-live`, {
        headers: { authorization: 'Bearer sim-graph-token-0123456789' }
      })
      expect([cpp.status, pi.status]).toEqual([200, 200])
      expect(plain.ingestionUrl).toBe(`${plain.url}/rp/product-ingestion`)
    } finally {
      await plain.close()
    }
  })
})
