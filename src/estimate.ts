/**
 * A step's `estimatedTimeFrame` ("< 15 min", "< 1 hour", "< 1 day", "~2-3 days", "~2-5 days") as a
 * duration range. Anything else is unknown (undefined): the caller then falls back to plain backoff.
 */

export interface Estimate {
  minMs: number
  maxMs: number
}

const UNIT_MS: [RegExp, number][] = [
  [/^(m|min|mins|minute|minutes)$/, 60_000],
  [/^(h|hr|hrs|hour|hours)$/, 3_600_000],
  [/^(d|day|days)$/, 86_400_000],
  [/^(w|wk|wks|week|weeks)$/, 604_800_000]
]

function unitMs(unit: string): number | undefined {
  return UNIT_MS.find(([pattern]) => pattern.test(unit))?.[1]
}

const NUMBER = '(\\d+(?:\\.\\d+)?)'
const UPTO = new RegExp(`^<\\s*${NUMBER}\\s*([a-z]+)$`)
const RANGE = new RegExp(`^~?\\s*${NUMBER}\\s*-\\s*${NUMBER}\\s*([a-z]+)$`)
const ABOUT = new RegExp(`^~?\\s*${NUMBER}\\s*([a-z]+)$`)

export function parseEstimate(text: string | undefined): Estimate | undefined {
  if (!text) return undefined
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ')
  let match = UPTO.exec(t)
  if (match) {
    const unit = unitMs(match[2] ?? '')
    return unit ? range(0, Number(match[1]) * unit) : undefined
  }
  match = RANGE.exec(t)
  if (match) {
    const unit = unitMs(match[3] ?? '')
    return unit ? range(Number(match[1]) * unit, Number(match[2]) * unit) : undefined
  }
  match = ABOUT.exec(t)
  if (match) {
    const unit = unitMs(match[2] ?? '')
    return unit ? range(Number(match[1]) * unit, Number(match[1]) * unit) : undefined
  }
  return undefined
}

function range(minMs: number, maxMs: number): Estimate | undefined {
  return maxMs > 0 && minMs <= maxMs ? { minMs, maxMs } : undefined
}
