/**
 * Several offers in one step: each watched by its own loop, on its own terms, all sharing one limiter
 * (at most four requests in flight, one throttle) and one deadline.
 */
import { createLimiter } from './limiter.js'
import { watch, type WatchPorts, type WatchResult, type WatchSettings } from './poll.js'
import type { StatusSource } from './sources/source.js'

/** The settings of every watch; without `intervalMs`, each source's own pace (at most `maxIntervalMs`). */
export type PortfolioSettings = Omit<WatchSettings, 'intervalMs'> & { intervalMs?: number }

export const DEFAULT_INTERVAL_MS = 30_000

export async function watchAll(
  sources: StatusSource[],
  settings: PortfolioSettings,
  ports: WatchPorts
): Promise<WatchResult[]> {
  const limiter = createLimiter(ports)
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
      return watch(limiter.wrap(source), { ...settings, ...own, intervalMs }, ports)
    })
  )
}
