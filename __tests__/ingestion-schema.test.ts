/**
 * The Product Ingestion API parsers, against every recording that bears on them (copied verbatim from
 * the research into fixtures/pi-recordings/: the top level is real, doc-samples/ are Microsoft's doc
 * samples, fixtures-synthetic/ peer test fixtures, legacy-pc-v1/ the older Partner Center API), and
 * synthetic answers for each mapping rule.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_MESSAGE_CHARS, MAX_MESSAGES } from '../src/limits.js'
import type { OfferSnapshot, Step } from '../src/snapshot.js'
import {
  CERTIFICATION_HINT,
  describeIngestionError,
  isoTime,
  MAX_ERROR_DETAILS,
  MAX_NEXT_LINK_CHARS,
  MAX_SUBMISSIONS,
  parseJobStatus,
  parseProductList,
  parseSubmissionList,
  submissionSnapshot,
  type Submission
} from '../src/sources/ingestion-schema.js'

const RECORDINGS = join(import.meta.dirname, 'fixtures', 'pi-recordings')
const raw = (path: string) => readFileSync(join(RECORDINGS, path), 'utf8')
const recording = (path: string): unknown => JSON.parse(raw(path))

const STUCK = 3 * 24 * 3_600_000
const OPTIONS = { stuckAfterMs: STUCK }

const GUID = '12345678-abcd-efgh-1234-12345678901'

function submissions(body: unknown): Submission[] {
  const parsed = parseSubmissionList(body)
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.submissions
}

function job(body: unknown, options: { stuckAfterMs?: number } = {}): OfferSnapshot {
  const parsed = parseJobStatus(body, options)
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.snapshot
}

/** A submission as parseSubmissionList returns it, for synthetic snapshots. */
function sub(target: string, n: number | null, status?: string, result?: string, created?: string): Submission {
  const id = n === null ? '' : `submission/${GUID}/${n}`
  const s: Submission = { id, submissionId: n === null ? '' : String(n), target }
  if (status !== undefined) s.status = status
  if (result !== undefined) s.result = result
  if (created !== undefined) {
    s.created = created
    const ms = isoTime(created)
    if (ms !== undefined) s.createdMs = ms
  }
  return s
}

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`
const statuses = (snapshot: OfferSnapshot) => [snapshot.status, ...snapshot.steps.map((s) => s.status)]
const step = (snapshot: OfferSnapshot, id: string): Step => {
  const found = snapshot.steps.find((s) => s.id === id)
  if (!found) throw new Error(`no step ${id}`)
  return found
}

function deeplyNested(depth: number): unknown {
  let nested: unknown = []
  for (let i = 0; i < depth; i++) nested = [nested]
  return nested
}

// ---------------------------------------------------------------------------------------------

describe('parseProductList', () => {
  it('reads the documented product list: value[0].id and @nextLink', () => {
    expect(parseProductList(recording('doc-samples/product-list-shape-with-nextLink.json'))).toEqual({
      ok: true,
      productId: 'string',
      nextLink: 'opaque_uri'
    })
  })

  it('takes the bare GUID of a durable ID', () => {
    expect(parseProductList({ value: [{ id: `product/${GUID}` }] })).toEqual({ ok: true, productId: GUID })
  })

  it('reads the legacy Partner Center v1 answers (bare GUID, relative nextLink without @)', () => {
    expect(parseProductList(recording('legacy-pc-v1/products-filter-by-externalId-bitnami-argo-cd-cnab.json'))).toEqual(
      { ok: true, productId: 'c44eb4e1-11f2-426b-a1ce-169746bc76de' }
    )
    expect(parseProductList(recording('legacy-pc-v1/products-filter-by-externalId.json'))).toEqual({
      ok: true,
      productId: 'eaea608e-d780-4d0b-85ff-df0a525cc0ff'
    })
    expect(parseProductList(recording('legacy-pc-v1/products-list-first-page-with-nextLink.json'))).toEqual({
      ok: true,
      productId: '8faa69e0-0de3-4c4e-ad7e-617ac7f6591b',
      nextLink:
        'v1.0/ingestion/products?$skipToken=eyJMYXN0SWQiOiJbe1widG9rZW5cIjpudWxsLFwicmFuZ2VcIjp7XCJtaW5cIjpcIjA1QzFDOUNENjczMzkwXCIsXCJtYXhcIjpcIkZGXCJ9fV0iLCJTb3VyY2UiOiJEb2NEQiJ9'
    })
  })

  it('has no product ID for an empty list (offer not found), and keeps the nextLink', () => {
    expect(parseProductList({ value: [] })).toEqual({ ok: true })
    expect(parseProductList({ value: [], '@nextLink': 'https://x.test/next' })).toEqual({
      ok: true,
      nextLink: 'https://x.test/next'
    })
  })

  it('reads property names in any case', () => {
    expect(parseProductList({ VALUE: [{ ID: `Product/${GUID}` }], '@NEXTLINK': 'n' })).toEqual({
      ok: true,
      productId: GUID,
      nextLink: 'n'
    })
    expect(parseProductList({ value: [], NextLink: 'n2' })).toEqual({ ok: true, nextLink: 'n2' })
    expect(parseProductList({ value: [], '@nextLink': 'a', nextLink: 'b' })).toEqual({ ok: true, nextLink: 'a' })
  })

  it('caps the nextLink, and ignores one that is blank or not a string', () => {
    const long = parseProductList({ value: [], '@nextLink': `https://x.test/${'a'.repeat(5_000)}` })
    expect(long.ok && long.nextLink?.length).toBe(MAX_NEXT_LINK_CHARS)
    expect(long.ok && long.nextLink?.endsWith('…')).toBe(true)
    expect(parseProductList({ value: [], '@nextLink': '  ' })).toEqual({ ok: true })
    expect(parseProductList({ value: [], '@nextLink': deeplyNested(200_000) })).toEqual({ ok: true })
  })

  it('refuses bodies that are not a product list, saying why', () => {
    expect(parseProductList(null)).toEqual({ ok: false, reason: 'not a product list (the body is not an object)' })
    expect(parseProductList([])).toEqual({ ok: false, reason: 'not a product list (the body is not an object)' })
    expect(parseProductList('x')).toEqual({ ok: false, reason: 'not a product list (the body is not an object)' })
    expect(parseProductList({})).toEqual({ ok: false, reason: 'not a product list (value is missing)' })
    expect(parseProductList({ value: {} })).toEqual({ ok: false, reason: 'not a product list (value is not an array)' })
    expect(parseProductList({ value: null })).toEqual({
      ok: false,
      reason: 'not a product list (value is not an array)'
    })
    expect(parseProductList({ value: [null] })).toEqual({
      ok: false,
      reason: 'not a product list (value[0] is not an object)'
    })
    expect(parseProductList({ value: [{ identity: {} }] })).toEqual({
      ok: false,
      reason: 'not a product list (value[0].id is missing)'
    })
    expect(parseProductList({ value: [{ id: ['product/x'] }] })).toEqual({
      ok: false,
      reason: 'not a product list (value[0].id is missing)'
    })
  })

  it('refuses a product ID that could change the URL path it goes into', () => {
    for (const id of [
      'product/..',
      'product/',
      'product/a%2F..',
      'product/a?b',
      'product/a b',
      `product/${'a'.repeat(150)}`
    ]) {
      expect(parseProductList({ value: [{ id }] })).toEqual({
        ok: false,
        reason: 'not a product list (value[0].id is not a product ID)'
      })
    }
  })
})

