/** How statuses, progress and times look to a person: icons, bars, clock times. */
import type { Outcome } from './outcome.js'
import { isStatus, type OfferStatus, type StepStatus } from './snapshot.js'
import type { Result } from './verdict.js'

const STEP_ICONS: [StepStatus, string][] = [
  ['Complete', '✅'],
  ['InProgress', '🔄'],
  ['NotStarted', '⚪'],
  ['WaitingForPublisherReview', '👀'],
  ['WaitingForApproval', '⏳'],
  ['Blocked', '⛔'],
  ['Rejected', '❌'],
  ['Canceled', '🚫']
]

const OFFER_ICONS: [OfferStatus, string][] = [
  ['Succeeded', '✅'],
  ['Failed', '❌'],
  ['Canceled', '🚫'],
  ['Running', '🔄'],
  ['WaitingForPublisherReview', '👀'],
  ['NotStarted', '⚪'],
  ['NeverPublished', '⚪']
]

const UNKNOWN_ICON = '❔'

export function stepIcon(status: string): string {
  return STEP_ICONS.find(([s]) => isStatus(status, s))?.[1] ?? UNKNOWN_ICON
}

export function offerIcon(status: string): string {
  return OFFER_ICONS.find(([s]) => isStatus(status, s))?.[1] ?? UNKNOWN_ICON
}

export const RESULT_ICONS: Record<Result, string> = {
  passed: '✅',
  failed: '❌',
  'timed-out': '⏱️',
  cancelled: '⛔'
}

export const OUTCOME_ICONS: Record<Outcome, string> = {
  failed: '❌',
  canceled: '🚫',
  unknown: '❔',
  'not-published': '⚪',
  'in-progress': '🔄',
  succeeded: '✅',
  'preview-ready': '👀',
  live: '✅'
}

/** What a watch is about, as a sentence starts: `Offer contoso/vm-offer` or `Configure job 0b1c…`. */
export function subjectOf(watch: { kind?: 'offer' | 'job'; label: string }): string {
  return watch.kind === 'job' ? watch.label : `Offer ${watch.label}`
}

/** `███░░░░░░░ 30%`; an absent progress is an em dash. */
export function progressBar(progress: number | undefined, width = 10): string {
  if (progress === undefined) return '—'
  const filled = Math.round((progress / 100) * width)
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(progress)}%`
}

/** `2026-11-25 10:22:05 UTC` */
export function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}
