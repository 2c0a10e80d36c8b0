/**
 * Polling where change is likely. The active step's estimate sets the pace: a step expected to take
 * minutes is checked near `interval`, one expected to take days near `max-interval`. Within its
 * estimate the pace holds (so a short step's end is seen soon); once the step runs past its estimate,
 * plain backoff takes over. A step with no readable estimate gets plain backoff all along.
 */
import type { BackoffSettings } from './backoff.js'
import { parseEstimate } from './estimate.js'
import { isStatus, type Step } from './status.js'

/** The pace is this fraction of the estimate's upper end: `< 15 min` is checked every 45 s. */
export const PACE_FRACTION = 1 / 20

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
