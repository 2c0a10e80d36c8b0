/**
 * Polling where change is likely. The active step's estimate sets the pace: a step expected to take
 * minutes (within the hour) is checked at 2 × interval / 1.2, so that its end is seen within
 * 2 × interval even with jitter; a longer one every twentieth of its estimate, which for a step of
 * hours or days is `max-interval`. Within its
 * estimate the pace holds (so a short step's end is seen soon); once the step runs past its estimate,
 * plain backoff takes over. A step with no readable estimate gets plain backoff all along.
 */
import { JITTER, type BackoffSettings } from './backoff.js'
import { parseEstimate } from './estimate.js'
import { isStatus, type Step } from './snapshot.js'

/** A step expected to end within this long is a short one: its end should be seen within 2 × interval. */
export const SHORT_STEP_MS = 3_600_000
/** A longer step is checked every this fraction of its estimate's upper end (`< 2 hours`: 6 min). */
export const PACE_FRACTION = 1 / 20

/**
 * The un-clamped pace for a step whose estimate ends at `maxMs`. A short step is checked every
 * 2 × interval / (1 + jitter), so that even with jitter its end is seen within 2 × interval.
 */
function paceMs(maxMs: number, intervalMs: number): number {
  return maxMs <= SHORT_STEP_MS ? Math.floor((2 * intervalMs) / (1 + JITTER)) : maxMs * PACE_FRACTION
}

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
  const target = Math.min(
    settings.maxIntervalMs,
    Math.max(settings.intervalMs, paceMs(estimate.maxMs, settings.intervalMs))
  )
  const basis = { step: step.name, estimate: step.estimatedTimeFrame }
  if (inProgressMs > estimate.maxMs) return { floorMs: target, capMs: settings.maxIntervalMs, basis }
  return { floorMs: target, capMs: target, basis }
}
