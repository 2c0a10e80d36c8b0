/**
 * The state a check leaves for the next one (the `state-file` input): for each watched item (an offer
 * or a configure job, per API) what the last check saw, so that a scheduled check can say what changed
 * since, carry when a step was first seen in progress across checks, and keep a history that spans them.
 *
 * The file is versioned JSON, written compact with its keys in a fixed order:
 *
 * ```json
 * {"version":1,"items":{"cpp:offer:contoso/vm-offer":{"status":"Running",
 *   "statusChangedAt":"2026-11-25T10:00:00Z","checkedAt":"2026-11-25T13:00:00Z","outcome":"in-progress",
 *   "steps":[{"id":"displaycertify","status":"InProgress","firstSeenInProgress":"2026-11-25T10:00:00Z"}],
 *   "history":[{"at":"2026-11-25T10:00:00Z","to":"Running"}],"historyOmitted":0}}}
 * ```
 *
 * It holds statuses, step IDs and times only: no labels, messages, links or anything a request sent
 * or received besides those, every string neutralised and capped. Reading it never throws: a file that
 * is missing, empty, unreadable, too large, not JSON, of another version or of the wrong shape gives
 * one warning and the check proceeds as a first check for whatever could not be read, keeping every
 * item it could (one file can serve several steps). Writing it keeps it within
 * {@link STATE_BUDGET_BYTES}, whatever the portfolio.
 *
 * Pure apart from {@link readStateFile} and {@link writeStateFile}, the I/O edge. Which path they get
 * is the caller's business: the input is relative to the workspace, and the caller resolves it and
 * checks that it stays inside (symbolic links of its directories included) before calling them.
 */
import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { OUTCOMES, type Outcome } from './outcome.js'
import { canonicalStatus, isStatus } from './snapshot.js'
import { EARLIEST_PLAUSIBLE } from './stuck.js'
import { neutralize } from './text.js'

/** The version this module reads and writes; a file of another version is read as no state. */
export const STATE_VERSION = 1
/** A larger file is refused before it is parsed (four times what is ever written). */
export const MAX_STATE_FILE_BYTES = 4 * 1024 * 1024
/** Items read from one file; the rest are ignored (with the warning). */
export const MAX_STATE_ITEMS = 5_000
/** What {@link nextState} keeps the serialized state within: 1 MiB, about 1,000 offers with some history. */
export const STATE_BUDGET_BYTES = 1024 * 1024
/** History kept per item: the first and the last half of this many changes; the rest are counted. */
export const MAX_STATE_HISTORY = 40
/** Steps kept per item (a real offer has about ten). */
export const MAX_STATE_STEPS = 50
/** Characters kept of a status or a step ID. */
export const MAX_STATE_TEXT = 100
/** Characters kept of an item's key. */
export const MAX_STATE_KEY = 300
/** An item no check has looked at for this long, and not watched by this one, is dropped. */
export const UNRELATED_TTL_MS = 90 * 24 * 60 * 60 * 1000
/** Deeper JSON than this is refused before it is parsed (a state file nests five deep). */
export const MAX_STATE_DEPTH = 16

// ---------------------------------------------------------------------------------------------
// The shape

/** One publishing step as the last check saw it. */
export interface StepState {
  id: string
  status: string
  /** While the step is in progress: when a check first saw it so (ISO 8601, to the second). */
  firstSeenInProgress?: string
}

/** One change of the item's status (no `step`) or of a step's; no `from` when first seen. */
export interface HistoryEntry {
  at: string
  step?: string
  from?: string
  to: string
}

/** What the last check that read the item's status saw. Times are ISO 8601, to the second (UTC). */
export interface ItemState {
  status: string
  /** When the status was first seen as it is (the first check's time, when nothing is known before). */
  statusChangedAt: string
  /** When a check last read the item's status (its last good read). */
  checkedAt: string
  outcome: Outcome
  steps: StepState[]
  /** The first and the last changes, at most {@link MAX_STATE_HISTORY} in all, spanning checks. */
  history: HistoryEntry[]
  /** Changes dropped from the middle of `history`. */
  historyOmitted: number
}

/** A state file in memory. Items are a `Map`, so that no key (`__proto__` included) is special. */
export interface State {
  version: typeof STATE_VERSION
  items: Map<string, ItemState>
}

export function emptyState(): State {
  return { version: STATE_VERSION, items: new Map() }
}

/** Which API an item belongs to: the Cloud Partner Portal or Product Ingestion. */
export type StateApi = 'cpp' | 'pi'

/**
 * The key of a watched item: `cpp:offer:contoso/vm-offer` (CPP offers are named with their
 * publisher), `pi:offer:vm-offer`, `pi:job:<jobId>`. The ID is lower-cased (the APIs' IDs are not
 * case-sensitive), neutralised and capped, so the same item always gets the same key.
 */
