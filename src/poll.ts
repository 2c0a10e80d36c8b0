/**
 * The watch loop: poll a {@link StatusSource} until the offer reaches an end the settings wait for,
 * the deadline passes, or the run is cancelled. Pure apart from its ports: a clock, a sleep, a random
 * source and the status source, so tests drive it with a fake clock and no real waiting.
 */
import { jittered, nextBase } from './backoff.js'
import type { WaitFor } from './inputs.js'
import { MAX_HISTORY } from './limits.js'
import { paceFor, plainPace, type Pace } from './pace.js'
import type { ReadOptions, ReadOutcome, StatusSource } from './sources/source.js'
import {
  activeStep,
  hasChanged,
  hasMovedOn,
  isFinalOfferStatus,
  isStatus,
  rejectedSteps,
  waitsForPublisherReview,
  type OfferSnapshot
} from './snapshot.js'
import { findStuck, inProgressSince, trackInProgress, type StuckStep } from './stuck.js'

/** Sleeps `ms`, or less when `signal` aborts; never rejects. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export interface WatchSettings {
  waitFor: WaitFor
  timeoutMs: number
  intervalMs: number
  maxIntervalMs: number
  /** Longest a single request may take (it is also cut at the deadline). */
  requestTimeoutMs?: number
  /** Stop (and fail) as soon as a step is stuck. */
  failOnStuck?: boolean
  /** No two looks closer than this, jitter included (an API that asks for it); `Retry-After` aside. */
  minIntervalMs?: number
}

