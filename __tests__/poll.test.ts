import { describe, expect, it } from '@jest/globals'
import { jittered, nextBase } from '../src/backoff.js'
import { ONE_LOOK_RETRY_MS, stopReason, watch, type Sleep, type WatchEvent, type WatchSettings } from '../src/poll.js'
import { watchAll } from '../src/portfolio.js'
import { judge } from '../src/verdict.js'
import type { ReadOutcome, StatusSource } from '../src/sources/source.js'
import { fakeClock, noRandom, ok, scriptedSource, snapshot, step, T0 } from './fixtures/fakes.js'

const settings: WatchSettings = {
  waitFor: 'completion',
  timeoutMs: 3_600_000,
  intervalMs: 30_000,
  maxIntervalMs: 600_000
}
const running = (progress = 10) =>
  snapshot('Running', [step('validation', 'Complete'), step('certification', 'InProgress', { progress })])
const succeeded = snapshot('Succeeded', [step('validation', 'Complete'), step('certification', 'Complete')])

/** More looks than any test here takes: a loop past it is a runaway (a fake clock never times it out). */
const RUNAWAY = 10_000

function run(
  script: (ReadOutcome | ((at: number) => ReadOutcome))[],
  over: Partial<WatchSettings> = {},
  opts: { latencyMs?: number; random?: () => number } = {}
) {
  const clock = fakeClock()
  const { source, reads } = scriptedSource(clock, script, opts.latencyMs ?? 0)
  const guarded: StatusSource = {
    id: 'offer',
    label: source.label,
    async read(options) {
      if (reads.length >= RUNAWAY) throw new Error('runaway watch loop')
      return source.read(options)
    }
  }
  const sleep: Sleep = async (ms, signal) => {
    if (clock.sleeps.length >= RUNAWAY) throw new Error('runaway watch loop')
    return clock.sleep(ms, signal)
  }
  const events: WatchEvent[] = []
  const controller = new AbortController()
  const promise = watch(
    guarded,
    { ...settings, ...over },
    {
      now: clock.now,
      sleep,
      random: opts.random ?? noRandom,
      signal: controller.signal,
      onEvent: (e) => events.push(e)
    }
  )
  return { promise, clock, reads, events, controller }
}

describe('backoff', () => {
  const b = { intervalMs: 1_000, maxIntervalMs: 5_000 }
  const plain = { floorMs: 1_000, capMs: 5_000 }
  it('starts at the floor, doubles without change, caps, and resets on change', () => {
    expect(nextBase(undefined, false, plain)).toBe(1_000)
    expect(nextBase(1_000, false, plain)).toBe(2_000)
    expect(nextBase(4_000, false, plain)).toBe(5_000)
    expect(nextBase(5_000, true, plain)).toBe(1_000)
  })
  it('holds a pace whose floor is its cap, and rises to a higher floor at once', () => {
    expect(nextBase(2_000, false, { floorMs: 2_000, capMs: 2_000 })).toBe(2_000)
    expect(nextBase(1_000, false, { floorMs: 4_000, capMs: 5_000 })).toBe(4_000)
  })
  it('jitters by ±20%, never above max-interval, never below Retry-After', () => {
    expect(jittered(1_000, b, () => 0)).toBe(800)
    expect(jittered(1_000, b, () => 1)).toBe(1_200)
    expect(jittered(1_000, b, () => 0.5)).toBe(1_000)
    expect(jittered(5_000, b, () => 1)).toBe(5_000)
    expect(jittered(1_000, b, () => 0.5, 3_000)).toBe(3_000)
  })
})

describe('stopReason', () => {
  it('stops on a final offer, a rejected step, review when asked, and after one look when asked', () => {
    expect(stopReason(succeeded, 'completion')).toBe('finished')
    expect(stopReason(snapshot('failed'), 'completion')).toBe('finished')
    expect(stopReason(snapshot('Running', [step('c', 'Rejected')]), 'completion')).toBe('rejected')
    const review = snapshot('Running', [step('publisher-signoff', 'WaitingForPublisherReview')])
    expect(stopReason(review, 'completion')).toBeUndefined()
    expect(stopReason(review, 'publisher-review')).toBe('publisher-review')
    expect(stopReason(running(), 'completion')).toBeUndefined()
    expect(stopReason(running(), 'none')).toBe('one-look')
    expect(stopReason(snapshot('mysteryStatus'), 'completion')).toBeUndefined()
  })
})