export function stateKey(item: { api: StateApi; kind: 'offer' | 'job'; id: string }): string {
  return cleanKey(`${item.api}:${item.kind}:${item.id.slice(0, MAX_STATE_KEY * 2).toLowerCase()}`)
}

const cleanKey = (key: string): string => neutralize(key, MAX_STATE_KEY)
const clean = (text: string): string => neutralize(text, MAX_STATE_TEXT)

// ---------------------------------------------------------------------------------------------
// Times

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/
/** 9999-12-31T23:59:59Z: the last time with a four-digit year. */
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59)

/** `ms` as ISO 8601 to the second (`2026-11-25T10:00:00Z`); a time out of range counts as `fallback`. */
function isoTime(ms: number, fallback: number): string {
  const at = Number.isFinite(ms) && ms >= 0 && ms <= LAST_TIME ? ms : Math.min(Math.max(fallback, 0), LAST_TIME)
  return new Date(Math.floor(at / 1000) * 1000).toISOString().slice(0, 19) + 'Z'
}

/**
 * A time read from a file: ISO 8601 in UTC, to the second or millisecond, from 2017 (no publishing
 * step started before the API existed) to 9999; the caller bounds it by the time of reading.
 */
function readTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 24 || !ISO_SECONDS.test(value)) return undefined
  const at = Date.parse(value)
  return Number.isFinite(at) && at >= EARLIEST_PLAUSIBLE ? isoTime(at, at) : undefined
}

/** How far a file's times may be ahead of the clock that reads them (clocks differ a little). */
const CLOCK_SKEW_MS = 10 * 60_000

// ---------------------------------------------------------------------------------------------
// What a check saw, and what changed

/** A change the watch loop recorded during the check (`poll.ts`'s `Observation` fits). */
export interface RunChange {
  at: number
  /** `offer` for the item's status, else the step's ID. */
  subject: string
  from?: string
  to: string
}

/** What one check saw of one item: its last good read. */
export interface Current {
  /** When the status was read (the last good read), epoch ms. */
  at: number
  status: string
  /** In the API's order; `name` is used only for the changes (the state keeps IDs). */
  steps: readonly { id: string; name?: string; status: string }[]
  outcome: Outcome
  /**
   * The check's first good read (default: the earliest change in `history`, else `at`): what was
   * already so then, and not seen to change after, counts as first seen then.
   */
  firstReadAt?: number
  /** The changes the check saw, in order (the watch's `history`), for their times and the history. */
  history?: readonly RunChange[]
  /** The watch's first-seen-in-progress times by step ID, epoch ms (it knows better than `at`). */
  firstSeenInProgress?: ReadonlyMap<string, number>
}

/** One watched item, checked: its key ({@link stateKey}), its label for the changes, and what was seen. */
export interface Check extends Current {
  key: string
  label: string
}

/** A change since the last check, for the `changes` output and the summary. */
export interface Change {
  key: string
  /** The item's label. */
  item: string
  what: 'status' | 'step'
  /** The step's ID and name, for a step. */
  step?: string
  name?: string
  /** Absent when there is nothing to compare with (a first check, a new step). */
  from?: string
  to: string
  /** When a check first saw `to` (ISO 8601). */
  firstSeen: string
}

/** A change with its time in epoch ms; `step` undefined for the item's status. */
interface Entry {
  at: number
  step?: string
  from?: string
  to: string
}

interface Seen {
  at: number
  firstRead: number
  status: string
  steps: { id: string; raw: string; name: string; status: string }[]
  run: Entry[]
}

function seenOf(check: Current, now: number): Seen {
  const at = Number.isFinite(check.at) ? check.at : now
  // The first read: as said, else the watch's first recorded change (its first look records the status).
  let firstRead = check.firstReadAt !== undefined && Number.isFinite(check.firstReadAt) ? check.firstReadAt : at
  for (const change of check.history ?? []) if (change.at < firstRead) firstRead = change.at
  firstRead = Math.min(firstRead, at)
  const steps: Seen['steps'] = []
  const ids = new Set<string>()
  for (const step of check.steps) {
    if (steps.length === MAX_STATE_STEPS) break
    const id = clean(step.id)
    if (ids.has(id)) continue
    ids.add(id)
    steps.push({ id, raw: step.id, name: clean(step.name ?? step.id), status: clean(step.status) })
  }
  const run: Entry[] = []
  for (const change of check.history ?? []) {
    const entry: Entry = { at: Number.isFinite(change.at) ? Math.min(change.at, at) : at, to: clean(change.to) }
    if (change.subject !== 'offer') entry.step = clean(change.subject)
    if (change.from !== undefined) entry.from = clean(change.from)
    run.push(entry)
  }
  return { at, firstRead, status: clean(check.status), steps, run }
}

