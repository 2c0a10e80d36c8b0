/**
 * End to end: the committed dist/index.js, started as a runner starts it, against the simulator.
 * Each scenario runs under this Node and under Node 24 (the runtime action.yml names).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { startSimulator } from '../simulator/server.js'
import { commands, runAction, runtimes, type ActionRun } from './fixtures/action.js'
import { NO_OUTPUTS } from './fixtures/fakes.js'

const TOKEN = 'e2e-T0k3n-do-not-leak'
const sim = await startSimulator({ token: TOKEN })
afterAll(() => sim.close())

const FAST = { interval: '50ms', 'max-interval': '200ms', timeout: '20s' }

/** A fresh publisher ID per run, so that concurrent runs each walk their scenario from the start. */
function inputs(offer: string, extra: Record<string, string> = {}) {
  return {
    'publisher-id': `pub-${randomUUID().slice(0, 8)}`,
    'offer-id': offer,
    token: TOKEN,
    'base-url': sim.url,
    ...FAST,
    ...extra
  }
}

const requestsFor = (publisher: string | undefined) => sim.requests.filter((r) => r.publisherId === publisher)

/** Each row of each markdown table in the summary has as many cells as its header. */
function expectWellFormedTables(summary: string): void {
  let cells: number | undefined
  for (const line of summary.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined
      continue
    }
    const count = line.split('|').length
    cells ??= count
    expect(count).toBe(cells)
  }
}

function expectNoSecret(run: ActionRun): void {
  const stdout = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
  expect(stdout.join('\n')).not.toContain(TOKEN)
  expect(run.stderr).not.toContain(TOKEN)
  expect(run.summary).not.toContain(TOKEN)
  expect(JSON.stringify(run.outputs)).not.toContain(TOKEN)
  expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
}

function expectNoStackTrace(run: ActionRun): void {
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
}

