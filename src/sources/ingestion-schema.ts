/**
 * Partner Center's Product Ingestion (PI) API answers, parsed leniently into the action's snapshot.
 * Pure functions, no I/O. Remote text is untrusted: every property name and enumeration is compared
 * case-insensitively (`jobId`/`jobID`, `Completed`), an unknown value is kept as it came, arrays are
 * sliced with {@link firstItems} and never spread, strings are capped, nothing nested is converted
 * with `String()`/`Number()` (`typeof` first), nested errors are walked with a bounded explicit
 * stack, and no regular expression runs over remote text longer than a few dozen characters.
 * Parsing never throws: a body of the wrong shape is `{ ok: false, reason: 'not a … (…)' }`.
 *
 * PI has no publishing steps (no validate/certification/packaging rows, no estimates, no progress):
 * it reports one submission per target (`draft`, `preview`, `live`), each with `status`
 * (notStarted|running|completed), `result` (pending|succeeded|failed) and `created`, and, for a job
 * the caller started, `configure/<jobId>/status`. The rows below are what this module makes of them.
 * Recordings are in `__tests__/fixtures/pi-recordings/` ([R] real body, [D] Microsoft doc sample,
 * [S] hand-written peer fixture, [L] legacy Partner Center v1, [T] this module's own tests only).
 *
 * | Input | Mapping | Backed by |
 * | --- | --- | --- |
 * | product list `value[0].id` `product/<guid>` | `productId` = last path segment (`[A-Za-z0-9_-]`, else refused) | [D] product-list-shape-with-nextLink, [L] products-filter-by-externalId*.json (bare GUID) |
 * | product list `value: []` | `productId` undefined (offer not found) | [T] (peers: empty value = not found) |
 * | `@nextLink` / `nextLink` (any case) | returned raw, capped at 2,000 chars | [D] product-list-shape-with-nextLink, [L] products-list-first-page-with-nextLink |
 * | submission `target.targetType`, `status`, `result` | lower-cased, capped | [D] submission-list-all-targets, [S] azure-img-utils-submissions-preview-running |
 * | submission `id` `submission/<guid>/<n>` | `submissionId` = `<n>` | [D] submission-list-all-targets |
 * | draft entry (id `…/0`, no status) | kept in the list, ignored by the snapshot | [D] submission-list-all-targets |
 * | only a draft, or nothing | offer `NeverPublished`, every step `NotStarted` | [D] draft entry of submission-list-all-targets, [T] |
 * | any preview/live `notStarted`/`running` | offer `Running`; step `NotStarted`/`InProgress` (+ `limitMs`) | [S] azure-img-utils-submissions-preview-running |
 * | newest preview/live (by `created`) `completed`/`failed` | offer `Failed`; its step `Rejected` | [T] (azure-img-utils maps preview failed → failed) |
 * | current (newest) preview `completed`/`succeeded`, id ≠ live id (or no live) | offer `WaitingForPublisherReview`; preview `Complete`, sign-off `WaitingForPublisherReview` | [D] submission-list-all-targets (preview newer, ids differ) |
 * | live `completed`/`succeeded`, no newer preview (or preview id = live id) | offer `Succeeded`; live `Complete`, sign-off `Complete` | [T] (cloudpub `_is_submission_in_preview`) |
 * | two live entries (new version going live) | the newest by `created` is the live row | [T] (azure-img-utils two-live rule) |
 * | a failed entry with a newer preview/live entry after it (a failed go-live, then a new preview) | history: its row shows the newest entry of its target that is not such a failure | [T] |
 * | no readable `created` | older than any dated entry; on a tie, live before preview, then list order | [S] azure-img-utils-submissions-preview-running (no `created`), [T] |
 * | anything else: an unknown status or result, `completed`/`pending` (see {@link offerStatus}) | offer `Running`; the row keeps the raw value (`completed`/`pending` → `InProgress`, no status → `Unknown`) | [T] |
 * | job `jobStatus` notStarted / running | offer `Running`; step `NotStarted` / `InProgress` | [D] configure-status-notStarted, configure-status-on-submit-jobID-casing, configure-status-running-2022-07-01 |
 * | job completed + succeeded / failed / cancelled | `Succeeded`/`Complete`, `Failed`/`Rejected`, `Canceled`/`Canceled` | [D] configure-status-succeeded-with-resourceUri, [R] configure-status-failed-badRequest-cannot-delete-published-image, [D] configure-status-failed-Conflict, [D] configure-status-cancelled |
 * | job completed + pending or no result | offer `Running`, step `InProgress` (the result is not in yet) | [T] |
 * | job completed + another result / another jobStatus | kept as it came (never read as a final status) | [T] |
 * | `jobID` / `jobId` | `jobId`, step `configure-job` named `Configure job <jobId>` | [D] configure-status-on-submit-jobID-casing, [R] configure-status-failed-… |
 * | `jobStart` / `jobEnd` (a date from 1970 on; year 0001 is "not ended"; end read only once completed) | one info message `Started …, ended …`, timestamp = jobStart | [R] configure-status-failed-…, [D] configure-status-notStarted (0001 end, malformed start) |
 * | job `errors[]` | one offer-level `error` message per entry: `code: message (resource r) / detail / …` | [R] configure-status-failed-…, [S] cloudpub-configure-status-errors-conflict |
 * | `invalidState` + "certification" anywhere in an entry | the entry's message ends with {@link CERTIFICATION_HINT} | [S] cloudpub-configure-status-errors-certification-failure |
 * | error envelope `{"error":{code,message,details}}` | `code: message (detailCode: detailMessage)` | [R] http-400-badRequest-schema-could-not-be-accessed, [D] http-400-cancel-not-allowed, [S] cloudpub-http-400-configure-schema-validation |
 */