/**
 * The changes since `previous` that this check saw, in time order, each `from` the one before's `to`:
 * those the watch recorded, with what it could not see (before its first read, or dropped from its
 * history) filled in, at the first read when the watch never saw the subject change, else at the last.
 * A first check records the status only (its steps have nothing to be compared with).
 */
function changeChain(previous: ItemState | undefined, seen: Seen): Entry[] {
  const first = previous === undefined
  let status = previous?.status
  const steps = new Map<string, string>(previous?.steps.map((s) => [s.id, s.status]))
  const observed = new Set<string | undefined>()
  const entries: Entry[] = []
  const known = (step: string | undefined) => (step === undefined ? status : steps.get(step))
  const learn = (step: string | undefined, value: string) => {
    if (step === undefined) status = value
    else steps.set(step, value)
  }
  const push = (at: number, step: string | undefined, from: string | undefined, to: string) => {
    const entry: Entry = { at, to }
    if (step !== undefined) entry.step = step
    if (from !== undefined) entry.from = from
    // A first check's steps are not changes: they are only learnt.
    if (!(first && step !== undefined && from === undefined)) entries.push(entry)
  }
  for (const change of seen.run) {
    const before = known(change.step)
    if (change.from !== undefined && change.from !== before) {
      push(observed.has(change.step) ? change.at : seen.firstRead, change.step, before, change.from)
      learn(change.step, change.from)
    }
    const from = known(change.step)
    if (change.to !== from) push(change.at, change.step, from, change.to)
    learn(change.step, change.to)
    observed.add(change.step)
  }
  const finalAt = (step: string | undefined) => (observed.has(step) ? seen.at : seen.firstRead)
  if (seen.status !== status) push(finalAt(undefined), undefined, status, seen.status)
  for (const step of seen.steps) {
    const before = steps.get(step.id)
    if (step.status !== before) push(finalAt(step.id), step.id, before, step.status)
  }
  // Each subject's entries are already in time order; a stable sort merges them.
  return entries.sort((a, b) => a.at - b.at)
}

/**
 * When `step` (the status when undefined) reached the value it has now: its last change in the chain
 * (which always ends at that value), else the first read.
 */
function reachedAt(chain: readonly Entry[], step: string | undefined, seen: Seen): number {
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i]
    if (entry !== undefined && entry.step === step) return entry.at
  }
  return seen.firstRead
}

/**
 * What changed for one item since `previous`, what the last check saw of it (undefined: none did).
 * A first check reports one change, the status with no `from` (so `changed` is true), and lists no
 * steps, as the watch's own first look does; the summary shows them. Later, every step whose status
 * differs is reported (a new step with no `from`); a step gone from the answer is not. A status that
 * went away and came back between two checks is no change. `firstSeen` is when this check first saw
 * the new value: when the watch saw it change, else its first read.
 */
export function changesSince(previous: ItemState | undefined, check: Check, now = check.at): Change[] {
  const seen = seenOf(check, now)
  const chain = changeChain(previous, seen)
  const key = cleanKey(check.key)
  const item = neutralize(check.label, MAX_STATE_KEY)
  const changes: Change[] = []
  const add = (what: Change['what'], step: Seen['steps'][number] | undefined, from: string | undefined) => {
    const to = step ? step.status : seen.status
    const firstSeen = isoTime(reachedAt(chain, step?.id, seen), now)
    const change: Change = step
      ? { key, item, what, step: step.id, name: step.name, to, firstSeen }
      : { key, item, what, to, firstSeen }
    if (from !== undefined) change.from = from
    changes.push(change)
  }
  if (previous?.status !== seen.status) add('status', undefined, previous?.status)
  if (!previous) return changes
  const before = new Map(previous.steps.map((s) => [s.id, s.status]))
  for (const step of seen.steps) {
    const from = before.get(step.id)
    if (from !== step.status) add('step', step, from)
  }
  return changes
}

/** Appends `entry`, keeping the first and the last `max / 2` entries and counting those between. */
function append(item: ItemState, entry: HistoryEntry, max: number): void {
  item.history.push(entry)
  if (item.history.length > max) {
    item.history.splice(max / 2, 1)
    item.historyOmitted = Math.min(item.historyOmitted + 1, Number.MAX_SAFE_INTEGER)
  }
}

