/**
 * The Cloud Partner Portal's status answer, parsed leniently with zod into the action's snapshot:
 * statuses are compared case-insensitively and shown in canonical PascalCase, an unknown status is
 * kept as it came, unknown fields are ignored and missing optional fields tolerated. Remote-sized
 * arrays are sliced to the limits, never walked whole.
 *
 * Written on `zod/mini` (the functional, tree-shakeable API of the same package): about half the
 * start-up cost of the classic `zod` API. It loads no locale, so the one error shown, the offer's, is
 * worded with the English locale passed to that parse ({@link OFFER_ERRORS}), as classic zod words it.
 */
import * as z from 'zod/mini'
import english from 'zod/v4/locales/en.js'
import { firstTrustedLink } from '../links.js'
import { firstItems, MAX_FIELD_CHARS, MAX_MESSAGE_CHARS, MAX_MESSAGES, MAX_STEPS } from '../limits.js'
import { canonicalStatus, type OfferLinks, type OfferSnapshot, type Step, type StepMessage } from '../snapshot.js'
import { htmlToText, truncate } from '../text.js'

/** Anything that does not fit `schema` reads as absent. */
function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined)
}

/** A short text field: a string or number, capped. */
const text = lenient(
  z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((v) => truncate(String(v), MAX_FIELD_CHARS))
  )
)

/** Raw HTML of a message: capped again by {@link htmlToText}, which scans a bounded prefix. */
const html = lenient(z.string())

/**
 * A number, or a short numeric string, clamped to 0..100; nothing else is converted (an array could
 * be nested deep), and what is not a finite number reads as absent.
 */
const percentage = lenient(
  z.pipe(
    z.union([z.number(), z.string().check(z.maxLength(40))]),
    z.transform((v) => {
      const n = Number(v)
      return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : undefined
    })
  )
)

const messageSchema = z.looseObject({
  messageHtml: html,
  message: html,
  level: text,
  timestamp: text
})

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

/** The offer's status: a string, trimmed, not blank, capped. */
const offerSchema = z.looseObject({
  status: z.pipe(
    z.string().check(z.trim(), z.minLength(1)),
    z.transform((v) => truncate(v, MAX_FIELD_CHARS))
  )
})

/** Words the offer's issues, e.g. `Invalid input: expected string, received number`. */
const OFFER_ERRORS = { error: english().localeError }

function toStep(raw: z.output<typeof stepSchema>, rawMessages: unknown, index: number): Step {
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
  const parsed = offerSchema.safeParse(body, OFFER_ERRORS)
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
  // `previewLinks` and `liveLinks`: lists of `{ displayText, uri }`; the first link `links.ts` trusts.
  const links: OfferLinks = {}
  const preview = firstTrustedLink(raw.previewLinks)
  const live = firstTrustedLink(raw.liveLinks)
  if (preview) links.preview = preview
  if (live) links.live = live
  if (preview || live) snapshot.links = links
  return { ok: true, snapshot }
}
