/**
 * What happened, said first: the outcome, the heading, the next move, the portfolio's order and folds,
 * one annotation per distinct reason, and counts that match what the watch did.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { annotationsOf, MAX_ANNOTATIONS, mergeReasons } from '../src/annotations.js'
import { outcomeOf, worstOutcome } from '../src/outcome.js'
import type { WatchEnd, WatchResult } from '../src/poll.js'
import type { OfferSnapshot } from '../src/snapshot.js'
import { renderSummary } from '../src/summary.js'
import { compareVerdicts, judge, NEXT, overallResult, subjectsOf, type Reason, type Verdict } from '../src/verdict.js'
import { snapshot, step, T0, watchResult } from './fixtures/fakes.js'

const DAY = 86_400_000
const HOUR = 3_600_000

function watchOf(end: WatchEnd, snap?: OfferSnapshot, extra: Partial<WatchResult> = {}): WatchResult {
  return watchResult({
    id: 'vm-offer',
    end,
    ...(snap ? { snapshot: snap } : {}),
    endedAt: T0 + 2 * DAY + 4 * HOUR,
    ...extra
  })
}

const job = (end: WatchEnd, snap?: OfferSnapshot, extra: Partial<WatchResult> = {}) =>
  watchOf(end, snap, { id: 'job-1', kind: 'job', label: 'Configure job job-1', ...extra })
const finished: WatchEnd = { kind: 'stopped', reason: 'finished' }
const error =
  (level = 'error') =>
  (text: string) => ({ text, level })
const judged = (watch: WatchResult, options: Parameters<typeof judge>[1] = { onTimeout: 'fail' }) =>
  judge(watch, options)
const said = (verdict: Verdict) => [verdict.icon, verdict.headline, verdict.next]

describe('the heading says what happened, then what to do next', () => {
  it('for an offer that is live, or whose preview is ready', () => {
    expect(said(judged(watchOf(finished, snapshot('Succeeded'))))).toEqual(['✅', 'Live', NEXT.live])
    const review = snapshot('Running', [step('publisher-signoff', 'WaitingForPublisherReview')])
    const verdict = judged(watchOf({ kind: 'stopped', reason: 'publisher-review' }, review))
    expect(verdict.outcome).toBe('preview-ready')
    expect(said(verdict)).toEqual(['✅', 'Preview ready for your sign-off', NEXT.preview])
  })

  it('for a rejection: certification sends to its report, anything else to the messages', () => {
    const certification = snapshot('Failed', [step('displaycertify', 'Rejected', { name: 'Certification' })])
    expect(said(judged(watchOf(finished, certification)))).toEqual([
      '❌',
      'Failed: Certification rejected',
      NEXT.certification
    ])
    const packaging = snapshot('Failed', [step('packaging', 'Blocked')])
    expect(said(judged(watchOf(finished, packaging)))).toEqual(['❌', 'Failed: Packaging blocked', NEXT.failed])
  })

  it('for a canceled publish or job', () => {
    const canceled = snapshot('Canceled', [step('validation', 'Complete'), step('certification', 'Canceled')])
    const verdict = judged(watchOf(finished, canceled))
    expect(verdict).toMatchObject({ result: 'failed', outcome: 'canceled', what: 'canceled' })
    expect(said(verdict)).toEqual(['🚫', 'Canceled at Certification', NEXT.canceled])
    expect(said(judged(job(finished, snapshot('Canceled', [step('configure-job', 'Canceled')]))))).toEqual([
      '🚫',
      'Canceled',
      NEXT.jobCanceled
    ])
  })

  it('for a configure job that succeeded or failed, in its own terms', () => {
    const ok = judged(job(finished, snapshot('Succeeded', [step('configure-job', 'Complete')])))
    expect(ok.outcome).toBe('succeeded')
    expect(said(ok)).toEqual(['✅', 'Succeeded', NEXT.jobSucceeded])

    const one = { ...snapshot('Failed'), messages: [error()('BadRequest: the plan has no price')] }
    const failed = judged(job(finished, one))
    expect(said(failed)).toEqual(['❌', 'Failed: BadRequest: the plan has no price', NEXT.jobFailed])
    // The heading says the one short error in full: the summary does not say it again in a bullet.
    expect(failed.failures).toEqual([expect.objectContaining({ inHeading: true })])
    const md = renderSummary([job(finished, one)], [failed], 'failed')
    expect(md.split('\n')[0]).toBe('## ❌ Failed: BadRequest: the plan has no price — Configure job job-1')
    expect(md).not.toContain('- **Publishing failed**')

    const several = { ...snapshot('Failed'), messages: ['a', 'b certification failed'].map(error()) }
    const two = judged(job(finished, several))
    expect(said(two)).toEqual(['❌', 'Failed: 2 errors', NEXT.jobCertification])
    expect(two.failures.map((f) => f.inHeading)).toEqual([undefined, undefined])
  })

  it('for a timeout: where it still is, and for how long so far', () => {
    const certification = step('displaycertify', 'InProgress', { name: 'Certification' })
    const watch = watchOf({ kind: 'timed-out' }, snapshot('Running', [certification]), {
      inProgress: { id: 'displaycertify', since: T0 }
    })
    const verdict = judged(watch)
    expect(verdict).toMatchObject({ result: 'timed-out', outcome: 'in-progress' })
    expect(said(verdict)).toEqual(['⏱️', 'Timed out: still in Certification (2d 4h so far)', NEXT.later])
    expect(verdict.why).toBe('still in Certification (2d 4h so far)')
    // Never the last status as if it were the outcome.
    expect(verdict.headline).not.toContain('Running')
  })

  it('for a timeout at a step that waits, with the preview ready, or never published', () => {
    const waiting = snapshot('Running', [step('certification', 'WaitingForApproval')])
    expect(judged(watchOf({ kind: 'timed-out' }, waiting)).headline).toBe(
      'Timed out: still at Certification (WaitingForApproval)'
    )
    const review = snapshot('WaitingForPublisherReview', [step('publisher-signoff', 'WaitingForPublisherReview')])
    expect(said(judged(watchOf({ kind: 'timed-out' }, review)))).toEqual([
      '⏱️',
      'Timed out: the preview waits for your sign-off',
      NEXT.preview
    ])
    expect(said(judged(watchOf({ kind: 'timed-out' }, snapshot('NeverPublished'))))).toEqual([
      '⏱️',
      'Timed out: the offer was never published',
      NEXT.notPublished
    ])
  })

  it('for a job that is still running or has not started', () => {
    const running = job({ kind: 'timed-out' }, snapshot('Running', [step('configure-job', 'InProgress')]), {
      inProgress: { id: 'configure-job', since: T0 + 2 * DAY + HOUR }
    })
    expect(said(judged(running))).toEqual(['⏱️', 'Timed out: the job is still running (3h so far)', NEXT.jobLater])
    const queued = job({ kind: 'timed-out' }, snapshot('NotStarted', [step('configure-job', 'NotStarted')]))
    expect(judged(queued).headline).toBe('Timed out: the job is still not started')
    const cancelled = job({ kind: 'cancelled' }, snapshot('Running', [step('configure-job', 'InProgress')]))
    expect(judged(cancelled).headline).toBe('Cancelled while the job was running')
    const looked = job(
      { kind: 'stopped', reason: 'one-look' },
      snapshot('Running', [step('configure-job', 'InProgress')])
    )
    expect(said(judged(looked))).toEqual(['🔄', 'In progress: the job is running', NEXT.jobLater])
  })

  it('for a wait that never read a status, or a request refused', () => {
    const never = judged(watchOf({ kind: 'timed-out' }, undefined, { lastError: 'HTTP 503' }))
    expect(never).toMatchObject({ result: 'failed', outcome: 'unknown', what: 'unreadable' })
    expect(said(never)).toEqual([
      '⚠️',
      'Could not read the status: no status in 2d 4h; the last error: HTTP 503',
      NEXT.unreadable
    ])

    const refused = (end: Extract<WatchEnd, { kind: 'error' }>) => judged(watchOf(end)).next
    expect(refused({ kind: 'error', reason: 'HTTP 401: renew the token', httpStatus: 401 })).toBe(NEXT.access)
    expect(refused({ kind: 'error', reason: 'HTTP 403: add the app', httpStatus: 403 })).toBe(NEXT.access)
    expect(refused({ kind: 'error', reason: 'Entra ID sign-in refused', signIn: true })).toBe(NEXT.access)
    expect(refused({ kind: 'error', reason: 'HTTP 404: check the IDs', httpStatus: 404 })).toBe(NEXT.notFound)
    expect(refused({ kind: 'error', reason: 'HTTP 400: check api-version', httpStatus: 400 })).toBe(NEXT.error)
    expect(refused({ kind: 'error', reason: 'the list could not be read whole' })).toBe(NEXT.error)
    expect(judged(watchOf({ kind: 'error', reason: 'HTTP 404: check the IDs', httpStatus: 404 })).headline).toBe(
      'Could not read the status: HTTP 404: check the IDs'
    )
  })

  it('for one look: in progress, stuck, never published, or a status the action does not know', () => {
    const look: WatchEnd = { kind: 'stopped', reason: 'one-look' }
    const running = snapshot('Running', [step('certification', 'InProgress', { progress: 40 })])
    expect(said(judged(watchOf(look, running)))).toEqual(['🔄', 'In progress: in Certification (40%)', NEXT.later])
    const stuck = judged(
      watchOf(look, running, {
        stuck: [
          {
            id: 'certification',
            name: 'Certification',
            since: T0,
            inProgressMs: 6 * DAY,
            estimatedTimeFrame: '~2-3 days'
          }
        ]
      })
    )
    expect(stuck).toMatchObject({
      result: 'passed',
      what: 'stuck',
      why: 'Certification stuck for 6d (estimate ~2-3 days)'
    })
    expect(said(stuck)).toEqual(['🔄', 'In progress: Certification stuck for 6d (estimate ~2-3 days)', NEXT.stuck])
    expect(said(judged(watchOf(look, snapshot('NeverPublished'))))).toEqual([
      '⚪',
      'Not published yet',
      NEXT.notPublished
    ])
    const odd = judged(watchOf(look, snapshot('Archived')))
    expect(odd.outcome).toBe('unknown')
    expect(said(odd)).toEqual(['❔', 'Unknown status Archived', NEXT.unknownStatus])
  })

  it('is the outcome of the last status read', () => {
    const of = (status: string, steps = [step('x', 'Complete')], kind?: 'job') =>
      outcomeOf({ ...(kind ? { kind } : {}), snapshot: snapshot(status, steps) })
    expect(of('Running', [step('certification', 'Rejected')])).toBe('failed')
    expect(of('Failed')).toBe('failed')
    expect(of('Canceled')).toBe('canceled')
    expect(of('Succeeded')).toBe('live')
    expect(of('Succeeded', [], 'job')).toBe('succeeded')
    expect(of('Running', [step('publisher-signoff', 'WaitingForPublisherReview')])).toBe('preview-ready')
    expect(of('NeverPublished')).toBe('not-published')
    expect(of('Running')).toBe('in-progress')
    expect(of('NotStarted')).toBe('in-progress')
    expect(of('queuedForScan')).toBe('unknown')
    expect(outcomeOf({})).toBe('unknown')
    expect(worstOutcome([])).toBe('unknown')
    expect(worstOutcome(['live', 'preview-ready', 'succeeded'])).toBe('succeeded')
    expect(worstOutcome(['live', 'canceled', 'failed'])).toBe('failed')
  })

  it('words the edges: no progress yet, progress and time so far, a stuck step of an unknown status', () => {
    const look: WatchEnd = { kind: 'stopped', reason: 'one-look' }
    const fresh = snapshot('Running', [step('certification', 'InProgress', { progress: 0 })])
    expect(judged(watchOf(look, fresh)).headline).toBe('In progress: in Certification')
    const both = watchOf(look, snapshot('Running', [step('certification', 'InProgress', { progress: 40 })]), {
      inProgress: { id: 'certification', since: T0 + 2 * DAY + 2 * HOUR }
    })
    expect(judged(both).headline).toBe('In progress: in Certification (40%, 2h so far)')
    const stuck = { id: 'scan', name: 'Scan', since: T0, inProgressMs: 2 * HOUR, estimatedTimeFrame: '< 1 hour' }
    const odd = judged(watchOf(look, snapshot('Archived', [step('scan', 'InProgress')]), { stuck: [stuck] }))
    expect(odd).toMatchObject({ headline: 'Unknown status Archived', next: NEXT.unknownStatus })
    expect(odd.warnings.map((w) => w.title)).toEqual(['Scan stuck'])
    const failing = judged(watchOf({ kind: 'stopped', reason: 'stuck' }, snapshot('Running'), { stuck: [stuck] }), {
      onTimeout: 'fail',
      failOnStuck: true
    })
    expect(said(failing)).toEqual(['❌', 'Stuck: Scan stuck for 2h (estimate < 1 hour)', NEXT.stuck])
    expect(judged(watchOf({ kind: 'timed-out' })).headline).toBe('Could not read the status: no status in 2d 4h')
    expect(judged(watchOf({ kind: 'timed-out' })).failures[0]?.message).toBe(
      'Offer contoso/vm-offer: no status could be read in 2d 4h'
    )
    expect(judged(job({ kind: 'error', reason: 'HTTP 404' })).failures[0]?.title).toBe('Job status unavailable')
  })

  it('orders a stuck offer before one that fares alike without', () => {
    const look: WatchEnd = { kind: 'stopped', reason: 'one-look' }
    const running = snapshot('Running', [step('scan', 'InProgress')])
    const plain = judged(watchOf(look, running))
    const stuck = judged(
      watchOf(look, running, {
        stuck: [{ id: 'scan', name: 'Scan', since: T0, inProgressMs: 2 * HOUR, estimatedTimeFrame: '< 1 hour' }]
      })
    )
    expect(compareVerdicts(stuck, plain)).toBeLessThan(0)
    expect(compareVerdicts(plain, stuck)).toBeGreaterThan(0)
    expect(compareVerdicts(plain, plain)).toBe(0)
    expect(compareVerdicts(stuck, stuck)).toBe(0)
  })

  it('names one job, one offer, or several of each, as a sentence starts', () => {
    expect(subjectsOf([{ kind: 'job', name: 'j' }])).toBe('Configure job j')
    expect(subjectsOf([{ kind: 'offer', name: 'o' }])).toBe('Offer o')
    expect(
      subjectsOf([
        { kind: 'offer', name: 'o' },
        { kind: 'job', name: 'j' },
        { kind: 'job', name: 'k' }
      ])
    ).toBe('Offer o and configure jobs j, k')
    expect(
      subjectsOf(
        [
          { kind: 'job', name: 'j' },
          { kind: 'job', name: 'k' },
          { kind: 'offer', name: 'o' }
        ],
        2
      )
    ).toBe('Offer o and configure job j and 1 more')
  })

  it('agrees with the outcome output', () => {
    const watches = [
      watchOf(finished, snapshot('Succeeded')),
      watchOf({ kind: 'timed-out' }, snapshot('Running')),
      watchOf({ kind: 'error', reason: 'x' }),
      job(finished, snapshot('Succeeded'))
    ]
    // The verdict's outcome, what the outputs give, for each kind of end.
    expect(watches.map((watch) => judged(watch).outcome)).toEqual(['live', 'in-progress', 'unknown', 'succeeded'])
    expect(watches.map(outcomeOf)).toEqual(['live', 'in-progress', 'unknown', 'succeeded'])
    expect(worstOutcome(watches.map(outcomeOf))).toBe('unknown')
  })
})

describe('the summary of one offer', () => {
  it('counts as retried only the requests that were tried again, and says when the last was not', () => {
    const recovered = watchOf(finished, snapshot('Succeeded'), { polls: 5, transientErrors: 2, retries: 2 })
    const ended = watchOf({ kind: 'timed-out' }, snapshot('Running'), { polls: 5, transientErrors: 3, retries: 2 })
    const once = watchOf({ kind: 'timed-out' }, undefined, { polls: 1, transientErrors: 1, retries: 0 })
    const fatal = watchOf({ kind: 'error', reason: 'HTTP 403' }, undefined, {
      polls: 2,
      transientErrors: 1,
      retries: 1
    })
    const line = (watch: WatchResult) =>
      renderSummary([watch], [judged(watch)], 'failed')
        .split('\n')
        .find((l) => l.startsWith('Watched from'))
    expect(line(recovered)).toMatch(/: 2d 4h in 5 requests, 2 of them failed and were retried\.$/)
    expect(line(ended)).toMatch(
      /: 2d 4h in 5 requests, 2 of them failed and were retried; the last of them failed and the wait ended before a retry\.$/
    )
    expect(line(once)).toMatch(/: 2d 4h in 1 request; the last one failed and the wait ended before a retry\.$/)
    expect(line(fatal)).toMatch(/: 2d 4h in 2 requests, 1 of them failed and was retried\.$/)
  })

  it('says the error once, and has no empty section', () => {
    const reason = 'Entra ID sign-in refused (client-secret): AADSTS7000215: Invalid client secret provided.'
    const watch = watchOf({ kind: 'error', reason, signIn: true }, undefined, { polls: 1 })
    const md = renderSummary([watch], [judged(watch)], 'failed')
    expect(md.split('AADSTS7000215')).toHaveLength(2)
    expect(md.split('\n').slice(0, 5)).toEqual([
      `## ⚠️ Could not read the status: ${reason} — Offer contoso/vm-offer`,
      '',
      `**Next:** ${NEXT.access}`,
      '',
      'Status: **none read** · result: **failed** · waited 2d 4h · 1 request'
    ])
    expect(md).not.toContain('What was observed')
    expect(md).not.toMatch(/^#+ .*\n\n#/m)
  })

  it('says in full, below the heading, an error too long for it', () => {
    const reason = `HTTP 400 (${'x'.repeat(400)})`
    const watch = watchOf({ kind: 'error', reason, httpStatus: 400 })
    const md = renderSummary([watch], [judged(watch)], 'failed')
    expect(md.split('\n')[0]).toMatch(/^## ⚠️ Could not read the status: HTTP 400 \(x+… — Offer contoso\/vm-offer$/)
    expect(md).toContain(`- **Offer status unavailable**: ${reason}`)
  })

  it('links the preview once it is ready, the listing once live, and neither while a publish runs', () => {
    const links = { preview: 'https://portal.azure.com/#create/p', live: 'https://azuremarketplace.microsoft.com/x' }
    const shown = (status: string, steps = [step('live', 'NotStarted')]) => {
      const watch = watchOf({ kind: 'stopped', reason: 'one-look' }, { ...snapshot(status, steps), links })
      const md = renderSummary([watch], [judged(watch)], 'passed')
      return md
        .split('\n')
        .filter((l) => /^\*\*(Preview|Live):\*\*/.test(l))
        .map((l) => l.split(' ')[0])
    }
    expect(shown('Running')).toEqual([])
    expect(shown('NeverPublished')).toEqual([])
    expect(shown('WaitingForPublisherReview')).toEqual(['**Preview:**'])
    expect(shown('Succeeded')).toEqual(['**Preview:**', '**Live:**'])
  })

  it('says why a cancelled run knows nothing, and the last error of a timeout below its heading', () => {
    const cancelled = watchOf({ kind: 'cancelled' }, undefined, { lastError: 'HTTP 503' })
    const verdict = judged(cancelled)
    expect(verdict.headline).toBe('Cancelled before any status was read')
    expect(verdict.why).toBe('before any status was read; the last error: HTTP 503')
    const md = renderSummary([cancelled], [verdict], 'cancelled').split('\n')
    expect(md).toContain('> The run was cancelled: no status had been read yet.')
    const seen = renderSummary(
      [watchOf({ kind: 'cancelled' }, snapshot('Running'))],
      [judged(watchOf({ kind: 'cancelled' }, snapshot('Running')))],
      'cancelled'
    )
    expect(seen).toContain('> The run was cancelled: the table shows the last status read before it stopped.')

    const timedOut = watchOf({ kind: 'timed-out' }, snapshot('Running'), { lastError: 'HTTP 503' })
    const lines = renderSummary([timedOut], [judged(timedOut)], 'timed-out').split('\n')
    const bullet = lines.indexOf(
      '- **Timed out**: still not done after 2d 4h (timeout); last known status Running; the last request failed: HTTP 503'
    )
    expect(bullet).toBeGreaterThan(0)
    expect(lines[bullet + 1]).toBe('')
  })

  it('counts in the singular what is one', () => {
    const watch = watchOf(
      finished,
      { ...snapshot('Succeeded', [step('live', 'Complete')]), omittedSteps: 1 },
      { polls: 1 }
    )
    const md = renderSummary([watch], [judged(watch)], 'passed')
    expect(md).toContain('the service reported 1 more step, not kept')
    expect(md).toContain('in 1 request.')
    expect(md).not.toMatch(/\b1 (requests|steps|messages|changes|offers)\b/)
  })
})

