/**
 * End to end, Product Ingestion: the committed bundle against the simulator's Product Ingestion API
 * (its offer scenarios and configure jobs), `api: auto` choosing an API per offer and saying why, a
 * portfolio read through both APIs with one sign-in, and a token for the wrong API. The key runs go on
 * every runtime, the rest on the first one only.
 */
import { describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { CPP_AUDIENCE, GRAPH_AUDIENCE } from '../simulator/identity.js'
import { FOREIGN_HOST, INGESTION_PREFIX, productGuid } from '../simulator/ingestion.js'
import { DEFAULT_GRAPH_TOKEN, DEFAULT_TOKEN, startSimulator } from '../simulator/server.js'
import { commands, expectSecretsHidden, runAction, runtimes, type ActionRun } from './fixtures/action.js'

type SimOptions = NonNullable<Parameters<typeof startSimulator>[0]>
type Sim = Awaited<ReturnType<typeof startSimulator>>

const SECRET = 'sim-secret-Value-do-not-leak'
const FAST = { interval: '100ms', 'max-interval': '200ms', timeout: '20s' }
/** Jest's limit for one test: well above the action's own timeout, for a loaded machine. */
const TEST_MS = 45_000

/** An ID playing `scenario` as a product (or job) of its own, with its own frame counter. */
const fresh = (scenario: string): string => `${scenario}_${randomUUID().slice(0, 8)}`

/** An unsigned JWT with this audience: the action reads `aud` only to route. */
function jwt(aud: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud, exp: 4_102_444_800 })}.c2ln`
}

/** A simulator of its own for each test: its requests and issued tokens are the test's alone. */
async function withSim<T>(fn: (sim: Sim) => Promise<T>, options: SimOptions = {}): Promise<T> {
  const sim = await startSimulator({ ...options, identity: { clientSecret: SECRET, ...options.identity } })
  try {
    return await fn(sim)
  } finally {
    await sim.close()
  }
}

/** Both APIs on the simulator; the Graph static token unless `extra` says otherwise. */
const piInputs = (sim: Sim, extra: Record<string, string>): Record<string, string> => ({
  token: DEFAULT_GRAPH_TOKEN,
  'base-url': sim.url,
  'ingestion-url': sim.ingestionUrl,
  ...FAST,
  ...extra
})

/** A client-secret sign-in to the simulator's stand-in Entra ID, and both APIs on the simulator. */
const signInInputs = (sim: Sim, extra: Record<string, string>): Record<string, string> => ({
  'tenant-id': 'sim-tenant',
  'client-id': 'sim-client',
  'client-secret': SECRET,
  'authority-host': sim.url,
  'base-url': sim.url,
  'ingestion-url': sim.ingestionUrl,
  ...FAST,
  ...extra
})

const pub = (): string => `pub-${randomUUID().slice(0, 8)}`
const kinds = (sim: Sim): string[] => sim.requests.map((r) => r.kind)
const ofKind = (sim: Sim, kind: string) => sim.requests.filter((r) => r.kind === kind)
const PI_KINDS = new Set(['product', 'submission', 'job'])
/** The URLs the action logged it was about to GET (RUNNER_DEBUG is on). */
const gets = (run: ActionRun): string[] =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::debug::GET '))
    .map((l) => l.slice('::debug::GET '.length))
/** An ID as a pattern, as it may appear in markdown (an underscore escaped or not). */
const md = (id: string): string => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/_/g, '(?:_|&#95;)')

interface StepOut {
  id: string
  name: string
  status: string
  progress: number | null
  estimatedTimeFrame: string | null
}
interface OfferOut {
  id: string
  status: string
  result: string
  outcome: string
  previewUrl: string | null
  liveUrl: string | null
  steps: StepOut[]
}
const stepsOf = (run: ActionRun): StepOut[] => JSON.parse(run.outputs.steps ?? '') as StepOut[]
const offersOf = (run: ActionRun): OfferOut[] => JSON.parse(run.outputs.offers ?? '') as OfferOut[]
/** Product Ingestion's three rows, with these statuses, as the `steps` output has them. */
const rows = (preview: string, signoff: string, live: string): StepOut[] => [
  { id: 'preview', name: 'Preview', status: preview, progress: null, estimatedTimeFrame: null },
  { id: 'publisher-signoff', name: 'Publisher sign-off', status: signoff, progress: null, estimatedTimeFrame: null },
  { id: 'live', name: 'Live', status: live, progress: null, estimatedTimeFrame: null }
]

/**
 * No raw runner command (`##[`) in the log, and no secret (client secret, static or issued tokens)
 * anywhere but in the runner's own add-mask commands; every issued token was masked.
 */
