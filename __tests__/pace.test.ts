/** Estimates, pacing, stuck steps and the shared limiter: the pure parts of watching a portfolio. */
import { describe, expect, it } from '@jest/globals'
import { parseEstimate } from '../src/estimate.js'
import { createLimiter } from '../src/limiter.js'
import { paceFor, plainPace } from '../src/pace.js'
import { watch, type Sleep, type WatchEvent } from '../src/poll.js'
import type { ReadOutcome, StatusSource } from '../src/sources/source.js'
import { earliestMessageAt, findStuck, inProgressSince, trackInProgress } from '../src/stuck.js'
import { fakeClock, noRandom, ok, scriptedSource, snapshot, step, T0 } from './fixtures/fakes.js'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('parseEstimate', () => {
  it.each<[string, number, number]>([
    ['< 15 min', 0, 15 * MIN],
    ['<15 min', 0, 15 * MIN],
    ['< 1 hour', 0, HOUR],
    ['< 1 day', 0, DAY],
    ['~2-3 days', 2 * DAY, 3 * DAY],
    ['~2-5 days', 2 * DAY, 5 * DAY],
    ['~ 2 - 5 Days', 2 * DAY, 5 * DAY],
    ['2-3 days', 2 * DAY, 3 * DAY],
    ['< 2 hours', 0, 2 * HOUR],
    ['< 30 minutes', 0, 30 * MIN],
    ['~1 week', 7 * DAY, 7 * DAY],
    ['15 minutes', 15 * MIN, 15 * MIN]
  ])('%p is %p to %p ms', (text, minMs, maxMs) => {
    expect(parseEstimate(text)).toEqual({ minMs, maxMs })
  })

  it.each([
    undefined,
    '',
    'soon',
    'unknown',
    '< 15 fortnights',
    '~3-2 days',
    '< 0 min',
    'days',
    '< min',
    '1-2-3 days',
    '> 1 day',
    'about 2 days'
  ])('%p is unknown', (text) => {
    expect(parseEstimate(text)).toBeUndefined()
  })
})

describe('paceFor', () => {
  const settings = { intervalMs: 30_000, maxIntervalMs: 600_000 }
  const running = (estimatedTimeFrame?: string) =>
    step('s', 'InProgress', estimatedTimeFrame ? { estimatedTimeFrame } : {})

  it('checks a step every tenth of its estimate, and holds that pace within the estimate', () => {
    expect(paceFor(running('< 15 min'), 5 * MIN, settings)).toEqual({
      floorMs: 90_000,
      capMs: 90_000,
      basis: { step: 'S', estimate: '< 15 min' }
    })
    expect(paceFor(running('< 1 hour'), 10 * MIN, settings)).toMatchObject({ floorMs: 360_000, capMs: 360_000 })
  })
  it('checks a step expected to take hours or days every max-interval', () => {
    expect(paceFor(running('~2-3 days'), HOUR, settings)).toMatchObject({ floorMs: 600_000, capMs: 600_000 })
    expect(paceFor(running('< 1 day'), HOUR, settings)).toMatchObject({ floorMs: 600_000, capMs: 600_000 })
    expect(paceFor(running('< 2 hours'), 10 * MIN, settings)).toMatchObject({ floorMs: 600_000, capMs: 600_000 })
  })
  it('never goes below interval nor above max-interval', () => {
    expect(paceFor(running('< 1 min'), 0, { intervalMs: 30_000, maxIntervalMs: 40_000 })).toMatchObject({
      floorMs: 30_000,
      capMs: 30_000
    })
    expect(paceFor(running('< 3 hours'), 0, { intervalMs: 600_000, maxIntervalMs: 900_000 })).toMatchObject({
      floorMs: 900_000
    })
  })
  it('lets backoff grow again once a step runs past its estimate', () => {
    expect(paceFor(running('< 15 min'), 16 * MIN, settings)).toMatchObject({ floorMs: 90_000, capMs: 600_000 })
  })
  it('falls back to plain backoff without a readable estimate or a step in progress', () => {
    expect(paceFor(running(), 0, settings)).toEqual(plainPace(settings))
    expect(paceFor(running('whenever'), 0, settings)).toEqual(plainPace(settings))
    expect(paceFor(step('s', 'WaitingForApproval', { estimatedTimeFrame: '< 15 min' }), 0, settings)).toEqual(
      plainPace(settings)
    )
    expect(paceFor(undefined, 0, settings)).toEqual({ floorMs: 30_000, capMs: 600_000 })
  })
})

