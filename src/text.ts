/**
 * Text from the remote service is untrusted. These helpers turn `messageHtml` into plain text and
 * make any text safe for the places it lands: a log line or annotation ({@link neutralize}), a
 * markdown table cell ({@link escapeCell}), an output that a later `run:` step interpolates
 * ({@link plainWord}).
 *
 * Every function here takes time linear in its input (most stop early once their output is full),
 * and none runs a backtracking regular expression over remote text: a hostile service gets to
 * choose the input, so a quadratic pass would be a way to hang the job.
 */

// ---------------------------------------------------------------------------------------------
// Character classes

const UNKNOWN = 0
/** Printed as it is. */
const VISIBLE = 1
/** Whitespace other than a line feed: a run of it becomes one space. */
const BLANK = 2
/** A line feed: a line break where lines are kept, a blank elsewhere. */
const NEWLINE = 3
/** Control, format (bidi, zero-width, ...) or lone surrogate: removed without a trace. */
const INVISIBLE = 4

type Kind = typeof VISIBLE | typeof BLANK | typeof NEWLINE | typeof INVISIBLE

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u
const FORMAT = /\p{Cf}/u
const WHITESPACE = /\s/

function classify(char: string): Kind {
  if (char === '\n') return NEWLINE
  // U+FEFF counts as whitespace in JavaScript but is a zero-width format character; U+0085 (NEL)
  // is a line break in Unicode that JavaScript does not count as whitespace.
  if (char === '\u0085' || (char !== '\ufeff' && WHITESPACE.test(char))) return BLANK
  return CONTROL_OR_FORMAT.test(char) ? INVISIBLE : VISIBLE
}

/** Kind of every UTF-16 code unit outside the surrogates, filled in on first sight. */
const bmpKinds = new Uint8Array(0x10000)
/** Kind of the astral code points seen so far (only format characters are invisible there). */
const astralKinds = new Map<number, Kind>()

function bmpKind(code: number): number {
  let kind = bmpKinds[code] ?? UNKNOWN
  if (kind === UNKNOWN) {
    kind = classify(String.fromCharCode(code))
    bmpKinds[code] = kind
  }
  return kind
}

function astralKind(codePoint: number): Kind {
  let kind = astralKinds.get(codePoint)
  if (kind === undefined) {
    kind = FORMAT.test(String.fromCodePoint(codePoint)) ? INVISIBLE : VISIBLE
    astralKinds.set(codePoint, kind)
  }
  return kind
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** The largest chunk a {@link Writer} collects before turning it into a string. */
const MAX_CHUNK = 4096

/** Collects UTF-16 code units into a string, a chunk at a time. */
class Writer {
  private readonly chunk: Uint16Array
  private used = 0
  private readonly parts: string[] = []
  /** Code units written so far. */
  length = 0
  /** The last code unit written, and the one before it (0 for none). */
  last = 0
  beforeLast = 0

  /**
   * `expected`: about how many code units will be written. Most texts are a name or a status of a
   * few dozen: a full-size chunk each (8 KiB, zeroed) cost more than the rest of the work put together
   * for a portfolio of a thousand offers.
   */
  constructor(expected: number) {
    this.chunk = new Uint16Array(Math.max(16, Math.min(MAX_CHUNK, expected)))
  }

  put(code: number): void {
    if (this.used === this.chunk.length) this.flush()
    this.chunk[this.used++] = code
    this.length++
    this.beforeLast = this.last
    this.last = code
  }

  text(): string {
    this.flush()
    return this.parts.join('')
  }

  private flush(): void {
    this.parts.push(String.fromCharCode(...this.chunk.subarray(0, this.used)))
    this.used = 0
  }
}

const SPACE = 0x20
const LINE_FEED = 0x0a
const COLON = 0x3a
const HASH = 0x23
const LEFT_SQUARE = 0x5b

/**
 * `text` with invisible characters removed and every run of whitespace made one space (or one line
 * break, if the run holds a line feed and `keepLines` is set), trimmed at both ends. With
 * `breakCommands`, a space goes between two colons and between `##` and `[`, in what is left after
 * the removal. Stops once the result holds `limit` code units or a few more, so the cost is bounded
 * by the input and the limit, whatever the input expands to.
 */
function squeeze(text: string, keepLines: boolean, breakCommands: boolean, limit: number): string {
  // A few more than `limit` may be written (see above); the input's length bounds the output.
  const out = new Writer(Math.min(text.length, limit) + 8)
  /** What goes before the next visible character: nothing (0), a space (BLANK) or a line break (NEWLINE). */
  let gap = 0
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const code = text.charCodeAt(i)
    let kind: number
    let low = -1
    if (code < 0xd800 || code > 0xdfff) kind = (bmpKinds[code] ?? UNKNOWN) || bmpKind(code)
    else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      low = text.charCodeAt(++i)
      kind = astralKind(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000)
    } else kind = INVISIBLE
    if (kind === VISIBLE) {
      if (gap !== 0 && out.length > 0) out.put(gap === NEWLINE ? LINE_FEED : SPACE)
      gap = 0
      if (
        breakCommands &&
        ((code === COLON && out.last === COLON) ||
          (code === LEFT_SQUARE && out.last === HASH && out.beforeLast === HASH))
      ) {
        out.put(SPACE)
      }
      out.put(code)
      if (low >= 0) out.put(low)
    } else if (kind === NEWLINE && keepLines) gap = NEWLINE
    else if (kind !== INVISIBLE && gap === 0) gap = BLANK
  }
  return out.text()
}

