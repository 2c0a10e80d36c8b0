/**
 * Pass or fail, and what happened in the publisher's terms. The job fails when the offer ended Failed
 * or Canceled, a step was rejected, the API refused the request, the run was cancelled, or the wait
 * timed out (unless `on-timeout: warn`). Each verdict also says what happened first (the summary's
 * heading: "Live", "Failed: Certification rejected", "Timed out: still in Certification (2d 4h so
 * far)"), why, in a few words (the portfolio's overview), and what to do next, in one sentence.
 */
import { formatDuration } from './duration.js'
import { outcomeOf, OUTCOMES, type Outcome } from './outcome.js'
import type { WatchResult } from './poll.js'
import { subjectOf } from './present.js'
import { activeStep, isStatus, rejectedSteps, type OfferSnapshot, type Step } from './snapshot.js'
import { truncate } from './text.js'

export type Result = 'passed' | 'failed' | 'timed-out' | 'cancelled'

/** What a reason is about: an offer (by its label) or a configure job (by its ID). */
export interface Subject {
  kind: 'offer' | 'job'
  name: string
}

export interface Reason {
  /** Short, for the annotation title. */
  title: string
  /** Plain text, one or more lines (annotations and logs flatten it): `<subject>: <detail>`. */
  message: string
  /** What the reason is about, when it is about one offer or job. */
  subject?: Subject
  /** The message without its subject: the same for every offer that failed the same way. */
  detail?: string
  /** The summary's heading already says all of it: no bullet repeats it there. */
  inHeading?: true
}