// ---------------------------------------------------------------------------------------------

describe('parseSubmissionList', () => {
  it('reads the documented list of all targets, draft included', () => {
    expect(parseSubmissionList(recording('doc-samples/submission-list-all-targets.json'))).toEqual({
      ok: true,
      omitted: 0,
      submissions: [
        // The doc's draft ID names another product GUID (…88901): kept as sent.
        { id: 'submission/12345678-abcd-efgh-1234-12345688901/0', submissionId: '0', target: 'draft' },
        {
          id: `submission/${GUID}/1152921515689847470`,
          submissionId: '1152921515689847470',
          target: 'live',
          status: 'completed',
          result: 'succeeded',
          created: '2022-01-25T07:13:06.4408032Z',
          createdMs: Date.UTC(2022, 0, 25, 7, 13, 6, 440)
        },
        {
          id: `submission/${GUID}/1152921515689848683`,
          submissionId: '1152921515689848683',
          target: 'preview',
          status: 'completed',
          result: 'succeeded',
          created: '2022-02-04T20:07:22.4220588Z',
          createdMs: Date.UTC(2022, 1, 4, 20, 7, 22, 422)
        }
      ]
    })
  })

  it('reads the azure-img-utils fixture of a running preview (no id, no created)', () => {
    expect(
      parseSubmissionList(recording('fixtures-synthetic/azure-img-utils-submissions-preview-running.json'))
    ).toEqual({
      ok: true,
      omitted: 0,
      submissions: [{ id: '', submissionId: '', target: 'preview', status: 'running', result: 'pending' }]
    })
  })

  it('lower-cases enumerations and reads property names in any case', () => {
    const body = {
      Value: [
        {
          ID: `submission/${GUID}/7`,
          TARGET: { TargetType: 'Preview' },
          Status: 'Completed',
          RESULT: 'SUCCEEDED',
          Created: '2026-11-25T10:00:00Z'
        },
        { id: `submission/${GUID}/8`, target: 'LIVE', status: 'NotStarted' }
      ],
      '@NextLink': 'https://graph.microsoft.com/rp/product-ingestion/submission/x?continuationToken=abc'
    }
    expect(parseSubmissionList(body)).toEqual({
      ok: true,
      omitted: 0,
      nextLink: 'https://graph.microsoft.com/rp/product-ingestion/submission/x?continuationToken=abc',
      submissions: [
        {
          id: `submission/${GUID}/7`,
          submissionId: '7',
          target: 'preview',
          status: 'completed',
          result: 'succeeded',
          created: '2026-11-25T10:00:00Z',
          createdMs: Date.UTC(2026, 10, 25, 10)
        },
        { id: `submission/${GUID}/8`, submissionId: '8', target: 'live', status: 'notstarted' }
      ]
    })
  })

  it('keeps a created that is not a date as sent, without a time', () => {
    const [s] = submissions({ value: [{ target: { targetType: 'live' }, created: 'yesterday' }] })
    expect(s).toEqual({ id: '', submissionId: '', target: 'live', created: 'yesterday' })
  })

  it('skips entries that are not objects or have no target type, and fields of the wrong type', () => {
    const nested = deeplyNested(200_000)
    expect(
      submissions({
        value: [
          null,
          'x',
          42,
          nested,
          { id: 'submission/a/1' },
          { id: 'submission/a/2', target: {} },
          { id: 'submission/a/3', target: { targetType: nested } },
          { id: nested, target: { targetType: 'preview' }, status: nested, result: { a: 1 }, created: nested }
        ]
      })
    ).toEqual([{ id: '', submissionId: '', target: 'preview' }])
  })

  it(`keeps the first ${MAX_SUBMISSIONS} of 10,000 submissions and counts the rest`, () => {
    const value = Array.from({ length: 10_000 }, (_, i) => ({
      id: `submission/${GUID}/${i}`,
      target: { targetType: 'live' },
      status: 'completed',
      result: 'succeeded'
    }))
    const parsed = parseSubmissionList({ value })
    expect(parsed.ok && parsed.submissions.length).toBe(MAX_SUBMISSIONS)
    expect(parsed.ok && parsed.omitted).toBe(10_000 - MAX_SUBMISSIONS)
  })

  it('caps long strings', () => {
    const [s] = submissions({
      value: [{ id: `submission/${'x'.repeat(100_000)}/1`, target: { targetType: 'p'.repeat(100_000) } }]
    })
    expect(s?.id.length).toBe(200)
    expect(s?.target.length).toBe(200)
  })

  it('refuses bodies that are not a submission list, saying why', () => {
    expect(parseSubmissionList(undefined)).toEqual({
      ok: false,
      reason: 'not a submission list (the body is not an object)'
    })
    expect(parseSubmissionList({ error: { code: 'notFound' } })).toEqual({
      ok: false,
      reason: 'not a submission list (value is missing)'
    })
    expect(parseSubmissionList({ value: 'x' })).toEqual({
      ok: false,
      reason: 'not a submission list (value is not an array)'
    })
    expect(parseSubmissionList({ value: deeplyNested(200_000) })).toEqual({ ok: true, submissions: [], omitted: 0 })
  })
})