import { firstItems, MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, MAX_MESSAGES } from '../limits.js'
import {
  canonicalStatus,
  isStatus,
  OFFER_STATUSES,
  type OfferSnapshot,
  type Step,
  type StepMessage
} from '../snapshot.js'
import { neutralize, truncate } from '../text.js'

/** Submissions kept of one page (a product has a handful of active ones: draft, preview, one or two live). */
export const MAX_SUBMISSIONS = 100
/** Characters kept of a `@nextLink`. */
export const MAX_NEXT_LINK_CHARS = 2_000
/** Levels of nested `details` read below a job error entry (the entry itself is level 0). */
export const MAX_ERROR_DEPTH = 5
/** Nested details read per job error entry, all levels together. */
export const MAX_ERROR_DETAILS = 20
/** Keys of one object looked through for a property whose name differs from the expected one only in case. */
const MAX_KEYS_SCANNED = 200

/** Appended to a job error that reports a failed certification. */
export const CERTIFICATION_HINT =
  " This is a certification failure: the certification report is in Partner Center (the offer's page) and sent to the account's contacts by email."

export interface Submission {
  /** Durable ID as sent, e.g. `submission/<guid>/<n>` (capped); '' when the entry has none. */
  id: string
  /** Last path segment of {@link id}. */
  submissionId: string
  /** `target.targetType`, lower-cased: draft|preview|live|... */
  target: string
  /** Lower-cased: notstarted|running|completed|... */
  status?: string
  /** Lower-cased: pending|succeeded|failed|... */
  result?: string
  /** As sent, capped. */
  created?: string
  /** {@link created} as a time, when it is an ISO 8601 date from 1970 on. */
  createdMs?: number
}

export type Parsed<T> = ({ ok: true } & T) | { ok: false; reason: string }

// ---------------------------------------------------------------------------------------------
// Reading untrusted JSON

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Property `name` of `record`, matched exactly or else case-insensitively among its first
 * {@link MAX_KEYS_SCANNED} keys.
 */
function field(record: Json, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name]
  const wanted = name.toLowerCase()
  let scanned = 0
  for (const key in record) {
    if (++scanned > MAX_KEYS_SCANNED) break
    if (key.length === wanted.length && key.toLowerCase() === wanted && Object.hasOwn(record, key)) return record[key]
  }
  return undefined
}

