/** The verdict, the summary, the log lines and the outputs, from hand-made watch results. */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { annotationsOf, MAX_ANNOTATIONS } from '../src/annotations.js'
import { outputsOf } from '../src/outputs.js'
import type { WatchEnd, WatchResult } from '../src/poll.js'
import { progressBar } from '../src/present.js'
import { pollLine, stepLines } from '../src/progress.js'
import type { OfferSnapshot } from '../src/snapshot.js'
import { renderProblemSummary, renderSummary } from '../src/summary.js'
import { judge, NEXT, overallResult, type Reason, type Verdict } from '../src/verdict.js'
import { NO_OUTPUTS, snapshot, step, T0, watchResult } from './fixtures/fakes.js'

function result(end: WatchEnd, snap?: OfferSnapshot, extra: Partial<WatchResult> = {}): WatchResult {
  return watchResult({ end, ...(snap ? { snapshot: snap } : {}), ...extra })
}

const msg = (text: string, level = 'error') => ({ text, level })
const summaryOf = (watch: WatchResult) => {
  const verdict = judge(watch, { onTimeout: 'fail' })
  return renderSummary([watch], [verdict], verdict.result)
}
const finished: WatchEnd = { kind: 'stopped', reason: 'finished' }
/** Reasons as title and message (their subject and detail are tested on their own). */
const brief = (reasons: Reason[]) => reasons.map(({ title, message }) => ({ title, message }))

describe('judge', () => {
  it('passes a succeeded offer', () => {
    const verdict = judge(result(finished, snapshot('Succeeded', [step('live', 'Complete')])), { onTimeout: 'fail' })
    expect(verdict).toEqual({
      result: 'passed',
      outcome: 'live',
      failures: [],
      warnings: [],
      what: 'live',
      icon: '✅',
      headline: 'Live',
      why: '',
      next: NEXT.live
    })
  })

  it('fails once per rejected step, naming offer, step and message (errors first)', () => {
    const snap = snapshot('Failed', [
      step('validation', 'Complete'),
      step('certification', 'Rejected', {
        name: 'Certification',
        messages: [msg('minor', 'warning'), msg('CVE found')]
      }),
      step('packaging', 'Rejected', { messages: [] })
    ])
    const verdict = judge(result({ kind: 'stopped', reason: 'rejected' }, snap), { onTimeout: 'fail' })
    expect(verdict.result).toBe('failed')
    expect(brief(verdict.failures)).toEqual([
      {
        title: 'Certification rejected',
        message: "Offer contoso/vm-offer: step 'Certification' (certification) was rejected: CVE found / minor"
      },
      { title: 'Packaging rejected', message: "Offer contoso/vm-offer: step 'Packaging' (packaging) was rejected" }
    ])
    expect(verdict.headline).toBe('Failed: 2 steps rejected: Certification, Packaging')
    expect(verdict.next).toBe(NEXT.certification)
    expect(verdict.failures[0]).toMatchObject({
      subject: { kind: 'offer', name: 'contoso/vm-offer' },
      detail: "step 'Certification' (certification) was rejected: CVE found / minor"
    })
  })

  it.each([
    ['Failed', 'Blocked', 'publishing failed'],
    ['Canceled', 'Canceled', 'publishing canceled']
  ])('fails an offer that ended %s, naming the step it stopped at', (offer, stepStatus, phrase) => {
    const snap = snapshot(offer, [
      step('validation', 'Complete'),
      step('packaging', stepStatus, { messages: [msg('copy failed')] })
    ])
    const verdict = judge(result(finished, snap), { onTimeout: 'fail' })
    expect(verdict.result).toBe('failed')
    expect(verdict.failures).toHaveLength(1)
    expect(verdict.failures[0]?.message).toBe(
      `Offer contoso/vm-offer: ${phrase} at step 'Packaging' (packaging) (${stepStatus}): copy failed`
    )
  })

  it('fails a failed offer with no steps, still naming the offer', () => {
    const verdict = judge(result(finished, snapshot('Failed')), { onTimeout: 'fail' })
    expect(verdict.headline).toBe('Failed')
    expect(brief(verdict.failures)).toEqual([
      { title: 'Publishing failed', message: 'Offer contoso/vm-offer: publishing failed' }
    ])
  })

  it('fails a timeout, or warns with on-timeout warn', () => {
    const snap = snapshot('Running', [step('certification', 'InProgress')])
    const failed = judge(result({ kind: 'timed-out' }, snap), { onTimeout: 'fail' })
    expect(failed.result).toBe('timed-out')
    expect(failed.failures[0]?.message).toBe(
      "Offer contoso/vm-offer: still not done after 2m 5s (timeout); last known status Running, step 'Certification' (certification) InProgress"
    )
    const warned = judge(result({ kind: 'timed-out' }, snap), { onTimeout: 'warn' })
    expect(warned.result).toBe('timed-out')
    expect(warned.failures).toEqual([])
    expect(warned.warnings).toEqual(failed.failures)
  })

  it('fails a cancelled run and an API error', () => {
    expect(judge(result({ kind: 'cancelled' }), { onTimeout: 'warn' })).toMatchObject({
      result: 'cancelled',
      failures: [{ message: 'Offer contoso/vm-offer: the run was cancelled after 2m 5s; no status read yet' }]
    })
    expect(judge(result({ kind: 'error', reason: 'HTTP 404 (x)' }), { onTimeout: 'fail' })).toMatchObject({
      result: 'failed',
      failures: [{ message: 'Offer contoso/vm-offer: HTTP 404 (x)' }]
    })
  })

  it('passes a stop at publisher review and a look at a running offer', () => {
    const snap = snapshot('Running', [step('publisher-signoff', 'WaitingForPublisherReview')])
    expect(judge(result({ kind: 'stopped', reason: 'publisher-review' }, snap), { onTimeout: 'fail' })).toMatchObject({
      result: 'passed',
      outcome: 'preview-ready',
      headline: 'Preview ready for your sign-off',
      next: NEXT.preview
    })
    expect(judge(result({ kind: 'stopped', reason: 'one-look' }, snap), { onTimeout: 'fail' }).result).toBe('passed')
    const running = snapshot('Running', [step('certification', 'InProgress', { progress: 40 })])
    expect(judge(result({ kind: 'stopped', reason: 'one-look' }, running), { onTimeout: 'fail' })).toMatchObject({
      result: 'passed',
      outcome: 'in-progress',
      headline: 'In progress: in Certification (40%)',
      next: NEXT.later
    })
  })
})