// ---------------------------------------------------------------------------------------------

describe('submissionSnapshot', () => {
  it('maps the documented list: a newer preview that is not live waits for the publisher', () => {
    const snapshot = submissionSnapshot(submissions(recording('doc-samples/submission-list-all-targets.json')), OPTIONS)
    expect(snapshot).toEqual({
      status: 'WaitingForPublisherReview',
      messages: [],
      steps: [
        {
          id: 'preview',
          name: 'Preview',
          description: '',
          status: 'Complete',
          messages: [
            {
              text: 'Submission 1152921515689848683, created 2022-02-04T20:07:22.4220588Z',
              level: 'info',
              timestamp: '2022-02-04T20:07:22.4220588Z'
            }
          ]
        },
        {
          id: 'publisher-signoff',
          name: 'Publisher sign-off',
          description: '',
          status: 'WaitingForPublisherReview',
          messages: []
        },
        {
          id: 'live',
          name: 'Live',
          description: '',
          status: 'Complete',
          messages: [
            {
              text: 'Submission 1152921515689847470, created 2022-01-25T07:13:06.4408032Z',
              level: 'info',
              timestamp: '2022-01-25T07:13:06.4408032Z'
            }
          ]
        }
      ]
    })
  })

  it('maps the azure-img-utils running preview: Running, the preview in progress with the stuck limit', () => {
    const snapshot = submissionSnapshot(
      submissions(recording('fixtures-synthetic/azure-img-utils-submissions-preview-running.json')),
      OPTIONS
    )
    expect(snapshot).toEqual({
      status: 'Running',
      messages: [],
      steps: [
        {
          id: 'preview',
          name: 'Preview',
          description: '',
          status: 'InProgress',
          limitMs: STUCK,
          messages: [{ text: 'Submission (no ID)', level: 'info' }]
        },
        { id: 'publisher-signoff', name: 'Publisher sign-off', description: '', status: 'NotStarted', messages: [] },
        { id: 'live', name: 'Live', description: '', status: 'NotStarted', messages: [] }
      ]
    })
  })

  it('is NeverPublished with only a draft, or nothing', () => {
    for (const list of [[sub('draft', 0)], []]) {
      expect(statuses(submissionSnapshot(list, OPTIONS))).toEqual([
        'NeverPublished',
        'NotStarted',
        'NotStarted',
        'NotStarted'
      ])
    }
    // Targets other than preview and live are not publishing rows either.
    expect(submissionSnapshot([sub('sandbox', 5, 'running', 'pending', day(1))], OPTIONS).status).toBe('NeverPublished')
  })

  it('is Running while a preview runs, the live one untouched', () => {
    const snapshot = submissionSnapshot(
      [
        sub('draft', 0),
        sub('live', 1, 'completed', 'succeeded', day(1)),
        sub('preview', 2, 'running', 'pending', day(5))
      ],
      OPTIONS
    )
    expect(statuses(snapshot)).toEqual(['Running', 'InProgress', 'NotStarted', 'Complete'])
    expect(step(snapshot, 'preview')).toMatchObject({
      limitMs: STUCK,
      messages: [{ text: `Submission 2, created ${day(5)}`, level: 'info', timestamp: day(5) }]
    })
    expect(step(snapshot, 'live').limitMs).toBeUndefined()
  })

  it('is Running while a submission has not started', () => {
    const snapshot = submissionSnapshot([sub('preview', 2, 'notstarted', 'pending', day(5))], OPTIONS)
    expect(statuses(snapshot)).toEqual(['Running', 'NotStarted', 'NotStarted', 'NotStarted'])
    expect(step(snapshot, 'preview').messages).toHaveLength(1)
    expect(step(snapshot, 'preview').limitMs).toBeUndefined()
  })

  it('waits for the publisher when the preview is ready and there is no live submission', () => {
    const snapshot = submissionSnapshot([sub('draft', 0), sub('preview', 2, 'completed', 'succeeded', day(5))], OPTIONS)
    expect(statuses(snapshot)).toEqual([
      'WaitingForPublisherReview',
      'Complete',
      'WaitingForPublisherReview',
      'NotStarted'
    ])
  })

  it('is Succeeded when the live submission is the preview one', () => {
    const snapshot = submissionSnapshot(
      [
        sub('draft', 0),
        sub('preview', 2, 'completed', 'succeeded', day(5)),
        sub('live', 2, 'completed', 'succeeded', day(5))
      ],
      OPTIONS
    )
    expect(statuses(snapshot)).toEqual(['Succeeded', 'Complete', 'Complete', 'Complete'])
  })

  it('compares durable IDs case-insensitively', () => {
    const preview = sub('preview', 2, 'completed', 'succeeded', day(6))
    const live = { ...sub('live', 2, 'completed', 'succeeded', day(5)), id: `SUBMISSION/${GUID.toUpperCase()}/2` }
    expect(submissionSnapshot([preview, live], OPTIONS).status).toBe('Succeeded')
  })

  it('is Succeeded when the live submission is newer than the preview (no newer preview)', () => {
    const snapshot = submissionSnapshot(
      [sub('preview', 2, 'completed', 'succeeded', day(5)), sub('live', 3, 'completed', 'succeeded', day(6))],
      OPTIONS
    )
    expect(statuses(snapshot)).toEqual(['Succeeded', 'Complete', 'Complete', 'Complete'])
    expect(statuses(submissionSnapshot([sub('live', 3, 'completed', 'succeeded', day(6))], OPTIONS))).toEqual([
      'Succeeded',
      'NotStarted',
      'Complete',
      'Complete'
    ])
  })

  describe('a new version going live (two live entries)', () => {
    const oldLive = sub('live', 1, 'completed', 'succeeded', day(1))
    const preview = sub('preview', 2, 'completed', 'succeeded', day(5))
    const newLive = (status: string, result: string) => sub('live', 2, status, result, day(7))

    it('is Running while the new live submission runs, whatever the list order', () => {
      for (const list of [
        [oldLive, preview, newLive('running', 'pending')],
        [newLive('running', 'pending'), preview, oldLive]
      ]) {
        const snapshot = submissionSnapshot(list, OPTIONS)
        expect(statuses(snapshot)).toEqual(['Running', 'Complete', 'Complete', 'InProgress'])
        expect(step(snapshot, 'live')).toMatchObject({
          limitMs: STUCK,
          messages: [{ text: `Submission 2, created ${day(7)}`, timestamp: day(7) }]
        })
      }
    })

    it('is Succeeded once it completes', () => {
      const snapshot = submissionSnapshot([oldLive, preview, newLive('completed', 'succeeded')], OPTIONS)
      expect(statuses(snapshot)).toEqual(['Succeeded', 'Complete', 'Complete', 'Complete'])
      expect(step(snapshot, 'live').messages[0]?.text).toBe(`Submission 2, created ${day(7)}`)
    })

    it('is Failed when it fails', () => {
      const snapshot = submissionSnapshot([oldLive, preview, newLive('completed', 'failed')], OPTIONS)
      expect(statuses(snapshot)).toEqual(['Failed', 'Complete', 'Complete', 'Rejected'])
    })

    it('is Failed when the go-live fails with the same created time as its preview', () => {
      const failed = sub('live', 2, 'completed', 'failed', day(5))
      expect(submissionSnapshot([failed, preview], OPTIONS).status).toBe('Failed')
    })
  })

  it('is Failed when the newest submission, a preview, failed', () => {
    const snapshot = submissionSnapshot(
      [
        sub('draft', 0),
        sub('live', 1, 'completed', 'succeeded', day(1)),
        sub('preview', 2, 'completed', 'failed', day(5))
      ],
      OPTIONS
    )
    expect(statuses(snapshot)).toEqual(['Failed', 'Rejected', 'NotStarted', 'Complete'])
  })

  it('is not Failed for a failure a newer submission replaced', () => {
    const snapshot = submissionSnapshot(
      [sub('preview', 2, 'completed', 'failed', day(3)), sub('preview', 3, 'completed', 'succeeded', day(5))],
      OPTIONS
    )
    expect(statuses(snapshot)).toEqual([
      'WaitingForPublisherReview',
      'Complete',
      'WaitingForPublisherReview',
      'NotStarted'
    ])
  })

  it('leaves a failed go-live behind once a newer preview exists (no Rejected row from history)', () => {
    const list = [
      sub('live', 1, 'completed', 'succeeded', day(1)),
      sub('preview', 2, 'completed', 'succeeded', day(3)),
      sub('live', 2, 'completed', 'failed', day(4)),
      sub('preview', 3, 'completed', 'succeeded', day(6))
    ]
    const snapshot = submissionSnapshot(list, OPTIONS)
    expect(statuses(snapshot)).toEqual([
      'WaitingForPublisherReview',
      'Complete',
      'WaitingForPublisherReview',
      'Complete'
    ])
    expect(step(snapshot, 'live').messages[0]?.text).toBe(`Submission 1, created ${day(1)}`)
    // With no older live entry, the live row is not started.
    expect(statuses(submissionSnapshot(list.slice(1), OPTIONS))).toEqual([
      'WaitingForPublisherReview',
      'Complete',
      'WaitingForPublisherReview',
      'NotStarted'
    ])
  })

  it('counts an entry without a readable created as older than any with one, then goes by list order', () => {
    // The undated failed preview is older than the dated live: not Failed.
    const undated = submissionSnapshot(
      [sub('preview', 2, 'completed', 'failed'), sub('live', 1, 'completed', 'succeeded', day(1))],
      OPTIONS
    )
    expect(undated.status).toBe('Succeeded')
    // Two undated previews: the later in the list is current.
    const byOrder = submissionSnapshot(
      [sub('preview', 2, 'completed', 'failed', 'n/a'), sub('preview', 3, 'completed', 'succeeded', 'n/a')],
      OPTIONS
    )
    expect(statuses(byOrder)).toEqual([
      'WaitingForPublisherReview',
      'Complete',
      'WaitingForPublisherReview',
      'NotStarted'
    ])
    expect(step(byOrder, 'preview').messages[0]).toEqual({
      text: 'Submission 3, created n/a',
      level: 'info',
      timestamp: 'n/a'
    })
  })

  describe('fallback: Running for anything the rules do not cover, raw values kept on the rows', () => {
    it('a completed submission without a result yet is still in progress', () => {
      for (const result of ['pending', undefined]) {
        const snapshot = submissionSnapshot([sub('preview', 2, 'completed', result, day(5))], OPTIONS)
        expect(statuses(snapshot)).toEqual(['Running', 'InProgress', 'NotStarted', 'NotStarted'])
        expect(step(snapshot, 'preview').limitMs).toBe(STUCK)
      }
    })

    it('an unknown status or result is kept on its row, never read as a final offer status', () => {
      expect(statuses(submissionSnapshot([sub('preview', 2, 'queued', undefined, day(5))], OPTIONS))).toEqual([
        'Running',
        'queued',
        'NotStarted',
        'NotStarted'
      ])
      expect(statuses(submissionSnapshot([sub('live', 2, 'completed', 'cancelled', day(5))], OPTIONS))).toEqual([
        'Running',
        'NotStarted',
        'Complete',
        'Canceled'
      ])
      expect(statuses(submissionSnapshot([sub('live', 2, 'succeeded', undefined, day(5))], OPTIONS))).toEqual([
        'Running',
        'NotStarted',
        'Complete',
        'Succeeded'
      ])
      expect(statuses(submissionSnapshot([sub('preview', 2, undefined, undefined, day(5))], OPTIONS))).toEqual([
        'Running',
        'Unknown',
        'NotStarted',
        'NotStarted'
      ])
    })

    it('a newer preview that is not finished while the live one succeeded', () => {
      const snapshot = submissionSnapshot(
        [sub('live', 1, 'completed', 'succeeded', day(1)), sub('preview', 2, 'completed', 'pending', day(5))],
        OPTIONS
      )
      expect(statuses(snapshot)).toEqual(['Running', 'InProgress', 'NotStarted', 'Complete'])
    })

    it('a failed go-live older than the entry of its own preview is history: the preview waits again', () => {
      const snapshot = submissionSnapshot(
        [sub('live', 2, 'completed', 'failed', day(4)), sub('preview', 2, 'completed', 'succeeded', day(5))],
        OPTIONS
      )
      expect(statuses(snapshot)).toEqual([
        'WaitingForPublisherReview',
        'Complete',
        'WaitingForPublisherReview',
        'NotStarted'
      ])
    })
  })

  it('neutralizes and caps what goes into a message', () => {
    const s = sub('preview', 2, 'running', 'pending', `x\n::error::${'y'.repeat(500)}`)
    s.submissionId = `a\u202eb${'z'.repeat(300)}`
    const message = step(submissionSnapshot([s], OPTIONS), 'preview').messages[0]
    expect(message?.text).not.toMatch(/[\n\u202e]|::/)
    expect(message?.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS)
  })

  it('maps 10,000 submissions in linear time, the newest live one current', () => {
    const list = Array.from({ length: 10_000 }, (_, i) =>
      sub('live', i + 1, 'completed', 'succeeded', new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString())
    )
    const started = performance.now()
    const snapshot = submissionSnapshot(list, OPTIONS)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(snapshot.status).toBe('Succeeded')
    expect(step(snapshot, 'live').messages[0]?.text).toMatch(/^Submission 10000, created /)
  })
})

