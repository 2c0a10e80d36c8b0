/**
 * Stuck steps: in progress for longer than the upper end of their estimate. How long a step has been
 * in progress is judged from the earliest timestamp among its messages, else from when the action
 * first saw it in progress.
 */
import { parseEstimate } from './estimate.js'
import { isStatus, type OfferSnapshot, type Step } from './status.js'

export interface StuckStep {
  id: string
  name: string
  /** When the step started, as far as can be told. */
  since: number
  inProgressMs: number
  estimatedTimeFrame: string
}

/** The earliest parseable message timestamp of a step that is not in the future. */
export function earliestMessageAt(step: Step, now: number): number | undefined {
  let earliest: number | undefined
  for (const message of step.messages) {
    const at = message.timestamp ? Date.parse(message.timestamp) : NaN
    if (Number.isFinite(at) && at <= now && (earliest === undefined || at < earliest)) earliest = at
  }
  return earliest
}

/**
 * Remembers when each step was first seen in progress (the first look counts as its start when
 * nothing better is known) and forgets it when the step leaves that status.
 */
export function trackInProgress(firstSeen: Map<string, number>, snapshot: OfferSnapshot, now: number): void {
  for (const step of snapshot.steps) {
    if (isStatus(step.status, 'InProgress')) {
      if (!firstSeen.has(step.id)) firstSeen.set(step.id, now)
    } else {
      firstSeen.delete(step.id)
    }
  }
}

/** When a step in progress started: its earliest message, else when it was first seen in progress. */
export function inProgressSince(step: Step, firstSeen: Map<string, number>, now: number): number {
  const seen = firstSeen.get(step.id) ?? now
  const fromMessages = earliestMessageAt(step, now)
  return fromMessages !== undefined && fromMessages < seen ? fromMessages : seen
}

export function findStuck(snapshot: OfferSnapshot, firstSeen: Map<string, number>, now: number): StuckStep[] {
  return snapshot.steps.flatMap((step): StuckStep[] => {
    if (!isStatus(step.status, 'InProgress') || !step.estimatedTimeFrame) return []
    const estimate = parseEstimate(step.estimatedTimeFrame)
    if (!estimate) return []
    const since = inProgressSince(step, firstSeen, now)
    const inProgressMs = now - since
    if (inProgressMs <= estimate.maxMs) return []
    return [{ id: step.id, name: step.name, since, inProgressMs, estimatedTimeFrame: step.estimatedTimeFrame }]
  })
}
