/**
 * Shared by every offer watched in one step: at most `maxInFlight` requests at once, and a throttle
 * that a `Retry-After` from any offer puts on all of them (the API throttles per caller, not per offer).
 */
import type { Sleep } from './poll.js'
import type { ReadOutcome, StatusSource } from './sources/source.js'

export const MAX_IN_FLIGHT = 4

export interface Limiter {
  /** Wraps a source so that its reads wait for a free slot and for the shared throttle. */
  wrap(source: StatusSource): StatusSource
}

export function createLimiter(ports: { now: () => number; sleep: Sleep }, maxInFlight = MAX_IN_FLIGHT): Limiter {
  let inFlight = 0
  const waiting: (() => void)[] = []
  let notBefore = 0
  /** What the API said when it asked for the throttle, so that a wait it causes names the real reason. */
  let throttledBy = ''

  async function acquire(signal: AbortSignal): Promise<boolean> {
    while (inFlight >= maxInFlight) {
      if (signal.aborted) return false
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          signal.removeEventListener('abort', wake)
          resolve()
        }
        waiting.push(wake)
        signal.addEventListener('abort', wake, { once: true })
      })
    }
    inFlight++
    return true
  }

  function release(): void {
    inFlight--
    waiting.shift()?.()
  }

  return {
    wrap(source) {
      return {
        id: source.id,
        label: source.label,
        ...(source.kind ? { kind: source.kind } : {}),
        ...(source.intervalMs === undefined ? {} : { intervalMs: source.intervalMs }),
        ...(source.minIntervalMs === undefined ? {} : { minIntervalMs: source.minIntervalMs }),
        async read({ timeoutMs, signal }): Promise<ReadOutcome> {
          const until = ports.now() + timeoutMs
          // Wait out a throttle another offer was told about, within this read's own time.
          const throttled = notBefore - ports.now()
          if (throttled > 0) {
            if (throttled >= timeoutMs)
              return { kind: 'transient', reason: `throttled by the API (${throttledBy})`, retryAfterMs: throttled }
            await ports.sleep(throttled, signal)
          }
          if (!(await acquire(signal))) return { kind: 'transient', reason: 'request cancelled' }
          try {
            const left = until - ports.now()
            if (left <= 0) return { kind: 'transient', reason: `no free request slot within ${timeoutMs}ms` }
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
