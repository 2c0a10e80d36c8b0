/**
 * Several offers in one step: each watched by its own loop, on its own terms, all sharing one limiter
 * (at most `maxConcurrency` requests in flight, one throttle) and one deadline.
 */
import { setMaxListeners } from 'node:events'
import { createLimiter, MAX_IN_FLIGHT } from './limiter.js'
import { watch, type WatchPorts, type WatchResult, type WatchSettings } from './poll.js'
import type { StatusSource } from './sources/source.js'

/** The settings of every watch; without `intervalMs`, each source's own pace (at most `maxIntervalMs`). */
export type PortfolioSettings = Omit<WatchSettings, 'intervalMs'> & {
  intervalMs?: number
  /** Requests in flight at once across all sources; default {@link MAX_IN_FLIGHT}. */
  maxConcurrency?: number
}

export const DEFAULT_INTERVAL_MS = 30_000

/**
 * Abort listeners one watch may hold on the shared signal at once: its sleep or its place in the
 * limiter's queue, a request, a sign-in.
 */
const LISTENERS_PER_WATCH = 4

export async function watchAll(
  sources: StatusSource[],
  settings: PortfolioSettings,
  ports: WatchPorts
): Promise<WatchResult[]> {
  const { maxConcurrency = MAX_IN_FLIGHT, ...watchSettings } = settings
  const limiter = createLimiter(ports, maxConcurrency)
  // Every watch listens to the one cancel signal: a thousand offers are a thousand listeners, not a leak.
  setMaxListeners(Math.max(10, sources.length * LISTENERS_PER_WATCH), ports.signal)
  return Promise.all(
    sources.map((source) => {
      // The API's own pace, and its floor, unless the interval input says otherwise.
      const own =
        settings.intervalMs === undefined && source.minIntervalMs
          ? { minIntervalMs: Math.min(source.minIntervalMs, settings.maxIntervalMs) }
          : {}
      const intervalMs = Math.min(
        settings.maxIntervalMs,
        settings.intervalMs ?? source.intervalMs ?? DEFAULT_INTERVAL_MS
      )
      return watch(limiter.wrap(source), { ...watchSettings, ...own, intervalMs }, ports)
    })
  )
}