function nextItem(previous: ItemState | undefined, check: Check, now: number): ItemState {
  const seen = seenOf(check, now)
  const chain = changeChain(previous, seen)
  const iso = (ms: number) => isoTime(ms, now)
  const item: ItemState = {
    status: seen.status,
    statusChangedAt: previous?.statusChangedAt ?? iso(seen.firstRead),
    checkedAt: iso(seen.at),
    outcome: OUTCOMES.includes(check.outcome) ? check.outcome : 'unknown',
    steps: [],
    history: previous ? [...previous.history] : [],
    historyOmitted: previous?.historyOmitted ?? 0
  }
  for (const entry of chain) {
    const kept: HistoryEntry = { at: iso(entry.at), to: entry.to }
    if (entry.step !== undefined) kept.step = entry.step
    if (entry.from !== undefined) kept.from = entry.from
    append(item, kept, MAX_STATE_HISTORY)
    if (entry.step === undefined) item.statusChangedAt = kept.at
  }
  const before = new Map(previous?.steps.map((s) => [s.id, s]))
  for (const step of seen.steps) {
    const kept: StepState = { id: step.id, status: step.status }
    if (isStatus(step.status, 'InProgress')) {
      kept.firstSeenInProgress = iso(firstSeenInProgressOf(step, before.get(step.id), chain, check, seen))
    }
    item.steps.push(kept)
  }
  return item
}

/**
 * When a step in progress was first seen so: the earliest of what the last check left (if the step
 * was in progress then and did not leave that status since, as far as this check saw) and what the
 * watch remembered; failing both, when this check first saw it in progress.
 */
function firstSeenInProgressOf(
  step: Seen['steps'][number],
  before: StepState | undefined,
  chain: readonly Entry[],
  check: Current,
  seen: Seen
): number {
  const candidates: number[] = []
  const left = chain.some((e) => e.step === step.id && e.from !== undefined && isStatus(e.from, 'InProgress'))
  if (before?.firstSeenInProgress && isStatus(before.status, 'InProgress') && !left) {
    candidates.push(Date.parse(before.firstSeenInProgress))
  }
  const remembered = check.firstSeenInProgress?.get(step.raw)
  if (remembered !== undefined && Number.isFinite(remembered)) candidates.push(remembered)
  if (candidates.length === 0) candidates.push(reachedAt(chain, step.id, seen))
  return Math.min(...candidates, seen.at)
}

/** The first-seen-in-progress times of an item's steps (step ID to epoch ms), to seed stuck detection. */
export function firstSeenInProgress(item: ItemState | undefined): Map<string, number> {
  const seen = new Map<string, number>()
  for (const step of item?.steps ?? []) {
    if (step.firstSeenInProgress && isStatus(step.status, 'InProgress')) {
      seen.set(step.id, Date.parse(step.firstSeenInProgress))
    }
  }
  return seen
}

// ---------------------------------------------------------------------------------------------
// The next state, bounded

export interface NextStateOptions {
  /** Keys of items this check watches but could not read: kept as they were, and counted as watched. */
  unread?: readonly string[]
  /** The most bytes the serialized state may take ({@link STATE_BUDGET_BYTES}). */
  maxBytes?: number
}

export interface NextState {
  state: State
  /** Items dropped to keep within the budget (unrelated ones first, the oldest checked first). */
  dropped: string[]
  /** Unrelated items dropped because no check looked at them for {@link UNRELATED_TTL_MS}. */
  expired: string[]
  /** When history had to be cut to fit: the most entries each item kept. */
  historyKept?: number
}

/**
 * The state to leave for the next check: the checked items updated (a later check of the same key
 * wins), the items this check did not watch kept as they were (unless no check looked at them for
 * {@link UNRELATED_TTL_MS}), the whole within `maxBytes` and {@link MAX_STATE_ITEMS} items. To fit,
 * history is cut first, evenly (each item keeps its first and last changes), the unrelated items'
 * before the watched ones', since an item's statuses are what make `changed` right; only when statuses
 * do not fit are items dropped, unrelated ones first (once a watched item is down to its first and last
 * two changes), the oldest checked first. `now` (epoch ms) is when the state is written.
 */
export function nextState(
  previous: State,
  checks: readonly Check[],
  now: number,
  options: NextStateOptions = {}
): NextState {
  const watched = new Set<string>([...checks.map((c) => cleanKey(c.key)), ...(options.unread ?? []).map(cleanKey)])
  const items = new Map<string, ItemState>()
  const expired: string[] = []
  for (const [key, item] of previous.items) {
    if (!watched.has(key) && Date.parse(item.checkedAt) < now - UNRELATED_TTL_MS) expired.push(key)
    else items.set(key, item)
  }
  for (const check of checks) {
    const key = cleanKey(check.key)
    items.set(key, nextItem(previous.items.get(key), check, now))
  }
  const bounded = bound(items, watched, options.maxBytes ?? STATE_BUDGET_BYTES)
  const result: NextState = {
    state: { version: STATE_VERSION, items: bounded.items },
    dropped: bounded.dropped,
    expired
  }
  if (bounded.historyKept !== undefined) result.historyKept = bounded.historyKept
  return result
}

