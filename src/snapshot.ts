/**
 * The offer status as the action sees it, whatever API reported it: an offer status and publishing
 * steps in the canonical PascalCase names (compared case-insensitively; an unknown status is kept as
 * it came), with the decisions taken on a snapshot. The sources in `sources/` turn their APIs' answers
 * into this model.
 */

export const OFFER_STATUSES = [
  'NeverPublished',
  'NotStarted',
  'WaitingForPublisherReview',
  'Running',
  'Succeeded',
  'Canceled',
  'Failed'
] as const

export const STEP_STATUSES = [
  'NotStarted',
  'InProgress',
  'WaitingForPublisherReview',
  'WaitingForApproval',
  'Blocked',
  'Rejected',
  'Complete',
  'Canceled'
] as const

export type OfferStatus = (typeof OFFER_STATUSES)[number]
export type StepStatus = (typeof STEP_STATUSES)[number]

const CANONICAL = new Map<string, string>(
  [...OFFER_STATUSES, ...STEP_STATUSES, 'Cancelled'].map((s) => [s.toLowerCase(), s === 'Cancelled' ? 'Canceled' : s])
)

/** Canonical PascalCase of a known status; an unknown one is returned as it came (trimmed). */
export function canonicalStatus(raw: string): string {
  const trimmed = raw.trim()
  return CANONICAL.get(trimmed.toLowerCase()) ?? trimmed
}

export function isStatus(status: string, expected: OfferStatus | StepStatus): boolean {
  return status.toLowerCase() === expected.toLowerCase()
}

export interface StepMessage {
  /** Plain text of `messageHtml` (untrusted: escape it wherever it is shown). */
  text: string
  level: string
  timestamp?: string
}

export interface Step {
  id: string
  name: string
  description: string
  /** Canonical status, or the raw value when it is not a known one. */
  status: string
  /** 0-100, when the service reports it. */
  progress?: number
  estimatedTimeFrame?: string
  messages: StepMessage[]
  /** Messages the service sent beyond the limit, dropped. */
  omittedMessages?: number
  /**
   * For a step with no estimate (an API that gives none): how long it may be in progress before it
   * counts as stuck.
   */
  limitMs?: number
}

export interface OfferSnapshot {
  status: string
  steps: Step[]
  messages: StepMessage[]
  /** Steps the service sent beyond the limit, dropped. */
  omittedSteps?: number
  /** Offer messages beyond the limit, dropped. */
  omittedMessages?: number
  /**
   * Where the publisher sees the offer: its preview (to sign off) and its live listing, when the API
   * gives them. Only links `links.ts` trusts (https, on Microsoft's hosts) are kept.
   */
  links?: OfferLinks
}

export interface OfferLinks {
  preview?: string
  live?: string
}

const FINAL_OFFER: readonly OfferStatus[] = ['Succeeded', 'Failed', 'Canceled']

export function isFinalOfferStatus(status: string): boolean {
  return FINAL_OFFER.some((s) => isStatus(status, s))
}

export function rejectedSteps(snapshot: OfferSnapshot): Step[] {
  return snapshot.steps.filter((s) => isStatus(s.status, 'Rejected'))
}

/** True when the offer (or one of its steps, such as `publisher-signoff`) waits for the publisher's sign-off. */
export function waitsForPublisherReview(snapshot: OfferSnapshot): boolean {
  return (
    isStatus(snapshot.status, 'WaitingForPublisherReview') ||
    snapshot.steps.some((s) => isStatus(s.status, 'WaitingForPublisherReview'))
  )
}

const ACTIVE_ORDER: readonly StepStatus[] = [
  'Rejected',
  'InProgress',
  'WaitingForPublisherReview',
  'WaitingForApproval',
  'Blocked',
  'Canceled'
]

/**
 * The step worth naming in a one-line report: a rejected one, else the first in progress or waiting,
 * else the first one with a status we do not know, else the first not started.
 */
export function activeStep(snapshot: OfferSnapshot): Step | undefined {
  for (const wanted of ACTIVE_ORDER) {
    const step = snapshot.steps.find((s) => isStatus(s.status, wanted))
    if (step) return step
  }
  const known = new Set<string>(STEP_STATUSES.map((s) => s.toLowerCase()))
  return (
    snapshot.steps.find((s) => !known.has(s.status.toLowerCase())) ??
    snapshot.steps.find((s) => isStatus(s.status, 'NotStarted'))
  )
}

/** Whether anything a watcher cares about differs: offer status, a step's status or progress, the set of steps. */
export function hasChanged(before: OfferSnapshot | undefined, after: OfferSnapshot): boolean {
  return differs(before, after, true)
}

/**
 * Whether the publish moved on: the offer's status, the set of steps or a step's status differs.
 * Progress alone does not count: a step that reports progress every few minutes is still the same step,
 * and resetting backoff on each report would poll it at `interval` for days.
 */
export function hasMovedOn(before: OfferSnapshot | undefined, after: OfferSnapshot): boolean {
  return differs(before, after, false)
}

function differs(before: OfferSnapshot | undefined, after: OfferSnapshot, progress: boolean): boolean {
  if (!before) return true
  if (before.status !== after.status || before.steps.length !== after.steps.length) return true
  return after.steps.some((step, i) => {
    const old = before.steps[i]
    return old?.id !== step.id || old.status !== step.status || (progress && old.progress !== step.progress)
  })
}
