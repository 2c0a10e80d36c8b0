/**
 * The report of a run, pure: each watch judged, the overall result, what changed since the last check
 * (and the state to leave for the next), the outputs, the annotations and the job summary. `main.ts`
 * writes it out to the runner; `npm run summaries` renders the same report for every scenario.
 */
import { annotationsOf } from './annotations.js'
import { outputsOf } from './outputs.js'
import type { WatchResult } from './poll.js'
import { sinceLastCheck, type LoadedState, type SinceLastCheck } from './since.js'
import type { NextState } from './state.js'
import { renderSummary } from './summary.js'
import { judge, overallResult, type JudgeOptions, type Result, type Verdict } from './verdict.js'

export interface Report {
  verdicts: Verdict[]
  overall: Result
  since: SinceLastCheck
  /** The state to leave, with a state file. */
  next?: NextState
  outputs: Record<string, string>
  annotations: ReturnType<typeof annotationsOf>
  summary: string
}

/**
 * The report of `results`, at `now`. With a state file (`state`: as the input names it, and what it
 * held), the changes since the last check and the summary's section on them; without one every check
 * is a first check, and `changed` says whether any status was read.
 */
export function reportOf(
  results: WatchResult[],
  options: JudgeOptions,
  now: number,
  state?: { file: string; loaded?: LoadedState }
): Report {
  const verdicts = results.map((result) => judge(result, options))
  const overall = overallResult(verdicts)
  const outcomes = verdicts.map((verdict) => verdict.outcome)
  const { since, next } = sinceLastCheck(state?.loaded, results, outcomes, now, state?.file)
  const report: Report = {
    verdicts,
    overall,
    since,
    outputs: outputsOf(results, verdicts, overall, since.changes),
    annotations: annotationsOf(verdicts),
    summary: renderSummary(results, verdicts, overall, state ? { since } : {})
  }
  if (next) report.next = next
  return report
}