describe('stuck steps', () => {
  const message = (timestamp: string) => ({ text: 'x', level: 'info', timestamp })

  it('judges from the earliest message timestamp in the past, ignoring junk and the future', () => {
    const s = step('c', 'InProgress', {
      messages: [
        message('2026-11-20T10:00:00Z'),
        message('2026-11-19T08:00:00Z'),
        message('not a date'),
        message('2026-12-30T00:00:00Z')
      ]
    })
    expect(earliestMessageAt(s, T0)).toBe(Date.UTC(2026, 10, 19, 8))
    expect(earliestMessageAt(step('c', 'InProgress'), T0)).toBeUndefined()
  })

  it('remembers when a step was first seen in progress, and forgets it when it leaves', () => {
    const seen = new Map<string, number>()
    trackInProgress(seen, snapshot('Running', [step('a', 'InProgress'), step('b', 'NotStarted')]), T0)
    trackInProgress(seen, snapshot('Running', [step('a', 'InProgress'), step('b', 'InProgress')]), T0 + MIN)
    expect([...seen]).toEqual([
      ['a', T0],
      ['b', T0 + MIN]
    ])
    trackInProgress(seen, snapshot('Running', [step('a', 'Complete'), step('b', 'InProgress')]), T0 + 2 * MIN)
    expect([...seen]).toEqual([['b', T0 + MIN]])
  })

  it('finds a step in progress beyond the upper end of its estimate', () => {
    const seen = new Map([['c', T0]])
    const old = step('c', 'InProgress', {
      estimatedTimeFrame: '~2-3 days',
      messages: [message(new Date(T0 - 6 * DAY).toISOString())]
    })
    expect(inProgressSince(old, seen, T0)).toBe(T0 - 6 * DAY)
    expect(findStuck(snapshot('Running', [old]), seen, T0)).toEqual([
      { id: 'c', name: 'C', since: T0 - 6 * DAY, inProgressMs: 6 * DAY, estimatedTimeFrame: '~2-3 days' }
    ])
    const fresh = step('c', 'InProgress', { estimatedTimeFrame: '< 15 min' })
    expect(findStuck(snapshot('Running', [fresh]), seen, T0 + 15 * MIN)).toEqual([])
    expect(findStuck(snapshot('Running', [fresh]), seen, T0 + 16 * MIN)).toHaveLength(1)
    expect(findStuck(snapshot('Running', [step('c', 'InProgress')]), seen, T0 + 100 * DAY)).toEqual([])
    expect(
      findStuck(snapshot('Running', [step('c', 'Complete', { estimatedTimeFrame: '< 15 min' })]), seen, T0 + DAY)
    ).toEqual([])
  })
})

/** The fake clock's sleep, failing a loop that runs away (a fake clock never times it out). */
function guarded(clock: ReturnType<typeof fakeClock>): Sleep {
  return async (ms, signal) => {
    if (clock.sleeps.length >= 10_000) throw new Error('runaway watch loop')
    return clock.sleep(ms, signal)
  }
}

