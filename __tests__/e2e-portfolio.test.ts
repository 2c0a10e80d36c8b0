/**
 * End to end, several offers in one step, pacing and stuck steps, through the committed bundle.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { startSimulator } from '../simulator/server.js'
import { commands, runAction, runtimes } from './fixtures/action.js'

const TOKEN = 'portfolio-token'
const sim = await startSimulator({ token: TOKEN })
afterAll(() => sim.close())

function inputs(offers: string, extra: Record<string, string> = {}) {
  return {
    'publisher-id': `pub-${randomUUID().slice(0, 8)}`,
    'offer-id': offers,
    token: TOKEN,
    'base-url': sim.url,
    interval: '50ms',
    'max-interval': '200ms',
    timeout: '30s',
    ...extra
  }
}

const requestsFor = (publisher: string) => sim.requests.filter((r) => r.publisherId === publisher)

describe.each(runtimes())('several offers with the bundle on $name', ({ path: node }) => {
  it.concurrent('one fails, one succeeds late, one is not found: each on its own terms, one summary', async () => {
    const given = inputs('failed\nlate, not-found\n\nlate\n')
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.outputs.status).toBe('')
    expect(run.outputs.steps).toBe('[]')
    // The worst outcome; the links only per offer.
    expect(run.outputs).toMatchObject({ outcome: 'failed', 'preview-url': '', 'live-url': '' })
    const offers = JSON.parse(run.outputs.offers ?? '') as {
      id: string
      status: string
      result: string
      outcome: string
      liveUrl: string | null
      steps: unknown[]
    }[]
    expect(offers.map((o) => [o.id, o.status, o.result, o.outcome])).toEqual([
      ['failed', 'Failed', 'failed', 'failed'],
      ['late', 'Succeeded', 'passed', 'live'],
      ['not-found', '', 'failed', 'unknown']
    ])
    expect(offers[1]?.liveUrl).toBe(
      `https://azuremarketplace.microsoft.com/marketplace/apps/${given['publisher-id']}.late`
    )
    expect(offers[1]?.steps).toHaveLength(6)
    // each offer stopped on its own terms: not-found after one request, late after all its frames
    const byOffer = (offer: string) => requestsFor(given['publisher-id']).filter((r) => r.offerId === offer).length
    expect(byOffer('not-found')).toBe(1)
    expect(byOffer('late')).toBe(16)
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(2)
    expect(errors.join('\n')).toMatch(
      /Offer pub-\w+\/failed: publishing failed at step 'Packaging and Lead Generation Registration'/
    )
    expect(errors.join('\n')).toMatch(/Offer pub-\w+\/not-found: HTTP 404 \(OfferNotFound/)
    expect(run.summary).toMatch(/^## ❌ 3 offers: 1 failed, 1 unreadable, 1 live\n/)
    // Worst first, each with why: the blocked step, the 404's reason.
    const rows = run.summary.split('\n').filter((l) => l.startsWith('| pub-'))
    expect(rows).toEqual([
      expect.stringMatching(
        /^\| pub-\w+\/failed \| ❌ failed \| Packaging and Lead Generation Registration blocked \| Failed \| ❌ failed \|$/
      ),
      expect.stringMatching(
        /^\| pub-\w+\/not-found \| ❔ unknown \| HTTP 404 \(OfferNotFound: .*\| — \| ❌ failed \|$/
      ),
      expect.stringMatching(/^\| pub-\w+\/late \| ✅ live \| — \| Succeeded \| ✅ passed \|$/)
    ])
    // The failed and the unreadable offers open, the live one closed.
    expect(run.summary.match(/<details open>/g)).toHaveLength(2)
    expect(run.summary.match(/<details>/g)).toHaveLength(1)
    // the log names the offer on each line
    expect(run.stdout).toMatch(/::group::\[\d+m?s\] pub-\w+\/late: /)
  })

  it.concurrent('the same refusal for every offer is one annotation naming them all', async () => {
    const given = inputs('happy, late, failed', { token: 'not-the-token' })
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', outcome: 'unknown' })
    const errors = commands(run.stdout, 'error')
    expect(errors).toEqual([expect.stringMatching(/^Offers pub-\w+\/happy, pub-\w+\/late, pub-\w+\/failed: HTTP 401 /)])
    expect(run.summary).toMatch(/^## ⚠️ 3 offers: 3 unreadable\n\n\*\*Next:\*\* Fix the access as the reason says/)
  })

  it.concurrent('a 429 with Retry-After to one offer slows every offer down', async () => {
    const given = inputs('throttled, happy', { 'wait-for': 'completion' })
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
    expect(run.outputs.status).toBe('Succeeded')
    const requests = requestsFor(given['publisher-id'])
    const throttled = requests.find((r) => r.offerId === 'throttled')
    expect(throttled).toBeDefined()
    const throttledAt = throttled?.at ?? 0
    const happy = requests.filter((r) => r.offerId === 'happy')
    // Within the second the 429 asked for, no offer looks again. The happy offer's first request may
    // have been sent before the 429 came back (on a loaded machine, well after the throttled one's),
    // so it is the one request allowed there; polled every 50-200 ms, it would make several unthrottled.
    const during = requests.filter((r) => r.at > throttledAt && r.at < throttledAt + 950)
    expect(during.filter((r) => r !== happy[0])).toEqual([])
    expect(happy.length).toBe(13)
  })

  it.concurrent('one offer behaves as before: status and steps, and offers with one entry', async () => {
    const run = await runAction({ node, inputs: inputs('happy') })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('Succeeded')
    expect(JSON.parse(run.outputs.steps ?? '')).toHaveLength(6)
    expect(JSON.parse(run.outputs.offers ?? '')).toEqual([
      expect.objectContaining({ id: 'happy', status: 'Succeeded', result: 'passed' })
    ])
    expect(run.outputs['stuck-steps']).toBe('[]')
    expect(run.summary).not.toContain('<details>')
    expect(run.stdout).not.toMatch(/::group::\[\d+m?s\] pub-/)
  })

  it.concurrent('a step stuck well beyond its estimate: a warning, a mark and the stuck-steps output', async () => {
    const run = await runAction({ node, inputs: inputs('stuck', { timeout: '1s' }) })
    expect(run.outputs.result).toBe('timed-out')
    const warnings = commands(run.stdout, 'warning')
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Offer pub-\w+\/stuck: step 'Certification' has been in progress for 6d, beyond its estimate of ~2-3 days$/
      )
    ])
    expect(JSON.parse(run.outputs['stuck-steps'] ?? '')).toEqual([
      expect.objectContaining({
        offer: 'stuck',
        id: 'displaycertify',
        name: 'Certification',
        estimatedTimeFrame: '~2-3 days'
      })
    ])
    expect(run.summary).toMatch(/\| Certification \| 🔄 InProgress ⚠️ stuck for 6d \|/)
    expect(run.stdout).toMatch(/Certification has been in progress for 6d, beyond its estimate of ~2-3 days: stuck/)
  })

  it.concurrent('fail-on-stuck turns a stuck step into a failure at once', async () => {
    const given = inputs('stuck', { 'fail-on-stuck': 'true' })
    const run = await runAction({ node, inputs: given })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'Running', result: 'failed', outcome: 'in-progress' })
    expect(run.summary).toMatch(/^## ❌ Stuck: Certification stuck for 6d \(estimate ~2-3 days\) — Offer /)
    expect(commands(run.stdout, 'error')).toEqual([
      expect.stringMatching(/step 'Certification' has been in progress for 6d, beyond its estimate/)
    ])
    expect(requestsFor(given['publisher-id'])).toHaveLength(1)
  })

  it.concurrent('the per-poll line shows the pace chosen for the active step', async () => {
    const run = await runAction({
      node,
      inputs: inputs('stuck', { timeout: '1s', interval: '100ms', 'max-interval': '400ms' })
    })
    expect(run.stdout).toMatch(/next check in \d+ms \(paced for Certification, ~2-3 days\)/)
  })
})
