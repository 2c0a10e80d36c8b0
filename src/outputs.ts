/**
 * The step's outputs: `status`, `result`, `outcome`, `preview-url`, `live-url`, `steps`, `offers`,
 * `stuck-steps`, `changed` and `changes`. Remote text in them is neutralised; `status` is a plain word a
 * later `run:` step can interpolate, `outcome` one of a fixed set, a URL one that `links.ts` trusts;
 * each JSON output is built to a byte budget and, when cut, stays valid JSON with a last element saying
 * so.
 */
import { MAX_URL_CHARS, trustedUrl } from './links.js'
import { OUTPUT_BUDGET_BYTES } from './limits.js'
import { outcomeOf, worstOutcome, type Outcome } from './outcome.js'
import type { WatchResult } from './poll.js'
import type { Change } from './state.js'
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
const CHANGES_BUDGET_BYTES = 100_000
/**
 * What `changes` keeps of the budget before `offers` takes its share: a first check of a big
 * portfolio lists every status in both, and `offers` (where each offer stands) comes first.
 */
const CHANGES_RESERVE_BYTES = 20_000

/** One element of the `changes` output: every field there, `null` when it does not apply. */
export interface ChangeOutput {
  /** The offer (`contoso/vm-offer` for the Cloud Partner Portal) or `Configure job <id>`. */
  item: string
  what: Change['what']
  step: string | null
  name: string | null
  from: string | null
  to: string
  firstSeen: string
}

const changeOutput = (change: Change): ChangeOutput => ({
  item: text(change.item),
  what: change.what,
  step: change.step === undefined ? null : text(change.step),
  name: change.name === undefined ? null : text(change.name),
  from: change.from === undefined ? null : text(change.from),
  to: text(change.to),
  firstSeen: change.firstSeen
})

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
 * A link of the offer, for an output: trusted (see `links.ts`) and neutralised like every output (which
 * leaves a trusted link as it is); '' when there is none, or when neutralising would change it.
 */
function urlOf(link: string | undefined): string {
  const url = trustedUrl(link)
  return url !== undefined && neutralize(url, MAX_URL_CHARS) === url ? url : ''
}

/** The offer's links as the outputs give them: the preview once it is ready (or live), the listing once live. */
function linksOf(watch: WatchResult, outcome: Outcome): { preview: string; live: string } {
  const links = watch.snapshot?.links
  return {
    preview: outcome === 'preview-ready' || outcome === 'live' ? urlOf(links?.preview) : '',
    live: outcome === 'live' ? urlOf(links?.live) : ''
  }
}

/**
 * `status` and `steps` describe the offer when there is one; with several, `status` is their common
 * status if they share one (else empty), `outcome` the worst of theirs, `steps`, `preview-url` and
 * `live-url` are empty: `offers` has each offer's. `changed` is whether `changes` (since the last
 * check: see `since.ts`) has any.
 */
export function outputsOf(
  watches: WatchResult[],
  verdicts: Pick<Verdict, 'result'>[],
  overall: Result,
  changes: readonly Change[] = []
): Record<string, string> {
  const statuses = new Set(watches.map((w) => plainWord(w.snapshot?.status ?? '')))
  const single = watches.length === 1 ? watches[0] : undefined
  const outcomes = watches.map(outcomeOf)
  const offer = (watch: WatchResult, i: number) => {
    const outcome = outcomes[i] ?? outcomeOf(watch)
    const links = linksOf(watch, outcome)
    return {
      id: text(watch.id),
      status: text(watch.snapshot?.status ?? ''),
      result: verdicts[i]?.result ?? overall,
      outcome,
      previewUrl: links.preview || null,
      liveUrl: links.live || null,
      steps: stepsOf(watch)
    }
  }
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
  const wholeChanges = jsonArray(changes, CHANGES_BUDGET_BYTES, changeOutput)
  const changesBytes = Buffer.byteLength(wholeChanges)
  // All outputs together within the budget: `offers` has what the others leave, but for the most of
  // `changes` that would fit CHANGES_RESERVE_BYTES, and `changes` what `offers` leaves.
  const reserve = Math.min(changesBytes, CHANGES_RESERVE_BYTES)
  const left = OUTPUT_BUDGET_BYTES - Buffer.byteLength(steps) - Buffer.byteLength(stuckSteps) - reserve - 100
  const offers = jsonArray(
    watches.map((watch, i) => [watch, i] as const),
    left,
    ([watch, i]) => offer(watch, i)
  )
  const changesLeft = left + reserve - Buffer.byteLength(offers)
  const changesJson =
    changesBytes <= changesLeft
      ? wholeChanges
      : jsonArray(changes, Math.min(CHANGES_BUDGET_BYTES, changesLeft), changeOutput)
  const links = single ? linksOf(single, outcomes[0] ?? outcomeOf(single)) : { preview: '', live: '' }
  return {
    status,
    result: overall,
    // No offer at all (bad inputs): `unknown`.
    outcome: worstOutcome(outcomes),
    'preview-url': links.preview,
    'live-url': links.live,
    steps,
    offers,
    'stuck-steps': stuckSteps,
    changed: String(changes.length > 0),
    changes: changesJson
  }
}