describe('renderSummary', () => {
  const snap = snapshot('Failed', [
    step('validation', 'Complete', { progress: 100, estimatedTimeFrame: '< 15 min' }),
    step('certification', 'Rejected', {
      progress: 30,
      estimatedTimeFrame: '~2-3 days',
      messages: [msg('bad | row\n| x | y |'), msg('note', 'warning'), msg('fyi', 'informational')]
    }),
    step('mystery', 'queuedForScan')
  ])
  const watched = result({ kind: 'stopped', reason: 'rejected' }, snap, {
    history: [
      { at: T0, subject: 'offer', name: 'contoso/vm-offer', to: 'Running' },
      { at: T0 + 60_000, subject: 'certification', name: 'Certification', from: 'InProgress', to: 'Rejected' }
    ],
    transientErrors: 2,
    retries: 2
  })
  // Rendered in each test, not while the suite is collected, so that a mutation run sees which tests cover it.
  let markdown: string
  beforeEach(() => {
    markdown = summaryOf(watched)
  })

  it('has a heading with the outcome and the offer, the next move, then the status and the result', () => {
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('## ❌ Failed: Certification rejected — Offer contoso/vm-offer')
    expect(lines[2]).toBe(`**Next:** ${NEXT.certification}`)
    expect(lines[4]).toBe('Status: **Failed** · result: **failed** · waited 2m 5s · 3 requests')
  })

  it('has one row a step with icon, bar, estimate and messages', () => {
    expect(markdown).toContain('| Validation | ✅ Complete | ██████████ 100% | < 15 min |  |')
    expect(markdown).toContain(
      '| Certification | ❌ Rejected | ███░░░░░░░ 30% | ~2-3 days | ❗ bad &#124; row<br>&#124; x &#124; y &#124;<br>⚠️ note<br>fyi |'
    )
    expect(markdown).toContain('| Mystery | ❔ queuedForScan | — | — |  |')
  })

  it('lists what was observed, the wait and the number of polls', () => {
    expect(markdown).toContain('| 2026-11-25 10:00:00 UTC | +0ms | Offer | Running (first seen) |')
    expect(markdown).toContain('| 2026-11-25 10:01:00 UTC | +1m | Certification | InProgress → Rejected |')
    expect(markdown).toContain('2m 5s in 3 requests, 2 of them failed and were retried.')
  })

  it('marks a cancelled run and keeps the last status', () => {
    const cancelled = result({ kind: 'cancelled' }, snapshot('Running', [step('certification', 'InProgress')]))
    const md = summaryOf(cancelled)
    expect(md.split('\n')[0]).toBe('## ⛔ Cancelled while in Certification — Offer contoso/vm-offer')
    expect(md).toContain('Status: **Running** · result: **cancelled**')
    expect(md).toContain('The run was cancelled')
    // The heading and the warning say it: no bullet says it a third time.
    expect(md).not.toContain('- **Cancelled**')
    expect(md).toContain('| Certification | 🔄 InProgress |')
  })

  it('says when there is no status at all', () => {
    const failed = result({ kind: 'error', reason: 'HTTP 404 (OfferNotFound: <b>gone</b>)' })
    const md = summaryOf(failed)
    expect(md.split('\n')[0]).toBe(
      '## ⚠️ Could not read the status: HTTP 404 (OfferNotFound: &lt;b>gone&lt;/b>) — Offer contoso/vm-offer'
    )
    // The error is said once, in the heading; no empty section either.
    expect(md.split('OfferNotFound')).toHaveLength(2)
    expect(md).not.toContain('What was observed')
    expect(md).toContain('Status: **none read** · result: **failed**')
    expect(md).not.toContain('| Step |')
  })

  it('renders an input problem as a list', () => {
    expect(renderProblemSummary('Offer status: invalid inputs', "Input 'a' is required\nInput 'b' <x>")).toBe(
      "## ❌ Offer status: invalid inputs\n\n- Input 'a' is required\n- Input 'b' &lt;x>\n"
    )
  })
})