/** The first `end` code units of `text`, one fewer if the last would be the first half of a pair. */
function head(text: string, end: number): string {
  const cut = end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end
  return text.slice(0, Math.max(0, cut))
}

/** `text` cut to at most `max` code units, the last of them `…`, without blanks before the `…`. */
function cap(text: string, max: number): string {
  return text.length <= max ? text : `${head(text, max - 1).trimEnd()}…`
}

/** `text` cut to `max` code units, the last of them `…`; a surrogate pair is never split. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${head(text, max - 1)}…`
}

// ---------------------------------------------------------------------------------------------
// One line for a log, an annotation, an output

/**
 * Remote text made safe for one line of a runner log, an annotation, the job summary or an output.
 * Control, bidi and zero-width characters and lone surrogates are removed; every run of whitespace
 * (line breaks and tabs included) becomes one space; the result is trimmed; no `::` and no `##[` is
 * left (`a::b` shows as `a: :b`, `##[x]` as `## [x]`); and it is cut to `max` code units, the last of
 * them `…`. Removal comes first, so a removed character cannot join two halves of a command.
 */
export function neutralize(text: string, max = 500): string {
  // Most text (an ID, a status, a step's name) needs nothing done: it is returned as it is.
  if (isPlain(text, max)) return text
  // The Actions runner reads `::name::` at the start of a line and the legacy `##[name]` anywhere in
  // it as a workflow command. Each character written depends only on what was written before, so
  // the first `max + 1` characters are enough to know whether, and where, to cut.
  return cap(squeeze(text, false, true, max + 1), max)
}

/**
 * Whether {@link neutralize} would leave `text` as it is: at most `max` characters of printable ASCII,
 * no blank at either end or two in a row, no `::` and no `##[`. One pass, no allocation.
 */
function isPlain(text: string, max: number): boolean {
  if (text.length > max) return false
  let before = SPACE
  let twoBefore = SPACE
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < SPACE || code > 0x7e) return false
    if (code === before && (code === SPACE || code === COLON)) return false
    if (code === LEFT_SQUARE && before === HASH && twoBefore === HASH) return false
    twoBefore = before
    before = code
  }
  return before !== SPACE || text.length === 0
}

// ---------------------------------------------------------------------------------------------
// HTML to plain text

const NAMED_ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bull', '•']
])
const LONGEST_ENTITY_NAME = 6

/** How much of an HTML fragment is read; the rest is ignored and marked with ` …`. */
export const HTML_INPUT_MAX = 256 * 1024

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const CELL_TAGS = new Set(['td', 'th'])
/** Elements whose content is not text at all. */
const RAW_TEXT_TAGS = new Set(['script', 'style'])

const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a
const isDigit = (code: number) => code >= 0x30 && code <= 0x39
const isHexDigit = (code: number) => isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66)
const isAsciiAlphanumeric = (code: number) => isAsciiLetter(code) || isDigit(code)
/** Ends a tag name: HTML whitespace (tab, line feed, form feed, carriage return, space), `/` or `>`. */
const endsTagName = (code: number) =>
  code === 0x2f || code === 0x3e || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d