// ---------------------------------------------------------------------------------------------

const configureJob = (jobId: string, status: string, messages: unknown[] = []) => ({
  id: 'configure-job',
  name: `Configure job ${jobId}`,
  description: '',
  status,
  messages
})

describe('parseJobStatus', () => {
  it('maps the real failed job: Failed, the step rejected, one error message per entry with its details', () => {
    const parsed = parseJobStatus(recording('configure-status-failed-badRequest-cannot-delete-published-image.json'))
    expect(parsed).toEqual({
      ok: true,
      jobId: '0abfafad-2223-49b8-b8e2-7acfebc28b9f',
      snapshot: {
        status: 'Failed',
        steps: [
          configureJob('0abfafad-2223-49b8-b8e2-7acfebc28b9f', 'Rejected', [
            {
              text: 'Started 2023-04-28T17:52:02.1242996Z, ended 2023-04-28T17:52:04.1312745Z',
              level: 'info',
              timestamp: '2023-04-28T17:52:02.1242996Z'
            }
          ])
        ],
        messages: [
          {
            level: 'error',
            text:
              "badRequest: Cannot delete image '9.0.20230404' of type 'X64Gen1' as it is already published. / " +
              'invalidResource: Failure for resource: virtual-machine-plan-technical-configuration-0, schema: virtual-machine-plan-technical-configuration'
          }
        ]
      }
    })
  })

  it('maps the documented failed job (capitalised Conflict, leading space in $schema)', () => {
    expect(parseJobStatus(recording('doc-samples/configure-status-failed-Conflict.json'))).toEqual({
      ok: true,
      jobId: 'c32dd7e8-8619-462d-a96b-0ac1974bace5',
      snapshot: {
        status: 'Failed',
        steps: [
          configureJob('c32dd7e8-8619-462d-a96b-0ac1974bace5', 'Rejected', [
            {
              text: 'Started 2021-12-21T21:29:54.9702903Z, ended 2021-12-21T21:30:10.3649551Z',
              level: 'info',
              timestamp: '2021-12-21T21:29:54.9702903Z'
            }
          ])
        ],
        messages: [{ level: 'error', text: 'Conflict: The start date should be defined' }]
      }
    })
  })

  it('maps the documented cancelled job (jobID casing, a jobStart that is not a date)', () => {
    expect(parseJobStatus(recording('doc-samples/configure-status-cancelled.json'))).toEqual({
      ok: true,
      jobId: 'd4261631-c583-4949-a612-5150882632e9',
      snapshot: {
        status: 'Canceled',
        steps: [
          configureJob('d4261631-c583-4949-a612-5150882632e9', 'Canceled', [
            { text: 'Ended 2022-03-01T17:34:21.5225132Z', level: 'info' }
          ])
        ],
        messages: []
      }
    })
  })

  it('maps the documented succeeded job', () => {
    expect(parseJobStatus(recording('doc-samples/configure-status-succeeded-with-resourceUri.json'))).toEqual({
      ok: true,
      jobId: 'b3f49dff-381f-480d-a10e-17f4ce49b65f',
      snapshot: {
        status: 'Succeeded',
        steps: [
          configureJob('b3f49dff-381f-480d-a10e-17f4ce49b65f', 'Complete', [
            {
              text: 'Started 2021-12-21T21:29:54.9702903Z, ended 2021-12-21T21:30:10.3649551Z',
              level: 'info',
              timestamp: '2021-12-21T21:29:54.9702903Z'
            }
          ])
        ],
        messages: []
      }
    })
  })

  it('maps the documented job not started (malformed jobStart, year-0001 jobEnd): no times to tell', () => {
    expect(parseJobStatus(recording('doc-samples/configure-status-notStarted.json'))).toEqual({
      ok: true,
      jobId: 'd4261631-c583-4949-a612-5150882632e9',
      snapshot: {
        status: 'Running',
        steps: [configureJob('d4261631-c583-4949-a612-5150882632e9', 'NotStarted')],
        messages: []
      }
    })
  })

  it('maps the documented running job (jobID casing, year-0001 jobEnd), with the stuck limit when given', () => {
    const body = recording('doc-samples/configure-status-on-submit-jobID-casing.json')
    const started = {
      text: 'Started 2022-08-18T16:35:56.5917185Z',
      level: 'info',
      timestamp: '2022-08-18T16:35:56.5917185Z'
    }
    expect(parseJobStatus(body, OPTIONS)).toEqual({
      ok: true,
      jobId: '071b135e-9faf-4ff7-b113-a3f25bb0f468',
      snapshot: {
        status: 'Running',
        steps: [{ ...configureJob('071b135e-9faf-4ff7-b113-a3f25bb0f468', 'InProgress', [started]), limitMs: STUCK }],
        messages: []
      }
    })
    expect(job(body).steps[0]?.limitMs).toBeUndefined()
  })

  it('maps the documented running job whose jobEnd is a date: the end is not read before completion', () => {
    expect(job(recording('doc-samples/configure-status-running-2022-07-01.json'))).toEqual({
      status: 'Running',
      steps: [
        configureJob('c32dd7e8-8619-462d-a96b-0ac1974bace5', 'InProgress', [
          { text: 'Started 2021-12-21T21:29:54.9702903Z', level: 'info', timestamp: '2021-12-21T21:29:54.9702903Z' }
        ])
      ],
      messages: []
    })
  })

  it('reads a completed job whose jobEnd is in year 0001 as not ended', () => {
    for (const jobEnd of ['0001-01-01T00:00:00', '0001-01-01', '0001-01-01T00:00:00Z']) {
      const snapshot = job({
        jobId: 'j',
        jobStatus: 'completed',
        jobResult: 'succeeded',
        jobStart: '2026-11-25T10:00:00Z',
        jobEnd
      })
      expect(snapshot.steps[0]?.messages).toEqual([
        { text: 'Started 2026-11-25T10:00:00Z', level: 'info', timestamp: '2026-11-25T10:00:00Z' }
      ])
    }
  })

  it('reads names and enumerations in any case', () => {
    expect(
      parseJobStatus({ JOBID: 'j1', JobStatus: 'Completed', jobresult: 'SUCCEEDED', JOBSTART: '2026-11-25T10:00:00Z' })
    ).toMatchObject({ ok: true, jobId: 'j1', snapshot: { status: 'Succeeded', steps: [{ status: 'Complete' }] } })
    expect(job({ jobID: 'j', jobStatus: 'COMPLETED', jobResult: 'Failed' }).status).toBe('Failed')
    expect(job({ jobID: 'j', jobStatus: 'RUNNING' }).steps[0]?.status).toBe('InProgress')
    expect(job({ jobID: 'j', jobStatus: 'NotStarted' }).steps[0]?.status).toBe('NotStarted')
  })

  it('reads both spellings of cancelled', () => {
    for (const jobResult of ['cancelled', 'Canceled']) {
      expect(statuses(job({ jobId: 'j', jobStatus: 'completed', jobResult }))).toEqual(['Canceled', 'Canceled'])
    }
  })

  it('keeps watching a completed job without a result: Running, the step in progress', () => {
    for (const jobResult of ['pending', undefined, '', ['x']]) {
      const snapshot = job({ jobId: 'j', jobStatus: 'completed', jobResult }, OPTIONS)
      expect(statuses(snapshot)).toEqual(['Running', 'InProgress'])
      expect(snapshot.steps[0]?.limitMs).toBe(STUCK)
    }
  })

  it('keeps an unknown result or job status as it came, never as a final status', () => {
    expect(statuses(job({ jobId: 'j', jobStatus: 'completed', jobResult: 'partiallySucceeded' }))).toEqual([
      'partiallySucceeded',
      'partiallySucceeded'
    ])
    expect(statuses(job({ jobId: 'j', jobStatus: 'queued' }))).toEqual(['queued', 'queued'])
    // A job status that reads as an offer status is not trusted as one.
    expect(statuses(job({ jobId: 'j', jobStatus: 'succeeded' }))).toEqual(['Running', 'Succeeded'])
    expect(statuses(job({ jobId: 'j', jobStatus: 'completed', jobResult: 'neverPublished' }))).toEqual([
      'Running',
      'NeverPublished'
    ])
  })

  it('reads a numeric job ID, and finds a property in another case only among the first 200 keys', () => {
    expect(parseJobStatus({ jobId: 12345, jobStatus: 'running' })).toMatchObject({ ok: true, jobId: '12345' })
    const padded: Record<string, unknown> = {}
    for (let i = 0; i < 300; i++) padded[`k${i}`] = i
    expect(parseJobStatus({ ...padded, jobStatus: 'running' }).ok).toBe(true)
    expect(parseJobStatus({ ...padded, JOBSTATUS: 'running' })).toEqual({
      ok: false,
      reason: 'not a job status (jobStatus is missing)'
    })
    expect(parseJobStatus({ JOBSTATUS: 'running', ...padded }).ok).toBe(true)
  })

  it('names the step without an ID when the body has none', () => {
    expect(parseJobStatus({ jobStatus: 'running' })).toMatchObject({
      ok: true,
      jobId: '',
      snapshot: { steps: [{ id: 'configure-job', name: 'Configure job' }] }
    })
  })

  describe('errors', () => {
    const failed = (errors: unknown) => job({ jobId: 'j', jobStatus: 'completed', jobResult: 'failed', errors })
    const texts = (errors: unknown) => failed(errors).messages.map((m) => m.text)

    it('marks the cloudpub certification failure, nested invalidState + certification', () => {
      const errors = recording('fixtures-synthetic/cloudpub-configure-status-errors-certification-failure.json')
      expect(failed(errors).messages).toEqual([
        {
          level: 'error',
          text:
            'internalServerError: Operation failed (resource submission/2d541119) / invalidState: Certification / ' +
            'invalidState: Issues found during Certification.' +
            CERTIFICATION_HINT
        }
      ])
    })

    it('maps the cloudpub conflict errors', () => {
      expect(texts(recording('fixtures-synthetic/cloudpub-configure-status-errors-conflict.json'))).toEqual([
        'conflict: Error message / invalidResource: Failure for resource'
      ])
    })

    it('finds certification in any case and at any read depth, and only with invalidState', () => {
      expect(texts([{ code: 'INVALIDSTATE', message: 'CERTIFICATION failed' }])).toEqual([
        `INVALIDSTATE: CERTIFICATION failed${CERTIFICATION_HINT}`
      ])
      const deep = {
        code: 'a',
        details: [
          { code: 'b', details: [{ code: 'c', details: [{ code: 'InvalidState', message: 'certification' }] }] }
        ]
      }
      expect(texts([deep])).toEqual([`a / b / c / InvalidState: certification${CERTIFICATION_HINT}`])
      expect(texts([{ code: 'badRequest', message: 'certification' }])).toEqual(['badRequest: certification'])
      expect(texts([{ code: 'invalidState', message: 'locked' }])).toEqual(['invalidState: locked'])
      expect(texts([{ code: 'invalidState' }])).toEqual(['invalidState'])
    })

    it('keeps the certification hint whole when the rest is cut', () => {
      const [text] = texts([{ code: 'invalidState', message: `Certification ${'x'.repeat(5_000)}` }])
      expect(text?.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS)
      expect(text?.endsWith(CERTIFICATION_HINT)).toBe(true)
    })

    it('writes the resource of each detail: a durable ID or a resource name', () => {
      expect(
        texts([
          {
            code: 'badRequest',
            message: 'Invalid',
            details: [
              { code: 'invalidResource', message: 'Failure for resource: x', resourceId: 'submission/123' },
              { code: 'invalidResource', resourceId: { resourceName: 'plan1' } },
              { code: 'invalidId', resourceId: { externalId: 'offer-x' } },
              { message: 'no code', resourceId: ['x'] },
              { resourceId: 'product/1' }
            ]
          }
        ])
      ).toEqual([
        'badRequest: Invalid / invalidResource: Failure for resource: x (resource submission/123) / ' +
          'invalidResource (resource plan1) / invalidId (resource offer-x) / no code / (resource product/1)'
      ])
    })

    it(`keeps one message per entry, at most ${MAX_MESSAGES}, and counts the rest`, () => {
      const snapshot = failed(Array.from({ length: 50 }, (_, i) => ({ code: 'conflict', message: `m${i}` })))
      expect(snapshot.messages).toHaveLength(MAX_MESSAGES)
      expect(snapshot.messages[19]).toEqual({ level: 'error', text: 'conflict: m19' })
      expect(snapshot.omittedMessages).toBe(30)
    })

    it('reads a single error object as one entry, and drops entries with nothing to say', () => {
      expect(texts({ code: 'conflict', message: 'one' })).toEqual(['conflict: one'])
      expect(texts([null, 'x', 1, {}, { details: [] }, { code: 'c' }])).toEqual(['c'])
      expect(texts('errors')).toEqual([])
    })

    it(`reads at most ${MAX_ERROR_DETAILS} details per entry, marking the cut`, () => {
      const details = Array.from({ length: 100 }, (_, i) => ({ code: `d${i}` }))
      const [text] = texts([{ code: 'top', details }])
      const parts = text?.split(' / ') ?? []
      expect(parts).toHaveLength(1 + MAX_ERROR_DETAILS + 1)
      expect(parts[MAX_ERROR_DETAILS]).toBe(`d${MAX_ERROR_DETAILS - 1}`)
      expect(parts.at(-1)).toBe('…')
      // Many nested levels of a few each count together.
      const wide = {
        code: 'top',
        details: Array.from({ length: 5 }, (_, i) => ({
          code: `a${i}`,
          details: Array.from({ length: 5 }, (_, j) => ({ code: `b${i}${j}` }))
        }))
      }
      expect(texts([wide])[0]?.split(' / ')).toHaveLength(1 + MAX_ERROR_DETAILS + 1)
    })

    it('reads 5 levels of a 200,000-level chain without recursion', () => {
      let chain: unknown = { code: 'leaf', message: 'certification' }
      for (let i = 0; i < 200_000; i++) chain = { code: `l${i}`, details: [chain] }
      const [text] = texts([chain])
      expect(text).toBe('l199999 / l199998 / l199997 / l199996 / l199995 / l199994 / …')
    })

    it('ignores fields that are deeply nested arrays', () => {
      const nested = deeplyNested(200_000)
      expect(texts([{ code: nested, message: nested, resourceId: nested, details: nested }])).toEqual([])
      expect(texts(nested)).toEqual([])
      expect(job({ jobId: nested, jobStatus: 'running', jobStart: nested, errors: [] }).steps[0]?.name).toBe(
        'Configure job'
      )
    })

    it('neutralizes and caps each message', () => {
      const [text] = texts([{ code: '::error::x', message: `a\r\nb\u200b\u202ec ${'m'.repeat(10_000)}` }])
      expect(text).toMatch(/^: :error: :x: a bc m+…$/)
      expect(text?.length).toBe(MAX_MESSAGE_CHARS)
    })
  })

  it('refuses bodies that are not a job status, saying why', () => {
    expect(parseJobStatus(null)).toEqual({ ok: false, reason: 'not a job status (the body is not an object)' })
    expect(parseJobStatus([{ jobStatus: 'running' }])).toEqual({
      ok: false,
      reason: 'not a job status (the body is not an object)'
    })
    expect(parseJobStatus({ jobId: 'j' })).toEqual({ ok: false, reason: 'not a job status (jobStatus is missing)' })
    expect(parseJobStatus({ jobStatus: '  ' })).toEqual({
      ok: false,
      reason: 'not a job status (jobStatus is missing)'
    })
    expect(parseJobStatus({ jobStatus: deeplyNested(200_000) })).toEqual({
      ok: false,
      reason: 'not a job status (jobStatus is missing)'
    })
    expect(parseJobStatus(recording('http-400-badRequest-schema-could-not-be-accessed.json'))).toEqual({
      ok: false,
      reason: 'not a job status (jobStatus is missing)'
    })
  })
})