/** A string (trimmed) or finite number as text, capped; undefined for anything else or blank. */
function text(value: unknown, max = MAX_FIELD_CHARS): string | undefined {
  let raw: string
  if (typeof value === 'string') raw = value.trim()
  else if (typeof value === 'number' && Number.isFinite(value)) raw = String(value)
  else return undefined
  return raw === '' ? undefined : truncate(raw, max)
}

/** {@link text}, lower-cased: an enumeration value to compare. */
function word(value: unknown): string | undefined {
  return text(value)?.toLowerCase()
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** `2022-01-25T07:13:06.4408032Z`, with optional seconds, fraction and offset, or a bare date. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/

/**
 * An ISO 8601 date or date-time as a time (no offset means UTC), when every part is in range and it
 * is from 1970 on; undefined otherwise. Reads at most 40 characters.
 */
export function isoTime(value: string | undefined): number | undefined {
  if (value === undefined || value.length > 40) return undefined
  const match = ISO_8601.exec(value)
  if (!match) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  // Years before 1970 are placeholders, and Date.UTC would read 0001 to 0099 as 1901 to 1999.
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined
  const ms = fraction === '' ? 0 : Math.floor(Number(`0${fraction}`) * 1000)
  let offset = 0
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '')
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))
    offset = (zone.startsWith('-') ? -1 : 1) * minutes * 60_000
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset
}

/** `@nextLink` (or `nextLink`), in any case, as sent and capped; undefined when absent or blank. */
function nextLinkOf(record: Json): string | undefined {
  for (const name of ['@nextLink', 'nextLink']) {
    const value = field(record, name)
    if (typeof value === 'string' && value.trim() !== '') return truncate(value, MAX_NEXT_LINK_CHARS)
  }
  return undefined
}

/** The array `value` of a collection answer, or why there is none. */
function collection(body: unknown, what: string): { value: unknown[]; record: Json } | { reason: string } {
  if (!isRecord(body)) return { reason: `not ${what} (the body is not an object)` }
  const value = field(body, 'value')
  if (value === undefined) return { reason: `not ${what} (value is missing)` }
  if (!Array.isArray(value)) return { reason: `not ${what} (value is not an array)` }
  return { value, record: body }
}

// ---------------------------------------------------------------------------------------------
// GET product?externalId=

/** What a product ID may hold: it goes into a URL path (`submission/<guid>`), so no `/`, `.` or `%`. */
const PRODUCT_ID = /^[A-Za-z0-9_-]{1,100}$/

/** `GET product?externalId=` answer: `value[0].id` ("product/<guid>") as the bare guid; undefined when value is empty. */
export function parseProductList(body: unknown): Parsed<{ productId?: string; nextLink?: string }> {
  const list = collection(body, 'a product list')
  if ('reason' in list) return { ok: false, reason: list.reason }
  const nextLink = nextLinkOf(list.record)
  const result: { ok: true; productId?: string; nextLink?: string } = { ok: true }
  if (nextLink !== undefined) result.nextLink = nextLink
  if (list.value.length === 0) return result
  const first: unknown = list.value[0]
  if (!isRecord(first)) return { ok: false, reason: 'not a product list (value[0] is not an object)' }
  const id = text(field(first, 'id'))
  if (id === undefined) return { ok: false, reason: 'not a product list (value[0].id is missing)' }
  const productId = lastSegment(id)
  if (!PRODUCT_ID.test(productId)) return { ok: false, reason: 'not a product list (value[0].id is not a product ID)' }
  result.productId = productId
  return result
}

// ---------------------------------------------------------------------------------------------
// GET submission/<guid>

function toSubmission(item: unknown): Submission | undefined {
  if (!isRecord(item)) return undefined
  const rawTarget = field(item, 'target')
  // `target` is `{ "targetType": "preview" }`; a bare string is read too.
  const target = isRecord(rawTarget) ? word(field(rawTarget, 'targetType')) : word(rawTarget)
  if (target === undefined) return undefined
  const id = text(field(item, 'id')) ?? ''
  const submission: Submission = { id, submissionId: lastSegment(id), target }
  const status = word(field(item, 'status'))
  if (status !== undefined) submission.status = status
  const result = word(field(item, 'result'))
  if (result !== undefined) submission.result = result
  const created = text(field(item, 'created'))
  if (created !== undefined) {
    submission.created = created
    const createdMs = isoTime(created)
    if (createdMs !== undefined) submission.createdMs = createdMs
  }
  return submission
}

