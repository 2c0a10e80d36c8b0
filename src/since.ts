/**
 * Since the last check: what a check with a state file (the `state-file` input) found changed since the
 * check before it, and the state it leaves for the next. Pure: it joins the watches' results to the
 * state `state.ts` reads and writes; reading and writing the file happen in `state-file.ts`.
 */
import type { Outcome } from './outcome.js'
import type { WatchResult } from './poll.js'
import {
  changesSince,
  emptyState,
  firstSeenInProgress,
  nextState,
  type Change,
  type Check,
  type ItemState,
  type NextState,
  type State
} from './state.js'
import { neutralize } from './text.js'

/** What the summary and the outputs say about the checks before this one. */
export interface SinceLastCheck {
  /** The state file as the input named it. */
  file: string
  /** When the last check that read any of the watched items ran; absent on a first check. */
  lastCheckAt?: number
  /** The changes since then, in time order per item; a first check's status counts as one. */
  changes: Change[]
  /** Why the file could not be used as it was (the warning already given), when it could not. */
  problem?: string
  /** When this check ended. */
  now: number
  /** Each watched item's history across checks (this one's changes included), as the state keeps it. */
  histories: ReadonlyMap<string, Pick<ItemState, 'history' | 'historyOmitted'>>
}

/** Where the state stands at the start of a check: what the file held, and what it said to warn of. */
export interface LoadedState {
  file: string
  state: State
  warning?: string
  /** The file may not be used (its path leads outside the workspace): this check leaves no state. */
  unusable?: true
}

/**
 * The warning for a state file that holds items, none of them watched here: written for other offers
 * or jobs (or another API), it is kept, and this check starts as a first check. Undefined otherwise.
 */
export function unrelatedWarning(state: State, file: string, keys: readonly string[]): string | undefined {
  const held = state.items.size
  if (held === 0 || keys.some((key) => state.items.has(key))) return undefined
  return (
    `The state file ${neutralize(file, 200)} holds ${held === 1 ? 'one item' : `${held.toLocaleString('en-US')} items`}, ` +
    `none of them what this check watches: ${held === 1 ? 'it is' : 'they are'} kept, and this check starts as a first check.`
  )
}

/** What the watch loop carries across checks: when each step in progress was first seen so, by item key. */
export function carriedFirstSeen(loaded: LoadedState | undefined): (key: string) => ReadonlyMap<string, number> {
  return (key) => firstSeenInProgress(loaded?.state.items.get(key))
}

/** The item as the state records it, from a watch with at least one good read. */
function checkOf(watch: WatchResult, outcome: Outcome): Check | undefined {
  const { snapshot, readAt } = watch
  if (!snapshot || readAt === undefined) return undefined
  const check: Check = {
    key: watch.key,
    label: watch.label,
    at: readAt,
    status: snapshot.status,
    steps: snapshot.steps,
    outcome,
    history: watch.history,
    firstSeenInProgress: watch.firstSeenInProgress
  }
  if (watch.firstReadAt !== undefined) check.firstReadAt = watch.firstReadAt
  return check
}

/**
 * The changes since the last check and, with a state file (`loaded`), the next state. An item this
 * check could not read changes nothing and is kept as the last check left it; items of the file this
 * check does not watch are kept too (one file can serve several steps), until they are old. Without a
 * state file this check is a first check, and there is no state to leave.
 */
export function sinceLastCheck(
  loaded: LoadedState | undefined,
  watches: readonly WatchResult[],
  outcomes: readonly Outcome[],
  now: number,
  file = loaded?.file ?? ''
): { since: SinceLastCheck; next?: NextState } {
  const previous = loaded?.state ?? emptyState()
  const checks: Check[] = []
  const unread: string[] = []
  let lastCheckAt: number | undefined
  for (const [i, watch] of watches.entries()) {
    const before = previous.items.get(watch.key)
    if (before) {
      const at = Date.parse(before.checkedAt)
      if (Number.isFinite(at) && (lastCheckAt === undefined || at > lastCheckAt)) lastCheckAt = at
    }
    const check = checkOf(watch, outcomes[i] ?? 'unknown')
    if (check) checks.push(check)
    else unread.push(watch.key)
  }
  const changes = checks.flatMap((check) => changesSince(previous.items.get(check.key), check, now))
  const next = loaded ? nextState(previous, checks, now, { unread }) : undefined
  const histories = new Map<string, Pick<ItemState, 'history' | 'historyOmitted'>>()
  for (const watch of watches) {
    const item = next?.state.items.get(watch.key)
    if (item) histories.set(watch.key, { history: item.history, historyOmitted: item.historyOmitted })
  }
  const since: SinceLastCheck = { file, changes, now, histories }
  if (lastCheckAt !== undefined) since.lastCheckAt = lastCheckAt
  if (loaded?.warning) since.problem = loaded.warning
  return next ? { since, next } : { since }
}