// ---------------------------------------------------------------------------------------------

describe('describeIngestionError', () => {
  it('describes the real HTTP 400 for an unreachable $schema host', () => {
    expect(describeIngestionError(raw('http-400-badRequest-schema-could-not-be-accessed.json'))).toBe(
      'badRequest: Schema https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2 could not be accessed'
    )
  })

  it('describes the documented refused cancel (empty details)', () => {
    expect(describeIngestionError(raw('doc-samples/http-400-cancel-not-allowed.json'))).toBe(
      'badRequest: Cannot cancel job, job has already completed.'
    )
  })

  it('adds the first nested detail in parentheses (cloudpub schema-validation fixture)', () => {
    expect(describeIngestionError(raw('fixtures-synthetic/cloudpub-http-400-configure-schema-validation.json'))).toBe(
      'badRequest: Invalid configuration: schema validation failed (schemaValidationError: Schema validation failed for schema https://scheme)'
    )
    expect(
      describeIngestionError(
        JSON.stringify({ error: { code: 'c', message: 'm', details: [{ code: 'd1' }, { code: 'd2', message: 'x' }] } })
      )
    ).toBe('c: m (d1)')
  })

  it('tolerates a missing error wrapper, other casings, a string error, a BOM', () => {
    expect(describeIngestionError('{"code":"notFound","message":"No such product"}')).toBe('notFound: No such product')
    expect(
      describeIngestionError('{"Error":{"Code":"Conflict","MESSAGE":"busy","Details":[{"CODE":"productLocked"}]}}')
    ).toBe('Conflict: busy (productLocked)')
    expect(describeIngestionError('{"error":"invalid_client"}')).toBe('invalid_client')
    expect(describeIngestionError('{"error":"  "}')).toBe('')
    expect(describeIngestionError('{"error":{},"message":"outer"}')).toBe('')
    expect(describeIngestionError('\ufeff{"error":{"code":"badRequest"}}')).toBe('badRequest')
    expect(describeIngestionError('{"error":{"details":[{"code":"invalidId","message":"x"}]}}')).toBe('invalidId: x')
  })

  it('gives the start of a body that is not JSON', () => {
    expect(describeIngestionError('<html><body>Bad Gateway</body></html>')).toBe(
      '<html><body>Bad Gateway</body></html>'
    )
    expect(describeIngestionError('"quoted text"')).toBe('quoted text')
    const long = describeIngestionError(`Service Unavailable ${'x'.repeat(1_000_000)}`)
    expect(long.length).toBe(200)
    expect(long.startsWith('Service Unavailable xxx')).toBe(true)
  })

  it("is '' when there is nothing to say", () => {
    for (const body of ['', '   ', '{}', '[]', 'null', '42', 'true', '{"error":null}', '{"error":{"code":["x"]}}']) {
      expect(describeIngestionError(body)).toBe('')
    }
  })

  it('caps huge strings and neutralizes them', () => {
    const text = describeIngestionError(
      JSON.stringify({ error: { code: 'x'.repeat(1_000_000), message: `a\n::error::b ${'m'.repeat(1_000_000)}` } })
    )
    expect(text.length).toBe(500)
    expect(text).not.toMatch(/\n|::/)
  })

  it('survives a body nested 200,000 levels deep', () => {
    const deep = `{"error":{"code":${'['.repeat(200_000)}${']'.repeat(200_000)},"message":"m","details":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`
    expect(describeIngestionError(deep)).toBe('m')
  })
})