/** Lower-cased name of the tag whose name starts at `from` and whose `>` is at `gt`. */
function tagName(html: string, from: number, gt: number): string {
  let end = from
  while (end < gt && !endsTagName(html.charCodeAt(end))) end++
  return html.slice(from, end).toLowerCase()
}

/**
 * Index just past the `>` of the closing tag of raw-text element `name` (`</script>`, `</STYLE >`,
 * ...) searched from `from`, or -1 if it is never closed.
 */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    const after = at + 2 + name.length
    if (after > html.length) return -1
    if (html.slice(at + 2, after).toLowerCase() !== name) continue
    if (after < html.length && !endsTagName(html.charCodeAt(after))) continue
    const gt = html.indexOf('>', after)
    return gt < 0 ? -1 : gt + 1
  }
  return -1
}

/**
 * The character reference starting with the `&` at `at`, as `[text, end]`, or undefined if there is
 * none (then the `&` is text). Named references come from a short list, numeric ones must name a
 * Unicode scalar value other than U+0000. What they decode to goes through the same cleaning as
 * the rest of the text, so a reference to a control, bidi or zero-width character vanishes.
 */
function characterReference(html: string, at: number): [string, number] | undefined {
  let i = at + 1
  if (html.charCodeAt(i) === 0x23 /* # */) {
    const hex = (html.charCodeAt(i + 1) | 0x20) === 0x78 /* x */
    i += hex ? 2 : 1
    const digits = i
    let value = 0
    for (let code = html.charCodeAt(i); hex ? isHexDigit(code) : isDigit(code); code = html.charCodeAt(++i)) {
      // Past the last code point, only whether it is too big matters: keep the number bounded.
      value = Math.min(value * (hex ? 16 : 10) + parseInt(String.fromCharCode(code), 16), 0x110000)
    }
    if (i === digits || html.charCodeAt(i) !== 0x3b /* ; */) return undefined
    if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined
    return [String.fromCodePoint(value), i + 1]
  }
  while (i - at <= LONGEST_ENTITY_NAME && isAsciiLetter(html.charCodeAt(i))) i++
  if (i === at + 1 || html.charCodeAt(i) !== 0x3b /* ; */) return undefined
  const text = NAMED_ENTITIES.get(html.slice(at + 1, i).toLowerCase())
  return text === undefined ? undefined : [text, i + 1]
}

/**
 * One pass over `html`: text and decoded references are kept, tags become what stands for them in
 * plain text (a line break, a bullet, a space or nothing), comments, scripts and styles go. Every
 * search moves forward, and a search that fails ends the scan or is never repeated, so the pass is
 * linear in the length of `html`.
 */
function scanHtml(html: string): string {
  const parts: string[] = []
  /** Start of the text not yet copied to `parts`. */
  let text = 0
  const lastGt = html.lastIndexOf('>')
  const emit = (at: number, replacement: string, next: number) => {
    parts.push(html.slice(text, at), replacement)
    text = next
  }
  let i = 0
  while (i < html.length) {
    const code = html.charCodeAt(i)
    if (code === 0x26 /* & */) {
      const reference = characterReference(html, i)
      if (reference) {
        emit(i, reference[0], reference[1])
        i = reference[1]
      } else i++
      continue
    }
    if (code !== 0x3c /* < */) {
      i++
      continue
    }
    const next = html.charCodeAt(i + 1)
    if (next === 0x21 /* ! */ && html.startsWith('--', i + 2)) {
      const close = html.indexOf('-->', i + 4)
      if (close < 0) {
        // An unclosed comment hides the rest, as in a browser.
        emit(i, '', html.length)
        break
      }
      emit(i, ' ', close + 3)
      i = close + 3
      continue
    }
    const closing = next === 0x2f /* / */
    const opensTag = isAsciiLetter(next) || closing || next === 0x21 /* ! */ || next === 0x3f /* ? */
    // A `<` that opens no tag, or whose tag never ends, is text (so is `< 15 min`).
    if (!opensTag || i > lastGt) {
      i++
      continue
    }
    const gt = html.indexOf('>', i + 2)
    const name = isAsciiLetter(next) || closing ? tagName(html, i + (closing ? 2 : 1), gt) : ''
    let end = gt + 1
    let replacement = ''
    if (!closing && RAW_TEXT_TAGS.has(name)) {
      end = rawTextEnd(html, name, end)
      if (end < 0) {
        // An unclosed script or style hides the rest.
        emit(i, ' ', html.length)
        break
      }
      replacement = ' '
    } else if (name === 'br') replacement = '\n'
    else if (name === 'li' && !closing) replacement = '\n• '
    else if (BLOCK_TAGS.has(name)) replacement = '\n'
    else if (CELL_TAGS.has(name)) replacement = ' '
    // Any other tag (b, a, span, ..., `<!DOCTYPE>`, `<?xml?>`) goes without a trace, so `<b>x</b>.` is `x.`.
    emit(i, replacement, end)
    i = end
  }
  parts.push(html.slice(text))
  return parts.join('')
}