/**
 * `GET submission/<guid>` answer: the entries (draft kept, the caller's mapping ignores it), `@nextLink`
 * if any, and how many were dropped past a cap. An entry that is not an object or has no target type
 * is skipped (it could not be placed in any row).
 */
export function parseSubmissionList(
  body: unknown
): Parsed<{ submissions: Submission[]; nextLink?: string; omitted: number }> {
  const list = collection(body, 'a submission list')
  if ('reason' in list) return { ok: false, reason: list.reason }
  const { items, omitted } = firstItems(list.value, MAX_SUBMISSIONS)
  const submissions: Submission[] = []
  for (const item of items) {
    const submission = toSubmission(item)
    if (submission) submissions.push(submission)
  }
  const result: { ok: true; submissions: Submission[]; nextLink?: string; omitted: number } = {
    ok: true,
    submissions,
    omitted
  }
  const nextLink = nextLinkOf(list.record)
  if (nextLink !== undefined) result.nextLink = nextLink
  return result
}

// ---------------------------------------------------------------------------------------------
// Submissions to a snapshot

/** Where a submission stands. `other`: a status or result outside the documented enumerations. */
type Phase = 'queued' | 'running' | 'succeeded' | 'failed' | 'other'

function phaseOf(submission: Submission): Phase {
  switch (submission.status) {
    case 'notstarted':
      return 'queued'
    case 'running':
      return 'running'
    case 'completed':
      return submission.result === 'succeeded' ? 'succeeded' : submission.result === 'failed' ? 'failed' : 'other'
    default:
      return 'other'
  }
}

interface Entry {
  submission: Submission
  /** Position in the list: the tie-breaker. */
  index: number
  phase: Phase
}

/**
 * Whether `a` is newer than `b`: a later `created`; an entry without a readable `created` is older
 * than any with one; on a tie a live entry is newer than a preview (going live follows the preview),
 * then the later in the list.
 */
function newer(a: Entry, b: Entry): boolean {
  const at = a.submission.createdMs ?? -Infinity
  const bt = b.submission.createdMs ?? -Infinity
  if (at !== bt) return at > bt
  if (a.submission.target !== b.submission.target) return a.submission.target === 'live'
  return a.index > b.index
}

/** The same durable ID (case-insensitively); entries without an ID are never the same. */
function sameSubmission(a: Entry, b: Entry): boolean {
  return a.submission.id !== '' && a.submission.id.toLowerCase() === b.submission.id.toLowerCase()
}

/**
 * The current entry of `target`: the newest one, except that a failed entry with a newer preview or
 * live entry after it (a failed go-live followed by a new preview) is history, so the newest one
 * that is not such a failure.
 */
function currentOf(entries: Entry[], target: string, newest: Entry): Entry | undefined {
  let current: Entry | undefined
  for (const entry of entries) {
    if (entry.submission.target !== target) continue
    if (entry.phase === 'failed' && entry !== newest) continue
    if (!current || newer(entry, current)) current = entry
  }
  return current
}

/** The step status of a preview or live submission; an unknown status or result is kept as it came. */
function submissionStepStatus(entry: Entry): string {
  switch (entry.phase) {
    case 'queued':
      return 'NotStarted'
    case 'running':
      return 'InProgress'
    case 'succeeded':
      return 'Complete'
    case 'failed':
      return 'Rejected'
    case 'other': {
      const { status, result } = entry.submission
      if (status === undefined) return 'Unknown'
      if (status !== 'completed') return canonicalStatus(status)
      // Completed without a result yet (`pending`) is still under way; `cancelled` reads as Canceled.
      return result === undefined || result === 'pending' ? 'InProgress' : canonicalStatus(result)
    }
  }
}