function expectClean(run: ActionRun, sim: Sim, statics: string[] = []): void {
  expect(run.stdout).not.toContain('##[')
  expect(run.stderr).toBe('')
  expectSecretsHidden(run, [SECRET, ...statics, ...sim.issued.accessTokens, ...sim.issued.idTokens])
  for (const token of [...statics, ...sim.issued.accessTokens]) expect(run.stdout).toContain(`::add-mask::${token}`)
}

describe.each(runtimes())('Product Ingestion with the bundle on $name', ({ path: runtime }) => {
  it.concurrent(
    'pi-live: follows preview, sign-off and live to Succeeded, with the three rows in steps and the summary',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-live')
        const run = await runAction({
          node: runtime,
          inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer })
        })
        expect(run.code).toBe(0)
        // Partner Center's page of the product is where the publisher goes; no public listing URL is known.
        const page = `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productGuid(offer)}/overview`
        expect(run.outputs).toMatchObject({
          status: 'Succeeded',
          result: 'passed',
          outcome: 'live',
          'preview-url': page,
          'live-url': '',
          'stuck-steps': '[]'
        })
        expect(stepsOf(run)).toEqual(rows('Complete', 'Complete', 'Complete'))
        expect(offersOf(run)).toEqual([
          {
            id: offer,
            status: 'Succeeded',
            result: 'passed',
            outcome: 'live',
            previewUrl: page,
            liveUrl: null,
            steps: rows('Complete', 'Complete', 'Complete')
          }
        ])
        expect(run.stdout).toContain('Watching the offer through Product Ingestion: api is product-ingestion.')
        expect(run.stdout).toContain(`Offer ${offer}: Product Ingestion product ${productGuid(offer)}.`)
        // the way there: the preview waited for sign-off, then went live
        expect(run.stdout).toContain('The preview is ready and waits for the publisher')
        expect(run.stdout).toMatch(/::group::\[\d+m?s\] 🔄 Running · Live InProgress/)
        expect(commands(run.stdout, 'error')).toEqual([])
        expect(commands(run.stdout, 'warning')).toEqual([])

        expect(run.summary).toMatch(new RegExp(`^## ✅ Live — Offer ${md(offer)}\n`))
        expect(run.summary).toContain(`**Preview:** [${page}](${page})`)
        expect(run.summary).toMatch(/^\| Preview \| ✅ Complete \| — \| — \| Submission \d+, created /m)
        expect(run.summary).toContain('| Publisher sign-off | ✅ Complete |')
        expect(run.summary).toMatch(/^\| Live \| ✅ Complete \| — \| — \| Submission \d+, created /m)
        expect(run.summary).toContain('Running → WaitingForPublisherReview')
        expect(run.summary).toContain('WaitingForPublisherReview → Running')

        // the product looked up once by its external ID, then its submissions once a poll, with the Graph token
        const guid = productGuid(offer)
        expect(kinds(sim)).toEqual(['product', 'submission', 'submission', 'submission', 'submission'])
        expect(sim.requests[0]?.url).toBe(`${INGESTION_PREFIX}/product?externalId=${offer}&$version=2022-07-01`)
        for (const r of ofKind(sim, 'submission')) {
          expect(r.url).toBe(`${INGESTION_PREFIX}/submission/${guid}?$version=2022-07-01`)
        }
        expect(sim.requests.every((r) => r.authorization === `Bearer ${DEFAULT_GRAPH_TOKEN}`)).toBe(true)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'job-cert-failed: fails with one annotation per job error, the certification failure said as such',
    async () => {
      await withSim(async (sim) => {
        const job = fresh('job-cert-failed')
        const run = await runAction({ node: runtime, inputs: piInputs(sim, { 'job-id': job }) })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: 'Failed', result: 'failed', outcome: 'failed', 'preview-url': '' })
        expect(stepsOf(run)).toEqual([
          {
            id: 'configure-job',
            name: `Configure job ${job}`,
            status: 'Rejected',
            progress: null,
            estimatedTimeFrame: null
          }
        ])
        expect(run.stdout).toContain('Watching the configure job through Product Ingestion.')

        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(2)
        const certification = errors.find((e) => e.includes('certification failure'))
        expect(certification).toContain(`Configure job ${job}: publishing failed:`)
        expect(certification).toContain('invalidState: Issues found during Certification.')
        expect(certification).toContain('the certification report is in Partner Center')
        const image = errors.find((e) => e !== certification)
        expect(image).toContain(
          "badRequest: Cannot delete image '9.0.20230404' of type 'X64Gen1' as it is already published."
        )
        expect(image).toContain('invalidResource: Failure for resource: virtual-machine-plan-technical-configuration-0')
        expect(run.stdout).toMatch(/^::error title=Publishing failed::/m)

        expect(run.summary).toMatch(new RegExp(`^## ❌ Failed: 2 errors — Configure job ${md(job)}\n`))
        expect(run.summary).toMatch(/\*\*Next:\*\* Read the certification report .*send the configure request again\./)
        expect(run.summary).toContain('Issues found during Certification')
        expect(run.summary).toContain('Cannot delete image')

        expect(kinds(sim)).toEqual(['job', 'job'])
        for (const r of sim.requests) {
          expect(r.url).toBe(`${INGESTION_PREFIX}/configure/${job}/status?$version=2022-07-01`)
          expect(r.jobId).toBe(job)
        }
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'a portfolio of both APIs with one sign-in: CPP first, the offer it does not know from Product Ingestion',
    async () => {
      await withSim(async (sim) => {
        const publisher = pub()
        const cppOffer = fresh('happy')
        const piOffer = fresh('pi-live')
        const run = await runAction({
          node: runtime,
          inputs: signInInputs(sim, { 'publisher-id': publisher, 'offer-id': `${cppOffer}, ${piOffer}` })
        })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed', outcome: 'live', steps: '[]' })
        const offers = offersOf(run)
        expect(offers.map((o) => [o.id, o.status, o.result])).toEqual([
          [cppOffer, 'Succeeded', 'passed'],
          [piOffer, 'Succeeded', 'passed']
        ])
        expect(offers[0]?.steps).toHaveLength(6)
        expect(offers[1]?.steps).toEqual(rows('Complete', 'Complete', 'Complete'))

        // what auto chose and why, and the one offer it looked up in Product Ingestion
        expect(run.stdout).toContain(
          'Watching the 2 offers through the Cloud Partner Portal: publisher-id is set; ' +
            'an offer the Cloud Partner Portal does not know is looked up in Product Ingestion.'
        )
        const lookups = run.stdout.split('\n').filter((l) => l.includes('looking it up in Product Ingestion'))
        expect(lookups).toEqual([
          `Offer ${publisher}/${piOffer}: the Cloud Partner Portal does not know it (HTTP 404); looking it up in Product Ingestion.`
        ])
        expect(commands(run.stdout, 'error')).toEqual([])

        // one summary with both in the overview
        expect(run.summary).toMatch(/^## ✅ 2 offers: 2 live\n/)
        expect(run.summary).toMatch(
          new RegExp(`^\\| ${publisher}/${md(cppOffer)} \\| ✅ live \\| — \\| Succeeded \\| ✅ passed \\|$`, 'm')
        )
        expect(run.summary).toMatch(
          new RegExp(`^\\| (?:${publisher}/)?${md(piOffer)} \\| ✅ live \\| — \\| Succeeded \\| ✅ passed \\|$`, 'm')
        )
        expect(run.summary.match(/<details>/g)).toHaveLength(2)
        // the CPP offer's documented steps, and Product Ingestion's three rows
        expect(run.summary).toContain('| Packaging and Lead Generation Registration | ✅ Complete |')
        expect(run.summary).toContain('| Preview | ✅ Complete |')

        // one sign-in for each audience, each API given only its own token
        expect(run.stdout).toContain(`Signed in to Entra ID as app sim-client (client secret) for ${CPP_AUDIENCE}.`)
        expect(run.stdout).toContain(`Signed in to Entra ID as app sim-client (client secret) for ${GRAPH_AUDIENCE}.`)
        expect(ofKind(sim, 'token')).toHaveLength(2)
        const cppTokens = sim.issued.byAudience[CPP_AUDIENCE] ?? []
        const graphTokens = sim.issued.byAudience[GRAPH_AUDIENCE] ?? []
        expect(cppTokens).toHaveLength(1)
        expect(graphTokens).toHaveLength(1)
        const status = ofKind(sim, 'status')
        expect(status.every((r) => r.authorization === `Bearer ${cppTokens[0] ?? ''}`)).toBe(true)
        const pi = sim.requests.filter((r) => PI_KINDS.has(r.kind))
        expect(pi.every((r) => r.authorization === `Bearer ${graphTokens[0] ?? ''}`)).toBe(true)
        // the Product Ingestion offer cost the Cloud Partner Portal one request (its 404), then no more
        expect(status.filter((r) => r.offerId === piOffer)).toHaveLength(1)
        expect(status.filter((r) => r.offerId === cppOffer)).toHaveLength(13)
        expect(status.every((r) => r.publisherId === publisher)).toBe(true)
        expect(pi.map((r) => r.kind)).toEqual(['product', 'submission', 'submission', 'submission', 'submission'])
        expect(pi.every((r) => r.offerId === piOffer)).toBe(true)
        expectClean(run, sim)
      })
    },
    TEST_MS
  )
})