// ---------------------------------------------------------------------------------------------

describe('isoTime', () => {
  it('reads the dates the service sends, as UTC when there is no offset', () => {
    expect(isoTime('2023-04-28T17:52:02.1242996Z')).toBe(Date.UTC(2023, 3, 28, 17, 52, 2, 124))
    expect(isoTime('2022-01-25T07:13:06')).toBe(Date.UTC(2022, 0, 25, 7, 13, 6))
    expect(isoTime('2022-01-25T07:13')).toBe(Date.UTC(2022, 0, 25, 7, 13))
    expect(isoTime('2022-01-25')).toBe(Date.UTC(2022, 0, 25))
    expect(isoTime('2022-01-25T07:13:06+01:30')).toBe(Date.UTC(2022, 0, 25, 5, 43, 6))
    expect(isoTime('2022-01-25T07:13:06-0100')).toBe(Date.UTC(2022, 0, 25, 8, 13, 6))
    expect(isoTime('2024-02-29T00:00:00z')).toBe(Date.UTC(2024, 1, 29))
  })

  it('refuses placeholders, impossible dates and anything else', () => {
    for (const text of [
      undefined,
      '0001-01-01T00:00:00',
      '0001-01-01',
      '0070-01-01',
      '1969-12-31T23:59:59Z',
      '2022-03-01-T13:32:43.123456Z',
      '2022-03-01-preview2T13:32:43.123456Z',
      '2023-02-29',
      '2022-13-01',
      '2022-00-10',
      '2022-01-00',
      '2022-01-25T24:00',
      '2022-01-25T10:60',
      '2022-01-25T10:00:60',
      `2022-01-25T10:00:00.${'1'.repeat(40)}Z`,
      'yesterday',
      ''
    ]) {
      expect(isoTime(text)).toBeUndefined()
    }
  })
})