/** `item` with at most `max` history entries: its first `max / 2` (rounded down) and its last ones. */
function cutHistory(item: ItemState, max: number): ItemState {
  if (item.history.length <= max) return item
  const head = Math.floor(max / 2)
  const tail = max - head
  return {
    ...item,
    history: [...item.history.slice(0, head), ...item.history.slice(item.history.length - tail)],
    historyOmitted: Math.min(item.historyOmitted + item.history.length - max, Number.MAX_SAFE_INTEGER)
  }
}

const HEADER = `{"version":${STATE_VERSION},"items":{}}\n`

/** The bytes an item takes in the file, with the comma that separates it from the next. */
const entryBytes = (key: string, item: ItemState): number =>
  Buffer.byteLength(JSON.stringify(key)) + 1 + Buffer.byteLength(itemJson(item)) + 1

/** History a watched item keeps before an unrelated item is dropped for room: its first and last two changes. */
const MIN_WATCHED_HISTORY = 4

/**
 * `items` within `maxBytes` and {@link MAX_STATE_ITEMS}, losing, in this order, what matters least:
 * the history of items this check does not watch (another check's to show), as much of the watched
 * items' history as it takes down to {@link MIN_WATCHED_HISTORY}, unrelated items (the oldest checked
 * first), then the rest of the watched items' history, and last watched items (the oldest first).
 * `historyKept` is the most history entries each watched item kept, when that had to be cut.
 */
function bound(
  items: Map<string, ItemState>,
  watched: ReadonlySet<string>,
  maxBytes: number
): { items: Map<string, ItemState>; dropped: string[]; historyKept?: number } {
  const header = Buffer.byteLength(HEADER) - 1
  const capOf = (key: string, mine: number, others: number): number => (watched.has(key) ? mine : others)
  const totalAt = (mine: number, others: number): number => {
    let total = header
    for (const [key, item] of items) total += entryBytes(key, cutHistory(item, capOf(key, mine, others)))
    return total
  }
  const fits = (mine: number, others: number) => items.size <= MAX_STATE_ITEMS && totalAt(mine, others) <= maxBytes
  const dropped: string[] = []
  if (fits(MAX_STATE_HISTORY, MAX_STATE_HISTORY)) return { items, dropped }

  /** The largest cap in [low, high] with `fits(cap)`, given that `fits(low)` holds. */
  const largest = (low: number, high: number, fitsAt: (cap: number) => boolean): number => {
    if (fitsAt(high)) return high
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (fitsAt(middle)) low = middle
      else high = middle
    }
    return low
  }
  /**
   * Drops items this check watches (`related`) or not, the oldest checked first, until the whole fits
   * with the watched items' history cut to `mine` and the others' to none. Each item is sized once.
   */
  const dropUntilFit = (related: boolean, mine: number): void => {
    const sizes = new Map<string, number>()
    let total = header
    for (const [key, item] of items) {
      const size = entryBytes(key, cutHistory(item, capOf(key, mine, 0)))
      sizes.set(key, size)
      total += size
    }
    const order = [...items]
      .filter(([key]) => watched.has(key) === related)
      .sort(([a, x], [b, y]) => {
        const checked = compare(x.checkedAt, y.checkedAt)
        return checked !== 0 ? checked : compare(a, b)
      })
      .map(([key]) => key)
    for (const key of order) {
      if (items.size <= MAX_STATE_ITEMS && total <= maxBytes) break
      total -= sizes.get(key) ?? 0
      items.delete(key)
      dropped.push(key)
    }
  }
  const finish = (mine: number, others: number) => {
    for (const [key, item] of items) items.set(key, cutHistory(item, capOf(key, mine, others)))
    return mine < MAX_STATE_HISTORY ? { items, dropped, historyKept: mine } : { items, dropped }
  }

  // The items this check does not watch lose their history first, as little of it as will do.
  if (fits(MAX_STATE_HISTORY, 0)) {
    return finish(
      MAX_STATE_HISTORY,
      largest(0, MAX_STATE_HISTORY, (cap) => fits(MAX_STATE_HISTORY, cap))
    )
  }
  // Then the watched items' history, down to its first and last changes; then unrelated items go.
  if (!fits(MIN_WATCHED_HISTORY, 0)) dropUntilFit(false, MIN_WATCHED_HISTORY)
  if (fits(MIN_WATCHED_HISTORY, 0)) {
    return finish(
      largest(MIN_WATCHED_HISTORY, MAX_STATE_HISTORY, (cap) => fits(cap, 0)),
      0
    )
  }
  // Last, the watched items' remaining history, and watched items themselves, the oldest first.
  if (!fits(0, 0)) dropUntilFit(true, 0)
  return finish(
    largest(0, MIN_WATCHED_HISTORY, (cap) => fits(cap, 0)),
    0
  )
}