describe('watch', () => {
  it('polls until the offer succeeds and records what changed', async () => {
    const { promise, reads, clock } = run([
      ok(snapshot('NotStarted', [step('validation', 'NotStarted')])),
      ok(running(10)),
      ok(running(10)),
      ok(succeeded)
    ])
    const result = await promise
    expect(result.end).toEqual({ kind: 'stopped', reason: 'finished' })
    expect(result.polls).toBe(4)
    expect(reads.map((r) => r.at - T0)).toEqual([0, 30_000, 60_000, 120_000])
    expect(clock.sleeps).toEqual([30_000, 30_000, 60_000])
    expect(result.snapshot?.status).toBe('Succeeded')
    expect(result.history.map((o) => [o.at - T0, o.name, o.from, o.to])).toEqual([
      [0, 'contoso/vm-offer', undefined, 'NotStarted'],
      [30_000, 'contoso/vm-offer', 'NotStarted', 'Running'],
      [30_000, 'Validation', 'NotStarted', 'Complete'],
      [30_000, 'Certification', undefined, 'InProgress'],
      [120_000, 'contoso/vm-offer', 'Running', 'Succeeded'],
      [120_000, 'Certification', 'InProgress', 'Complete']
    ])
    expect(result.history.map((o) => o.subject)).toEqual([
      'offer',
      'offer',
      'validation',
      'certification',
      'offer',
      'certification'
    ])
  })

  it('doubles while nothing changes up to max-interval, and goes back to interval when a status changes', async () => {
    const script: ReadOutcome[] = [
      ...Array.from({ length: 8 }, () => ok(running(10))),
      ok(snapshot('Running', [step('validation', 'Complete'), step('certification', 'Complete')])),
      ok(snapshot('Running', [step('validation', 'Complete'), step('certification', 'Complete')])),
      ok(succeeded)
    ]
    const { promise, clock } = run(script)
    await promise
    expect(clock.sleeps).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000, 30_000, 60_000])
  })

  it('keeps backing off when only progress moves (a step reporting progress is still the same step)', async () => {
    const script: ReadOutcome[] = [...Array.from({ length: 7 }, (_, i) => ok(running(10 + i))), ok(succeeded)]
    const { promise, clock, events } = run(script)
    await promise
    expect(clock.sleeps).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000])
    // The log still shows the steps on every look whose progress moved.
    expect(events.filter((e) => e.type === 'read' && e.changed)).toHaveLength(8)
  })

  it('applies jitter within ±20%', async () => {
    const { promise, clock } = run([ok(running()), ok(succeeded)], {}, { random: () => 0 })
    await promise
    expect(clock.sleeps).toEqual([24_000])
  })

  it('stops at once on a rejected step', async () => {
    const rejected = snapshot('Running', [step('certification', 'Rejected')])
    const { promise } = run([ok(running()), ok(rejected), ok(succeeded)])
    const result = await promise
    expect(result.end).toEqual({ kind: 'stopped', reason: 'rejected' })
    expect(result.polls).toBe(2)
  })

  it('stops at publisher review only when asked to', async () => {
    const review = snapshot('Running', [step('publisher-signoff', 'WaitingForPublisherReview')])
    const asked = await run([ok(running()), ok(review)], { waitFor: 'publisher-review' }).promise
    expect(asked.end).toEqual({ kind: 'stopped', reason: 'publisher-review' })
    const notAsked = await run([ok(running()), ok(review)], { timeoutMs: 120_000 }).promise
    expect(notAsked.end).toEqual({ kind: 'timed-out' })
  })

  it('takes one look with wait-for none', async () => {
    const { promise, clock } = run([ok(running()), ok(succeeded)], { waitFor: 'none' })
    const result = await promise
    expect(result.end).toEqual({ kind: 'stopped', reason: 'one-look' })
    expect(result.polls).toBe(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries transient errors with the same backoff and honours Retry-After as a minimum', async () => {
    const busy: ReadOutcome = { kind: 'transient', reason: 'HTTP 429', retryAfterMs: 90_000 }
    const down: ReadOutcome = { kind: 'transient', reason: 'HTTP 503' }
    const { promise, clock, events } = run([down, busy, down, ok(running()), ok(succeeded)])
    const result = await promise
    expect(result.end.kind).toBe('stopped')
    expect(result.transientErrors).toBe(3)
    expect(clock.sleeps).toEqual([30_000, 90_000, 120_000, 30_000])
    expect(events.flatMap((e) => (e.type === 'transient' ? [e.reason] : []))).toEqual([
      'HTTP 503',
      'HTTP 429',
      'HTTP 503'
    ])
  })

  it('counts as retried only the failed requests that were tried again', async () => {
    const down: ReadOutcome = { kind: 'transient', reason: 'HTTP 503' }
    // Two failures, each followed by another try: both retried.
    const recovered = await run([down, down, ok(running()), ok(succeeded)]).promise
    expect([recovered.transientErrors, recovered.retries]).toEqual([2, 2])
    // A failure followed by a fatal answer: retried once; the fatal one is no transient error.
    const fatal = await run([down, { kind: 'fatal', reason: 'HTTP 403', httpStatus: 403 }]).promise
    expect([fatal.polls, fatal.transientErrors, fatal.retries]).toEqual([2, 1, 1])
    // Failures until the deadline: the last one is never tried again.
    const timedOut = await run([ok(running()), down], { timeoutMs: 200_000 }).promise
    expect(timedOut.end).toEqual({ kind: 'timed-out' })
    expect(timedOut.transientErrors).toBeGreaterThan(0)
    expect(timedOut.retries).toBe(timedOut.transientErrors - 1)
  })

  it('keeps the step in progress at the last look and since when', async () => {
    const first = await run([ok(running()), ok(running(20))], { timeoutMs: 100_000 }).promise
    expect(first.inProgress).toEqual({ id: 'certification', since: T0 })
    const done = await run([ok(running()), ok(succeeded)]).promise
    expect(done.inProgress).toBeUndefined()
  })

  it('keeps the status of a fatal answer and whether the sign-in failed', async () => {
    const signIn = await run([{ kind: 'fatal', reason: 'Entra ID refused', signIn: true }]).promise
    expect(signIn.end).toEqual({ kind: 'error', reason: 'Entra ID refused', signIn: true })
  })

  it('fails at once on a fatal error, without retrying', async () => {
    const { promise } = run([{ kind: 'fatal', reason: 'HTTP 404', httpStatus: 404 }, ok(succeeded)])
    const result = await promise
    expect(result.end).toEqual({ kind: 'error', reason: 'HTTP 404', httpStatus: 404 })
    expect(result.polls).toBe(1)
    expect(result.snapshot).toBeUndefined()
    expect(result.stuck).toEqual([])
    expect(result.history).toEqual([])
  })

  it('never sleeps past the deadline, takes a last look shortly before it, and cuts requests at it', async () => {
    const { promise, clock, reads } = run(
      [ok(running())],
      { timeoutMs: 100_000, intervalMs: 30_000, maxIntervalMs: 60_000 },
      { latencyMs: 1_000 }
    )
    const result = await promise
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(clock.now() - T0).toBe(100_000)
    // Looks at 0, 31s and 92s; 7s are left then, less than the next delay: a last look after half of
    // them (96.5s), then the deadline is waited out.
    expect(reads.map((r) => r.at - T0)).toEqual([0, 31_000, 92_000, 96_500])
    for (const r of reads) expect(r.at + r.timeoutMs).toBeLessThanOrEqual(T0 + 100_000)
    expect(result.endedAt - T0).toBe(100_000)
  })

  it('cuts the request timeout at the deadline', async () => {
    const { promise, reads } = run([ok(running())], {
      timeoutMs: 10_000,
      intervalMs: 1_000,
      maxIntervalMs: 1_000,
      requestTimeoutMs: 30_000
    })
    await promise
    expect(reads[0]?.timeoutMs).toBe(10_000)
    for (const r of reads) expect(r.at + r.timeoutMs).toBeLessThanOrEqual(T0 + 10_000)
  })

  it('does not take the last look before a Retry-After that reaches past it', async () => {
    const busy: ReadOutcome = { kind: 'transient', reason: 'HTTP 429', retryAfterMs: 500_000 }
    const { promise, reads, clock } = run([busy], { timeoutMs: 100_000 })
    const result = await promise
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(reads).toHaveLength(1)
    expect(clock.sleeps).toEqual([100_000])
  })

  it('ends as cancelled when the signal aborts, keeping the last status', async () => {
    const clock = fakeClock()
    const controller = new AbortController()
    let n = 0
    const { source } = scriptedSource(clock, [
      () => {
        n++
        if (n === 2) controller.abort()
        return ok(running())
      }
    ])
    const result = await watch(source, settings, {
      now: clock.now,
      sleep: clock.sleep,
      random: noRandom,
      signal: controller.signal
    })
    expect(result.end).toEqual({ kind: 'cancelled' })
    expect(result.snapshot?.status).toBe('Running')
    expect(result.polls).toBe(2)
  })

  it('reports each poll with the delay to the next one', async () => {
    const { promise, events } = run([ok(running()), ok(running()), ok(succeeded)])
    await promise
    expect(events.map((e) => [e.type, e.elapsedMs, e.type === 'read' && e.changed, e.nextDelayMs])).toEqual([
      ['read', 0, true, 30_000],
      ['read', 30_000, false, 60_000],
      ['read', 90_000, true, undefined]
    ])
  })

  it('at default settings, a 6-hour wait with no change stays under 60 requests with no gap above max-interval', async () => {
    const { promise, reads } = run([ok(running())], { timeoutMs: 6 * 3_600_000 }, { random: Math.random })
    await promise
    expect(reads.length).toBeLessThanOrEqual(60)
    const gaps = reads.slice(1).map((r, i) => r.at - (reads[i]?.at ?? 0))
    expect(Math.max(...gaps)).toBeLessThanOrEqual(600_000)
  })
})