describe.each(runtimes())('the bundle on $name', ({ path: node }) => {
  it.concurrent('happy path: waits to Succeeded, passes, sets outputs and writes the summary', async () => {
    const given = inputs('happy')
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Succeeded')
    expect(run.outputs.result).toBe('passed')
    expect(run.outputs.outcome).toBe('live')
    const name = `${given['publisher-id']}.happy`
    expect(run.outputs['preview-url']).toBe(`https://portal.azure.com/#create/${name}-preview`)
    expect(run.outputs['live-url']).toBe(`https://azuremarketplace.microsoft.com/marketplace/apps/${name}`)
    const steps = JSON.parse(run.outputs.steps ?? '') as Record<string, unknown>[]
    expect(steps.map((s) => s.id)).toEqual([
      'displaydummycertify',
      'displaycertify',
      'displayprovision',
      'displaypackage',
      'publisher-signoff',
      'live'
    ])
    expect(steps.every((s) => s.status === 'Complete' && s.progress === 100)).toBe(true)
    expect(steps[0]).toEqual({
      id: 'displaydummycertify',
      name: 'Validate Pre-Requisites',
      status: 'Complete',
      progress: 100,
      estimatedTimeFrame: '< 15 min'
    })
    expect(run.summary).toMatch(
      /^## ✅ Live — Offer pub-\w+\/happy\n\n\*\*Next:\*\* Nothing to do: the offer is live\./
    )
    expect(run.summary).toContain(`**Live:** [${run.outputs['live-url']}](${run.outputs['live-url']})`)
    expect(run.summary).toContain('| Live | ✅ Complete | ██████████ 100% |')
    expect(run.summary).toMatch(/Offer \| Running → Succeeded/)
    expect(run.summary).toMatch(/in 13 requests/)
    expect(commands(run.stdout, 'error')).toEqual([])
    // one line a poll, as a group title
    expect(commands(run.stdout, 'group')).toHaveLength(13)
    expect(run.stdout).toMatch(
      /::group::\[\d+ms\] 🔄 Running · Certification InProgress 20%25 \(estimate ~2-3 days\) · next check in \d+ms/
    )
    expectWellFormedTables(run.summary)
    expectNoSecret(run)
  })

  it.concurrent(
    'rejected: fails with one annotation naming offer, step and message; no injection in the summary',
    async () => {
      const run = await runAction({ node, inputs: inputs('rejected') })
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ status: 'Failed', result: 'failed', outcome: 'failed', 'preview-url': '' })
      expect(run.summary).toMatch(/^## ❌ Failed: Certification rejected — Offer pub-\w+\/rejected\n/)
      expect(run.summary).toMatch(/\*\*Next:\*\* Read the certification report/)
      const errors = commands(run.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /^Offer pub-\w+\/rejected: step 'Certification' \(displaycertify\) was rejected: Certification failed: CVE-2026-1234 found/
      )
      expect(run.stdout).toMatch(/::error title=Certification rejected::/)
      expect(run.summary).not.toMatch(/<script|<b>|<a |<p>/i)
      expect(run.summary).not.toMatch(/^\| injected/m)
      expect(run.summary).toContain('❌ Rejected')
      expectWellFormedTables(run.summary)
      expectNoStackTrace(run)
      expectNoSecret(run)
    }
  )

  it.concurrent('failed: fails naming the blocked step and its message', async () => {
    const run = await runAction({ node, inputs: inputs('failed') })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'Failed', result: 'failed', outcome: 'failed' })
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /publishing failed at step 'Packaging and Lead Generation Registration' \(displaypackage\) \(Blocked\): Packaging failed: the VM image could not be copied/
    )
  })

  it.concurrent('canceled: fails with the offer Canceled', async () => {
    const run = await runAction({ node, inputs: inputs('canceled') })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'Canceled', result: 'failed', outcome: 'canceled' })
    expect(commands(run.stdout, 'error')[0]).toMatch(/publishing canceled .*Publishing was canceled by the publisher/)
  })

  it.concurrent('publisher-review: stops when the preview waits for sign-off', async () => {
    const given = inputs('publisher-review', { 'wait-for': 'publisher-review' })
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(0)
    // The status stays the last one read; the outcome says the preview is ready, with its link.
    expect(run.outputs).toMatchObject({ status: 'Running', result: 'passed', outcome: 'preview-ready', 'live-url': '' })
    const preview = `https://portal.azure.com/#create/${given['publisher-id']}.publisher-review-preview`
    expect(run.outputs['preview-url']).toBe(preview)
    const steps = JSON.parse(run.outputs.steps ?? '') as Record<string, unknown>[]
    expect(steps.find((s) => s.id === 'publisher-signoff')?.status).toBe('WaitingForPublisherReview')
    expect(run.summary).toContain('👀 WaitingForPublisherReview')
    expect(run.summary).toMatch(/^## ✅ Preview ready for your sign-off — Offer /)
    expect(run.summary).toContain(`**Preview:** [${preview}](${preview})`)
  })

  it.concurrent('completion at publisher review times out: fails, or warns with on-timeout: warn', async () => {
    const [fail, warn] = await Promise.all([
      runAction({ node, inputs: inputs('publisher-review', { timeout: '3s' }) }),
      runAction({ node, inputs: inputs('publisher-review', { timeout: '3s', 'on-timeout': 'warn' }) })
    ])
    expect(fail.code).toBe(1)
    expect(fail.outputs).toMatchObject({ status: 'Running', result: 'timed-out', outcome: 'preview-ready' })
    expect(fail.outputs['preview-url']).toMatch(/^https:\/\/portal\.azure\.com\/#create\/.*-preview$/)
    expect(commands(fail.stdout, 'error')[0]).toMatch(
      /still not done after 3s \(timeout\); last known status Running, step 'Publisher signoff'/
    )
    expect(fail.stdout).toContain('The preview is ready and waits for the publisher')
    expect(fail.summary).toMatch(/^## ⏱️ Timed out: the preview waits for your sign-off — Offer /)
    expect(warn.code).toBe(0)
    expect(warn.outputs.result).toBe('timed-out')
    expect(commands(warn.stdout, 'error')).toEqual([])
    expect(commands(warn.stdout, 'warning')[0]).toMatch(/still not done after 3s/)
  })

  it.concurrent('flaky: retries 429, 503, a reset and a malformed body, each logged once, then succeeds', async () => {
    const run = await runAction({ node, inputs: inputs('flaky') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
    const retries = run.stdout.split('\n').filter((l) => l.includes('retrying in'))
    expect(retries).toHaveLength(4)
    expect(retries[0]).toMatch(/HTTP 429 \(TooManyRequests: .*\) · retrying in 1s/)
    expect(retries.join('\n')).toMatch(/HTTP 503 \(ServiceUnavailable: Try again later\)/)
    expect(retries.join('\n')).toMatch(/connection failed/)
    expect(retries.join('\n')).toMatch(/not JSON/)
    expect(run.summary).toMatch(/4 of them failed and were retried/)
  })

  it.concurrent('slow: stops at the deadline even with a request in flight, and fails naming why', async () => {
    const run = await runAction({ node, inputs: inputs('slow', { timeout: '1s', 'on-timeout': 'warn' }) })
    // No status was ever read: that fails whatever on-timeout says.
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: '', result: 'failed', outcome: 'unknown' })
    // The simulator answers after 2 s: the action's own clock shows the request was cut at 1 s.
    expect(run.summary).toMatch(/waited 1s · 1 request/)
    expect(run.summary).toMatch(
      /^## ⚠️ Could not read the status: no status in 1s; the last error: no response within \d+ms — Offer /
    )
    // The one failed request was not retried, and the summary does not say it was.
    expect(run.summary).toMatch(/in 1 request; the last one failed and the wait ended before a retry\./)
    expect(commands(run.stdout, 'error').join('\n')).toMatch(/no response within/)
  })

  it.concurrent.each([
    [
      'not-found',
      /HTTP 404 \(OfferNotFound: Offer 'not-found' of publisher '.*' was not found\.\): check publisher-id and offer-id/
    ],
    ['forbidden', /HTTP 403 \(Forbidden: .*\): the identity lacks access to this publisher/],
    [
      'unauthorized',
      /HTTP 401 \(Unauthorized: .*\): the token expired or is not for https:\/\/cloudpartner\.azure\.com/
    ],
    ['bad-request', /HTTP 400 \(BadRequest: The request is invalid\.\)/]
  ])('%s: fails at once with the API reason and a hint, no retry', async (offer, reason) => {
    const given = inputs(offer)
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: '', result: 'failed', outcome: 'unknown', 'preview-url': '' })
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(reason)
    expect(run.summary).toMatch(/^## ⚠️ Could not read the status: HTTP 4\d\d /)
    // Said once, in the heading: not again on a result line or in a bullet.
    expect(run.summary.split(reason)).toHaveLength(2)
    expect(requestsFor(given['publisher-id'])).toHaveLength(1)
    expect(run.summary).toMatch(reason)
    expectNoStackTrace(run)
    expectNoSecret(run)
  })

  it.concurrent('a wrong token fails at once with the 401 hint', async () => {
    const run = await runAction({ node, inputs: inputs('happy', { token: 'some-other-token' }) })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')[0]).toMatch(
      /HTTP 401 .*token expired or is not for https:\/\/cloudpartner\.azure\.com/
    )
    expect(run.stdout).not.toMatch(/^(?!::add-mask::).*some-other-token/m)
  })

  it.concurrent('unknown statuses are kept and shown as they came, never fatal', async () => {
    const run = await runAction({ node, inputs: inputs('unknown-status', { 'wait-for': 'none' }) })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'pendingValidationQueue', result: 'passed' })
    expect(run.summary).toContain('❔ queuedForScan')
    const steps = JSON.parse(run.outputs.steps ?? '') as Record<string, unknown>[]
    expect(steps.find((s) => s.id === 'displaycertify')?.progress).toBe(15)
    const later = await runAction({ node, inputs: inputs('unknown-status') })
    expect(later.outputs).toMatchObject({ status: 'Succeeded', result: 'passed' })
  })

  it.concurrent('wait-for none: one look at an offer never published', async () => {
    const given = inputs('never-published', { 'wait-for': 'none' })
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'NeverPublished',
      result: 'passed',
      outcome: 'not-published',
      steps: '[]'
    })
    expect(run.summary).toMatch(/^## ⚪ Not published yet — Offer /)
    expect(requestsFor(given['publisher-id'])).toHaveLength(1)
    expect(run.summary).toContain('reported no publishing steps')
  })

  it.concurrent('IDs are encoded: nothing in an ID changes the request path', async () => {
    const given = inputs('../x', { 'wait-for': 'none' })
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(0)
    const [request] = requestsFor(given['publisher-id'])
    expect(request?.url).toBe(`/api/publishers/${given['publisher-id']}/offers/..%2Fx/status?api-version=2017-10-31`)
    expect(request?.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it.concurrent.each([
    [{ token: '' }, /Input 'token' is required/],
    [
      { api: 'cloud-partner-portal', 'publisher-id': '' },
      /Input 'publisher-id' is required for the Cloud Partner Portal API/
    ],
    [{ timeout: 'soon' }, /Input 'timeout' 'soon' is not a duration/],
    [{ 'wait-for': 'forever' }, /Input 'wait-for' must be one of completion, publisher-review, none/],
    [{ interval: '5m', 'max-interval': '1m' }, /Input 'max-interval' must not be shorter than interval/],
    [{ 'base-url': 'nope' }, /Input 'base-url' must be a URL/]
  ])('bad input %p: names the input and sends no request', async (bad, message) => {
    const given = { ...inputs('happy'), ...bad }
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').join('\n')).toMatch(message)
    expect(run.outputs).toEqual(NO_OUTPUTS)
    expect(run.summary).toMatch(message)
    expect(requestsFor(given['publisher-id'])).toHaveLength(0)
    expectNoStackTrace(run)
  })

  it.concurrent.each(['SIGINT', 'SIGTERM'] as const)(
    'cancellation by %s: writes the summary with the last status, sets outputs, exits non-zero within 2 s',
    async (signal) => {
      const run = await runAction({
        node,
        inputs: inputs('publisher-review', { interval: '300ms', 'max-interval': '1s' }),
        kill: { signal, whenStdout: /WaitingForPublisherReview/ }
      })
      expect(run.code).not.toBe(0)
      expect(run.code).not.toBeNull()
      expect(run.outputs).toMatchObject({ status: 'Running', result: 'cancelled' })
      expect(run.summary).toMatch(/^## ⛔ Cancelled while /)
      expect(run.summary).toContain('Status: **Running** · result: **cancelled**')
      expect(run.summary).toContain('The run was cancelled')
      expect(run.summary).toContain('👀 WaitingForPublisherReview')
      expect(run.stdout).toContain(`Received ${signal}`)
      expect(run.signalledAtMs).toBeDefined()
      expect(run.durationMs - (run.signalledAtMs ?? 0)).toBeLessThan(2_000)
    }
  )

  it.concurrent('cancellation with a request in flight ends within 2 s', async () => {
    const run = await runAction({
      node,
      inputs: inputs('slow', { timeout: '1m' }),
      kill: { signal: 'SIGTERM', whenStdout: /Watching offer/, afterMs: 300 }
    })
    expect(run.code).toBe(1)
    expect(run.signalledAtMs).toBeDefined()
    expect(run.durationMs - (run.signalledAtMs ?? 0)).toBeLessThan(2_000)
    expect(run.stdout).toContain('Received SIGTERM')
    // the simulator would answer after 2 s; the action is gone well before
    expect(run.summary).toMatch(/waited \d+ms · 1 request/)
    expect(run.outputs).toMatchObject({ status: '', result: 'cancelled', outcome: 'unknown' })
    expect(run.summary).toMatch(/^## ⛔ Cancelled before any status was read — Offer /)
  })
})