export interface Verdict {
  result: Result
  /** Where publishing stands (see `outcome.ts`): about the offer, whatever the run did. */
  outcome: Outcome
  /** `::error` annotations: one reason each. */
  failures: Reason[]
  /** `::warning` annotations. */
  warnings: Reason[]
  /** What happened, in a word or two, to count offers by: `live`, `failed`, `timed out`, `unreadable`, ... */
  what: string
  /** The icon before the headline. */
  icon: string
  /** What happened, first: `Live`, `Failed: Certification rejected`, `Could not read the status: ...`. */
  headline: string
  /** Why, in a few words (the failure, the stuck step, the error, the timeout's step); '' when all is well. */
  why: string
  /** One sentence: what the publisher does next (one of {@link NEXT}). */
  next: NextMove
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

/** Characters of an error the API reported that the heading says in full. */
const ERROR_IN_HEADING_MAX = 200

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

/** `Offers a, b, c`, `Configure jobs x, y`: several subjects, as a sentence starts. */
export function subjectsOf(subjects: readonly Subject[], max = 10): string {
  const offers = subjects.filter((s) => s.kind === 'offer').map((s) => s.name)
  const jobs = subjects.filter((s) => s.kind === 'job').map((s) => s.name)
  const shown = [...offers, ...jobs].slice(0, max)
  const more = offers.length + jobs.length - shown.length
  const list = (names: string[], one: string, many: string): string =>
    names.length === 0 ? '' : `${names.length === 1 ? one : many} ${names.join(', ')}`
  const shownOffers = shown.slice(0, Math.min(offers.length, shown.length))
  const shownJobs = shown.slice(shownOffers.length)
  const parts = [
    list(shownOffers, 'Offer', 'Offers'),
    list(
      shownJobs,
      offers.length > 0 ? 'configure job' : 'Configure job',
      offers.length > 0 ? 'configure jobs' : 'Configure jobs'
    )
  ].filter(Boolean)
  return `${parts.join(' and ')}${more > 0 ? ` and ${more} more` : ''}`
}

/** A reason about one watched offer or job: `message` is `<subject>: <detail>`. */
function reasonAbout(watch: WatchResult, title: string, detail: string, inHeading = false): Reason {
  const kind = watch.kind ?? 'offer'
  const reason: Reason = {
    title,
    message: `${subjectOf(watch)}: ${detail}`,
    subject: { kind, name: kind === 'job' ? watch.id : watch.label },
    detail
  }
  if (inHeading) reason.inHeading = true
  return reason
}

export interface JudgeOptions {
  onTimeout: 'fail' | 'warn'
  /** A stuck step fails the job instead of warning. */
  failOnStuck?: boolean
}

function stuckReasons(watch: WatchResult): Reason[] {
  return watch.stuck.map((step) =>
    reasonAbout(
      watch,
      `${step.name} stuck`,
      `step '${step.name}' has been in progress for ${formatDuration(step.inProgressMs)}, ` +
        `beyond its estimate of ${step.estimatedTimeFrame}`
    )
  )
}

/** `Certification stuck for 6d (estimate ~2-3 days)`, or `2 steps stuck: Scan, Packaging`. */
function stuckWhy(watch: WatchResult): string {
  const [first] = watch.stuck
  if (!first) return ''
  if (watch.stuck.length > 1) return `${watch.stuck.length} steps stuck: ${watch.stuck.map((s) => s.name).join(', ')}`
  return `${first.name} stuck for ${formatDuration(first.inProgressMs)} (estimate ${first.estimatedTimeFrame})`
}

/**
 * The next moves, in the publisher's terms. The summary shows them as markdown, unescaped: they are
 * this module's own text, never remote text.
 */
export const NEXT = {
  live: 'Nothing to do: the offer is live.',
  preview: 'Open the preview, check it, then select Go live in Partner Center to publish the offer.',
  jobSucceeded:
    'Nothing to do for the job: its submission goes on. Watch the offer (offer-id) to see when its preview is ready and when it is live.',
  certification:
    'Read the certification report (the messages below, and the offer in Partner Center), fix what it names, and publish again.',
  jobCertification:
    "Read the certification report (on the offer's page in Partner Center, and sent by email), fix what it names, then send the configure request again.",
  failed: 'Read the messages below, fix what they name, and publish again.',
  jobFailed: 'Fix what the errors name, then send the configure request again.',
  canceled: 'Publishing was canceled: publish again when you are ready.',
  jobCanceled: 'The job was canceled: send the configure request again when you are ready.',
  stuck:
    'Look at the offer in Partner Center; if the step stays stuck, open a support request in Partner Center (Help + support).',
  later: 'Nothing is wrong yet: check again later, with a scheduled run (`wait-for: none`) or a longer `timeout`.',
  jobLater: 'Check again later: run the action again with the same job-id.',
  notPublished:
    'Publish the offer first (in Partner Center, or with a configure job): until then there is nothing to watch.',
  unknownStatus: 'Look at the offer in Partner Center: the action does not know this status, and does not wait on it.',
  cancelled: 'Run again to see where publishing stands: cancelling the run does not stop the publish.',
  access:
    "Fix the access as the reason says (the token, the sign-in, or the app's role in Partner Center), then run again.",
  notFound: 'Check the IDs as the reason says, then run again.',
  error: 'Fix what the reason names, then run again.',
  unreadable: 'Check the last error: if the service was down or slow, run again later.'
} as const

export type NextMove = (typeof NEXT)[keyof typeof NEXT]

/**
 * Where an offer or job stands, for a heading: `in Certification (40%, 2d 4h so far)`, `at
 * Certification (WaitingForApproval)`, `Running` (no step to name), or for a job `running (3h so far)`.
 */
function where(watch: WatchResult, snapshot: OfferSnapshot): string {
  const step = activeStep(snapshot)
  const since = step && watch.inProgress?.id === step.id ? watch.inProgress.since : undefined
  const soFar = since === undefined ? '' : `${formatDuration(Math.max(0, watch.endedAt - since))} so far`
  if (watch.kind === 'job') {
    const state = isStatus(snapshot.status, 'NotStarted') ? 'not started' : 'running'
    return soFar ? `${state} (${soFar})` : state
  }
  if (!step) return snapshot.status
  if (!isStatus(step.status, 'InProgress')) return `at ${step.name} (${step.status})`
  const progress = step.progress !== undefined && step.progress > 0 ? `${Math.round(step.progress)}%` : ''
  const detail = [progress, soFar].filter(Boolean).join(', ')
  return `in ${step.name}${detail ? ` (${detail})` : ''}`
}

/** The verdict on one offer: its own end, plus its stuck steps as warnings or failures. */
export function judge(watch: WatchResult, options: JudgeOptions): Verdict {
  const verdict = judgeEnd(watch, options.onTimeout)
  const stuck = stuckReasons(watch)
  if (stuck.length === 0) return verdict
  const why = stuckWhy(watch)
  let judged: Verdict
  if (!options.failOnStuck) {
    // A stuck step is news only while nothing worse happened: it is then the why, and the next move.
    const plain = verdict.result === 'passed' && verdict.outcome === 'in-progress'
    judged = {
      ...verdict,
      warnings: [...verdict.warnings, ...stuck],
      ...(plain ? { what: 'stuck', headline: `In progress: ${why}`, why, next: NEXT.stuck } : {})
    }
  } else if (verdict.result !== 'passed') {
    judged = { ...verdict, failures: [...verdict.failures, ...stuck] }
  } else {
    judged = {
      ...verdict,
      result: 'failed',
      failures: [...verdict.failures, ...stuck],
      what: 'stuck',
      icon: '❌',
      headline: `Stuck: ${why}`,
      why,
      next: NEXT.stuck
    }
  }
  // One stuck step that the heading names in full is not said again below it.
  const [only] = stuck
  if (only && stuck.length === 1 && judged.headline.includes(why)) only.inHeading = true
  return judged
}

const SEVERITY: Result[] = ['failed', 'cancelled', 'timed-out', 'passed']

/** The result of several offers: the worst of theirs (failed, then cancelled, then timed-out). */
export function overallResult(verdicts: Pick<Verdict, 'result'>[]): Result {
  return SEVERITY.find((result) => verdicts.some((v) => v.result === result)) ?? 'passed'
}

/**
 * The order in which verdicts are listed: the worst result first (failed, cancelled, timed out, passed),
 * then the worst outcome, then one with a stuck step before one without. Negative when `a` comes first.
 */
export function compareVerdicts(
  a: Pick<Verdict, 'result' | 'outcome' | 'warnings'>,
  b: Pick<Verdict, 'result' | 'outcome' | 'warnings'>
): number {
  return (
    SEVERITY.indexOf(a.result) - SEVERITY.indexOf(b.result) ||
    OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome) ||
    Number(b.warnings.length > 0) - Number(a.warnings.length > 0)
  )
}