/**
 * Plain text of an HTML fragment: scripts, styles and comments dropped, `<br>` and block tags
 * (p, div, ul, ol, li, table, tr, h1-h6) become line breaks, list items bullets (`• `), table cells
 * spaces, every other tag is removed, character references decoded. Runs of blanks become one
 * space, blank lines are dropped, control, bidi and zero-width characters removed, and the whole is
 * trimmed. Only the first {@link HTML_INPUT_MAX} characters are read (the text then ends with ` …`),
 * and the result is cut to `max` characters, the last of them `…`.
 */
export function htmlToText(html: string, max = 4000): string {
  const cut = html.length > HTML_INPUT_MAX
  let text = squeeze(scanHtml(cut ? html.slice(0, HTML_INPUT_MAX) : html), true, false, max + 1)
  if (cut && text.length <= max) text = text === '' ? '…' : `${text} …`
  return cap(text, max)
}

// ---------------------------------------------------------------------------------------------
// Markdown table cell

/** Emphasis, strike and code need a pair of these; a lone one is shown as it is. */
const PAIRED_MARKS = ['*', '_', '~', '`'] as const

const LEFT_BRACKET = '&#91;'
const RIGHT_BRACKET = '&#93;'
const ENTITY: Record<string, string> = {
  '|': '&#124;',
  '[': LEFT_BRACKET,
  ']': RIGHT_BRACKET,
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '`': '&#96;'
}

/** `http://x` is shown as `http[:]//x`, and `www.x` as `www[.]x`, so neither becomes a link. */
const DEFANGED_COLON = `${LEFT_BRACKET}:${RIGHT_BRACKET}`
const DEFANGED_DOT = `${LEFT_BRACKET}.${RIGHT_BRACKET}`
/** Looks like `＠` but is no mention: GitHub links and notifies `@name` after rendering. */
const INERT_AT = '\uff20'

/** Whether the text at `at` reads as a character reference, such as `&lt;` or `&#60;`. */
function looksLikeReference(text: string, at: number): boolean {
  let i = at + 1
  if (text.charCodeAt(i) === 0x23 /* # */) i++
  const start = i
  while (isAsciiAlphanumeric(text.charCodeAt(i))) i++
  return i > start && text.charCodeAt(i) === 0x3b /* ; */
}

/** Whether the code unit at `at` could continue a `@mention`. */
function continuesMention(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return isAsciiAlphanumeric(code) || code === 0x5f /* _ */ || code === 0x2d /* - */
}

/** Whether the `.` at `at` ends a `www` (in any case). */
function endsWww(text: string, at: number): boolean {
  return at >= 3 && text.slice(at - 3, at).toLowerCase() === 'www'
}

/**
 * Microsoft's and GitHub's own hosts, which the action's hints name (`az account get-access-token
 * --resource https://cloudpartner.azure.com`): a link to one of them is left as it is.
 */
const KNOWN_HOSTS = new Set([
  'cloudpartner.azure.com',
  'graph.microsoft.com',
  'login.microsoftonline.com',
  'partner.microsoft.com',
  'learn.microsoft.com',
  'portal.azure.com',
  'token.actions.githubusercontent.com'
])

/**
 * Whether the `:` at `at` is the one of `https://` followed by a known host and then a blank, a `)`
 * or the end: a bare origin, as the hints write it. A path or query could make even a Microsoft
 * link a lure (a consent page with someone else's client ID), so those are defanged.
 */