describe('the log', () => {
  const snap = snapshot('Running', [
    step('validation', 'Complete'),
    step('certification', 'InProgress', {
      progress: 40,
      estimatedTimeFrame: '~2-3 days',
      messages: [msg('line1\n::error::x', 'info')]
    })
  ])

  it('has one line a poll with elapsed time, status, active step, progress, estimate and next check', () => {
    expect(
      pollLine({
        label: 'contoso/vm-offer',
        type: 'read',
        elapsedMs: 150_000,
        snapshot: snap,
        changed: true,
        nextDelayMs: 60_000
      })
    ).toBe('[2m 30s] 🔄 Running · Certification InProgress 40% (estimate ~2-3 days) · next check in 1m')
    expect(
      pollLine({
        label: 'contoso/vm-offer',
        type: 'read',
        elapsedMs: 0,
        snapshot: snapshot('Succeeded'),
        changed: false
      })
    ).toBe('[0ms] ✅ Succeeded · no change · no further check')
    expect(
      pollLine({
        label: 'contoso/vm-offer',
        type: 'transient',
        elapsedMs: 1_000,
        reason: 'HTTP 503\nx',
        nextDelayMs: 30_000
      })
    ).toBe('[1s] HTTP 503 x · retrying in 30s')
    expect(pollLine({ label: 'contoso/vm-offer', type: 'transient', elapsedMs: 1_000, reason: 'HTTP 503' })).toBe(
      '[1s] HTTP 503 · no retry before the timeout'
    )
  })

  it('details every step and message on single lines', () => {
    expect(stepLines(snap)).toEqual([
      '✅ Validation Complete',
      '🔄 Certification InProgress 40% (estimate ~2-3 days)',
      '    [info] line1 : :error: :x'
    ])
    expect(stepLines(snapshot('NeverPublished'))).toEqual(['(no publishing steps reported)'])
  })
})

describe('outputs', () => {
  it('sets status, result and steps', () => {
    const snap = snapshot('Running', [
      step('certification', 'InProgress', { progress: 40, estimatedTimeFrame: '~2-3 days' }),
      step('live', 'NotStarted')
    ])
    const steps = [
      {
        id: 'certification',
        name: 'Certification',
        status: 'InProgress',
        progress: 40,
        estimatedTimeFrame: '~2-3 days'
      },
      { id: 'live', name: 'Live', status: 'NotStarted', progress: null, estimatedTimeFrame: null }
    ]
    expect(outputsOf([result(finished, snap)], [{ result: 'passed' }], 'passed')).toEqual({
      status: 'Running',
      result: 'passed',
      outcome: 'in-progress',
      'preview-url': '',
      'live-url': '',
      steps: JSON.stringify(steps),
      offers: JSON.stringify([
        {
          id: 'vm-offer',
          status: 'Running',
          result: 'passed',
          outcome: 'in-progress',
          previewUrl: null,
          liveUrl: null,
          steps
        }
      ]),
      'stuck-steps': '[]',
      changed: 'false',
      changes: '[]'
    })
    expect(outputsOf([], [], 'failed')).toEqual(NO_OUTPUTS)
  })

  it('draws progress bars', () => {
    expect(progressBar(0)).toBe('░░░░░░░░░░ 0%')
    expect(progressBar(45)).toBe('█████░░░░░ 45%')
    expect(progressBar(undefined)).toBe('—')
  })
})

