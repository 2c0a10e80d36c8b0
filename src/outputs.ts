/** The step's outputs: `status`, `result` and `steps`. */
import type { WatchResult } from './poll.js'
import type { Verdict } from './verdict.js'

export interface StepOutput {
  id: string
  name: string
  status: string
  progress: number | null
  estimatedTimeFrame: string | null
}

export function outputsOf(watch: WatchResult | undefined, verdict: Pick<Verdict, 'result'>): Record<string, string> {
  const steps: StepOutput[] = (watch?.snapshot?.steps ?? []).map((step) => ({
    id: step.id,
    name: step.name,
    status: step.status,
    progress: step.progress ?? null,
    estimatedTimeFrame: step.estimatedTimeFrame ?? null
  }))
  return {
    status: watch?.snapshot?.status ?? '',
    result: verdict.result,
    steps: JSON.stringify(steps)
  }
}