describe('watch at the edges', () => {
  it('takes the last look when the next delay reaches the deadline exactly, and then only waits', async () => {
    const { promise, reads, events } = run([ok(running())], { timeoutMs: 90_000 })
    const result = await promise
    expect(result.end).toEqual({ kind: 'timed-out' })
    // At 30s the next delay (60s) is exactly what is left: a last look 5s before the deadline instead.
    expect(reads.map((r) => r.at - T0)).toEqual([0, 30_000, 85_000])
    expect(events.map((e) => e.nextDelayMs)).toEqual([30_000, 55_000, undefined])
  })

  it('plans no further look when a read used up all the time there was', async () => {
    const { promise, reads, events } = run([ok(running())], { timeoutMs: 10_000 }, { latencyMs: 10_000 })
    const result = await promise
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(reads).toHaveLength(1)
    expect(events.map((e) => [e.type, e.elapsedMs, e.nextDelayMs])).toEqual([['read', 10_000, undefined]])
  })

  it('takes the last look when Retry-After ends exactly then', async () => {
    const busy: ReadOutcome = { kind: 'transient', reason: 'HTTP 429', retryAfterMs: 15_000 }
    const { promise, reads } = run([busy], { timeoutMs: 20_000 })
    expect((await promise).end).toEqual({ kind: 'timed-out' })
    expect(reads.map((r) => r.at - T0)).toEqual([0, 15_000])
  })

  it('reads nothing when cancelled before it starts', async () => {
    const clock = fakeClock()
    const { source, reads } = scriptedSource(clock, [ok(succeeded)])
    const controller = new AbortController()
    controller.abort()
    const result = await watch(source, settings, {
      now: clock.now,
      sleep: clock.sleep,
      random: noRandom,
      signal: controller.signal
    })
    expect(result).toMatchObject({ end: { kind: 'cancelled' }, polls: 0, stuck: [], history: [] })
    expect(reads).toHaveLength(0)
  })

  it('ignores what a read returns once the run was cancelled during it', async () => {
    const clock = fakeClock()
    const controller = new AbortController()
    const { source } = scriptedSource(clock, [
      ok(running()),
      () => {
        controller.abort()
        return ok(succeeded)
      }
    ])
    const events: WatchEvent[] = []
    const result = await watch(source, settings, {
      now: clock.now,
      sleep: clock.sleep,
      random: noRandom,
      signal: controller.signal,
      onEvent: (e) => events.push(e)
    })
    expect(result.end).toEqual({ kind: 'cancelled' })
    expect(result.polls).toBe(2)
    expect(result.snapshot?.status).toBe('Running')
    expect(result.history.map((o) => o.to)).toEqual(['Running'])
    expect(events).toHaveLength(1)
  })

  it('reports each step that becomes stuck, also while another one already is', async () => {
    const both = ok(
      snapshot('Running', [
        step('validation', 'InProgress', { estimatedTimeFrame: '< 15 min' }),
        step('scan', 'InProgress', { estimatedTimeFrame: '< 1 hour' })
      ])
    )
    const { promise, events } = run([both], { timeoutMs: 2 * 3_600_000 })
    const result = await promise
    expect(events.flatMap((e) => (e.type === 'stuck' ? [e.step.id] : []))).toEqual(['validation', 'scan'])
    expect(result.stuck.map((s) => s.id)).toEqual(['validation', 'scan'])
  })

  it('with fail-on-stuck, keeps watching while no step is stuck', async () => {
    const { promise } = run([ok(running()), ok(running(20)), ok(succeeded)], { failOnStuck: true })
    const result = await promise
    expect(result.end).toEqual({ kind: 'stopped', reason: 'finished' })
    expect(result.polls).toBe(3)
  })
})

