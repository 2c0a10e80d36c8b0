/**
 * Pass or fail: the job fails when the offer ended Failed or Canceled, a step was rejected, the API
 * refused the request, the run was cancelled, or the wait timed out (unless `on-timeout: warn`).
 */
import { formatDuration } from './duration.js'
import type { WatchResult } from './poll.js'
import { subjectOf } from './present.js'
import { activeStep, isStatus, rejectedSteps, type OfferSnapshot, type Step } from './snapshot.js'
import { truncate } from './text.js'

export type Result = 'passed' | 'failed' | 'timed-out' | 'cancelled'

export interface Reason {
  /** Short, for the annotation title. */
  title: string
  /** Plain text, one or more lines (annotations and logs flatten it). */
  message: string
}

export interface Verdict {
  result: Result
  /** `::error` annotations: one reason each. */
  failures: Reason[]
  /** `::warning` annotations. */
  warnings: Reason[]
  /** One sentence for the summary heading and the log. */
  headline: string
}

/** Message texts of a step, errors first, as one string. */
export function stepMessageText(step: Step, max = 1_000): string {
  const rank = (level: string): number => (/error|critical/i.test(level) ? 0 : /warn/i.test(level) ? 1 : 2)
  const texts: string[] = []
  let length = 0
  for (const message of [...step.messages].sort((a, b) => rank(a.level) - rank(b.level))) {
    if (length > max) break
    texts.push(message.text)
    length += message.text.length + 3
  }
  return truncate(texts.join(' / '), max)
}

function stepPhrase(step: Step): string {
  return step.name === step.id ? `step '${step.name}'` : `step '${step.name}' (${step.id})`
}

/** The step an offer failed at: rejected, canceled or blocked first, else the active one, else one with messages. */
function failingStep(snapshot: OfferSnapshot): Step | undefined {
  return (
    snapshot.steps.find((s) => isStatus(s.status, 'Rejected')) ??
    snapshot.steps.find((s) => isStatus(s.status, 'Canceled') || isStatus(s.status, 'Blocked')) ??
    activeStep(snapshot) ??
    snapshot.steps.find((s) => s.messages.length > 0 && !isStatus(s.status, 'Complete'))
  )
}

function withMessages(sentence: string, step: Step | undefined): string {
  if (!step) return sentence
  const text = stepMessageText(step)
  return text ? `${sentence}: ${text}` : sentence
}

export interface JudgeOptions {
  onTimeout: 'fail' | 'warn'
  /** A stuck step fails the job instead of warning. */
  failOnStuck?: boolean
}

function stuckReasons(watch: WatchResult): Reason[] {
  return watch.stuck.map((step) => ({
    title: `${step.name} stuck`,
    message:
      `${subjectOf(watch)}: step '${step.name}' has been in progress for ${formatDuration(step.inProgressMs)}, ` +
      `beyond its estimate of ${step.estimatedTimeFrame}`
  }))
}

/** The verdict on one offer: its own end, plus its stuck steps as warnings or failures. */
export function judge(watch: WatchResult, options: JudgeOptions): Verdict {
  const verdict = judgeEnd(watch, options.onTimeout)
  const stuck = stuckReasons(watch)
  if (stuck.length === 0) return verdict
  if (!options.failOnStuck) return { ...verdict, warnings: [...verdict.warnings, ...stuck] }
  const headline =
    verdict.result === 'passed'
      ? `${watch.snapshot?.status ?? ''}: ${stuck.length === 1 ? stuck[0]?.title : `${stuck.length} steps stuck`}`
      : verdict.headline
  return {
    ...verdict,
    result: verdict.result === 'passed' ? 'failed' : verdict.result,
    failures: [...verdict.failures, ...stuck],
    headline
  }
}

const SEVERITY: Result[] = ['failed', 'cancelled', 'timed-out', 'passed']

/** The result of several offers: the worst of theirs (failed, then cancelled, then timed-out). */
export function overallResult(verdicts: Verdict[]): Result {
  return SEVERITY.find((result) => verdicts.some((v) => v.result === result)) ?? 'passed'
}

