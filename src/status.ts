/**
 * The offer status as the Cloud Partner Portal reports it, parsed leniently with zod: statuses are
 * compared case-insensitively and shown in canonical PascalCase, an unknown status is kept as it came,
 * unknown fields are ignored and missing optional fields tolerated.
 */
import { z } from 'zod'
import { MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, MAX_MESSAGES, MAX_STEPS } from './limits.js'
import { htmlToText, truncate } from './text.js'

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
  /** Messages the service sent beyond {@link MAX_MESSAGES}, dropped. */
  omittedMessages?: number
}

export interface OfferSnapshot {
  status: string
  steps: Step[]
  messages: StepMessage[]
  /** Steps the service sent beyond {@link MAX_STEPS}, dropped. */
  omittedSteps?: number
  /** Offer messages beyond {@link MAX_MESSAGES}, dropped. */
  omittedMessages?: number
}

/** A short text field: a string or number, capped. */
const text = z
  .union([z.string(), z.number()])
  .transform((v) => truncate(String(v), MAX_FIELD_CHARS))
  .optional()
  .catch(undefined)

/** Raw HTML of a message: capped again by {@link htmlToText}, which scans a bounded prefix. */
const html = z.string().optional().catch(undefined)

/** A number, or a short numeric string; nothing else is converted (an array could be nested deep). */
const percentage = z
  .union([z.number(), z.string().max(40)])
  .transform((v) => Number(v))
  .refine((n) => Number.isFinite(n))
  .transform((n) => Math.min(100, Math.max(0, n)))
  .optional()
  .catch(undefined)

const messageSchema = z.looseObject({
  messageHtml: html,
  message: html,
  level: text,
  timestamp: text
})

/**
 * The first `max` items of what should be an array, and how many more there were. A remote-sized
 * array is only sliced, never spread or walked whole.
 */
function firstItems(value: unknown, max: number): { items: unknown[]; omitted: number } {
  if (!Array.isArray(value)) return { items: [], omitted: 0 }
  return { items: value.slice(0, max), omitted: Math.max(0, value.length - max) }
}

/** Messages that fail to parse are dropped, not fatal: they are decoration. */
function parseMessages(value: unknown): { messages: StepMessage[]; omitted: number } {
  const { items, omitted } = firstItems(value, MAX_MESSAGES)
  const messages = items.flatMap((item): StepMessage[] => {
    const parsed = messageSchema.safeParse(item)
    if (!parsed.success) return []
    const plain = htmlToText(parsed.data.messageHtml ?? parsed.data.message ?? '', MAX_MESSAGE_CHARS)
    if (plain === '') return []
    const message: StepMessage = { text: plain, level: parsed.data.level?.trim() || 'info' }
    if (parsed.data.timestamp) message.timestamp = parsed.data.timestamp
    return [message]
  })
  return { messages, omitted }
}

const stepSchema = z.looseObject({
  id: text,
  stepName: text,
  description: text,
  status: text,
  estimatedTimeFrame: text,
  progressPercentage: percentage,
  processPercentage: percentage
})

const offerSchema = z.looseObject({
  status: z
    .string()
    .transform((v) => truncate(v.trim(), MAX_FIELD_CHARS))
    .pipe(z.string().min(1))
})

function toStep(raw: z.infer<typeof stepSchema>, rawMessages: unknown, index: number): Step {
  const id = raw.id?.trim() || raw.stepName?.trim() || `step-${index + 1}`
  const step: Step = {
    id,
    name: raw.stepName?.trim() || id,
    description: raw.description?.trim() ?? '',
    status: canonicalStatus(raw.status ?? '') || 'Unknown',
    messages: []
  }
  const { messages, omitted } = parseMessages(rawMessages)
  step.messages = messages
  if (omitted > 0) step.omittedMessages = omitted
  const progress = raw.progressPercentage ?? raw.processPercentage
  if (progress !== undefined) step.progress = progress
  const estimate = raw.estimatedTimeFrame?.trim()
  if (estimate) step.estimatedTimeFrame = estimate
  return step
}

export type ParseResult = { ok: true; snapshot: OfferSnapshot } | { ok: false; reason: string }

/** Parse a status response body (already JSON-decoded). Fails only when there is no offer status. */
export function parseOfferStatus(body: unknown): ParseResult {
  const parsed = offerSchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'body'
    return { ok: false, reason: `not an offer status (${where}: ${issue?.message ?? 'invalid'})` }
  }
  const raw = body as Record<string, unknown>
  const { items, omitted } = firstItems(raw.steps, MAX_STEPS)
  const steps = items.flatMap((item, index): Step[] => {
    const step = stepSchema.safeParse(item)
    const messages = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).messages : undefined
    return step.success ? [toStep(step.data, messages, index)] : []
  })
  const offerMessages = parseMessages(raw.messages)
  const snapshot: OfferSnapshot = {
    status: canonicalStatus(parsed.data.status),
    steps,
    messages: offerMessages.messages
  }
  if (omitted > 0) snapshot.omittedSteps = omitted
  if (offerMessages.omitted > 0) snapshot.omittedMessages = offerMessages.omitted
  return { ok: true, snapshot }
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
  if (!before) return true
  if (before.status !== after.status || before.steps.length !== after.steps.length) return true
  return after.steps.some((step, i) => {
    const old = before.steps[i]
    return old?.id !== step.id || old.status !== step.status || old.progress !== step.progress
  })
}
