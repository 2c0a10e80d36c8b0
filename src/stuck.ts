/**
 * Stuck steps: in progress for longer than the upper end of their estimate (or, for an API that gives
 * no estimates, than the step's limit, the `stuck-after` input). How long a step has been
 * in progress is judged from the earliest timestamp among its messages, else from when the action
 * first saw it in progress.
 */
import { formatDuration } from './duration.js'
import { parseEstimate } from './estimate.js'
import { isStatus, type OfferSnapshot, type Step } from './snapshot.js'

export interface StuckStep {
  id: string
  name: string
  /** When the step started, as far as can be told. */
  since: number
  inProgressMs: number
  estimatedTimeFrame: string
}

/** No publishing step started before the API existed: an earlier timestamp is a placeholder. */
export const EARLIEST_PLAUSIBLE = Date.UTC(2017, 0, 1)

/** `2026-11-25T10:00:00Z`, with optional fraction and offset (`+01:00`); nothing else is read as a time. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/

/** A message timestamp as a time, when it is an ISO 8601 string from 2017 on and not in the future. */
export function messageTime(timestamp: string | undefined, now: number): number | undefined {
  if (timestamp === undefined || timestamp.length > 40) return undefined
  const text = timestamp.trim()
  if (!ISO_8601.test(text)) return undefined
  const at = Date.parse(text)
  return Number.isFinite(at) && at >= EARLIEST_PLAUSIBLE && at <= now ? at : undefined
}

/** The earliest plausible message timestamp of a step (see {@link messageTime}). */
export function earliestMessageAt(step: Step, now: number): number | undefined {
  let earliest: number | undefined
  for (const message of step.messages) {
    const at = messageTime(message.timestamp, now)
    if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at
  }
  return earliest
}

/**
 * Remembers when each step was first seen in progress (the first look counts as its start when
 * nothing better is known) and forgets it when the step leaves that status.
 */
export function trackInProgress(firstSeen: Map<string, number>, snapshot: OfferSnapshot, now: number): void {
  const inProgress = new Set<string>()
  for (const step of snapshot.steps) {
    if (isStatus(step.status, 'InProgress')) {
      inProgress.add(step.id)
      if (!firstSeen.has(step.id)) firstSeen.set(step.id, now)
    }
  }
  // Steps gone from the answer are forgotten too, so the map never outgrows one answer.
  for (const id of firstSeen.keys()) if (!inProgress.has(id)) firstSeen.delete(id)
}

/** When a step in progress started: its earliest message, else when it was first seen in progress. */
export function inProgressSince(step: Step, firstSeen: Map<string, number>, now: number): number {
  const seen = firstSeen.get(step.id) ?? now
  const fromMessages = earliestMessageAt(step, now)
  return fromMessages !== undefined && fromMessages < seen ? fromMessages : seen
}

/** How long a step may be in progress, and how to say so: its estimate's upper end, else its limit. */
function allowance(step: Step): { maxMs: number; said: string } | undefined {
  const estimate = parseEstimate(step.estimatedTimeFrame)
  if (estimate && step.estimatedTimeFrame) return { maxMs: estimate.maxMs, said: step.estimatedTimeFrame }
  if (step.limitMs !== undefined && step.limitMs > 0) {
    return { maxMs: step.limitMs, said: `${formatDuration(step.limitMs)} (stuck-after)` }
  }
  return undefined
}

export function findStuck(snapshot: OfferSnapshot, firstSeen: Map<string, number>, now: number): StuckStep[] {
  return snapshot.steps.flatMap((step): StuckStep[] => {
    if (!isStatus(step.status, 'InProgress')) return []
    const allowed = allowance(step)
    if (!allowed) return []
    const since = inProgressSince(step, firstSeen, now)
    const inProgressMs = now - since
    if (inProgressMs <= allowed.maxMs) return []
    return [{ id: step.id, name: step.name, since, inProgressMs, estimatedTimeFrame: allowed.said }]
  })
}
