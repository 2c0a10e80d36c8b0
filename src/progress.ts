/**
 * The log while waiting: one line a poll, with the steps in a collapsible group when they changed.
 * Every remote text goes through `neutralize`: one line, no workflow command, capped.
 */
import { formatDuration } from './duration.js'
import type { WatchEvent } from './poll.js'
import { offerIcon, stepIcon } from './present.js'
import { activeStep, type OfferSnapshot, type Step, type StepMessage } from './snapshot.js'
import { neutralize } from './text.js'

function stepBrief(step: Step): string {
  const progress = step.progress === undefined ? '' : ` ${Math.round(step.progress)}%`
  const estimate = step.estimatedTimeFrame ? ` (estimate ${step.estimatedTimeFrame})` : ''
  return neutralize(`${step.name} ${step.status}${progress}${estimate}`, 200)
}

function nextCheck(event: WatchEvent): string {
  if (event.nextDelayMs === undefined) return 'no further check'
  const pace = event.type === 'read' ? event.pace?.basis : undefined
  const why = pace ? ` (paced for ${neutralize(pace.step, 60)}, ${neutralize(pace.estimate, 30)})` : ''
  return `next check in ${formatDuration(event.nextDelayMs)}${why}`
}

/**
 * `[2m 30s] Running · Certification InProgress 40% (estimate ~2-3 days) · next check in 10m (paced for ...)`;
 * with several offers, the offer's label comes first.
 */
export function pollLine(event: WatchEvent, options: { withLabel?: boolean } = {}): string {
  const elapsed = `[${formatDuration(event.elapsedMs)}]${options.withLabel ? ` ${neutralize(event.label, 120)}:` : ''}`
  switch (event.type) {
    case 'transient': {
      const next =
        event.nextDelayMs === undefined
          ? 'no retry before the timeout'
          : `retrying in ${formatDuration(event.nextDelayMs)}`
      return `${elapsed} ${neutralize(event.reason, 300)} · ${next}`
    }
    case 'stuck': {
      const { step } = event
      return neutralize(
        `${elapsed} ${step.name} has been in progress for ${formatDuration(step.inProgressMs)}, ` +
          `beyond its estimate of ${step.estimatedTimeFrame}: stuck`,
        400
      )
    }
    case 'read': {
      const step = activeStep(event.snapshot)
      const parts = [`${offerIcon(event.snapshot.status)} ${neutralize(event.snapshot.status, 60)}`]
      if (step) parts.push(stepBrief(step))
      if (!event.changed) parts.push('no change')
      parts.push(nextCheck(event))
      return `${elapsed} ${parts.join(' · ')}`
    }
  }
}

/** Messages logged per step (and for the offer) when the steps change; the summary shows more. */
const LOGGED_MESSAGES = 3

function messageLines(messages: StepMessage[], omitted: number, indent: string): string[] {
  const lines = messages
    .slice(0, LOGGED_MESSAGES)
    .map((message) => `${indent}[${neutralize(message.level, 20)}] ${neutralize(message.text, 300)}`)
  const more = Math.max(0, messages.length - LOGGED_MESSAGES) + omitted
  if (more > 0) lines.push(`${indent}... ${more} more ${more === 1 ? 'message' : 'messages'}`)
  return lines
}

/**
 * The lines inside the poll's group: every step (as many as were kept) and its first
 * messages. Bounded whatever the service sends.
 */
export function stepLines(snapshot: OfferSnapshot): string[] {
  const lines: string[] = []
  for (const step of snapshot.steps) {
    lines.push(`${stepIcon(step.status)} ${stepBrief(step)}`)
    lines.push(...messageLines(step.messages, step.omittedMessages ?? 0, '    '))
  }
  const omitted = snapshot.omittedSteps ?? 0
  if (omitted > 0) lines.push(`... ${omitted} more ${omitted === 1 ? 'step' : 'steps'}, not kept`)
  lines.push(...messageLines(snapshot.messages, snapshot.omittedMessages ?? 0, ''))
  if (lines.length === 0) lines.push('(no publishing steps reported)')
  return lines
}