describe('several offers', () => {
  const offer = (label: string, end: WatchEnd, snap?: OfferSnapshot, extra: Partial<WatchResult> = {}) =>
    result(end, snap, { label, ...extra })
  const stuckStep = {
    id: 'certification',
    name: 'Certification',
    since: T0 - 6 * 86_400_000,
    inProgressMs: 6 * 86_400_000,
    estimatedTimeFrame: '~2-3 days'
  }
  const watches = [
    offer('contoso/vm', finished, snapshot('Succeeded', [step('live', 'Complete')])),
    offer(
      'contoso/saas',
      finished,
      snapshot('Failed', [step('packaging', 'Blocked', { messages: [msg('copy failed')] })])
    ),
    offer('contoso/app', { kind: 'error', reason: 'HTTP 404 (OfferNotFound: gone): check publisher-id and offer-id' }),
    offer('contoso/old', { kind: 'timed-out' }, snapshot('Running', [step('certification', 'InProgress')]), {
      stuck: [stuckStep]
    })
  ]
  let verdicts: Verdict[]
  beforeEach(() => {
    verdicts = watches.map((w) => judge(w, { onTimeout: 'warn' }))
  })

  it('judges each offer on its own and the whole by the worst', () => {
    expect(verdicts.map((v) => v.result)).toEqual(['passed', 'failed', 'failed', 'timed-out'])
    expect(overallResult(verdicts)).toBe('failed')
    expect(overallResult([verdicts[0]!, verdicts[3]!])).toBe('timed-out')
    expect(overallResult([verdicts[0]!])).toBe('passed')
    expect(overallResult([{ ...verdicts[0]!, result: 'cancelled' }, verdicts[3]!])).toBe('cancelled')
  })

  it('names the offer in every reason, and warns about a stuck step', () => {
    expect(verdicts[1]?.failures[0]?.message).toMatch(/^Offer contoso\/saas: publishing failed at step 'Packaging'/)
    expect(verdicts[2]?.failures[0]?.message).toMatch(/^Offer contoso\/app: HTTP 404/)
    expect(brief(verdicts[3]?.warnings ?? [])).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Offer contoso\/old: still not done/) }),
      {
        title: 'Certification stuck',
        message: "Offer contoso/old: step 'Certification' has been in progress for 6d, beyond its estimate of ~2-3 days"
      }
    ])
    expect(verdicts[3]).toMatchObject({
      outcome: 'in-progress',
      headline: 'Timed out: still in Certification, beyond its estimate of ~2-3 days',
      next: NEXT.stuck
    })
  })

  it('fails a stuck step with fail-on-stuck', () => {
    const stuckOnly = offer(
      'contoso/old',
      { kind: 'stopped', reason: 'stuck' },
      snapshot('Running', [step('certification', 'InProgress')]),
      { stuck: [stuckStep] }
    )
    const verdict = judge(stuckOnly, { onTimeout: 'fail', failOnStuck: true })
    expect(verdict.result).toBe('failed')
    expect(verdict.failures.map((f) => f.title)).toEqual(['Certification stuck'])
    expect(verdict.headline).toBe('Stuck: Certification stuck for 6d (estimate ~2-3 days)')
    expect(verdict.next).toBe(NEXT.stuck)
  })

  it('writes an overview first, then each offer under <details>', () => {
    const md = renderSummary(watches, verdicts, overallResult(verdicts))
    const lines = md.split('\n')
    expect(lines[0]).toBe('## ❌ 4 offers: 1 failed, 1 unreadable, 1 timed out, 1 live')
    // Worst first, with why: the failure, the 404's reason, the timeout's step.
    const start = lines.indexOf('| Offer | Outcome | Why | Status | Result |')
    expect(lines.slice(start, lines.indexOf('', start))).toEqual([
      '| Offer | Outcome | Why | Status | Result |',
      '| --- | --- | --- | --- | --- |',
      '| contoso/saas | ❌ failed | Packaging blocked | Failed | ❌ failed |',
      '| contoso/app | ❔ unknown | HTTP 404 (OfferNotFound: gone): check publisher-id and offer-id | — | ❌ failed |',
      '| contoso/old | 🔄 in-progress | still in Certification, beyond its estimate of ~2-3 days | Running | ⏱️ timed-out |',
      '| contoso/vm | ✅ live | — | Succeeded | ✅ passed |'
    ])
    expect(md).toContain('| Certification | 🔄 InProgress ⚠️ stuck for 6d | — | — |  |')
    // Failed, unreadable and timed-out offers open, the live one closed, in the same order.
    expect(lines.filter((l) => l.startsWith('<details'))).toEqual([
      '<details open>',
      '<details open>',
      '<details open>',
      '<details>'
    ])
    expect(lines.filter((l) => l.startsWith('<summary>'))).toEqual([
      '<summary>❌ contoso/saas: Failed: Packaging blocked</summary>',
      '<summary>⚠️ contoso/app: Could not read the status: HTTP 404 (OfferNotFound: gone): check publisher-id and offer-id</summary>',
      '<summary>⏱️ contoso/old: Timed out: still in Certification, beyond its estimate of ~2-3 days</summary>',
      '<summary>✅ contoso/vm: Live</summary>'
    ])
    expect(md).toContain('### ❌ Failed: Packaging blocked — Offer contoso/saas')
    expect(md).not.toContain('What was observed')
  })

  it('sets offers, stuck-steps, the overall result, and a status only when all share it', () => {
    const outputs = outputsOf(watches, verdicts, 'failed')
    expect(outputs.result).toBe('failed')
    expect(outputs.status).toBe('')
    expect(outputs.steps).toBe('[]')
    const offers = JSON.parse(outputs.offers ?? '') as Record<string, unknown>[]
    expect(offers.map((o) => [o.id, o.status, o.result])).toEqual([
      ['vm', 'Succeeded', 'passed'],
      ['saas', 'Failed', 'failed'],
      ['app', '', 'failed'],
      ['old', 'Running', 'timed-out']
    ])
    expect(JSON.parse(outputs['stuck-steps'] ?? '')).toEqual([
      {
        offer: 'old',
        id: 'certification',
        name: 'Certification',
        inProgressSince: new Date(T0 - 6 * 86_400_000).toISOString(),
        inProgressMinutes: 8640,
        estimatedTimeFrame: '~2-3 days'
      }
    ])
    const both = [watches[0]!, offer('contoso/vm2', finished, snapshot('Succeeded'))]
    expect(outputsOf(both, [verdicts[0]!, verdicts[0]!], 'passed').status).toBe('Succeeded')
  })

  it('names the offer in log lines when there are several', () => {
    expect(
      pollLine({ label: 'contoso/vm', type: 'transient', elapsedMs: 0, reason: 'HTTP 503' }, { withLabel: true })
    ).toBe('[0ms] contoso/vm: HTTP 503 · no retry before the timeout')
    expect(pollLine({ label: 'contoso/old', type: 'stuck', elapsedMs: 1_000, step: stuckStep })).toBe(
      '[1s] Certification has been in progress for 6d, beyond its estimate of ~2-3 days: stuck'
    )
  })
})

