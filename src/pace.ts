/**
 * Polling where change is likely. The active step's estimate sets the pace: it is checked every
 * {@link PACE_FRACTION} of its estimate's upper end, within `interval` and `max-interval` (`< 15 min`:
 * every 90 s, `< 1 hour`: every 6 min, `< 1 day` and longer: every `max-interval`), so that a step of
 * any length costs about ten looks while it runs as expected. Within its estimate the pace holds;
 * once the step runs past its estimate, backoff grows from that pace to `max-interval`, so a stuck
 * step costs no more than a quiet wait. A step with no readable estimate gets plain backoff all along.
 * Whatever the pace, no two looks are further apart than `max-interval`: that bounds how late any
 * change is seen.
 */
import type { BackoffSettings } from './backoff.js'
import { parseEstimate } from './estimate.js'
import { isStatus, type Step } from './snapshot.js'

/** A step is checked every this fraction of its estimate's upper end (`< 1 hour`: every 6 min). */
export const PACE_FRACTION = 1 / 10

export interface Pace {
  /** Where backoff starts, and returns to on a change. */
  floorMs: number
  /** How far it may grow while nothing changes. */
  capMs: number
  /** The step and estimate it was chosen for, when one was. */
  basis?: { step: string; estimate: string }
}

export function plainPace(settings: BackoffSettings): Pace {
  return { floorMs: settings.intervalMs, capMs: settings.maxIntervalMs }
}

/**
 * The pace for the active step, given how long it has been in progress (`inProgressMs`).
 * Only a step in progress with a readable estimate changes the pace.
 */
export function paceFor(step: Step | undefined, inProgressMs: number, settings: BackoffSettings): Pace {
  if (!step || !isStatus(step.status, 'InProgress')) return plainPace(settings)
  const estimate = parseEstimate(step.estimatedTimeFrame)
  if (!estimate || !step.estimatedTimeFrame) return plainPace(settings)
  const target = Math.min(settings.maxIntervalMs, Math.max(settings.intervalMs, estimate.maxMs * PACE_FRACTION))
  const basis = { step: step.name, estimate: step.estimatedTimeFrame }
  if (inProgressMs > estimate.maxMs) return { floorMs: target, capMs: settings.maxIntervalMs, basis }
  return { floorMs: target, capMs: target, basis }
}