function knownHttpsLink(text: string, at: number): boolean {
  if (at < 5 || text.slice(at - 5, at) !== 'https' || (at > 5 && isAsciiAlphanumeric(text.charCodeAt(at - 6)))) {
    return false
  }
  let end = at + 3
  while (end < text.length && end - at < 64) {
    const code = text.charCodeAt(end)
    if (!(isAsciiAlphanumeric(code) || code === 0x2e /* . */ || code === 0x2d) /* - */) break
    end++
  }
  // A sentence's own punctuation may follow the origin: `https://graph.microsoft.com, not ...`.
  while (end > at + 3 && text.charCodeAt(end - 1) === 0x2e /* . */) end--
  const after = text.charAt(end)
  // After the origin: nothing, or a blank or punctuation that ends the sentence's clause (never a path).
  const ends = (i: number): boolean => i >= text.length || text.charAt(i) === ' '
  const punctuationEnds = [')', ',', ';', '.'].includes(after) && ends(end + 1)
  return KNOWN_HOSTS.has(text.slice(at + 3, end)) && (ends(end) || punctuationEnds)
}

/** Whether `mark` occurs at least twice in `text`. */
function paired(text: string, mark: string): boolean {
  const first = text.indexOf(mark)
  return first >= 0 && text.includes(mark, first + 1)
}

/**
 * Text made inert for a markdown table cell, yet left readable. The text is cut to `max`
 * characters, then each of its lines goes through {@link neutralize} and blank lines are dropped.
 * Nothing is left that could open an HTML tag or entity, a link (`[x](y)`, `http://`, `www.`; only
 * `https://` links to Microsoft's and GitHub's own hosts stay, for the action's hints),
 * a mention (`@name` shows as `＠name`), emphasis or code, or a `|` that splits the cell; lines are
 * joined with `<br>`, the only markup this function emits. `< 15 min`, `Scan & test` and `5 * 4`
 * stay as they are.
 */
export function escapeCell(text: string, max = 2000): string {
  const flat = truncate(text, max)
    .split(/\r\n|\r|\n/)
    .map((line) => neutralize(line, Infinity))
    .filter((line) => line !== '')
    .join('\n')
  const marks = new Set<string>(PAIRED_MARKS.filter((mark) => paired(flat, mark)))
  let out = ''
  let plain = 0
  const emit = (at: number, replacement: string) => {
    out += flat.slice(plain, at) + replacement
    plain = at + 1
  }
  for (let i = 0; i < flat.length; i++) {
    const char = flat.charAt(i)
    switch (char) {
      case '\n':
        emit(i, '<br>')
        break
      case '|':
      case '[':
      case ']':
      case '\\':
        emit(i, ENTITY[char] ?? char)
        break
      case '*':
      case '_':
      case '~':
      case '`':
        if (marks.has(char)) emit(i, ENTITY[char] ?? char)
        break
      case '&':
        if (looksLikeReference(flat, i)) emit(i, '&amp;')
        break
      case '<': {
        const next = flat.charCodeAt(i + 1)
        if (isAsciiLetter(next) || next === 0x2f || next === 0x21 || next === 0x3f) emit(i, '&lt;')
        break
      }
      case '@':
        if (continuesMention(flat, i + 1)) emit(i, INERT_AT)
        break
      case ':':
        if (flat.startsWith('//', i + 1) && !knownHttpsLink(flat, i)) emit(i, DEFANGED_COLON)
        break
      case '.':
        if (endsWww(flat, i)) emit(i, DEFANGED_DOT)
        break
    }
  }
  return out + flat.slice(plain)
}

// ---------------------------------------------------------------------------------------------
// A word for an output

/**
 * `text` reduced to ASCII letters, digits and single hyphens, for an output that later steps may
 * interpolate into a shell: every run of other characters (hyphens included) becomes one hyphen,
 * none is left at either end, and the result has at most `max` characters. `In Progress!` becomes
 * `In-Progress`, `$(rm -rf /)` becomes `rm-rf`; text without a letter or digit becomes `''`.
 */
export function plainWord(text: string, max = 64): string {
  let out = ''
  let gap = false
  for (let i = 0; i < text.length && out.length < max; i++) {
    if (isAsciiAlphanumeric(text.charCodeAt(i))) {
      if (gap && out !== '') out += '-'
      gap = false
      out += text.charAt(i)
    } else gap = true
  }
  out = out.slice(0, Math.max(0, max))
  return out.endsWith('-') ? out.slice(0, -1) : out
}
