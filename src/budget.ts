/**
 * Markdown built to a byte budget. Content goes in while it fits; once something does not, the
 * document is full and every later piece of content is refused and counted, so that one closing note
 * can say what was cut. Notes and closing tags have a small reserve of their own above the content's
 * limit; a closing tag is always written, so the markup stays well formed.
 */

/** Bytes kept back from content for notes, closing tags and the closing note. */
export const NOTE_RESERVE_BYTES = 4_096

export class BudgetedMarkdown {
  private readonly lines: string[] = []
  private bytes = 0
  private full = false
  /** What was left out, by kind (`steps`, `history rows`, ...), for the closing note. */
  readonly cut = new Map<string, number>()

  constructor(private readonly limitBytes: number) {}

  private cost(lines: readonly string[]): number {
    let total = 0
    for (const line of lines) total += Buffer.byteLength(line) + 1
    return total
  }

  /** Whether the content limit has been reached. */
  get isFull(): boolean {
    return this.full
  }

  /** Adds content lines if they fit (all or none); false, and the document is full, if not. */
  add(...lines: string[]): boolean {
    const cost = this.cost(lines)
    if (this.full || this.bytes + cost > this.limitBytes - NOTE_RESERVE_BYTES) {
      this.full = true
      return false
    }
    this.lines.push(...lines)
    this.bytes += cost
    return true
  }

  /** A note about the content (e.g. "3 more steps"): into the reserve; dropped if even that is spent. */
  note(...lines: string[]): void {
    const cost = this.cost(lines)
    if (this.bytes + cost > this.limitBytes - NOTE_RESERVE_BYTES / 2) return
    this.lines.push(...lines)
    this.bytes += cost
  }

  /** A closing tag or blank line that keeps the markup well formed: always written (a few bytes). */
  close(...lines: string[]): void {
    this.lines.push(...lines)
    this.bytes += this.cost(lines)
  }

  /** Counts `count` left out of `kind`. */
  count(kind: string, count = 1): void {
    if (count > 0) this.cut.set(kind, (this.cut.get(kind) ?? 0) + count)
  }

  /** The document, with a closing note when anything was cut. */
  toString(closingNote?: (cut: ReadonlyMap<string, number>) => string): string {
    const lines = [...this.lines]
    if (this.cut.size > 0 && closingNote) lines.push(closingNote(this.cut), '')
    return lines.join('\n')
  }
}