describe('the watch loop with pacing and stuck steps', () => {
  const settings = { waitFor: 'completion' as const, timeoutMs: 6 * HOUR, intervalMs: 30_000, maxIntervalMs: 600_000 }

  it('sees a short step end within a tenth of its estimate, jitter included', async () => {
    const clock = fakeClock()
    const validating = ok(snapshot('Running', [step('validation', 'InProgress', { estimatedTimeFrame: '< 15 min' })]))
    const done = ok(snapshot('Succeeded', [step('validation', 'Complete', { estimatedTimeFrame: '< 15 min' })]))
    const { source, reads } = scriptedSource(clock, [(at) => (at - T0 < 10 * MIN ? validating : done)] as ((
      at: number
    ) => ReadOutcome)[])
    const result = await watch(source, settings, {
      now: clock.now,
      sleep: guarded(clock),
      random: () => 1,
      signal: new AbortController().signal
    })
    expect(result.end).toEqual({ kind: 'stopped', reason: 'finished' })
    const seenAt = (reads.at(-1)?.at ?? 0) - T0
    // '< 15 min': every 90 s, and +20% jitter at most
    expect(seenAt - 10 * MIN).toBeLessThanOrEqual(108_000)
    expect(Math.max(...clock.sleeps)).toBe(108_000)
  })

  it('reports a stuck step once, keeps watching, and lists it in the result', async () => {
    const clock = fakeClock()
    const stuck = ok(snapshot('Running', [step('validation', 'InProgress', { estimatedTimeFrame: '< 15 min' })]))
    const { source } = scriptedSource(clock, [stuck])
    const events: WatchEvent[] = []
    const result = await watch(
      source,
      { ...settings, timeoutMs: HOUR },
      {
        now: clock.now,
        sleep: guarded(clock),
        random: noRandom,
        signal: new AbortController().signal,
        onEvent: (e) => events.push(e)
      }
    )
    expect(result.end).toEqual({ kind: 'timed-out' })
    expect(events.filter((e) => e.type === 'stuck')).toHaveLength(1)
    expect(result.stuck).toEqual([
      {
        id: 'validation',
        name: 'Validation',
        since: T0,
        inProgressMs: expect.any(Number),
        estimatedTimeFrame: '< 15 min'
      }
    ])
    expect(result.stuck[0]?.inProgressMs).toBeGreaterThan(50 * MIN)
  })

  it('stops at the first stuck look with fail-on-stuck', async () => {
    const clock = fakeClock()
    const old = ok(
      snapshot('Running', [
        step('certification', 'InProgress', {
          estimatedTimeFrame: '~2-3 days',
          messages: [{ text: 'q', level: 'info', timestamp: new Date(T0 - 6 * DAY).toISOString() }]
        })
      ])
    )
    const { source, reads } = scriptedSource(clock, [old])
    const result = await watch(
      source,
      { ...settings, failOnStuck: true },
      { now: clock.now, sleep: guarded(clock), random: noRandom, signal: new AbortController().signal }
    )
    expect(result.end).toEqual({ kind: 'stopped', reason: 'stuck' })
    expect(reads).toHaveLength(1)
  })

  it('shows the chosen pace in the read event', async () => {
    const clock = fakeClock()
    const certifying = ok(
      snapshot('Running', [step('certification', 'InProgress', { estimatedTimeFrame: '~2-3 days' })])
    )
    const { source } = scriptedSource(clock, [certifying, ok(snapshot('Succeeded'))])
    const events: WatchEvent[] = []
    await watch(source, settings, {
      now: clock.now,
      sleep: guarded(clock),
      random: noRandom,
      signal: new AbortController().signal,
      onEvent: (e) => events.push(e)
    })
    expect(events[0]).toMatchObject({
      type: 'read',
      nextDelayMs: 600_000,
      pace: { floorMs: 600_000, basis: { step: 'Certification', estimate: '~2-3 days' } }
    })
  })
})