function submissionMessage(submission: Submission): StepMessage {
  const name = submission.submissionId || '(no ID)'
  const when = submission.created === undefined ? '' : `, created ${submission.created}`
  const message: StepMessage = { text: neutralize(`Submission ${name}${when}`, MAX_MESSAGE_CHARS), level: 'info' }
  if (submission.created !== undefined) message.timestamp = submission.created
  return message
}

function targetStep(id: string, name: string, entry: Entry | undefined, stuckAfterMs: number): Step {
  const step: Step = {
    id,
    name,
    description: '',
    status: entry ? submissionStepStatus(entry) : 'NotStarted',
    messages: entry ? [submissionMessage(entry.submission)] : []
  }
  if (isStatus(step.status, 'InProgress')) step.limitMs = stuckAfterMs
  return step
}

/**
 * The offer status, rule by rule (the first that holds):
 * 1. no preview or live entry (only a draft, or nothing): `NeverPublished`;
 * 2. any preview or live entry `notStarted`/`running`: `Running`;
 * 3. the newest preview or live entry `completed`/`failed`: `Failed`;
 * 4. the current preview `completed`/`succeeded` and not live (no live, or another ID, unless a
 *    succeeded live is newer than it): `WaitingForPublisherReview`;
 * 5. the current live `completed`/`succeeded` with no newer preview (or the preview is that live):
 *    `Succeeded`;
 * 6. anything else: `Running`. That covers a status or result outside the documented enumerations
 *    (`completed`/`pending`, `queued`, a missing status) and combinations the documentation does not
 *    describe (a newer preview that is neither running, failed nor succeeded). None of them is known to
 *    be final, so the action keeps watching (the rows show the raw value) and its timeout ends the
 *    wait; an unknown value is never read as Succeeded, Failed or Canceled.
 */
function offerStatus(
  entries: Entry[],
  newest: Entry | undefined,
  preview: Entry | undefined,
  live: Entry | undefined,
  previewAwaitsSignoff: boolean
): string {
  if (!newest) return 'NeverPublished'
  if (entries.some((e) => e.phase === 'queued' || e.phase === 'running')) return 'Running'
  if (newest.phase === 'failed') return 'Failed'
  if (previewAwaitsSignoff) return 'WaitingForPublisherReview'
  if (live?.phase === 'succeeded' && (!preview || sameSubmission(preview, live) || !newer(preview, live))) {
    return 'Succeeded'
  }
  return 'Running'
}

/**
 * Submissions (all pages) to the action's snapshot: the offer status (see {@link offerStatus}) and
 * three rows, `preview`, `publisher-signoff` and `live`. Draft entries and unknown targets are
 * ignored. Linear in the number of submissions.
 */
export function submissionSnapshot(submissions: Submission[], options: { stuckAfterMs: number }): OfferSnapshot {
  const entries: Entry[] = []
  submissions.forEach((submission, index) => {
    if (submission.target === 'preview' || submission.target === 'live') {
      entries.push({ submission, index, phase: phaseOf(submission) })
    }
  })
  let newest: Entry | undefined
  for (const entry of entries) if (!newest || newer(entry, newest)) newest = entry
  const preview = newest && currentOf(entries, 'preview', newest)
  const live = newest && currentOf(entries, 'live', newest)
  const previewAwaitsSignoff =
    preview?.phase === 'succeeded' &&
    !(live && (sameSubmission(preview, live) || (live.phase === 'succeeded' && newer(live, preview))))
  // Signed off once a live entry carries the preview, is newer than it, or stands alone.
  const signedOff = live !== undefined && (!preview || sameSubmission(preview, live) || newer(live, preview))
  const signoff: Step = {
    id: 'publisher-signoff',
    name: 'Publisher sign-off',
    description: '',
    status: previewAwaitsSignoff ? 'WaitingForPublisherReview' : signedOff ? 'Complete' : 'NotStarted',
    messages: []
  }
  return {
    status: offerStatus(entries, newest, preview, live, previewAwaitsSignoff),
    steps: [
      targetStep('preview', 'Preview', preview, options.stuckAfterMs),
      signoff,
      targetStep('live', 'Live', live, options.stuckAfterMs)
    ],
    messages: []
  }
}

