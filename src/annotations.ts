/**
 * The annotations of a run: one per distinct reason, as GitHub shows them, but no more than it shows
 * (ten errors and ten warnings a step). The same reason for several offers (one wrong client secret
 * for five offers) is one annotation that names them all ("Offers contoso/a, contoso/b, …: ...").
 * Past ten, the last one says how many more there are and where to read them, so that a large
 * portfolio does not flood the log with annotations nobody sees.
 */
import { subjectsOf, type Reason, type Subject, type Verdict } from './verdict.js'

/** GitHub shows at most this many error annotations, and as many warnings, for one step. */
export const MAX_ANNOTATIONS = 10

/** Offers and jobs named in one annotation; the rest are counted (`… and 12 more`). */
export const MAX_SUBJECTS_NAMED = 10

/** Characters of the names in one annotation, at most (a label is up to a few hundred characters). */
const SUBJECTS_MAX_CHARS = 600

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

/** `Offers a, b, c, … and 4 more`, within {@link SUBJECTS_MAX_CHARS}; else only how many. */
function named(subjects: Subject[]): string {
  let count = Math.min(subjects.length, MAX_SUBJECTS_NAMED)
  let said = subjectsOf(subjects, count)
  while (said.length > SUBJECTS_MAX_CHARS && count > 1) said = subjectsOf(subjects, --count)
  if (said.length <= SUBJECTS_MAX_CHARS) return said
  const all = (kind: Subject['kind']): boolean => subjects.every((s) => s.kind === kind)
  return `${subjects.length} ${all('offer') ? 'offers' : all('job') ? 'configure jobs' : 'offers and jobs'}`
}

/**
 * Reasons with the same title and the same detail, for different offers or jobs, merged into one that
 * names them all; in the order each was first seen. A reason about no one offer is merged only with
 * the very same reason.
 */
export function mergeReasons(reasons: Reason[]): Reason[] {
  const groups = new Map<string, { first: Reason; subjects: Map<string, Subject> }>()
  for (const reason of reasons) {
    const { subject, detail } = reason
    const key = subject && detail !== undefined ? `${reason.title}\n${detail}` : `${reason.title}\n\n${reason.message}`
    let group = groups.get(key)
    if (!group) {
      group = { first: reason, subjects: new Map() }
      groups.set(key, group)
    }
    if (subject) group.subjects.set(`${subject.kind}\n${subject.name}`, subject)
  }
  return [...groups.values()].map(({ first, subjects }) => {
    if (subjects.size < 2 || first.detail === undefined) return first
    return { title: first.title, message: `${named([...subjects.values()])}: ${first.detail}`, detail: first.detail }
  })
}

export function annotationsOf(verdicts: Verdict[]): { errors: Reason[]; warnings: Reason[] } {
  return {
    errors: capped(mergeReasons(verdicts.flatMap((v) => v.failures)), 'failures'),
    warnings: capped(mergeReasons(verdicts.flatMap((v) => v.warnings)), 'warnings')
  }
}