describe('the shared limiter', () => {
  /** A source whose reads take `ms` of real time, counting how many run at once. */
  function slowSource(
    label: string,
    ms: number,
    gauge: { now: number; max: number },
    outcome: ReadOutcome = ok(snapshot('Running'))
  ): StatusSource {
    return {
      id: label,
      label,
      async read() {
        gauge.now++
        gauge.max = Math.max(gauge.max, gauge.now)
        await new Promise((r) => setTimeout(r, ms))
        gauge.now--
        return outcome
      }
    }
  }
  const realPorts = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) }
  const signal = new AbortController().signal

  it('lets at most four requests run at once', async () => {
    const gauge = { now: 0, max: 0 }
    const limiter = createLimiter(realPorts)
    const sources = Array.from({ length: 9 }, (_, i) => limiter.wrap(slowSource(`p/o${i}`, 20, gauge)))
    const outcomes = await Promise.all(sources.map((s) => s.read({ timeoutMs: 5_000, signal })))
    expect(outcomes.every((o) => o.kind === 'ok')).toBe(true)
    expect(gauge.max).toBe(4)
  })

  it('slows every offer down after a Retry-After from one of them', async () => {
    const clock = fakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    const throttled = limiter.wrap({
      id: 'offer',
      label: 'p/a',
      read: async () => ({ kind: 'transient', reason: 'HTTP 429', retryAfterMs: 5_000 })
    })
    const other = limiter.wrap({ id: 'offer', label: 'p/b', read: async () => ok(snapshot('Running')) })
    await throttled.read({ timeoutMs: 30_000, signal })
    await other.read({ timeoutMs: 30_000, signal })
    expect(clock.sleeps).toEqual([5_000])
    expect(clock.now() - T0).toBe(5_000)
  })

  it('does not wait past the deadline for the throttle', async () => {
    const clock = fakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    await limiter
      .wrap({
        id: 'offer',
        label: 'p/a',
        read: async () => ({ kind: 'transient', reason: '429', retryAfterMs: 60_000 })
      })
      .read({ timeoutMs: 1_000, signal })
    const outcome = await limiter
      .wrap({ id: 'offer', label: 'p/b', read: async () => ok(snapshot('Running')) })
      .read({ timeoutMs: 30_000, signal, notAfter: clock.now() + 59_000 })
    expect(outcome).toEqual({ kind: 'transient', reason: 'throttled by the API (429)', retryAfterMs: 60_000 })
    expect(clock.sleeps).toEqual([])
  })

  /** A source that takes `ms` of fake time per read and records the time limit each read was given. */
  function timedSource(clock: ReturnType<typeof fakeClock>, label: string, ms: number, given: number[]): StatusSource {
    return {
      id: label,
      label,
      async read({ timeoutMs }) {
        given.push(timeoutMs)
        await Promise.resolve()
        clock.advance(ms)
        return ok(snapshot('Running'))
      }
    }
  }

  it("starts a read's time limit when it is sent, not while it waits for a slot; the deadline still cuts it", async () => {
    const clock = fakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep }, 1)
    const given: number[] = []
    const reads = ['p/a', 'p/b', 'p/c'].map((label) =>
      limiter.wrap(timedSource(clock, label, 25_000, given)).read({ timeoutMs: 30_000, signal, notAfter: T0 + 60_000 })
    )
    const outcomes = await Promise.all(reads)
    // a: sent at once; b: sent after 25 s, still 30 s; c: sent after 50 s, cut to the 10 s left.
    expect(given).toEqual([30_000, 30_000, 10_000])
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'ok'])
  })

  it('says the time ran out when the deadline passes while a read waits for a slot', async () => {
    const clock = fakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep }, 1)
    const given: number[] = []
    const first = limiter.wrap(timedSource(clock, 'p/a', 40_000, given)).read({ timeoutMs: 60_000, signal })
    const late = limiter
      .wrap(timedSource(clock, 'p/b', 1, given))
      .read({ timeoutMs: 30_000, signal, notAfter: T0 + 30_000 })
    await first
    expect(await late).toEqual({
      kind: 'transient',
      reason: 'the time ran out while waiting for a free request slot'
    })
    expect(given).toEqual([60_000])
  })

  it('lets a read cancelled in the queue go, and gives its slot to the next one', async () => {
    const clock = fakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep }, 1)
    const given: number[] = []
    const cancel = new AbortController()
    const first = limiter.wrap(timedSource(clock, 'p/a', 1_000, given)).read({ timeoutMs: 5_000, signal })
    const cancelled = limiter
      .wrap(timedSource(clock, 'p/b', 1_000, given))
      .read({ timeoutMs: 5_000, signal: cancel.signal })
    const third = limiter.wrap(timedSource(clock, 'p/c', 1_000, given)).read({ timeoutMs: 5_000, signal })
    cancel.abort()
    expect(await cancelled).toEqual({ kind: 'transient', reason: 'request cancelled' })
    expect((await first).kind).toBe('ok')
    expect((await third).kind).toBe('ok')
    expect(given).toEqual([5_000, 5_000])
  })
})