describe('a portfolio', () => {
  const offer = (label: string, end: WatchEnd, snap?: OfferSnapshot, extra: Partial<WatchResult> = {}) =>
    watchOf(end, snap, { id: label, label, ...extra })
  const stuck = { id: 'scan', name: 'Scan', since: T0, inProgressMs: 2 * HOUR, estimatedTimeFrame: '< 1 hour' }
  const watches = [
    offer('live-1', finished, snapshot('Succeeded')),
    offer('stuck', { kind: 'stopped', reason: 'one-look' }, snapshot('Running', [step('scan', 'InProgress')]), {
      stuck: [stuck]
    }),
    offer('timeout', { kind: 'timed-out' }, snapshot('Running', [step('certification', 'InProgress')])),
    offer('live-2', finished, snapshot('Succeeded')),
    offer('rejected', finished, snapshot('Failed', [step('certification', 'Rejected')])),
    offer('missing', { kind: 'error', reason: 'HTTP 404: check the IDs', httpStatus: 404 }),
    offer('review', { kind: 'stopped', reason: 'one-look' }, snapshot('WaitingForPublisherReview'))
  ]
  // Rendered in each test, not while the suite is collected, so that a mutation run sees which tests cover it.
  let verdicts: Verdict[]
  let lines: string[]
  beforeEach(() => {
    verdicts = watches.map((w) => judged(w, { onTimeout: 'fail' }))
    lines = renderSummary(watches, verdicts, overallResult(verdicts)).split('\n')
  })

  it('is headed by what happened to how many, worst first', () => {
    expect(lines[0]).toBe('## ❌ 7 offers: 1 failed, 1 unreadable, 1 timed out, 1 stuck, 1 preview ready, 2 live')
    expect(lines[2]).toBe('**Next:** Start at the top: the offers are listed worst first, each with what to do next.')
  })

  it('lists failures first, then the worst outcome, stuck before not, and keeps the order of equals', () => {
    const rows = lines.filter((l) => /^\| [a-z]+(-\d)? \|/.test(l))
    expect(rows).toEqual([
      '| rejected | ❌ failed | Certification rejected | Failed | ❌ failed |',
      '| missing | ❔ unknown | HTTP 404: check the IDs | — | ❌ failed |',
      '| timeout | 🔄 in-progress | still in Certification | Running | ⏱️ timed-out |',
      '| stuck | 🔄 in-progress | Scan stuck for 2h (estimate < 1 hour) | Running | ✅ passed |',
      '| review | 👀 preview-ready | — | WaitingForPublisherReview | ✅ passed |',
      '| live-1 | ✅ live | — | Succeeded | ✅ passed |',
      '| live-2 | ✅ live | — | Succeeded | ✅ passed |'
    ])
    expect([...verdicts].sort(compareVerdicts).map((v) => v.what)).toEqual([
      'failed',
      'unreadable',
      'timed out',
      'stuck',
      'preview ready',
      'live',
      'live'
    ])
  })

  it('opens the folds of failed, timed-out and stuck offers, and closes those that passed', () => {
    const folds = lines.flatMap((l, i) => (l.startsWith('<details') ? [`${l} ${lines[i + 1] ?? ''}`] : []))
    expect(folds).toEqual([
      '<details open> <summary>❌ rejected: Failed: Certification rejected</summary>',
      '<details open> <summary>⚠️ missing: Could not read the status: HTTP 404: check the IDs</summary>',
      '<details open> <summary>⏱️ timeout: Timed out: still in Certification</summary>',
      '<details open> <summary>🔄 stuck: In progress: Scan stuck for 2h (estimate < 1 hour)</summary>',
      '<details> <summary>✅ review: Preview ready for your sign-off</summary>',
      '<details> <summary>✅ live-1: Live</summary>',
      '<details> <summary>✅ live-2: Live</summary>'
    ])
  })

  it('gives one next move when all share it, and names jobs as jobs', () => {
    const jobs = [
      job(finished, snapshot('Succeeded')),
      job(finished, snapshot('Succeeded'), { id: 'job-2', label: 'Configure job job-2' })
    ]
    const jobVerdicts = jobs.map((w) => judged(w))
    const text = renderSummary(jobs, jobVerdicts, 'passed').split('\n')
    expect(text[0]).toBe('## ✅ 2 configure jobs: 2 succeeded')
    expect(text[2]).toBe(`**Next:** ${NEXT.jobSucceeded}`)
    const mixed = renderSummary([jobs[0]!, watches[0]!], [jobVerdicts[0]!, verdicts[0]!], 'passed')
    expect(mixed.split('\n')[0]).toBe('## ✅ 2 offers and jobs: 1 succeeded, 1 live')
  })
})