// ---------------------------------------------------------------------------------------------
// GET configure/<jobId>/status

/** A resource reference: a durable ID, or `{ resourceName }` / `{ externalId }`. */
function resourceText(value: unknown): string | undefined {
  if (!isRecord(value)) return text(value)
  return text(field(value, 'resourceName')) ?? text(field(value, 'externalId'))
}

/** `code: message (resource r)` of one error object; '' when it has none of them. */
function errorPart(code: string | undefined, message: string | undefined, resource: string | undefined): string {
  const head = [code, message].filter((part) => part !== undefined).join(': ')
  return resource === undefined ? head : `${head} (resource ${resource})`.trimStart()
}

function mentionsCertification(code: string | undefined, message: string | undefined): boolean {
  return code?.toLowerCase() === 'invalidstate' && (message?.toLowerCase().includes('certification') ?? false)
}

/**
 * One job error entry and its nested `details`, depth first, as one line joined with ` / ` (` / …`
 * when some were left out), plus {@link CERTIFICATION_HINT} when any of them reports a failed
 * certification. Iterative: at most {@link MAX_ERROR_DEPTH} levels and {@link MAX_ERROR_DETAILS}
 * details are read, however deep or wide the body.
 */
function jobErrorText(entry: unknown): string {
  const parts: string[] = []
  let certification = false
  let details = 0
  let cut = false
  const stack: { node: unknown; depth: number }[] = [{ node: entry, depth: 0 }]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, depth } = top
    if (!isRecord(node)) continue
    if (depth > 0 && ++details > MAX_ERROR_DETAILS) {
      cut = true
      break
    }
    const code = text(field(node, 'code'))
    const message = text(field(node, 'message'), MAX_MESSAGE_CHARS)
    const part = errorPart(code, message, resourceText(field(node, 'resourceId')))
    if (part !== '') parts.push(part)
    if (mentionsCertification(code, message)) certification = true
    const nested = field(node, 'details')
    if (!Array.isArray(nested) || nested.length === 0) continue
    if (depth >= MAX_ERROR_DEPTH) {
      cut = true
      continue
    }
    const { items, omitted } = firstItems(nested, MAX_ERROR_DETAILS)
    if (omitted > 0) cut = true
    for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], depth: depth + 1 })
  }
  if (cut && parts.length > 0) parts.push('…')
  const line = parts.join(' / ')
  if (line === '') return ''
  if (!certification) return neutralize(line, MAX_MESSAGE_CHARS)
  return neutralize(line, MAX_MESSAGE_CHARS - CERTIFICATION_HINT.length) + CERTIFICATION_HINT
}

/** The offer status for an unknown job value: kept, unless it would read as a known status (then Running). */
function unknownOfferStatus(raw: string): string {
  const status = canonicalStatus(raw)
  return OFFER_STATUSES.some((known) => known === status) ? 'Running' : status
}

/** A time as sent (capped), when it is a real date ({@link isoTime}); undefined for a placeholder or anything else. */
function dateText(value: unknown): string | undefined {
  const raw = text(value)
  return isoTime(raw) === undefined ? undefined : raw
}

/** Offer status and step status of a job. */
function jobStatuses(jobStatus: string, rawStatus: string, rawResult = 'pending'): [string, string] {
  switch (jobStatus) {
    case 'notstarted':
      return ['Running', 'NotStarted']
    case 'running':
      return ['Running', 'InProgress']
    case 'completed':
      break
    default:
      return [unknownOfferStatus(rawStatus), canonicalStatus(rawStatus)]
  }
  switch (rawResult.toLowerCase()) {
    case 'succeeded':
      return ['Succeeded', 'Complete']
    case 'failed':
      return ['Failed', 'Rejected']
    case 'cancelled':
    case 'canceled':
      return ['Canceled', 'Canceled']
    // Completed with no result yet: the result is still to come, keep watching (bounded by limitMs).
    case 'pending':
      return ['Running', 'InProgress']
    default:
      return [unknownOfferStatus(rawResult), canonicalStatus(rawResult)]
  }
}

