/**
 * When to look next. Starts at `interval`, doubles while nothing changes, is capped at `maxInterval`
 * and goes back to `interval` when the publish moves on (a status changes; progress alone does not);
 * `pace.ts` narrows that range for the active step. A jitter of ±20% spreads many watchers apart,
 * and a server's `Retry-After` is a floor.
 */

export const JITTER = 0.2

export interface BackoffSettings {
  intervalMs: number
  maxIntervalMs: number
}

/**
 * The un-jittered delay after a poll: the pace's floor after the publish moved on (or the first look), else double
 * the last, within the pace. Plain backoff is the pace from `interval` to `maxInterval`.
 */
export function nextBase(
  previousBaseMs: number | undefined,
  changed: boolean,
  pace: { floorMs: number; capMs: number }
): number {
  if (changed || previousBaseMs === undefined) return pace.floorMs
  return Math.max(pace.floorMs, Math.min(pace.capMs, previousBaseMs * 2))
}

/** The delay actually slept: base with jitter, at most `maxInterval`, at least `Retry-After`. */
export function jittered(baseMs: number, settings: BackoffSettings, random: () => number, retryAfterMs = 0): number {
  const factor = 1 + (random() * 2 - 1) * JITTER
  const delay = Math.min(settings.maxIntervalMs, Math.round(baseMs * factor))
  return Math.max(delay, retryAfterMs)
}