describe('annotations', () => {
  const signIn: WatchEnd = {
    kind: 'error',
    reason: 'Entra ID sign-in refused (client-secret): AADSTS7000215: Invalid client secret provided.',
    signIn: true
  }
  const offers = (n: number, end: WatchEnd, prefix = 'contoso/o') =>
    Array.from({ length: n }, (_, i) => watchOf(end, undefined, { id: `o${i}`, label: `${prefix}${i}` }))

  it('are one for the same reason across offers, naming each offer', () => {
    const { errors } = annotationsOf(offers(5, signIn).map((w) => judged(w)))
    expect(errors).toEqual([
      {
        title: 'Offer status unavailable',
        message: `Offers contoso/o0, contoso/o1, contoso/o2, contoso/o3, contoso/o4: ${signIn.reason}`,
        detail: signIn.reason
      }
    ])
  })

  it('are one per distinct reason, in the order first seen', () => {
    const notFound: WatchEnd = { kind: 'error', reason: 'HTTP 404: check the IDs', httpStatus: 404 }
    const watches = [...offers(2, signIn), ...offers(1, notFound, 'contoso/x'), ...offers(3, signIn, 'contoso/y')]
    const { errors } = annotationsOf(watches.map((w) => judged(w)))
    expect(errors.map((e) => e.message)).toEqual([
      `Offers contoso/o0, contoso/o1, contoso/y0, contoso/y1, contoso/y2: ${signIn.reason}`,
      'Offer contoso/x0: HTTP 404: check the IDs'
    ])
  })

  it('name at most ten offers, and count the rest', () => {
    const [only] = annotationsOf(offers(25, signIn).map((w) => judged(w))).errors
    expect(only?.message).toBe(
      `Offers ${Array.from({ length: 10 }, (_, i) => `contoso/o${i}`).join(', ')} and 15 more: ${signIn.reason}`
    )
  })

  it('keep the names short when the labels are long', () => {
    const [only] = annotationsOf(offers(10, signIn, `contoso/${'n'.repeat(200)}`).map((w) => judged(w))).errors
    expect(only?.message.length).toBeLessThan(600 + signIn.reason.length + 20)
    expect(only?.message).toMatch(/ and \d+ more: Entra ID sign-in refused/)
  })

  it('name jobs as jobs, and offers and jobs together', () => {
    const jobs = [job(signIn), job(signIn, undefined, { id: 'job-2', label: 'Configure job job-2' })]
    const both = mergeReasons([...jobs, ...offers(1, signIn)].flatMap((w) => judged(w).failures))
    expect(both.map((r) => r.message)).toEqual([
      `Configure jobs job-1, job-2: ${signIn.reason}`,
      `Offer contoso/o0: ${signIn.reason}`
    ])
    const one = mergeReasons(
      [jobs[0]!, ...offers(1, signIn)].flatMap((w) => judged(w).failures).map((r) => ({ ...r, title: 'x' }))
    )
    expect(one.map((r) => r.message)).toEqual([`Offer contoso/o0 and configure job job-1: ${signIn.reason}`])
    const many = mergeReasons(
      [...jobs, ...offers(10, signIn)].flatMap((w) => judged(w).failures).map((r) => ({ ...r, title: 'x' }))
    )
    expect(many[0]?.message).toBe(
      `Offers ${Array.from({ length: 10 }, (_, i) => `contoso/o${i}`).join(', ')} and 2 more: ${signIn.reason}`
    )
    const sameTitle = mergeReasons([
      ...jobs.flatMap((w) => judged(w).failures).map((r) => ({ ...r, title: 'x' })),
      ...offers(2, signIn)
        .flatMap((w) => judged(w).failures)
        .map((r) => ({ ...r, title: 'x' }))
    ])
    expect(sameTitle.map((r) => r.message)).toEqual([
      `Offers contoso/o0, contoso/o1 and configure jobs job-1, job-2: ${signIn.reason}`
    ])
  })

  it('say only how many when even one name is too long', () => {
    const long = `contoso/${'n'.repeat(700)}`
    const [only] = annotationsOf(offers(3, signIn, long).map((w) => judged(w))).errors
    expect(only?.message).toBe(`3 offers: ${signIn.reason}`)
    const jobs = [0, 1].map((i) => job(signIn, undefined, { id: `${'j'.repeat(700)}${i}` }))
    expect(annotationsOf(jobs.map((w) => judged(w))).errors[0]?.message).toBe(`2 configure jobs: ${signIn.reason}`)
    const both = [...jobs, ...offers(1, signIn, long)]
      .flatMap((w) => judged(w).failures)
      .map((r) => ({ ...r, title: 'x' }))
    expect(mergeReasons(both)[0]?.message).toBe(`3 offers and jobs: ${signIn.reason}`)
  })

  it('merge reasons about no one offer only when they are the same', () => {
    const same = { title: 'Sign-in', message: 'refused' }
    expect(mergeReasons([same, { ...same }, { title: 'Sign-in', message: 'expired' }])).toEqual([
      same,
      { title: 'Sign-in', message: 'expired' }
    ])
    // The same offer twice for one reason is named once.
    const twice = judged(watchOf(signIn)).failures
    expect(mergeReasons([...twice, ...twice])).toEqual(twice)
  })

  it('are ten at most, the tenth counting the rest', () => {
    const reasons = (n: number, title: string) =>
      Array.from({ length: n }, (_, i) => ({ title: `${title}${i}`, message: `${title} ${i}` }))
    const verdict = (failures: Reason[], warnings: Reason[]): Verdict => ({
      ...judged(watchOf(finished, snapshot('Succeeded'))),
      failures,
      warnings
    })
    const exactly = annotationsOf([verdict(reasons(10, 'e'), reasons(11, 'w'))])
    expect(exactly.errors.map((r) => r.title)).toEqual(reasons(10, 'e').map((r) => r.title))
    expect(exactly.warnings.map((r) => r.title)).toEqual([...reasons(9, 'w').map((r) => r.title), '2 more warnings'])
  })

  it('are still at most ten of a kind once merged', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      watchOf({ kind: 'error', reason: `HTTP 404: offer ${i}`, httpStatus: 404 }, undefined, { label: `contoso/${i}` })
    )
    const { errors } = annotationsOf(many.map((w) => judged(w)))
    expect(errors).toHaveLength(MAX_ANNOTATIONS)
    expect(errors[9]?.title).toBe('21 more failures')
  })
})