function judgeEnd(watch: WatchResult, onTimeout: 'fail' | 'warn'): Verdict {
  const snapshot = watch.snapshot
  const outcome = outcomeOf(watch)
  const job = watch.kind === 'job'
  const status = snapshot?.status
  const lastKnown = status ? `last known status ${status}` : 'no status read yet'
  const waited = formatDuration(watch.endedAt - watch.startedAt)
  const base = { outcome, failures: [] as Reason[], warnings: [] as Reason[] }

  switch (watch.end.kind) {
    case 'error': {
      const { reason, httpStatus, signIn } = watch.end
      const access = signIn === true || httpStatus === 401 || httpStatus === 403
      return {
        ...base,
        result: 'failed',
        failures: [reasonAbout(watch, job ? 'Job status unavailable' : 'Offer status unavailable', reason, true)],
        what: 'unreadable',
        icon: '⚠️',
        headline: `Could not read the status: ${reason}`,
        why: reason,
        next: access ? NEXT.access : httpStatus === 404 ? NEXT.notFound : NEXT.error
      }
    }
    case 'cancelled': {
      const why = !snapshot
        ? 'before any status was read'
        : job
          ? `while the job was ${where(watch, snapshot)}`
          : `while ${activeStep(snapshot) ? '' : 'the offer was '}${where(watch, snapshot)}`
      const lastError = !snapshot && watch.lastError ? `; the last error: ${watch.lastError}` : ''
      return {
        ...base,
        result: 'cancelled',
        failures: [
          reasonAbout(watch, 'Cancelled', `the run was cancelled after ${waited}; ${lastKnown}${lastError}`, true)
        ],
        what: 'cancelled',
        icon: '⛔',
        headline: `Cancelled ${why}`,
        why: `${why}${lastError}`,
        next: NEXT.cancelled
      }
    }
    case 'timed-out': {
      if (!snapshot) {
        // Never read a status: nothing is known about the offer, so this fails whatever on-timeout says.
        const why = `no status in ${waited}${watch.lastError ? `; the last error: ${watch.lastError}` : ''}`
        return {
          ...base,
          result: 'failed',
          failures: [
            reasonAbout(
              watch,
              'No status read',
              `no status could be read in ${waited}${watch.lastError ? `; the last error: ${watch.lastError}` : ''}`,
              true
            )
          ],
          what: 'unreadable',
          icon: '⚠️',
          headline: `Could not read the status: ${why}`,
          why,
          next: NEXT.unreadable
        }
      }
      const step = activeStep(snapshot)
      const at = step ? `, ${stepPhrase(step)} ${step.status}` : ''
      const lastError = watch.lastError ? `; the last request failed: ${watch.lastError}` : ''
      // The heading and the status line say all of it, unless a request failed last.
      const reason = reasonAbout(
        watch,
        'Timed out',
        `still not done after ${waited} (timeout); ${lastKnown}${at}${lastError}`,
        lastError === ''
      )
      const stuck = step ? watch.stuck.find((s) => s.id === step.id) : undefined
      let why: string
      let next: NextMove
      if (outcome === 'preview-ready') {
        why = 'the preview waits for your sign-off'
        next = NEXT.preview
      } else if (outcome === 'not-published') {
        why = 'the offer was never published'
        next = NEXT.notPublished
      } else {
        const still = job ? `the job is still ${where(watch, snapshot)}` : `still ${where(watch, snapshot)}`
        // A stuck step is part of why: the active one's overrun, or another step named.
        why = stuck
          ? `${still}, beyond its estimate of ${stuck.estimatedTimeFrame}`
          : watch.stuck.length > 0
            ? `${still}; ${stuckWhy(watch)}`
            : still
        next = watch.stuck.length > 0 ? NEXT.stuck : job ? NEXT.jobLater : NEXT.later
      }
      return {
        ...base,
        result: 'timed-out',
        failures: onTimeout === 'fail' ? [reason] : [],
        warnings: onTimeout === 'warn' ? [reason] : [],
        what: 'timed out',
        icon: '⏱️',
        headline: `Timed out: ${why}`,
        why,
        next
      }
    }
    case 'stopped':
      break
  }

  const failures: Reason[] = []
  const offerFailed = snapshot && (isStatus(snapshot.status, 'Failed') || isStatus(snapshot.status, 'Canceled'))
  const failedWord = snapshot ? `publishing ${snapshot.status.toLowerCase()}` : ''
  // Errors the API reported for the offer or the job itself (a configure job's errors[]) are the
  // reasons: one each, quoted.
  const offerErrors = snapshot?.messages.filter((m) => /error|critical/i.test(m.level)) ?? []
  let why = ''
  let certification = false
  if (snapshot && offerFailed && offerErrors.length > 0) {
    // One short error is the heading's why, in full; several are counted there.
    const [only] = offerErrors.length === 1 ? offerErrors : []
    const whole = only !== undefined && only.text.length <= ERROR_IN_HEADING_MAX
    for (const error of offerErrors) {
      failures.push(
        reasonAbout(
          watch,
          `Publishing ${snapshot.status.toLowerCase()}`,
          `${failedWord}: ${truncate(error.text, 1_000)}`,
          whole
        )
      )
      certification ||= /certification/i.test(error.text)
    }
    why = only ? truncate(only.text, ERROR_IN_HEADING_MAX) : `${offerErrors.length} errors`
  } else if (snapshot) {
    const rejected = rejectedSteps(snapshot)
    for (const step of rejected) {
      failures.push(reasonAbout(watch, `${step.name} rejected`, withMessages(`${stepPhrase(step)} was rejected`, step)))
      certification ||= /certif/i.test(`${step.id} ${step.name}`)
    }
    const [first] = rejected
    if (first && !job) {
      why =
        rejected.length === 1
          ? `${first.name} rejected`
          : `${rejected.length} steps rejected: ${rejected.map((s) => s.name).join(', ')}`
    }
    if (offerFailed && failures.length === 0) {
      const step = failingStep(snapshot)
      failures.push(
        reasonAbout(
          watch,
          `Publishing ${snapshot.status.toLowerCase()}`,
          withMessages(`${failedWord}${step ? ` at ${stepPhrase(step)} (${step.status})` : ''}`, step)
        )
      )
      if (step && !job) why = `${step.name} ${step.status.toLowerCase()}`
    }
  }
  if (failures.length > 0) {
    const canceled = outcome === 'canceled'
    // A canceled publish names the step it stopped at: `Canceled at Certification`.
    const at = canceled && snapshot && !job ? failingStep(snapshot) : undefined
    if (canceled) why = at ? `at ${at.name}` : ''
    return {
      ...base,
      result: 'failed',
      failures,
      what: canceled ? 'canceled' : 'failed',
      icon: canceled ? '🚫' : '❌',
      headline: canceled ? `Canceled${why ? ` ${why}` : ''}` : `Failed${why ? `: ${why}` : ''}`,
      why,
      next: canceled
        ? job
          ? NEXT.jobCanceled
          : NEXT.canceled
        : certification
          ? job
            ? NEXT.jobCertification
            : NEXT.certification
          : job
            ? NEXT.jobFailed
            : NEXT.failed
    }
  }
  return { ...base, result: 'passed', ...passedWords(watch, outcome) }
}