const [first] = runtimes()
if (!first) throw new Error('no Node runtime to run the bundle with')
const node = first.path

describe(`Product Ingestion scenarios with the bundle on ${first.name}`, () => {
  it.concurrent(
    'pi-preview-ready with wait-for publisher-review: passes at WaitingForPublisherReview',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-preview-ready')
        const run = await runAction({
          node,
          inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer, 'wait-for': 'publisher-review' })
        })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({
          status: 'WaitingForPublisherReview',
          result: 'passed',
          outcome: 'preview-ready',
          'preview-url': `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productGuid(offer)}/overview`,
          'live-url': ''
        })
        expect(stepsOf(run)).toEqual(rows('Complete', 'WaitingForPublisherReview', 'NotStarted'))
        expect(run.summary).toMatch(new RegExp(`^## ✅ Preview ready for your sign-off — Offer ${md(offer)}\n`))
        expect(run.summary).toContain('| Publisher sign-off | 👀 WaitingForPublisherReview |')
        // notStarted, running, then completed: three looks, and no more
        expect(kinds(sim)).toEqual(['product', 'submission', 'submission', 'submission'])
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-preview-ready with wait-for completion: times out waiting for the go-live, and says why',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-preview-ready')
        const run = await runAction({
          node,
          inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer, timeout: '2s' })
        })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({
          status: 'WaitingForPublisherReview',
          result: 'timed-out',
          outcome: 'preview-ready'
        })
        expect(run.stdout).toContain(
          'The preview is ready and waits for the publisher: go live in Partner Center to finish publishing.'
        )
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(
          /still not done after 2s \(timeout\); last known status WaitingForPublisherReview, step 'Publisher sign-off'/
        )
        expect(run.summary).toMatch(/^## ⏱️ Timed out: the preview waits for your sign-off — Offer /)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-new-version: the new live submission over the old one, to Succeeded',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-new-version')
        const run = await runAction({ node, inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer }) })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expect(stepsOf(run)).toEqual(rows('Complete', 'Complete', 'Complete'))
        // the live row is the new version's (submission 2), not the month-old one
        const live = /^\| Live \| ✅ Complete \| — \| — \| Submission (\d+),/m.exec(run.summary)
        const preview = /^\| Preview \| ✅ Complete \| — \| — \| Submission (\d+),/m.exec(run.summary)
        expect(live?.[1]).toMatch(/002$/)
        expect(live?.[1]).toBe(preview?.[1])
        expect(run.summary).toContain('Live | InProgress → Complete')
        expect(kinds(sim)).toEqual(['product', 'submission', 'submission', 'submission'])
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-preview-failed: fails at once, with an error naming the Preview step',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-preview-failed')
        const run = await runAction({ node, inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer }) })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: 'Failed', result: 'failed' })
        expect(stepsOf(run)).toEqual(rows('Rejected', 'NotStarted', 'NotStarted'))
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(new RegExp(`^Offer ${md(offer)}: step 'Preview' \\(preview\\) was rejected`))
        expect(run.stdout).toContain('::error title=Preview rejected::')
        expect(run.outputs).toMatchObject({ outcome: 'failed', 'preview-url': '' })
        expect(run.summary).toMatch(new RegExp(`^## ❌ Failed: Preview rejected — Offer ${md(offer)}\n`))
        expect(run.summary).toContain('| Preview | ❌ Rejected |')
        // no look after the failure
        expect(kinds(sim)).toEqual(['product', 'submission', 'submission'])
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-paged: follows the relative and the absolute @nextLink, all on its own origin, to Succeeded',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-paged')
        const run = await runAction({ node, inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer }) })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expect(stepsOf(run)).toEqual(rows('Complete', 'Complete', 'Complete'))

        const guid = productGuid(offer)
        const submissions = ofKind(sim, 'submission')
        // four looks of three pages each: the first page, then two by continuation token
        expect(submissions).toHaveLength(12)
        const pages = submissions.filter((r) => r.url.includes('continuationToken='))
        expect(pages).toHaveLength(8)
        for (const r of submissions) {
          expect(r.url.startsWith(`${INGESTION_PREFIX}/submission/${guid}?$version=2022-07-01`)).toBe(true)
          expect(r.authorization).toBe(`Bearer ${DEFAULT_GRAPH_TOKEN}`)
        }
        // every GET the action made went to ingestion-url's origin
        const urls = gets(run)
        expect(urls).toHaveLength(13)
        expect(urls.filter((u) => u.includes('continuationToken='))).toHaveLength(8)
        expect(urls.every((u) => u.startsWith(`${sim.ingestionUrl}/`))).toBe(true)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-foreign-nextlink: does not follow a @nextLink to another host, and fails at once saying the list is incomplete',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-foreign-nextlink')
        const run = await runAction({
          node,
          inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer, timeout: '2s' })
        })
        expect(run.signal).toBeNull()
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: '', result: 'failed' })
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(
          new RegExp(
            `the submission list of offer ${md(offer)} could not be read whole: it continues at ` +
              `http://${FOREIGN_HOST.replace(/\./g, '\\.')}:${sim.port}, which the action does not follow, ` +
              'so that the token stays with ingestion-url'
          )
        )
        // nothing asked of the other host, no page by continuation token here either
        expect(gets(run)).toHaveLength(2)
        expect(gets(run).every((u) => u.startsWith(`${sim.ingestionUrl}/`))).toBe(true)
        expect(run.stdout).not.toContain(`GET http://${FOREIGN_HOST}`)
        expect(ofKind(sim, 'submission').every((r) => !r.url.includes('continuationToken'))).toBe(true)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-throttled: waits out the 429 for its Retry-After, then goes on to Succeeded',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-throttled')
        const run = await runAction({ node, inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer }) })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expect(run.stdout).toMatch(
          /HTTP 429 \(tooManyRequests: Too many requests\. Retry after 1 second\.\) · retrying in 1s/
        )
        expect(commands(run.stdout, 'warning')).toEqual([])
        // the product is not looked up again; the next look waited for Retry-After (at least, never less)
        expect(kinds(sim)).toEqual(['product', 'submission', 'submission', 'submission', 'submission', 'submission'])
        const [throttled, next] = ofKind(sim, 'submission')
        expect((next?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(900)
        expect(run.summary).toMatch(/1 of them failed and w(?:as|ere) retried/)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'pi-never-published with wait-for none: one look, NeverPublished, passes',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-never-published')
        const run = await runAction({
          node,
          inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer, 'wait-for': 'none' })
        })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({
          status: 'NeverPublished',
          result: 'passed',
          outcome: 'not-published',
          'preview-url': ''
        })
        expect(stepsOf(run)).toEqual(rows('NotStarted', 'NotStarted', 'NotStarted'))
        expect(run.summary).toMatch(new RegExp(`^## ⚪ Not published yet — Offer ${md(offer)}\n`))
        expect(kinds(sim)).toEqual(['product', 'submission'])
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'an offer no product matches: fails after one product request, naming its external ID',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('nope')
        const run = await runAction({ node, inputs: piInputs(sim, { api: 'product-ingestion', 'offer-id': offer }) })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: '', result: 'failed', steps: '[]' })
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toBe(
          `Offer ${offer}: no product with external ID '${offer}' is visible to this identity in Product Ingestion: ` +
            'check offer-id, and that the identity belongs to the Partner Center account that owns the offer'
        )
        expect(run.summary).toContain('no product with external ID')
        expect(kinds(sim)).toEqual(['product'])
        expect(sim.requests[0]?.offerId).toBe(offer)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )
})

