/**
 * Where publishing stands, in the publisher's terms: the `outcome` output and the first word of the
 * summary. It is about the offer, not the run: a run that timed out or was cancelled still has the
 * outcome its last status shows (`in-progress`, say), and `result` says how the run ended.
 *
 * | outcome | when |
 * | --- | --- |
 * | `failed` | the offer (or job) Failed, or a step was Rejected |
 * | `canceled` | the offer's publish (or the job) was Canceled |
 * | `unknown` | no status could be read, or the offer's status is one the action does not know |
 * | `not-published` | the offer was never published |
 * | `in-progress` | a publish is under way (Running, NotStarted) and waits for nobody |
 * | `succeeded` | a configure job completed (a job is not itself a publish: its submission goes on) |
 * | `preview-ready` | the preview is ready and waits for the publisher's sign-off |
 * | `live` | the offer is live (the publish Succeeded) |
 *
 * Several offers and jobs: the worst of their outcomes, in the order of this table.
 */
import { isStatus, rejectedSteps, waitsForPublisherReview, type OfferSnapshot } from './snapshot.js'

/** Worst first: the outcome of several is the first of these that any of them has. */
export const OUTCOMES = [
  'failed',
  'canceled',
  'unknown',
  'not-published',
  'in-progress',
  'succeeded',
  'preview-ready',
  'live'
] as const

export type Outcome = (typeof OUTCOMES)[number]

/** The outcome of one watched offer or job, from its last good read (none: `unknown`). */
export function outcomeOf(watch: { kind?: 'offer' | 'job'; snapshot?: OfferSnapshot | undefined }): Outcome {
  const { snapshot } = watch
  if (!snapshot) return 'unknown'
  if (rejectedSteps(snapshot).length > 0 || isStatus(snapshot.status, 'Failed')) return 'failed'
  if (isStatus(snapshot.status, 'Canceled')) return 'canceled'
  if (isStatus(snapshot.status, 'Succeeded')) return watch.kind === 'job' ? 'succeeded' : 'live'
  if (waitsForPublisherReview(snapshot)) return 'preview-ready'
  if (isStatus(snapshot.status, 'NeverPublished')) return 'not-published'
  if (isStatus(snapshot.status, 'Running') || isStatus(snapshot.status, 'NotStarted')) return 'in-progress'
  return 'unknown'
}

/** The worst of several outcomes (`unknown` for none). */
export function worstOutcome(outcomes: readonly Outcome[]): Outcome {
  return OUTCOMES.find((outcome) => outcomes.includes(outcome)) ?? 'unknown'
}