function judgeEnd(watch: WatchResult, onTimeout: 'fail' | 'warn'): Verdict {
  const subject = subjectOf(watch)
  const snapshot = watch.snapshot
  const status = snapshot?.status
  const lastKnown = status ? `last known status ${status}` : 'no status read yet'
  const waited = formatDuration(watch.endedAt - watch.startedAt)

  switch (watch.end.kind) {
    case 'error':
      return {
        result: 'failed',
        failures: [
          {
            title: watch.kind === 'job' ? 'Job status unavailable' : 'Offer status unavailable',
            message: `${subject}: ${watch.end.reason}`
          }
        ],
        warnings: [],
        headline: `could not read the status: ${watch.end.reason}`
      }
    case 'cancelled': {
      const why = !snapshot && watch.lastError ? `; the last error: ${watch.lastError}` : ''
      return {
        result: 'cancelled',
        failures: [
          { title: 'Cancelled', message: `${subject}: the run was cancelled after ${waited}; ${lastKnown}${why}` }
        ],
        warnings: [],
        headline: `cancelled after ${waited}; ${lastKnown}${why}`
      }
    }
    case 'timed-out': {
      if (!snapshot) {
        // Never read a status: nothing is known about the offer, so this fails whatever on-timeout says.
        const why = watch.lastError ? `; the last error: ${watch.lastError}` : ''
        return {
          result: 'failed',
          failures: [
            {
              title: 'No status read',
              message: `${subject}: no status could be read in ${waited}${why}`
            }
          ],
          warnings: [],
          headline: `no status could be read in ${waited}${why}`
        }
      }
      const step = activeStep(snapshot)
      const at = step ? `, ${stepPhrase(step)} ${step.status}` : ''
      const lastError = watch.lastError ? `; the last request failed: ${watch.lastError}` : ''
      const reason = {
        title: 'Timed out',
        message: `${subject}: still not done after ${waited} (timeout); ${lastKnown}${at}${lastError}`
      }
      return {
        result: 'timed-out',
        failures: onTimeout === 'fail' ? [reason] : [],
        warnings: onTimeout === 'warn' ? [reason] : [],
        headline: `timed out after ${waited}; ${lastKnown}`
      }
    }
    case 'stopped':
      break
  }

  const failures: Reason[] = []
  const offerFailed = snapshot && (isStatus(snapshot.status, 'Failed') || isStatus(snapshot.status, 'Canceled'))
  // Errors the API reported for the offer or the job itself (a configure job's errors[]) are the
  // reasons: one each, quoted.
  const offerErrors = snapshot?.messages.filter((m) => /error|critical/i.test(m.level)) ?? []
  if (snapshot && offerFailed && offerErrors.length > 0) {
    for (const error of offerErrors) {
      failures.push({
        title: `Publishing ${snapshot.status.toLowerCase()}`,
        message: `${subject}: publishing ${snapshot.status.toLowerCase()}: ${truncate(error.text, 1_000)}`
      })
    }
  } else if (snapshot) {
    for (const step of rejectedSteps(snapshot)) {
      failures.push({
        title: `${step.name} rejected`,
        message: withMessages(`${subject}: ${stepPhrase(step)} was rejected`, step)
      })
    }
    if (offerFailed && failures.length === 0) {
      const step = failingStep(snapshot)
      const where = step ? ` at ${stepPhrase(step)} (${step.status})` : ''
      failures.push({
        title: `Publishing ${snapshot.status.toLowerCase()}`,
        message: withMessages(`${subject}: publishing ${snapshot.status.toLowerCase()}${where}`, step)
      })
    }
  }
  if (failures.length > 0) {
    const what = failures.length === 1 ? failures[0]?.title : `${failures.length} problems`
    return { result: 'failed', failures, warnings: [], headline: `${status}: ${what}` }
  }
  const headline = watch.end.reason === 'publisher-review' ? `${status}: ready for the publisher's review` : `${status}`
  return { result: 'passed', failures: [], warnings: [], headline }
}
