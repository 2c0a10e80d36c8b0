/** The log while waiting: one line a poll, with the steps in a collapsible group. All text is made single-line. */
import { formatDuration } from './duration.js'
import type { WatchEvent } from './poll.js'
import { offerIcon, stepIcon } from './present.js'
import { activeStep, type OfferSnapshot, type Step } from './status.js'
import { oneLine } from './text.js'

function stepBrief(step: Step): string {
  const progress = step.progress === undefined ? '' : ` ${Math.round(step.progress)}%`
  const estimate = step.estimatedTimeFrame ? ` (estimate ${step.estimatedTimeFrame})` : ''
  return oneLine(`${step.name} ${step.status}${progress}${estimate}`, 200)
}

function nextCheck(event: WatchEvent): string {
  if (event.nextDelayMs === undefined) return 'no further check'
  const pace = event.type === 'read' ? event.pace?.basis : undefined
  const why = pace ? ` (paced for ${oneLine(pace.step, 60)}, ${oneLine(pace.estimate, 30)})` : ''
  return `next check in ${formatDuration(event.nextDelayMs)}${why}`
}

/**
 * `[2m 30s] Running · Certification InProgress 40% (estimate ~2-3 days) · next check in 10m (paced for ...)`;
 * with several offers, the offer's label comes first.
 */
export function pollLine(event: WatchEvent, options: { withLabel?: boolean } = {}): string {
  const elapsed = `[${formatDuration(event.elapsedMs)}]${options.withLabel ? ` ${oneLine(event.label, 120)}:` : ''}`
  switch (event.type) {
    case 'transient': {
      const next =
        event.nextDelayMs === undefined
          ? 'no retry before the timeout'
          : `retrying in ${formatDuration(event.nextDelayMs)}`
      return `${elapsed} ${oneLine(event.reason, 300)} · ${next}`
    }
    case 'stuck': {
      const { step } = event
      return oneLine(
        `${elapsed} ${step.name} has been in progress for ${formatDuration(step.inProgressMs)}, ` +
          `beyond its estimate of ${step.estimatedTimeFrame}: stuck`,
        400
      )
    }
    case 'read': {
      const step = activeStep(event.snapshot)
      const parts = [`${offerIcon(event.snapshot.status)} ${oneLine(event.snapshot.status, 60)}`]
      if (step) parts.push(stepBrief(step))
      if (!event.changed) parts.push('no change')
      parts.push(nextCheck(event))
      return `${elapsed} ${parts.join(' · ')}`
    }
  }
}

/** The lines inside the poll's group: every step, and its messages. */
export function stepLines(snapshot: OfferSnapshot): string[] {
  const lines: string[] = []
  for (const step of snapshot.steps) {
    lines.push(`${stepIcon(step.status)} ${stepBrief(step)}`)
    for (const message of step.messages) lines.push(`    [${oneLine(message.level, 20)}] ${oneLine(message.text, 300)}`)
  }
  for (const message of snapshot.messages) lines.push(`[${oneLine(message.level, 20)}] ${oneLine(message.text, 300)}`)
  if (lines.length === 0) lines.push('(no publishing steps reported)')
  return lines
}