describe('honest failures', () => {
  const refused: ReadOutcome = { kind: 'transient', reason: 'connection failed: connect ECONNREFUSED 127.0.0.1:1' }

  it('keeps the last error, and a wait that never read a status fails whatever on-timeout says', async () => {
    const { promise } = run([refused], { timeoutMs: 60_000 })
    const result = await promise
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(result.lastError).toBe(refused.reason)
    const verdict = judge(result, { onTimeout: 'warn' })
    expect(verdict.result).toBe('failed')
    expect(verdict.failures[0]?.message).toMatch(/no status could be read in .*ECONNREFUSED 127\.0\.0\.1:1/)
    expect(verdict.warnings).toEqual([])
  })

  it('forgets the last error after a good read', async () => {
    const { promise } = run([refused, ok(running())], { timeoutMs: 120_000 })
    const result = await promise
    expect(result.lastError).toBeUndefined()
    expect(judge(result, { onTimeout: 'warn' }).result).toBe('timed-out')
  })

  it('retries for at most two minutes with wait-for none', async () => {
    const { promise, clock } = run([refused], { waitFor: 'none', timeoutMs: 3_600_000 })
    const result = await promise
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(clock.now() - T0).toBeLessThanOrEqual(ONE_LOOK_RETRY_MS)
    expect(result.polls).toBeGreaterThan(1)
  })

  it('waits out an absurd Retry-After to the deadline in one sleep, with one event', async () => {
    const { promise, clock, events } = run([{ kind: 'transient', reason: 'HTTP 429', retryAfterMs: 35 * 86_400_000 }], {
      timeoutMs: 60_000
    })
    const result = await promise
    expect(result.polls).toBe(1)
    expect(events).toHaveLength(1)
    expect(events[0]?.nextDelayMs).toBeUndefined()
    expect(clock.sleeps).toEqual([60_000])
  })
})