/** The heading of an offer or job that ended well, or was looked at once. */
function passedWords(
  watch: WatchResult,
  outcome: Outcome
): Pick<Verdict, 'what' | 'icon' | 'headline' | 'why' | 'next'> {
  const snapshot = watch.snapshot
  const job = watch.kind === 'job'
  switch (outcome) {
    case 'live':
      return { what: 'live', icon: '✅', headline: 'Live', why: '', next: NEXT.live }
    case 'succeeded':
      return { what: 'succeeded', icon: '✅', headline: 'Succeeded', why: '', next: NEXT.jobSucceeded }
    case 'preview-ready':
      return {
        what: 'preview ready',
        icon: '✅',
        headline: 'Preview ready for your sign-off',
        why: '',
        next: NEXT.preview
      }
    case 'not-published':
      return {
        what: 'not published',
        icon: '⚪',
        headline: 'Not published yet',
        why: 'never published',
        next: NEXT.notPublished
      }
    case 'in-progress': {
      const why = snapshot ? (job ? `the job is ${where(watch, snapshot)}` : where(watch, snapshot)) : ''
      return {
        what: 'in progress',
        icon: '🔄',
        headline: `In progress: ${why}`,
        why,
        next: job ? NEXT.jobLater : NEXT.later
      }
    }
    default: {
      // What is left: a status the action does not know (a stop on an unknown status is a one-look).
      const why = `status ${snapshot?.status ?? 'unknown'}`
      return { what: 'unknown', icon: '❔', headline: `Unknown ${why}`, why, next: NEXT.unknownStatus }
    }
  }
}
