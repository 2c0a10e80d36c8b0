/**
 * Durations as the inputs write them: `500ms`, `30s`, `10m`, `2h`, `1h30m`, `1d`; a bare number is
 * seconds. Parsing is strict: anything else is undefined, so the caller can name the bad input.
 */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000
}

const PART = /(\d{1,9}(?:\.\d{1,6})?)(ms|s|m|h|d)/gy

/** A duration text longer than this is not one (it would only be a way to spell an absurd number). */
const MAX_TEXT = 40

/**
 * Milliseconds for a duration text, or undefined when it is not one. Numbers are short (at most nine
 * digits, six decimals), so the result is always a finite, safe integer.
 */
export function parseDuration(text: string): number | undefined {
  if (text.length > MAX_TEXT * 4) return undefined
  const compact = text.trim().toLowerCase().replace(/\s+/g, '')
  if (compact === '' || compact.length > MAX_TEXT) return undefined
  if (/^\d{1,9}(\.\d{1,6})?$/.test(compact)) return Math.round(Number(compact) * 1_000)

  PART.lastIndex = 0
  let total = 0
  let seen = 0
  let match: RegExpExecArray | null
  while ((match = PART.exec(compact)) !== null) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0)
    seen = PART.lastIndex
  }
  if (seen === 0 || seen !== compact.length) return undefined
  return Math.round(total)
}

/** A short human form: `850ms`, `45s`, `2m 30s`, `1h 5m`, `2d 3h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0
  if (ms < 1_000) return `${Math.round(ms)}ms`
  const totalSeconds = Math.round(ms / 1_000)
  const days = Math.floor(totalSeconds / 86_400)
  const hours = Math.floor((totalSeconds % 86_400) / 3_600)
  const minutes = Math.floor((totalSeconds % 3_600) / 60)
  const seconds = totalSeconds % 60
  // The largest unit and the one after it, when not zero: `6d 3h`, `6d` (not `6d 1s`), `2m 30s`.
  const units: [number, string][] = [
    [days, 'd'],
    [hours, 'h'],
    [minutes, 'm'],
    [seconds, 's']
  ]
  const first = units.findIndex(([n]) => n > 0)
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ')
}
