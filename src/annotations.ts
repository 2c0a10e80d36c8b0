/**
 * The annotations of a run: one per reason, as GitHub shows them, but no more than it shows (ten
 * errors and ten warnings a step). Past that, the last one says how many more there are and where to
 * read them, so that a large portfolio does not flood the log with annotations nobody sees.
 */
import type { Reason, Verdict } from './verdict.js'

/** GitHub shows at most this many error annotations, and as many warnings, for one step. */
export const MAX_ANNOTATIONS = 10

function capped(reasons: Reason[], kind: string): Reason[] {
  if (reasons.length <= MAX_ANNOTATIONS) return reasons
  const more = reasons.length - (MAX_ANNOTATIONS - 1)
  return [
    ...reasons.slice(0, MAX_ANNOTATIONS - 1),
    {
      title: `${more} more ${kind}`,
      message: `${more} more ${kind} not annotated (GitHub shows ${MAX_ANNOTATIONS} a step): the job summary has each offer's.`
    }
  ]
}

export function annotationsOf(verdicts: Verdict[]): { errors: Reason[]; warnings: Reason[] } {
  return {
    errors: capped(
      verdicts.flatMap((v) => v.failures),
      'failures'
    ),
    warnings: capped(
      verdicts.flatMap((v) => v.warnings),
      'warnings'
    )
  }
}