/** Code-unit order, the same in every locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

// ---------------------------------------------------------------------------------------------
// Serializing and parsing

function itemJson(item: ItemState): string {
  return JSON.stringify({
    status: item.status,
    statusChangedAt: item.statusChangedAt,
    checkedAt: item.checkedAt,
    outcome: item.outcome,
    steps: item.steps.map((s) =>
      s.firstSeenInProgress === undefined
        ? { id: s.id, status: s.status }
        : { id: s.id, status: s.status, firstSeenInProgress: s.firstSeenInProgress }
    ),
    history: item.history.map((e) => ({
      at: e.at,
      ...(e.step === undefined ? {} : { step: e.step }),
      ...(e.from === undefined ? {} : { from: e.from }),
      to: e.to
    })),
    historyOmitted: item.historyOmitted
  })
}

/**
 * The file's text: compact JSON (indenting would add a third to its size), items sorted by key and
 * each item's fields in a fixed order, so the same state is always the same bytes; a final newline.
 */
export function serializeState(state: State): string {
  const entries = [...state.items].sort(([a], [b]) => compare(a, b))
  const items = entries.map(([key, item]) => `${JSON.stringify(key)}:${itemJson(item)}`)
  return `{"version":${STATE_VERSION},"items":{${items.join(',')}}}\n`
}

/** What reading the file gave: its text, that it does not exist, or why it could not be read. */
export type StateFileRead = { text: string } | { missing: true } | { error: string }

export type StateProblem =
  | 'missing'
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'too-deep'
  | 'not-an-object'
  | 'unknown-version'
  | 'no-items'
  | 'items'

export interface ParsedState {
  state: State
  /** One sentence naming the file and the problem, when there was one. */
  warning?: string
  problem?: StateProblem
}

/** Whether `text` nests arrays and objects deeper than `max` (one linear pass, strings skipped). */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 0x5c /* \ */) i++
      else if (code === 0x22 /* " */) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > max) return true
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) depth--
  }
  return false
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An own property only: nothing is read from a prototype. */
const field = (record: Record<string, unknown>, name: string): unknown =>
  Object.hasOwn(record, name) ? record[name] : undefined

function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_STATE_TEXT ? clean(value) : undefined
}

const describeValue = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

function readStep(value: unknown, checkedAt: string): StepState | string {
  if (!isRecord(value)) return 'a step is not an object'
  const id = readText(field(value, 'id'))
  const status = readStatus(field(value, 'status'))
  if (id === undefined || status === undefined) return 'a step has no valid id or status'
  const step: StepState = { id, status }
  const since = field(value, 'firstSeenInProgress')
  if (since !== undefined) {
    const at = readTime(since)
    if (at === undefined || at > checkedAt) return `step ${id} has an invalid firstSeenInProgress`
    step.firstSeenInProgress = at
  }
  return step
}

/** A status read from a file, in the canonical case the watch reports it in (so case alone is no change). */
function readStatus(value: unknown): string | undefined {
  const text = readText(value)
  return text === undefined ? undefined : canonicalStatus(text) || undefined
}

function readEntry(value: unknown, checkedAt: string): HistoryEntry | string {
  const invalid = 'a history entry is invalid'
  if (!isRecord(value)) return invalid
  const at = readTime(field(value, 'at'))
  const to = readText(field(value, 'to'))
  if (at === undefined || to === undefined || at > checkedAt) return invalid
  const entry: HistoryEntry = { at, to }
  for (const name of ['step', 'from'] as const) {
    const raw = field(value, name)
    if (raw === undefined) continue
    const text = readText(raw)
    if (text === undefined) return invalid
    entry[name] = text
  }
  return entry
}

/**
 * An item as written by {@link serializeState}, or why it is not one. Its times are ordered (nothing
 * after the check that wrote it) and that check is not later than `latest` (ISO, the time of reading
 * and a little skew): a file dated ahead could otherwise pin a step's start, or outlive every clean-up.
 */