describe('a read that throws', () => {
  it('ends the watch as an error naming it, instead of throwing', async () => {
    const clock = fakeClock()
    const source: StatusSource = {
      id: 'offer',
      label: 'contoso/vm-offer',
      read: () => Promise.reject(new RangeError('Maximum call stack size exceeded'))
    }
    const result = await watch(source, settings, {
      now: clock.now,
      sleep: clock.sleep,
      random: noRandom,
      signal: new AbortController().signal
    })
    expect(result.end).toEqual({
      kind: 'error',
      reason: 'unexpected error while reading the status (RangeError: Maximum call stack size exceeded)'
    })
  })
})

describe('the last error', () => {
  it('is not replaced by a request that the deadline cut short', async () => {
    const { promise } = run(
      [
        (at) =>
          at - T0 < 50_000
            ? { kind: 'transient', reason: 'response too large (over 4 MiB)' }
            : { kind: 'transient', reason: 'no response within 180ms', timedOut: true }
      ],
      { timeoutMs: 60_000, intervalMs: 1_000, maxIntervalMs: 1_000, requestTimeoutMs: 30_000 }
    )
    const result = await promise
    expect(result.polls).toBeGreaterThan(2)
    expect(result.lastError).toBe('response too large (over 4 MiB)')
    // A timeout with the whole request allowance is the error to report.
    const slow = run([{ kind: 'transient', reason: 'no response within 30000ms', timedOut: true }], {
      timeoutMs: 60_000
    })
    expect((await slow.promise).lastError).toBe('no response within 30000ms')
  })
})

describe('an API that asks for at most one poll a minute', () => {
  it('is never polled sooner, jitter included', async () => {
    const { promise, clock } = run(
      [ok(running())],
      { timeoutMs: 3_600_000, intervalMs: 60_000, minIntervalMs: 60_000 },
      {
        random: () => 0
      }
    )
    await promise
    const beforeLastLook = clock.sleeps.slice(0, -2)
    expect(beforeLastLook.length).toBeGreaterThan(5)
    expect(Math.min(...beforeLastLook)).toBeGreaterThanOrEqual(60_000)
  })
})

describe('watchAll and the API pace', () => {
  async function sleepsWith(intervalMs: number | undefined) {
    const clock = fakeClock()
    const { source } = scriptedSource(clock, [ok(running())])
    const paced = { ...source, intervalMs: 60_000, minIntervalMs: 60_000 }
    await watchAll(
      [paced],
      { waitFor: 'completion', timeoutMs: 600_000, maxIntervalMs: 600_000, ...(intervalMs ? { intervalMs } : {}) },
      { now: clock.now, sleep: clock.sleep, random: () => 0, signal: new AbortController().signal }
    )
    return clock.sleeps.slice(0, -2)
  }
  it("keeps the API's floor when interval is empty, and the input's interval when it is set", async () => {
    expect(Math.min(...(await sleepsWith(undefined)))).toBeGreaterThanOrEqual(60_000)
    expect(Math.min(...(await sleepsWith(5_000)))).toBeLessThan(60_000)
  })
})