describe('the whole summary', () => {
  const scan = {
    id: 'scan',
    name: 'Scan',
    since: T0 - 2 * 3_600_000,
    inProgressMs: 2 * 3_600_000,
    estimatedTimeFrame: '< 1 hour'
  }
  const timedOut = (): WatchResult =>
    result(
      { kind: 'timed-out' },
      {
        status: 'Running',
        steps: [
          step('certification', 'InProgress', { progress: 40, estimatedTimeFrame: '~2-3 days' }),
          step('scan', 'InProgress', { estimatedTimeFrame: '< 1 hour', messages: [msg('slow', 'warning')] })
        ],
        messages: [msg('Offer *note*', 'info')]
      },
      {
        stuck: [scan],
        transientErrors: 1,
        retries: 1,
        history: [
          { at: T0, subject: 'offer', name: 'contoso/vm-offer', to: 'Running' },
          { at: T0 + 60_000, subject: 'scan', name: 'Scan', from: 'NotStarted', to: 'InProgress' }
        ]
      }
    )

  it('of one offer: reasons, steps with the stuck one marked, offer messages, what was observed, retries', () => {
    const watch = timedOut()
    const verdict = judge(watch, { onTimeout: 'warn' })
    expect(renderSummary([watch], [verdict], verdict.result).split('\n')).toEqual([
      '## ⏱️ Timed out: still in Certification (40%); Scan stuck for 2h (estimate < 1 hour) — Offer contoso/vm-offer',
      '',
      '**Next:** Look at the offer in Partner Center; if the step stays stuck, open a support request in Partner Center (Help + support).',
      '',
      'Status: **Running** · result: **timed-out** · waited 2m 5s · 3 requests',
      '',
      '| Step | Status | Progress | Estimate | Messages |',
      '| --- | --- | --- | --- | --- |',
      '| Certification | 🔄 InProgress | ████░░░░░░ 40% | ~2-3 days |  |',
      '| Scan | 🔄 InProgress ⚠️ stuck for 2h | — | < 1 hour | ⚠️ slow |',
      '',
      '> Offer &#42;note&#42;',
      '',
      '### What was observed',
      '',
      '| Time | After | What | Change |',
      '| --- | --- | --- | --- |',
      '| 2026-11-25 10:00:00 UTC | +0ms | Offer | Running (first seen) |',
      '| 2026-11-25 10:01:00 UTC | +1m | Scan | NotStarted → InProgress |',
      '',
      'Watched from 2026-11-25 10:00:00 UTC to 2026-11-25 10:02:05 UTC: 2m 5s in 3 requests, 1 of them failed and was retried.',
      ''
    ])
  })

  it('of one offer with no steps, no reasons, no changes and one request', () => {
    const watch = result(finished, snapshot('Succeeded'), { polls: 1, endedAt: T0 + 900 })
    const verdict = judge(watch, { onTimeout: 'fail' })
    expect(renderSummary([watch], [verdict], verdict.result).split('\n')).toEqual([
      '## ✅ Live — Offer contoso/vm-offer',
      '',
      '**Next:** Nothing to do: the offer is live.',
      '',
      'Status: **Succeeded** · result: **passed** · waited 900ms · 1 request',
      '',
      '_The service reported no publishing steps._',
      '',
      'Watched from 2026-11-25 10:00:00 UTC to 2026-11-25 10:00:00 UTC: 900ms in 1 request.',
      ''
    ])
  })

  it('of several offers: the overview over their whole span, then each offer under <details>', () => {
    const watches = [
      timedOut(),
      result(finished, snapshot('Succeeded'), {
        label: 'contoso/saas',
        polls: 2,
        startedAt: T0 + 1_000,
        endedAt: T0 + 61_000
      }),
      result({ kind: 'cancelled' }, undefined, {
        label: 'contoso/app',
        polls: 0,
        startedAt: T0 + 500,
        endedAt: T0 + 30_000
      })
    ]
    const verdicts = watches.map((w) => judge(w, { onTimeout: 'warn' }))
    expect(renderSummary(watches, verdicts, overallResult(verdicts)).split('\n')).toEqual([
      '## ⛔ 3 offers: 1 cancelled, 1 timed out, 1 live',
      '',
      '**Next:** Start at the top: the offers are listed worst first, each with what to do next.',
      '',
      'Result: **cancelled** · waited 2m 5s · 5 requests in all',
      '',
      '| Offer | Outcome | Why | Status | Result |',
      '| --- | --- | --- | --- | --- |',
      '| contoso/app | ❔ unknown | before any status was read | — | ⛔ cancelled |',
      '| contoso/vm-offer | 🔄 in-progress | still in Certification (40%); Scan stuck for 2h (estimate < 1 hour) | Running | ⏱️ timed-out |',
      '| contoso/saas | ✅ live | — | Succeeded | ✅ passed |',
      '',
      '<details open>',
      '<summary>⛔ contoso/app: Cancelled before any status was read</summary>',
      '',
      '### ⛔ Cancelled before any status was read — Offer contoso/app',
      '',
      '**Next:** Run again to see where publishing stands: cancelling the run does not stop the publish.',
      '',
      'Status: **none read** · result: **cancelled** · waited 30s · 0 requests',
      '',
      '> [!WARNING]',
      '> The run was cancelled: no status had been read yet.',
      '',
      'Watched from 2026-11-25 10:00:00 UTC to 2026-11-25 10:00:30 UTC: 30s in 0 requests.',
      '',
      '</details>',
      '',
      '<details open>',
      '<summary>⏱️ contoso/vm-offer: Timed out: still in Certification (40%); Scan stuck for 2h (estimate < 1 hour)</summary>',
      '',
      '### ⏱️ Timed out: still in Certification (40%); Scan stuck for 2h (estimate < 1 hour) — Offer contoso/vm-offer',
      '',
      '**Next:** Look at the offer in Partner Center; if the step stays stuck, open a support request in Partner Center (Help + support).',
      '',
      'Status: **Running** · result: **timed-out** · waited 2m 5s · 3 requests',
      '',
      '| Step | Status | Progress | Estimate | Messages |',
      '| --- | --- | --- | --- | --- |',
      '| Certification | 🔄 InProgress | ████░░░░░░ 40% | ~2-3 days |  |',
      '| Scan | 🔄 InProgress ⚠️ stuck for 2h | — | < 1 hour | ⚠️ slow |',
      '',
      '> Offer &#42;note&#42;',
      '',
      '#### What was observed',
      '',
      '| Time | After | What | Change |',
      '| --- | --- | --- | --- |',
      '| 2026-11-25 10:00:00 UTC | +0ms | Offer | Running (first seen) |',
      '| 2026-11-25 10:01:00 UTC | +1m | Scan | NotStarted → InProgress |',
      '',
      'Watched from 2026-11-25 10:00:00 UTC to 2026-11-25 10:02:05 UTC: 2m 5s in 3 requests, 1 of them failed and was retried.',
      '',
      '</details>',
      '',
      '<details>',
      '<summary>✅ contoso/saas: Live</summary>',
      '',
      '### ✅ Live — Offer contoso/saas',
      '',
      '**Next:** Nothing to do: the offer is live.',
      '',
      'Status: **Succeeded** · result: **passed** · waited 1m · 2 requests',
      '',
      '_The service reported no publishing steps._',
      '',
      'Watched from 2026-11-25 10:00:01 UTC to 2026-11-25 10:01:01 UTC: 1m in 2 requests.',
      '',
      '</details>',
      ''
    ])
  })

  it('leaves out an offer that has no verdict', () => {
    const watches = [
      result(finished, snapshot('Succeeded')),
      result(finished, snapshot('Failed'), { label: 'contoso/b' })
    ]
    const verdicts = [judge(watches[0]!, { onTimeout: 'fail' })]
    const md = renderSummary(watches, verdicts, 'passed')
    expect(md.split('\n').slice(0, 10)).toEqual([
      '## ✅ 2 offers: 1 live',
      '',
      `**Next:** ${NEXT.live}`,
      '',
      'Result: **passed** · waited 2m 5s · 6 requests in all',
      '',
      '| Offer | Outcome | Why | Status | Result |',
      '| --- | --- | --- | --- | --- |',
      '| contoso/vm-offer | ✅ live | — | Succeeded | ✅ passed |',
      ''
    ])
    expect(md).not.toContain('contoso/b')
    expect(md.split('\n').filter((line) => line === '<details>')).toHaveLength(1)
  })
})