function readItem(value: unknown, latest: string): ItemState | string {
  if (!isRecord(value)) return `it is ${describeValue(value)}, not an object`
  const status = readStatus(field(value, 'status'))
  if (status === undefined) return 'it has no valid status'
  const statusChangedAt = readTime(field(value, 'statusChangedAt'))
  const checkedAt = readTime(field(value, 'checkedAt'))
  if (statusChangedAt === undefined || checkedAt === undefined) return 'it has no valid statusChangedAt or checkedAt'
  if (checkedAt > latest || statusChangedAt > checkedAt) return 'its times are later than the check that wrote it'
  const outcome = OUTCOMES.find((o) => o === field(value, 'outcome'))
  if (outcome === undefined) return 'it has no valid outcome'
  const rawSteps = field(value, 'steps')
  if (!Array.isArray(rawSteps) || rawSteps.length > MAX_STATE_STEPS) return 'its steps are not a list of steps'
  const rawHistory = field(value, 'history')
  if (!Array.isArray(rawHistory) || rawHistory.length > MAX_STATE_HISTORY) return 'its history is not a list'
  const omitted = field(value, 'historyOmitted')
  if (typeof omitted !== 'number' || !Number.isSafeInteger(omitted) || omitted < 0) {
    return 'its historyOmitted is not a count'
  }
  const item: ItemState = {
    status,
    statusChangedAt,
    checkedAt,
    outcome,
    steps: [],
    history: [],
    historyOmitted: omitted
  }
  const ids = new Set<string>()
  for (const raw of rawSteps as unknown[]) {
    const step = readStep(raw, checkedAt)
    if (typeof step === 'string') return step
    if (ids.has(step.id)) return `step ${step.id} is there twice`
    ids.add(step.id)
    item.steps.push(step)
  }
  for (const raw of rawHistory as unknown[]) {
    const entry = readEntry(raw, checkedAt)
    if (typeof entry === 'string') return entry
    item.history.push(entry)
  }
  return item
}

const MiB = (bytes: number): string => `${(bytes / (1024 * 1024)).toLocaleString('en-US')} MiB`
/** `n` and the word that goes with it: `one` for 1, else `many` (`one` alone: always that word). */
const count = (n: number, one: string, many = one): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * The state in a state file's text (`source` names the file in the warning). Never throws: whatever
 * cannot be read is left out, with one warning sentence naming the file and the problem, and the
 * check proceeds as a first check for it. Items of the wrong shape are dropped one by one, the others
 * kept; a file of another version is read as empty (the next write replaces it with this version).
 * Bounded: a file over {@link MAX_STATE_FILE_BYTES} or nested deeper than a state file is refused
 * before it is parsed; {@link MAX_STATE_ITEMS} items are read at most; strings are capped.
 */
export function parseState(file: string | StateFileRead | undefined, source: string, now = Date.now()): ParsedState {
  const name = neutralize(source, 200)
  const fail = (problem: StateProblem, what: string): ParsedState => ({
    state: emptyState(),
    warning: `The state file ${name} ${what}, so this check starts as a first check.`,
    problem
  })
  const read: StateFileRead = file === undefined ? { missing: true } : typeof file === 'string' ? { text: file } : file
  if ('missing' in read) return fail('missing', 'does not exist')
  if ('error' in read) return fail('unreadable', `could not be read (${neutralize(read.error, 200)})`)
  const { text } = read
  // UTF-16 code units never outnumber UTF-8 bytes: the length is a cheap first check.
  if (text.length > MAX_STATE_FILE_BYTES || Buffer.byteLength(text) > MAX_STATE_FILE_BYTES) {
    return fail('too-large', `is larger than ${MiB(MAX_STATE_FILE_BYTES)}`)
  }
  if (text.trim() === '') return fail('empty', 'is empty')
  if (nestsDeeperThan(text, MAX_STATE_DEPTH)) return fail('too-deep', 'nests deeper than a state file does')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fail('not-json', 'is not valid JSON')
  }
  if (!isRecord(json)) return fail('not-an-object', `holds ${describeValue(json)}, not a JSON object`)
  const version = field(json, 'version')
  if (version !== STATE_VERSION) {
    const said =
      typeof version === 'number' ? `version ${version}` : version === undefined ? 'no version' : 'an invalid version'
    return fail('unknown-version', `has ${said}, and this action reads version ${STATE_VERSION}`)
  }
  const rawItems = field(json, 'items')
  if (!isRecord(rawItems)) return fail('no-items', 'has no items object')

  const state = emptyState()
  const latest = isoTime(now + CLOCK_SKEW_MS, now)
  const keys = Object.keys(rawItems)
  /** Why each item that could not be read was not: the first is said, the others counted. */
  const bad: string[] = []
  for (const key of keys.slice(0, MAX_STATE_ITEMS)) {
    const item = cleanKey(key) === key ? readItem(field(rawItems, key), latest) : 'its key is not valid'
    if (typeof item === 'string') bad.push(`${JSON.stringify(neutralize(key, 80))}: ${item}`)
    else state.items.set(key, item)
  }
  const problems: string[] = []
  if (keys.length > MAX_STATE_ITEMS) {
    problems.push(`holds ${count(keys.length, 'items')}, of which only the first ${count(MAX_STATE_ITEMS, 'are')} read`)
  }
  if (bad.length > 0) problems.push(`has ${count(bad.length, 'item', 'items')} of the wrong shape (${bad[0] ?? ''})`)
  if (problems.length === 0) return { state }
  const kept =
    state.items.size === 0
      ? 'no other item is left'
      : `its other ${count(state.items.size, 'item is', 'items are')} kept`
  return {
    state,
    warning: `The state file ${name} ${problems.join(' and ')}: those start as first checks, and ${kept}.`,
    problem: 'items'
  }
}

