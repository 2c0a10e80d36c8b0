/**
 * Several offers in one step: each watched by its own loop, on its own terms, all sharing one limiter
 * (at most four requests in flight, one throttle) and one deadline.
 */
import { createLimiter } from './limiter.js'
import { watch, type WatchPorts, type WatchResult, type WatchSettings } from './poll.js'
import type { StatusSource } from './sources/source.js'

export async function watchAll(
  sources: StatusSource[],
  settings: WatchSettings,
  ports: WatchPorts
): Promise<WatchResult[]> {
  const limiter = createLimiter(ports)
  return Promise.all(sources.map((source) => watch(limiter.wrap(source), settings, ports)))
}