describe('judge, reason by reason', () => {
  const stuckOn = (id: string, name: string) => ({
    id,
    name,
    since: T0 - 2 * 3_600_000,
    inProgressMs: 2 * 3_600_000,
    estimatedTimeFrame: '< 1 hour'
  })
  const stuckReason = (name: string) => ({
    title: `${name} stuck`,
    message: `Offer contoso/vm-offer: step '${name}' has been in progress for 2h, beyond its estimate of < 1 hour`
  })

  it('words an API error, a cancelled run and a timeout in full', () => {
    const subject = { kind: 'offer', name: 'contoso/vm-offer' }
    expect(judge(result({ kind: 'error', reason: 'HTTP 403', httpStatus: 403 }), { onTimeout: 'fail' })).toEqual({
      result: 'failed',
      outcome: 'unknown',
      failures: [
        {
          title: 'Offer status unavailable',
          message: 'Offer contoso/vm-offer: HTTP 403',
          subject,
          detail: 'HTTP 403',
          inHeading: true
        }
      ],
      warnings: [],
      what: 'unreadable',
      icon: '⚠️',
      headline: 'Could not read the status: HTTP 403',
      why: 'HTTP 403',
      next: NEXT.access
    })
    expect(judge(result({ kind: 'cancelled' }, snapshot('Running')), { onTimeout: 'fail' })).toEqual({
      result: 'cancelled',
      outcome: 'in-progress',
      failures: [
        {
          title: 'Cancelled',
          message: 'Offer contoso/vm-offer: the run was cancelled after 2m 5s; last known status Running',
          subject,
          detail: 'the run was cancelled after 2m 5s; last known status Running',
          inHeading: true
        }
      ],
      warnings: [],
      what: 'cancelled',
      icon: '⛔',
      headline: 'Cancelled while the offer was Running',
      why: 'while the offer was Running',
      next: NEXT.cancelled
    })
    expect(
      judge(result({ kind: 'timed-out' }, snapshot('Running', [step('live', 'Complete')])), { onTimeout: 'fail' })
    ).toEqual({
      result: 'timed-out',
      outcome: 'in-progress',
      failures: [
        {
          title: 'Timed out',
          message: 'Offer contoso/vm-offer: still not done after 2m 5s (timeout); last known status Running',
          subject,
          detail: 'still not done after 2m 5s (timeout); last known status Running',
          inHeading: true
        }
      ],
      warnings: [],
      what: 'timed out',
      icon: '⏱️',
      headline: 'Timed out: still Running',
      why: 'still Running',
      next: NEXT.later
    })
  })

  it('names a step by its name alone when that is its ID', () => {
    const verdict = judge(result(finished, snapshot('Failed', [step('x', 'Rejected', { name: 'x' })])), {
      onTimeout: 'fail'
    })
    expect(brief(verdict.failures)).toEqual([
      { title: 'x rejected', message: "Offer contoso/vm-offer: step 'x' was rejected" }
    ])
    expect(verdict.headline).toBe('Failed: x rejected')
  })

  it.each(['Blocked', 'Canceled'])('blames a %s step before the one in progress', (status) => {
    const snap = snapshot('Failed', [
      step('validation', 'Complete'),
      step('scan', 'InProgress', { messages: [msg('slow scan', 'warning')] }),
      step('packaging', status)
    ])
    const verdict = judge(result(finished, snap), { onTimeout: 'fail' })
    expect(brief(verdict.failures)).toEqual([
      {
        title: 'Publishing failed',
        message: `Offer contoso/vm-offer: publishing failed at step 'Packaging' (packaging) (${status})`
      }
    ])
    expect(verdict.headline).toBe(`Failed: Packaging ${status.toLowerCase()}`)
  })

  it('blames no step when every step is complete, messages or not', () => {
    const snap = snapshot('Failed', [step('validation', 'Complete', { messages: [msg('done', 'info')] })])
    const verdict = judge(result(finished, snap), { onTimeout: 'fail' })
    expect(brief(verdict.failures)).toEqual([
      { title: 'Publishing failed', message: 'Offer contoso/vm-offer: publishing failed' }
    ])
    expect(verdict).toMatchObject({
      result: 'failed',
      outcome: 'failed',
      headline: 'Failed',
      why: '',
      next: NEXT.failed
    })
  })

  it('with fail-on-stuck, passes when nothing is stuck', () => {
    const watch = result(finished, snapshot('Succeeded'))
    expect(judge(watch, { onTimeout: 'fail', failOnStuck: true })).toEqual(judge(watch, { onTimeout: 'fail' }))
    expect(judge(watch, { onTimeout: 'fail', failOnStuck: true })).toMatchObject({
      result: 'passed',
      failures: [],
      warnings: [],
      headline: 'Live'
    })
  })

  it('with fail-on-stuck, counts several stuck steps in the headline', () => {
    const watch = result({ kind: 'stopped', reason: 'stuck' }, snapshot('Running'), {
      stuck: [stuckOn('scan', 'Scan'), stuckOn('packaging', 'Packaging')]
    })
    const verdict = judge(watch, { onTimeout: 'fail', failOnStuck: true })
    expect(brief(verdict.failures)).toEqual([stuckReason('Scan'), stuckReason('Packaging')])
    expect(verdict).toMatchObject({
      result: 'failed',
      warnings: [],
      what: 'stuck',
      headline: 'Stuck: 2 steps stuck: Scan, Packaging',
      next: NEXT.stuck
    })
    // Two stuck steps are counted in the heading, and said in full below it.
    expect(verdict.failures.map((f) => f.inHeading)).toEqual([undefined, undefined])
  })

  it('with fail-on-stuck, keeps a timeout a timeout, adding the stuck step to its failures', () => {
    const watch = result({ kind: 'timed-out' }, snapshot('Running'), { stuck: [stuckOn('scan', 'Scan')] })
    const verdict = judge(watch, { onTimeout: 'warn', failOnStuck: true })
    expect(brief(verdict.failures)).toEqual([stuckReason('Scan')])
    expect(verdict).toMatchObject({
      result: 'timed-out',
      headline: 'Timed out: still Running; Scan stuck for 2h (estimate < 1 hour)',
      next: NEXT.stuck
    })
    // The heading says all of the one stuck step: the summary does not repeat it.
    expect(verdict.failures[0]?.inHeading).toBe(true)
    expect(verdict.warnings.map((w) => w.title)).toEqual(['Timed out'])
  })

  it('judges a stop before any status was read (not something the loop does) without tripping on it', () => {
    const watch = result({ kind: 'stopped', reason: 'stuck' }, undefined, { stuck: [stuckOn('scan', 'Scan')] })
    const verdict = judge(watch, { onTimeout: 'fail', failOnStuck: true })
    expect(brief(verdict.failures)).toEqual([stuckReason('Scan')])
    expect(verdict).toMatchObject({
      result: 'failed',
      outcome: 'unknown',
      warnings: [],
      headline: 'Stuck: Scan stuck for 2h (estimate < 1 hour)'
    })
  })

  it('passes with no offers to judge', () => {
    expect(overallResult([])).toBe('passed')
  })
})

