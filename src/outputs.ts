/** The step's outputs: `status`, `result`, `steps`, `offers` and `stuck-steps`. */
import type { WatchResult } from './poll.js'
import type { Result, Verdict } from './verdict.js'

export interface StepOutput {
  id: string
  name: string
  status: string
  progress: number | null
  estimatedTimeFrame: string | null
}

function stepsOf(watch: WatchResult | undefined): StepOutput[] {
  return (watch?.snapshot?.steps ?? []).map((step) => ({
    id: step.id,
    name: step.name,
    status: step.status,
    progress: step.progress ?? null,
    estimatedTimeFrame: step.estimatedTimeFrame ?? null
  }))
}

/** The offer ID of a `publisher/offer` label. */
const offerIdOf = (label: string): string => label.slice(label.indexOf('/') + 1)

/**
 * `status` and `steps` describe the offer when there is one; with several, `status` is their common
 * status if they share one (else empty) and `steps` is empty: `offers` has each offer's.
 */
export function outputsOf(
  watches: WatchResult[],
  verdicts: Pick<Verdict, 'result'>[],
  overall: Result
): Record<string, string> {
  const statuses = new Set(watches.map((w) => w.snapshot?.status ?? ''))
  const single = watches.length === 1 ? watches[0] : undefined
  const offers = watches.map((watch, i) => ({
    id: offerIdOf(watch.label),
    status: watch.snapshot?.status ?? '',
    result: verdicts[i]?.result ?? overall,
    steps: stepsOf(watch)
  }))
  const stuck = watches.flatMap((watch) =>
    watch.stuck.map((step) => ({
      offer: offerIdOf(watch.label),
      id: step.id,
      name: step.name,
      inProgressSince: new Date(step.since).toISOString(),
      inProgressMinutes: Math.round(step.inProgressMs / 60_000),
      estimatedTimeFrame: step.estimatedTimeFrame
    }))
  )
  return {
    status: statuses.size === 1 ? ([...statuses][0] ?? '') : '',
    result: overall,
    steps: JSON.stringify(single ? stepsOf(single) : []),
    offers: JSON.stringify(offers),
    'stuck-steps': JSON.stringify(stuck)
  }
}