describe('estimates, pacing and stuck steps at the edges', () => {
  const settings = { intervalMs: 30_000, maxIntervalMs: 600_000 }
  const message = (timestamp: string) => ({ text: 'x', level: 'info', timestamp })
  const at = (ms: number) => new Date(T0 + ms).toISOString()

  it('reads an estimate with blanks around it, and not digits that blanks split', () => {
    expect(parseEstimate('  < 15 min  ')).toEqual({ minMs: 0, maxMs: 15 * MIN })
    expect(parseEstimate('~2 -\t3  days')).toEqual({ minMs: 2 * DAY, maxMs: 3 * DAY })
    expect(parseEstimate('1 5 min')).toBeUndefined()
    expect(parseEstimate('< 1 5 min')).toBeUndefined()
  })

  it('holds the pace until the step is past its estimate, not when it reaches it', () => {
    const validating = step('s', 'InProgress', { estimatedTimeFrame: '< 15 min' })
    expect(paceFor(validating, 15 * MIN, settings)).toMatchObject({ floorMs: 90_000, capMs: 90_000 })
    expect(paceFor(validating, 15 * MIN + 1, settings)).toMatchObject({ floorMs: 90_000, capMs: 600_000 })
  })

  it('takes the earliest message in the past, whatever their order, counting one sent this very moment', () => {
    const since = (...stamps: string[]) =>
      earliestMessageAt(step('c', 'InProgress', { messages: stamps.map(message) }), T0)
    expect(since(at(-2 * HOUR), at(-HOUR))).toBe(T0 - 2 * HOUR)
    expect(since(at(-HOUR), at(-2 * HOUR))).toBe(T0 - 2 * HOUR)
    expect(since(at(0))).toBe(T0)
    expect(since(at(1))).toBeUndefined()
    expect(since('not a date')).toBeUndefined()
    expect(since('not a date', at(-HOUR), at(HOUR))).toBe(T0 - HOUR)
  })

  it('dates a step from its first message only when that is earlier than it was first seen', () => {
    const seen = new Map([['c', T0 - HOUR]])
    const withMessage = (ms: number) => step('c', 'InProgress', { messages: [message(at(ms))] })
    expect(inProgressSince(step('c', 'InProgress'), seen, T0)).toBe(T0 - HOUR)
    expect(inProgressSince(withMessage(-2 * HOUR), seen, T0)).toBe(T0 - 2 * HOUR)
    expect(inProgressSince(withMessage(-MIN), seen, T0)).toBe(T0 - HOUR)
    expect(inProgressSince(step('c', 'InProgress'), new Map(), T0)).toBe(T0)
  })

  it('never calls a step with an unreadable estimate stuck', () => {
    const seen = new Map([['c', T0 - 100 * DAY]])
    expect(
      findStuck(snapshot('Running', [step('c', 'InProgress', { estimatedTimeFrame: 'whenever' })]), seen, T0)
    ).toEqual([])
  })
})

describe('message timestamps that are not times', () => {
  it.each([
    '0001-01-01T00:00:00Z',
    '0',
    '1',
    '2016-12-31T23:59:59Z',
    '2999-01-01T00:00:00Z',
    'yesterday',
    '2026-11-19'
  ])('ignores %p', (timestamp) => {
    const s = step('c', 'InProgress', {
      estimatedTimeFrame: '< 15 min',
      messages: [{ text: 'x', level: 'info', timestamp }]
    })
    expect(earliestMessageAt(s, T0)).toBeUndefined()
    const seen = new Map([['c', T0]])
    expect(findStuck(snapshot('Running', [s]), seen, T0 + 60_000)).toEqual([])
  })

  it('reads ISO 8601 with a fraction or an offset', () => {
    const at = (timestamp: string) =>
      earliestMessageAt(step('c', 'InProgress', { messages: [{ text: 'x', level: 'info', timestamp }] }), T0)
    expect(at('2026-11-19T08:00:00.1234567Z')).toBe(Date.UTC(2026, 10, 19, 8, 0, 0, 123))
    expect(at('2026-11-19T09:00:00+01:00')).toBe(Date.UTC(2026, 10, 19, 8))
  })
})

describe('trackInProgress', () => {
  it('forgets steps gone from the answer, so the map never outgrows one answer', () => {
    const seen = new Map<string, number>()
    for (let poll = 0; poll < 50; poll++) {
      const steps = Array.from({ length: 10 }, (_, i) => step(`p${poll}-s${i}`, 'InProgress'))
      trackInProgress(seen, snapshot('Running', steps), T0 + poll)
    }
    expect(seen.size).toBe(10)
  })
})
