/** A `Retry-After` longer than this is read as this: no wait may outlast a workflow run (35 days). */
export const MAX_RETRY_AFTER_MS = 35 * 86_400_000

/**
 * `Retry-After` as seconds or as an HTTP date, in milliseconds from `now` (at most
 * {@link MAX_RETRY_AFTER_MS}); undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.length > 100) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  let ms: number
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    ms = Number(trimmed) * 1_000
  } else {
    if (!/[a-z]/i.test(trimmed)) return undefined
    const at = Date.parse(trimmed)
    if (Number.isNaN(at)) return undefined
    ms = at - now
  }
  return Math.round(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)))
}
