/**
 * Shared by every offer watched in one step: at most `maxInFlight` requests at once, and a throttle
 * that a `Retry-After` from any offer puts on all of them (the API throttles per caller, not per offer).
 * Time spent waiting here is not taken from a read's own time limit, which starts when it is sent;
 * only the watch's deadline (`notAfter`) bounds the wait.
 */
import type { Sleep } from './poll.js'
import type { ReadOutcome, StatusSource } from './sources/source.js'

/** The default of the `max-concurrency` input. */
export const MAX_IN_FLIGHT = 4

export interface Limiter {
  /** Wraps a source so that its reads wait for a free slot and for the shared throttle. */
  wrap(source: StatusSource): StatusSource
}

export function createLimiter(ports: { now: () => number; sleep: Sleep }, maxInFlight = MAX_IN_FLIGHT): Limiter {
  let inFlight = 0
  /** First come, first served: each entry resolves with whether its reader got the slot. */
  const waiting: ((granted: boolean) => void)[] = []
  let notBefore = 0
  /** What the API said when it asked for the throttle, so that a wait it causes names the real reason. */
  let throttledBy = ''

  /** A free slot, or false once the signal aborts. The slot passes straight from releaser to waiter. */
  function acquire(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false)
    if (inFlight < maxInFlight) {
      inFlight++
      return Promise.resolve(true)
    }
    return new Promise<boolean>((resolve) => {
      const onAbort = (): void => {
        const at = waiting.indexOf(grant)
        if (at >= 0) waiting.splice(at, 1)
        resolve(false)
      }
      const grant = (granted: boolean): void => {
        signal.removeEventListener('abort', onAbort)
        resolve(granted)
      }
      waiting.push(grant)
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }

  function release(): void {
    const next = waiting.shift()
    if (next) next(true)
    else inFlight--
  }

  return {
    wrap(source) {
      return {
        id: source.id,
        label: source.label,
        ...(source.kind ? { kind: source.kind } : {}),
        // A getter: a source that switches APIs says which one answered.
        get key() {
          return source.key
        },
        ...(source.aliases ? { aliases: source.aliases } : {}),
        ...(source.intervalMs === undefined ? {} : { intervalMs: source.intervalMs }),
        ...(source.minIntervalMs === undefined ? {} : { minIntervalMs: source.minIntervalMs }),
        async read({ timeoutMs, signal, notAfter = Infinity }): Promise<ReadOutcome> {
          // Wait out a throttle another offer was told about, unless it lasts past the deadline.
          const throttled = notBefore - ports.now()
          if (throttled > 0) {
            if (notBefore >= notAfter)
              return { kind: 'transient', reason: `throttled by the API (${throttledBy})`, retryAfterMs: throttled }
            await ports.sleep(throttled, signal)
          }
          if (!(await acquire(signal))) return { kind: 'transient', reason: 'request cancelled' }
          try {
            // The read's own limit starts now that it is sent; the deadline still cuts it.
            const left = Math.min(timeoutMs, notAfter - ports.now())
            if (left <= 0) {
              return { kind: 'transient', reason: 'the time ran out while waiting for a free request slot' }
            }
            const outcome = await source.read({ timeoutMs: left, signal })
            if (outcome.kind === 'transient' && outcome.retryAfterMs) {
              notBefore = Math.max(notBefore, ports.now() + outcome.retryAfterMs)
              throttledBy = outcome.reason
            }
            return outcome
          } finally {
            release()
          }
        }
      }
    }
  }
}