describe('outputs and log lines at the edges', () => {
  it('gives an offer never read an empty status and no steps, and falls back to the overall result', () => {
    const outputs = outputsOf([result({ kind: 'error', reason: 'HTTP 404' })], [], 'failed')
    expect(outputs).toEqual({
      ...NO_OUTPUTS,
      offers: JSON.stringify([
        { id: 'vm-offer', status: '', result: 'failed', outcome: 'unknown', previewUrl: null, liveUrl: null, steps: [] }
      ])
    })
  })

  it('says what pace a read was planned by', () => {
    expect(
      pollLine({
        label: 'contoso/vm-offer',
        type: 'read',
        elapsedMs: 0,
        snapshot: snapshot('mystery'),
        changed: true,
        nextDelayMs: 50_000,
        pace: { floorMs: 50_000, capMs: 50_000, basis: { step: 'Validation\nstep', estimate: '< 15 min' } }
      })
    ).toBe('[0ms] ❔ mystery · next check in 50s (paced for Validation step, < 15 min)')
  })

  it('lists the offer messages after the steps', () => {
    const snap = { ...snapshot('Running', [step('scan', 'InProgress')]), messages: [msg('Offer\nnote', 'warning')] }
    expect(stepLines(snap)).toEqual(['🔄 Scan InProgress', '[warning] Offer note'])
  })
})

