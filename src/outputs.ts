/**
 * The step's outputs: `status`, `result`, `steps`, `offers` and `stuck-steps`. Remote text in them is
 * neutralised; `status` is a plain word a later `run:` step can interpolate; each JSON output is built
 * to a byte budget and, when cut, stays valid JSON with a last element saying so.
 */
import { OUTPUT_BUDGET_BYTES } from './limits.js'
import type { WatchResult } from './poll.js'
import { neutralize, plainWord } from './text.js'
import type { Result, Verdict } from './verdict.js'

export interface StepOutput {
  id: string
  name: string
  status: string
  progress: number | null
  estimatedTimeFrame: string | null
}

/** The last element of a JSON array output that had to be cut. */
export interface TruncationMarker {
  truncated: true
  omitted: number
}

/** Budgets of the smaller outputs; `offers` gets what is left of {@link OUTPUT_BUDGET_BYTES}. */
const STEPS_BUDGET_BYTES = 100_000
const STUCK_BUDGET_BYTES = 100_000

const text = (value: string): string => neutralize(value, 200)

function stepsOf(watch: WatchResult | undefined): StepOutput[] {
  return (watch?.snapshot?.steps ?? []).map((step) => ({
    id: text(step.id),
    name: text(step.name),
    status: text(step.status),
    progress: step.progress ?? null,
    estimatedTimeFrame: step.estimatedTimeFrame ? text(step.estimatedTimeFrame) : null
  }))
}

/**
 * A JSON array of `items` in at most `budget` bytes: the items that fit, in order, then (when some
 * did not) a {@link TruncationMarker} with how many were left out. `shape` makes each item's JSON
 * value, only for the items that are written.
 */
export function jsonArray<T>(
  items: readonly T[],
  budget: number,
  shape: (item: T) => unknown = (item) => item
): string {
  const parts: string[] = []
  let bytes = 2
  for (const [i, item] of items.entries()) {
    const json = JSON.stringify(shape(item))
    const comma = parts.length > 0 ? 1 : 0
    const cost = Buffer.byteLength(json) + comma
    const marker = JSON.stringify({ truncated: true, omitted: items.length - i } satisfies TruncationMarker)
    const room = i === items.length - 1 ? budget : budget - Buffer.byteLength(marker) - 1
    if (bytes + cost > room) {
      parts.push(marker)
      break
    }
    parts.push(json)
    bytes += cost
  }
  return `[${parts.join(',')}]`
}

/**
 * `status` and `steps` describe the offer when there is one; with several, `status` is their common
 * status if they share one (else empty) and `steps` is empty: `offers` has each offer's.
 */
export function outputsOf(
  watches: WatchResult[],
  verdicts: Pick<Verdict, 'result'>[],
  overall: Result
): Record<string, string> {
  const statuses = new Set(watches.map((w) => plainWord(w.snapshot?.status ?? '')))
  const single = watches.length === 1 ? watches[0] : undefined
  const offer = (watch: WatchResult, i: number) => ({
    id: text(watch.id),
    status: text(watch.snapshot?.status ?? ''),
    result: verdicts[i]?.result ?? overall,
    steps: stepsOf(watch)
  })
  const stuck = watches.flatMap((watch) =>
    watch.stuck.map((step) => ({
      offer: text(watch.id),
      id: text(step.id),
      name: text(step.name),
      inProgressSince: new Date(step.since).toISOString(),
      inProgressMinutes: Math.round(step.inProgressMs / 60_000),
      estimatedTimeFrame: text(step.estimatedTimeFrame)
    }))
  )
  const status = statuses.size === 1 ? ([...statuses][0] ?? '') : ''
  const steps = jsonArray(single ? stepsOf(single) : [], STEPS_BUDGET_BYTES)
  const stuckSteps = jsonArray(stuck, STUCK_BUDGET_BYTES)
  // All outputs together within the budget: `offers` has what the others leave.
  const left = OUTPUT_BUDGET_BYTES - Buffer.byteLength(steps) - Buffer.byteLength(stuckSteps) - 100
  return {
    status,
    result: overall,
    steps,
    offers: jsonArray(
      watches.map((watch, i) => [watch, i] as const),
      left,
      ([watch, i]) => offer(watch, i)
    ),
    'stuck-steps': stuckSteps
  }
}