/**
 * `GET configure/<jobId>/status` answer to a snapshot: one step `configure-job`, and the job's
 * `errors[]` as offer-level error messages. With `options.stuckAfterMs`, a job in progress gets that
 * `limitMs`. Fails only when there is no `jobStatus`.
 */
export function parseJobStatus(
  body: unknown,
  options: { stuckAfterMs?: number } = {}
): Parsed<{ snapshot: OfferSnapshot; jobId: string }> {
  if (!isRecord(body)) return { ok: false, reason: 'not a job status (the body is not an object)' }
  const rawStatus = text(field(body, 'jobStatus'))
  if (rawStatus === undefined) return { ok: false, reason: 'not a job status (jobStatus is missing)' }
  const jobStatus = rawStatus.toLowerCase()
  const jobId = text(field(body, 'jobId')) ?? ''
  const [status, stepStatus] = jobStatuses(jobStatus, rawStatus, text(field(body, 'jobResult')))

  const start = dateText(field(body, 'jobStart'))
  // An end is read only once the job is completed: before that it is a placeholder (year 0001).
  const end = jobStatus === 'completed' ? dateText(field(body, 'jobEnd')) : undefined
  const when: string[] = []
  if (start !== undefined) when.push(`started ${start}`)
  if (end !== undefined) when.push(`ended ${end}`)
  const messages: StepMessage[] = []
  if (when.length > 0) {
    const line = when.join(', ')
    const message: StepMessage = {
      text: neutralize(line.charAt(0).toUpperCase() + line.slice(1), MAX_MESSAGE_CHARS),
      level: 'info'
    }
    if (start !== undefined) message.timestamp = start
    messages.push(message)
  }
  const step: Step = {
    id: 'configure-job',
    name: jobId === '' ? 'Configure job' : `Configure job ${jobId}`,
    description: '',
    status: stepStatus,
    messages
  }
  if (options.stuckAfterMs !== undefined && isStatus(stepStatus, 'InProgress')) step.limitMs = options.stuckAfterMs

  const rawErrors = field(body, 'errors')
  const { items, omitted } = firstItems(isRecord(rawErrors) ? [rawErrors] : rawErrors, MAX_MESSAGES)
  const errors: StepMessage[] = []
  for (const item of items) {
    const line = jobErrorText(item)
    if (line !== '') errors.push({ text: line, level: 'error' })
  }
  const snapshot: OfferSnapshot = { status, steps: [step], messages: errors }
  if (omitted > 0) snapshot.omittedMessages = omitted
  return { ok: true, snapshot, jobId }
}

// ---------------------------------------------------------------------------------------------
// Error envelope

/** `code: message` of an error object; '' when it has neither. */
function codeAndMessage(error: Json): string {
  return [text(field(error, 'code')), text(field(error, 'message'), MAX_MESSAGE_CHARS)]
    .filter((part) => part !== undefined)
    .join(': ')
}

/**
 * One line for an error envelope body (text as received), `{"error":{"code","message","details":[...]}}`:
 * `code: message (detailCode: detailMessage)` with the first nested detail. A body without the
 * `error` wrapper is read as the error itself; for a body that is not JSON (or a JSON string), its
 * start. '' when there is nothing to say. The line is neutralized and at most 500 characters.
 */
export function describeIngestionError(body: string): string {
  const trimmed = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return neutralize(trimmed.slice(0, 1_000), 200)
  }
  if (typeof parsed === 'string') return neutralize(parsed.slice(0, 1_000), 200)
  if (!isRecord(parsed)) return ''
  const wrapped = field(parsed, 'error')
  const error = isRecord(wrapped) ? wrapped : parsed
  let head = codeAndMessage(error)
  // `{"error": "text"}`
  if (head === '' && typeof wrapped === 'string') head = text(wrapped, MAX_MESSAGE_CHARS) ?? ''
  const detail = firstItems(field(error, 'details'), 1).items[0]
  const inner = isRecord(detail) ? codeAndMessage(detail) : ''
  const line = inner === '' ? head : head === '' ? inner : `${head} (${inner})`
  return neutralize(line, 500)
}