describe('annotations', () => {
  const failing = (n: number, from = 0): Verdict => ({
    result: 'failed',
    outcome: 'failed',
    failures: Array.from({ length: n }, (_, i) => ({ title: `t${from + i}`, message: `m${from + i}` })),
    warnings: [{ title: 'w', message: 'w' }],
    what: 'failed',
    icon: '❌',
    headline: 'x',
    why: '',
    next: NEXT.failed
  })
  it('are one per reason up to what GitHub shows, then one that counts the rest', () => {
    expect(annotationsOf([failing(3), failing(7, 3)]).errors.map((r) => r.title)).toHaveLength(10)
    // The same reason twice, with no subject to tell them apart, is one annotation.
    expect(annotationsOf([failing(3), failing(7)]).errors).toHaveLength(7)
    expect(annotationsOf([failing(3), failing(7)]).warnings).toEqual([{ title: 'w', message: 'w' }])
    const many = annotationsOf([failing(500)])
    expect(many.errors).toHaveLength(MAX_ANNOTATIONS)
    expect(many.errors[8]?.title).toBe('t8')
    expect(many.errors[9]).toEqual({
      title: '491 more failures',
      message: "491 more failures not annotated (GitHub shows 10 a step): the job summary has each offer's."
    })
    expect(many.warnings).toEqual([{ title: 'w', message: 'w' }])
  })
})