// ---------------------------------------------------------------------------------------------
// The I/O edge

const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL } = nodeFs.constants
/** A flag Windows does not have (there is nothing to ask for there): 0 where it is missing. */
function optionalFlag(name: string): number {
  const value: unknown = Reflect.get(nodeFs.constants, name)
  return typeof value === 'number' ? value : 0
}
const O_NOFOLLOW = optionalFlag('O_NOFOLLOW')
const O_NONBLOCK = optionalFlag('O_NONBLOCK')

/**
 * A property of a thrown value. Duck-typed: an error from another realm (a test's sandbox, say) is no
 * `instanceof Error` here.
 */
const property = (thrown: unknown, name: string): unknown =>
  typeof thrown === 'object' && thrown !== null ? Reflect.get(thrown, name) : undefined

function describeError(error: unknown): string {
  const code = property(error, 'code')
  if (code === 'ELOOP') return 'it is a symbolic link, which is not followed'
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return 'it is not UTF-8 text'
  const message = property(error, 'message')
  const text = typeof message === 'string' ? message : String(error)
  // Node's own messages start with their code (`ENOENT: no such file ...`); a bare one gets it.
  return typeof code === 'string' && !text.startsWith(code) ? `${code}: ${text}` : text
}

/**
 * Reads a state file, at most {@link MAX_STATE_FILE_BYTES}: its text, `missing` when it does not
 * exist, or an error saying why not. Never throws. A symbolic link is not followed and anything but a
 * regular file (a directory, a FIFO, a device) is refused without reading from it, so a planted path
 * can neither leak another file into the log nor hang the read. Text must be UTF-8 (a BOM is dropped).
 */
export function readStateFile(path: string): StateFileRead {
  let fd: number | undefined
  try {
    // Where open cannot refuse a link itself (Windows), it is refused before opening.
    if (O_NOFOLLOW === 0 && nodeFs.lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
      return { error: 'it is a symbolic link, which is not followed' }
    }
    fd = nodeFs.openSync(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
    const stat = nodeFs.fstatSync(fd)
    if (!stat.isFile()) return { error: 'it is not a regular file' }
    if (stat.size > MAX_STATE_FILE_BYTES) return { error: `it is larger than ${MiB(MAX_STATE_FILE_BYTES)}` }
    // One byte more than the file's size, to notice a file that grows while it is read.
    const buffer = Buffer.alloc(stat.size + 1)
    let length = 0
    while (length < buffer.length) {
      const n = nodeFs.readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    if (length > stat.size) return { error: 'it changed while it was read' }
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) }
  } catch (error) {
    return property(error, 'code') === 'ENOENT' ? { missing: true } : { error: describeError(error) }
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd)
  }
}

/** The file system calls {@link writeStateFile} makes (Node's `fs` by default; tests pass fakes). */
export interface StateFs {
  mkdirSync(path: string, options: { recursive: true }): unknown
  openSync(path: string, flags: number, mode: number): number
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number
  fsyncSync(fd: number): void
  closeSync(fd: number): void
  renameSync(from: string, to: string): void
  unlinkSync(path: string): void
}

/**
 * Writes the state file atomically: the text goes to a new temporary file in the same directory
 * (created exclusively, never through an existing file or link), is flushed to disk, and is renamed
 * over `path`, so a reader sees the old file or the new one, never part of one. The directory is
 * created when missing. A symbolic link at `path` is replaced, not followed. Never throws: on failure
 * the temporary file is removed, `path` is left as it was, and the error says why.
 */
export function writeStateFile(path: string, text: string, fs: StateFs = nodeFs): { ok: true } | { error: string } {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path).slice(0, 100)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  let created = false
  try {
    fs.mkdirSync(dir, { recursive: true })
    fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
    created = true
    const bytes = Buffer.from(text, 'utf8')
    for (let written = 0; written < bytes.length;) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written)
      if (n <= 0) throw new Error('the disk took no more bytes')
      written += n
    }
    fs.fsyncSync(fd)
    const open = fd
    fd = undefined
    fs.closeSync(open)
    fs.renameSync(temp, path)
    created = false
    return { ok: true }
  } catch (error) {
    return { error: describeError(error) }
  } finally {
    if (fd !== undefined) {
      const open = fd
      ignoreErrors(() => {
        fs.closeSync(open)
      })
    }
    if (created) {
      ignoreErrors(() => {
        fs.unlinkSync(temp)
      })
    }
  }
}

function ignoreErrors(action: () => void): void {
  try {
    action()
  } catch {
    // Cleaning up after a failure that is already reported.
  }
}