export interface WatchPorts {
  now: () => number
  sleep: Sleep
  random: () => number
  signal: AbortSignal
  onEvent?: (event: WatchEvent) => void
  /**
   * What earlier checks knew (a scheduled check's state file): when each step of the item with this
   * key was first seen in progress, by step ID. Stuck detection and pacing count from then.
   */
  carriedFirstSeen?: (key: string) => ReadonlyMap<string, number> | undefined
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
/** `wait-for: none` is one look: transient errors are retried for this long at most after the first answer. */
export const ONE_LOOK_RETRY_MS = 120_000
/** Before timing out, one last look this long (at most) before the deadline, so the report is fresh. */
export const LAST_LOOK_MS = 5_000

export type StopReason = 'finished' | 'rejected' | 'publisher-review' | 'one-look' | 'stuck'

export type WatchEnd =
  | { kind: 'stopped'; reason: StopReason }
  | { kind: 'timed-out' }
  | { kind: 'cancelled' }
  /** A read that was not worth another try; `httpStatus` and `signIn` as the source said. */
  | { kind: 'error'; reason: string; httpStatus?: number; signIn?: true }

/** A change seen between two looks (or the first look at the offer, with no `from`). */
export interface Observation {
  at: number
  /** `offer`, or the step's ID. */
  subject: string
  /** The step's name; the offer's label for the offer. */
  name: string
  from?: string
  to: string
}

export interface WatchResult {
  /** The offer's (or job's) ID, for the outputs. */
  id: string
  /** An offer, unless said otherwise. */
  kind?: 'offer' | 'job'
  label: string
  /** The item's name across runs (the source's `key`: the API that answered, the kind, the ID). */
  key: string
  end: WatchEnd
  /** The last good read, if any. */
  snapshot?: OfferSnapshot
  /** When the first and the last good reads came back. */
  firstReadAt?: number
  readAt?: number
  /** When each step in progress at the last good read was first seen so (earlier checks included). */
  firstSeenInProgress: ReadonlyMap<string, number>
  /** The first and the last {@link MAX_HISTORY} changes; `historyOmitted` counts those between. */
  history: Observation[]
  historyOmitted: number
  /** Requests made. */
  polls: number
  /** Requests that failed in a way worth another try. */
  transientErrors: number
  /** Of those, the ones that were tried again (not the last, when the wait ended after it). */
  retries: number
  /** Why the last read failed, when it did: said when no status could be read at all. */
  lastError?: string
  /** Steps in progress beyond their estimate at the last look. */
  stuck: StuckStep[]
  /** The step in progress at the last look, and since when (as far as can be told). */
  inProgress?: { id: string; since: number }
  startedAt: number
  endedAt: number
}

/** Every event names the source it is about; `nextDelayMs` is absent when the loop stops or only waits out the deadline. */
export type WatchEvent = { label: string; elapsedMs: number; nextDelayMs?: number } & (
  | { type: 'read'; snapshot: OfferSnapshot; changed: boolean; pace?: Pace }
  | { type: 'transient'; reason: string }
  | { type: 'stuck'; step: StuckStep }
)

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** Why the loop may stop on this snapshot, if it may. */
export function stopReason(snapshot: OfferSnapshot, waitFor: WaitFor): StopReason | undefined {
  if (rejectedSteps(snapshot).length > 0) return 'rejected'
  if (isFinalOfferStatus(snapshot.status)) return 'finished'
  if (waitFor === 'publisher-review' && waitsForPublisherReview(snapshot)) return 'publisher-review'
  if (waitFor === 'none') return 'one-look'
  return undefined
}

function observe(before: OfferSnapshot | undefined, after: OfferSnapshot, at: number, label: string): Observation[] {
  const seen: Observation[] = []
  if (before?.status !== after.status) {
    const offer: Observation = { at, subject: 'offer', name: label, to: after.status }
    if (before) offer.from = before.status
    seen.push(offer)
  }
  if (!before) return seen
  for (const step of after.steps) {
    const old = before.steps.find((s) => s.id === step.id)
    if (old?.status === step.status) continue
    const change: Observation = { at, subject: step.id, name: step.name, to: step.status }
    if (old) change.from = old.status
    seen.push(change)
  }
  return seen
}

/**
 * A read that cannot throw: a bug or an input nobody foresaw ends this offer's watch as an error that
 * says what happened, instead of ending every offer's watch and the report with it.
 */
async function readSafely(source: StatusSource, options: ReadOptions): Promise<ReadOutcome> {
  try {
    return await source.read(options)
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { kind: 'fatal', reason: `unexpected error while reading the status (${message.slice(0, 300)})` }
  }
}

/** The source's name across runs; a test double without one is named by its kind and ID. */
function keyOf(source: StatusSource): string {
  return source.key ?? `${source.kind ?? 'offer'}:${source.id}`
}

/** Appends changes to the history, keeping its first and last ones within {@link MAX_HISTORY}. */
export function record(result: WatchResult, changes: Observation[]): void {
  for (const change of changes) {
    result.history.push(change)
    if (result.history.length > MAX_HISTORY) {
      result.history.splice(MAX_HISTORY / 2, 1)
      result.historyOmitted++
    }
  }
}

export async function watch(source: StatusSource, settings: WatchSettings, ports: WatchPorts): Promise<WatchResult> {
  const { now, sleep, random, signal } = ports
  const startedAt = now()
  // `wait-for: none` retries for ONE_LOOK_RETRY_MS after its first answer (which may have queued
  // behind other offers' requests for a while), never past `timeout`.
  let deadline = startedAt + settings.timeoutMs
  const oneLook = settings.waitFor === 'none'
  const requestTimeoutMs = settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS

  const firstSeenInProgress = new Map<string, number>()
  const result: WatchResult = {
    id: source.id,
    ...(source.kind === 'job' ? { kind: 'job' as const } : {}),
    label: source.label,
    key: keyOf(source),
    end: { kind: 'timed-out' },
    history: [],
    historyOmitted: 0,
    polls: 0,
    transientErrors: 0,
    retries: 0,
    stuck: [],
    firstSeenInProgress,
    startedAt,
    endedAt: startedAt
  }
  const finish = (end: WatchEnd): WatchResult => {
    // A source that may switch APIs knows which one answered only once it has.
    result.key = keyOf(source)
    result.end = end
    result.endedAt = now()
    return result
  }

  let base: number | undefined
  let lastLookTaken = false
  // A function, so that the compiler does not take `aborted` for unchanged across an await.
  const cancelled = (): boolean => signal.aborted
  const emit = (event: DistributiveOmit<WatchEvent, 'label'>): void =>
    ports.onEvent?.({ label: source.label, ...event })

  /** Whether the last read failed in a way worth another try: the next read is that try. */
  let retrying = false
  for (;;) {
    if (signal.aborted) return finish({ kind: 'cancelled' })
    const remaining = deadline - now()
    if (remaining <= 0) return finish({ kind: 'timed-out' })

    if (retrying) result.retries++
    const outcome = await readSafely(source, {
      timeoutMs: Math.min(requestTimeoutMs, remaining),
      signal,
      notAfter: deadline
    })
    result.polls++
    if (cancelled()) return finish({ kind: 'cancelled' })
    const at = now()
    if (oneLook && result.polls === 1) deadline = Math.min(deadline, at + ONE_LOOK_RETRY_MS)
    const elapsedMs = at - startedAt

    let retryAfterMs = 0
    let changed = false
    if (outcome.kind === 'fatal') {
      const end: WatchEnd = { kind: 'error', reason: outcome.reason }
      if (outcome.httpStatus !== undefined) end.httpStatus = outcome.httpStatus
      if (outcome.signIn) end.signIn = true
      return finish(end)
    }
    retrying = outcome.kind === 'transient'
    let pace = plainPace(settings)
    if (outcome.kind === 'ok') {
      const { snapshot } = outcome
      delete result.lastError
      if (result.firstReadAt === undefined) {
        result.firstReadAt = at
        // What earlier checks saw in progress (and still is) counts from when they first saw it.
        for (const [id, since] of ports.carriedFirstSeen?.(keyOf(source)) ?? []) {
          if (Number.isFinite(since)) firstSeenInProgress.set(id, Math.min(since, at))
        }
      }
      result.readAt = at
      changed = hasChanged(result.snapshot, snapshot)
      const movedOn = hasMovedOn(result.snapshot, snapshot)
      record(result, observe(result.snapshot, snapshot, at, source.label))
      result.snapshot = snapshot

      trackInProgress(firstSeenInProgress, snapshot, at)
      const stuck = findStuck(snapshot, firstSeenInProgress, at)
      for (const step of stuck) {
        if (!result.stuck.some((s) => s.id === step.id)) emit({ type: 'stuck', elapsedMs, step })
      }
      result.stuck = stuck
      const step = activeStep(snapshot)
      const since =
        step && isStatus(step.status, 'InProgress') ? inProgressSince(step, firstSeenInProgress, at) : undefined
      if (step && since !== undefined) result.inProgress = { id: step.id, since }
      else delete result.inProgress

      const reason =
        stopReason(snapshot, settings.waitFor) ?? (settings.failOnStuck && stuck.length > 0 ? 'stuck' : undefined)
      if (reason) {
        emit({ type: 'read', elapsedMs, snapshot, changed })
        return finish({ kind: 'stopped', reason })
      }
      // Only a step in progress sets the pace (see pace.ts).
      pace = step ? paceFor(step, at - (since ?? at), settings) : pace
      base = nextBase(base, movedOn, pace)
    } else {
      result.transientErrors++
      // A request that timed out because the deadline cut it short says less than the failure before it.
      const cutByDeadline = outcome.timedOut === true && remaining < requestTimeoutMs
      if (!(cutByDeadline && result.lastError)) result.lastError = outcome.reason
      base = nextBase(base, false, pace)
      retryAfterMs = outcome.retryAfterMs ?? 0
    }

    // Plan the next look; never sleep past the deadline, and take one last look shortly before it.
    let delay = Math.max(jittered(base, settings, random, retryAfterMs), settings.minIntervalMs ?? 0)
    let lookAfterSleep = true
    const left = deadline - now()
    if (delay >= left) {
      const lastLook = left - Math.min(LAST_LOOK_MS, left / 2)
      if (!lastLookTaken && lastLook > 0 && retryAfterMs <= lastLook) {
        lastLookTaken = true
        delay = Math.round(lastLook)
      } else {
        delay = Math.max(0, left)
        lookAfterSleep = false
      }
    }

    const next = lookAfterSleep ? { nextDelayMs: delay } : {}
    emit(
      outcome.kind === 'ok'
        ? { type: 'read', elapsedMs, snapshot: outcome.snapshot, changed, ...(pace.basis ? { pace } : {}), ...next }
        : { type: 'transient', elapsedMs, reason: outcome.reason, ...next }
    )
    await sleep(delay, signal)
  }
}