describe(`configure jobs with the bundle on ${first.name}`, () => {
  it.concurrent.each([
    ['job-succeeded', 3],
    ['job-id-casing', 2]
  ])(
    '%s: watched through Product Ingestion until it succeeds',
    async (scenario, looks) => {
      await withSim(async (sim) => {
        const job = fresh(scenario)
        const run = await runAction({ node, inputs: piInputs(sim, { 'job-id': job }) })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({
          status: 'Succeeded',
          result: 'passed',
          outcome: 'succeeded',
          'preview-url': ''
        })
        expect(stepsOf(run)).toEqual([
          {
            id: 'configure-job',
            name: `Configure job ${job}`,
            status: 'Complete',
            progress: null,
            estimatedTimeFrame: null
          }
        ])
        expect(offersOf(run).map((o) => [o.id, o.status, o.result])).toEqual([[job, 'Succeeded', 'passed']])
        expect(run.stdout).toContain('Watching the configure job through Product Ingestion.')
        expect(run.summary).toMatch(new RegExp(`^## ✅ Succeeded — Configure job ${md(job)}\n`))
        expect(run.summary).toMatch(/\| Configure job .* \| ✅ Complete \| — \| — \| Started .*, ended /)
        expect(kinds(sim)).toEqual(Array<string>(looks).fill('job'))
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'job-cancelled: fails with the job Canceled',
    async () => {
      await withSim(async (sim) => {
        const job = fresh('job-cancelled')
        const run = await runAction({ node, inputs: piInputs(sim, { 'job-id': job }) })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: 'Canceled', result: 'failed', outcome: 'canceled' })
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toMatch(new RegExp(`^Configure job ${md(job)}: publishing canceled`))
        expect(run.summary).toMatch(new RegExp(`^## 🚫 Canceled — Configure job ${md(job)}\n`))
        expect(kinds(sim)).toEqual(['job', 'job'])
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'an unknown job: fails after one request, naming the job ID',
    async () => {
      await withSim(async (sim) => {
        const job = fresh('no-such-job')
        const run = await runAction({ node, inputs: piInputs(sim, { 'job-id': job }) })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: '', result: 'failed' })
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toBe(
          `Configure job ${job}: HTTP 404 (notFound: Job ${job} was not found.): ` +
            `check job-id: there is no configure job '${job}' for this identity`
        )
        expect(kinds(sim)).toEqual(['job'])
        expect(sim.requests[0]?.jobId).toBe(job)
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )
})

describe(`api auto with the bundle on ${first.name}`, () => {
  it.concurrent(
    'the Graph static token without publisher-id: Product Ingestion',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-live')
        const run = await runAction({ node, inputs: piInputs(sim, { 'offer-id': offer }) })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expect(run.stdout).toContain(
          'Watching the offer through Product Ingestion: the token is no readable JWT and publisher-id is empty.'
        )
        expect(kinds(sim)).toEqual(['product', 'submission', 'submission', 'submission', 'submission'])
        expectClean(run, sim, [DEFAULT_GRAPH_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'a token for Graph (its aud) goes to Product Ingestion even with publisher-id set',
    async () => {
      const graphJwt = jwt(GRAPH_AUDIENCE)
      await withSim(
        async (sim) => {
          const offer = fresh('pi-live')
          const run = await runAction({
            node,
            inputs: piInputs(sim, { token: graphJwt, 'publisher-id': pub(), 'offer-id': offer })
          })
          expect(run.code).toBe(0)
          expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
          expect(run.stdout).toContain(
            'Watching the offer through Product Ingestion: the token is for https://graph.microsoft.com.'
          )
          expect(ofKind(sim, 'status')).toEqual([])
          expect(sim.requests.every((r) => r.authorization === `Bearer ${graphJwt}`)).toBe(true)
          expectClean(run, sim, [graphJwt])
        },
        { graphToken: graphJwt }
      )
    },
    TEST_MS
  )

  it.concurrent(
    'the CPP static token with publisher-id and a CPP scenario: the Cloud Partner Portal',
    async () => {
      await withSim(async (sim) => {
        const publisher = pub()
        const run = await runAction({
          node,
          inputs: piInputs(sim, { token: DEFAULT_TOKEN, 'publisher-id': publisher, 'offer-id': 'happy' })
        })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expect(stepsOf(run)).toHaveLength(6)
        expect(run.stdout).toContain(
          'Watching the offer through the Cloud Partner Portal: the token is no readable JWT and publisher-id is set.'
        )
        expect(run.stdout).not.toContain('Product Ingestion')
        expect(kinds(sim)).toEqual(Array<string>(13).fill('status'))
        expect(sim.requests.every((r) => r.publisherId === publisher && r.offerId === 'happy')).toBe(true)
        expect(sim.requests.every((r) => r.authorization === `Bearer ${DEFAULT_TOKEN}`)).toBe(true)
        expectClean(run, sim, [DEFAULT_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'a sign-in without publisher-id: Product Ingestion, with a token for Graph only',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-live')
        const run = await runAction({ node, inputs: signInInputs(sim, { 'offer-id': offer }) })
        expect(run.code).toBe(0)
        expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
        expect(run.stdout).toContain('Watching the offer through Product Ingestion: publisher-id is empty.')
        expect(run.stdout).toContain(`Signed in to Entra ID as app sim-client (client secret) for ${GRAPH_AUDIENCE}.`)
        expect(run.stdout).not.toContain(CPP_AUDIENCE)
        expect(kinds(sim)).toEqual(['token', 'product', 'submission', 'submission', 'submission', 'submission'])
        expect(Object.keys(sim.issued.byAudience)).toEqual([GRAPH_AUDIENCE])
        expect(sim.issued.byAudience[GRAPH_AUDIENCE]).toHaveLength(1)
        const token = sim.issued.byAudience[GRAPH_AUDIENCE]?.[0] ?? ''
        expect(sim.requests.slice(1).every((r) => r.authorization === `Bearer ${token}`)).toBe(true)
        expectClean(run, sim)
      })
    },
    TEST_MS
  )

  it.concurrent(
    'an offer neither API knows, with a sign-in and publisher-id: one error naming both',
    async () => {
      await withSim(async (sim) => {
        // `not-found` is the CPP scenario that answers 404 (a `_suffix` is not a CPP scenario), and no PI product
        const publisher = pub()
        const run = await runAction({
          node,
          inputs: signInInputs(sim, { 'publisher-id': publisher, 'offer-id': 'not-found' })
        })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: '', result: 'failed' })
        expect(run.stdout).toContain(
          'Watching the offer through the Cloud Partner Portal: publisher-id is set; ' +
            'an offer the Cloud Partner Portal does not know is looked up in Product Ingestion.'
        )
        expect(run.stdout).toContain('looking it up in Product Ingestion.')
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toBe(
          `Offer ${publisher}/not-found: found in neither API: the Cloud Partner Portal has no offer 'not-found' ` +
            "for this publisher (HTTP 404), and no product with external ID 'not-found' is visible to this identity " +
            'in Product Ingestion: check offer-id, and that the identity belongs to the Partner Center account that owns the offer'
        )
        expect(run.summary).toContain('found in neither API')
        expect(sim.requests.filter((r) => r.kind !== 'token').map((r) => r.kind)).toEqual(['status', 'product'])
        expect(sim.issued.byAudience[CPP_AUDIENCE]).toHaveLength(1)
        expect(sim.issued.byAudience[GRAPH_AUDIENCE]).toHaveLength(1)
        expect(run.stdout).toContain(`Signed in to Entra ID as app sim-client (client secret) for ${CPP_AUDIENCE}.`)
        expect(run.stdout).toContain(`Signed in to Entra ID as app sim-client (client secret) for ${GRAPH_AUDIENCE}.`)
        expectClean(run, sim)
      })
    },
    TEST_MS
  )
})

describe(`a token for the wrong API with the bundle on ${first.name}`, () => {
  it.concurrent(
    'the CPP static token with api product-ingestion: fails at once with the 401 and the Graph hint',
    async () => {
      await withSim(async (sim) => {
        const offer = fresh('pi-live')
        const run = await runAction({
          node,
          inputs: piInputs(sim, { api: 'product-ingestion', token: DEFAULT_TOKEN, 'offer-id': offer })
        })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({ status: '', result: 'failed' })
        const errors = commands(run.stdout, 'error')
        expect(errors).toHaveLength(1)
        expect(errors[0]).toBe(
          `Offer ${offer}: HTTP 401 (unauthorized: The token's audience is not valid for this API.): ` +
            'the token expired or is not for https://graph.microsoft.com ' +
            '(get one with: az account get-access-token --resource https://graph.microsoft.com)'
        )
        expect(run.summary).toContain('az account get-access-token --resource https://graph.microsoft.com')
        // a static token is not renewed: one request, no retry
        expect(kinds(sim)).toEqual(['product'])
        expectClean(run, sim, [DEFAULT_TOKEN])
      })
    },
    TEST_MS
  )

  it.concurrent(
    'a token for the Cloud Partner Portal (its aud) with api product-ingestion: the hint names both audiences',
    async () => {
      const cppJwt = jwt(CPP_AUDIENCE)
      await withSim(
        async (sim) => {
          const offer = fresh('pi-live')
          const run = await runAction({
            node,
            inputs: piInputs(sim, { api: 'product-ingestion', token: cppJwt, 'offer-id': offer })
          })
          expect(run.code).toBe(1)
          const errors = commands(run.stdout, 'error')
          expect(errors).toHaveLength(1)
          expect(errors[0]).toContain(
            "HTTP 401 (unauthorized: The token's audience is not valid for this API.): the token is for " +
              'https://cloudpartner.azure.com, not for https://graph.microsoft.com, which Product Ingestion needs'
          )
          expect(kinds(sim)).toEqual(['product'])
          expectClean(run, sim, [cppJwt])
        },
        { token: cppJwt }
      )
    },
    TEST_MS
  )
})
