/**
 * Text from the remote service is untrusted. These helpers turn `messageHtml` into plain text and
 * make any text safe for the three places it lands: a log line, a markdown table cell, a JSON output.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•'
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

/**
 * Plain text of an HTML fragment: scripts and styles dropped, block tags and `<br>` become newlines,
 * list items bullets, every other tag is removed, entities decoded, runs of blanks collapsed.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|li|ul|ol|tr|table|h[1-6])\b[^>]*>/gi, (tag) => (/^<li/i.test(tag) ? '\n• ' : '\n'))
    .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
    // Inline tags (b, a, span, ...) go without a trace, so that `<b>x</b>.` stays `x.`.
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/** One line, no control characters: safe to print in a log, where a newline could start a workflow command. */
export function oneLine(text: string, max = 500): string {
  const flat = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return truncate(flat, max)
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`
}

/** Emphasis, strike and code need a pair of these; a lone one is shown as it is. */
const PAIRED_MARKS = ['*', '_', '~', '`'] as const

const ENTITY: Record<string, string> = {
  '|': '&#124;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '`': '&#96;'
}

/**
 * Text made inert for a markdown table cell, yet left readable: nothing that could open an HTML tag
 * or entity, a link, emphasis or code, no `|` to split the cell, and newlines shown as `<br>` (the
 * only markup this function emits). `< 15 min` and `Scan & test` stay as they are.
 */
export function escapeCell(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  let clean = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
  clean = clean
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/<(?=[a-z/!?])/gi, '&lt;')
    .replace(/[|[\]]/g, (c) => ENTITY[c] ?? c)
  for (const mark of PAIRED_MARKS) {
    if (clean.split(mark).length > 2) clean = clean.split(mark).join(ENTITY[mark])
  }
  return clean
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('<br>')
}
