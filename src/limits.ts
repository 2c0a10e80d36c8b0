/**
 * How much of what a server sends is kept, and how big what the action writes may grow. A status
 * answer is a few kilobytes; everything past these bounds is dropped with a count, never crashes or
 * stalls the action, and is said where it is shown ("... N more").
 */

/** Publishing steps kept of one answer (a real offer has about ten). */
export const MAX_STEPS = 100
/** Messages kept per step, and for the offer itself. */
export const MAX_MESSAGES = 20
/** Characters kept of one message's plain text. */
export const MAX_MESSAGE_CHARS = 1_000
/** Characters kept of a status, step ID, name or estimate. */
export const MAX_FIELD_CHARS = 200

/** Changes of status kept in a watch's history (the first and the last ones; the middle is counted). */
export const MAX_HISTORY = 200

/** GitHub shows no job summary over 1 MiB: the summary is built to this many bytes, with room to spare. */
export const SUMMARY_BUDGET_BYTES = 1_000_000
/**
 * GitHub takes at most 1 MB per output, and a job's outputs together may not pass 1 MB either (a
 * workflow may map all of them to job outputs): all the outputs together are built to this many bytes.
 */
export const OUTPUT_BUDGET_BYTES = 900_000

/**
 * The first `max` items of what should be an array, and how many more there were. A remote-sized
 * array is only sliced, never spread or walked whole.
 */
export function firstItems(value: unknown, max: number): { items: unknown[]; omitted: number } {
  if (!Array.isArray(value)) return { items: [], omitted: 0 }
  return { items: value.slice(0, max), omitted: Math.max(0, value.length - max) }
}
