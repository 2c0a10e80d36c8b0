import { describe, expect, it } from '@jest/globals'
import { HTML_INPUT_MAX, escapeCell, htmlToText, neutralize, plainWord, truncate } from '../src/text.js'

/*
 * Hostile inputs below are sized so that a quadratic implementation would run into jest's test
 * timeout; none of these tests measures time itself, so a loaded machine does not make them flaky.
 */
const MiB = 1024 * 1024

/** A small seeded generator (mulberry32), so that the random cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` strings of up to `length` pieces, each picked from `alphabet`. */
function randomStrings(seed: number, alphabet: readonly string[], count: number, length: number): string[] {
  const next = random(seed)
  return Array.from({ length: count }, () => {
    let text = ''
    const size = Math.floor(next() * (length + 1))
    for (let i = 0; i < size; i++) text += alphabet[Math.floor(next() * alphabet.length)]!
    return text
  })
}

/** Characters that must never reach a sink: controls, format characters, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/u

/** Every character the brief names for removal, one by one. */
const STRIPPED = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((c) => !/\s/.test(c)),
  '\u007f',
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(0x80 + code)).filter((c) => c !== '\u0085'),
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u180e',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u{e0041}'
]

/** Whitespace the brief names, and more: each becomes one space. */
const BLANKS = ['\t', '\n', '\r', '\v', '\f', '\u0085', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u3000']

/** Plain re-implementation of `neutralize` without a limit, trusted because it is short. */
function reference(text: string): string {
  return text
    .replace(/\u0085/g, ' ')
    .replace(/[\p{Cf}\p{Cs}]/gu, '')
    .replace(/(?![\t\n\v\f\r])\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:(?=:)/g, ': ')
    .replace(/##\[/g, '## [')
}

describe('neutralize', () => {
  it('returns plain text as it is, and everything else as the full pass makes it (20,000 random strings)', () => {
    // A zero-width space is removed by the full pass and is never plain: it forces the full pass.
    const alphabet = ['a', 'Z', '0', ' ', ' ', ':', ':', '#', '#', '[', ']', '\t', '\n', '~', '\u007f', 'é']
    let seed = 42
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    let plain = 0
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(next() * 12)
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)] ?? '').join('')
      const max = 1 + Math.floor(next() * 14)
      const got = neutralize(text, max)
      if (got === text) plain++
      if (text.length < max) expect(got).toBe(neutralize(`${text}\u200b`, max))
      else expect(got.length).toBeLessThanOrEqual(max)
    }
    expect(plain).toBeGreaterThan(1_000)
    expect(neutralize('Certification', 100)).toBe('Certification')
    expect(neutralize('a::b', 100)).toBe('a: :b')
    expect(neutralize('x ##[y', 100)).toBe('x ## [y')
    expect(neutralize(' a  b ', 100)).toBe('a b')
  })

  it('flattens newlines and breaks every workflow command', () => {
    expect(neutralize('ok\n::error::injected\r\n::add-mask::x')).toBe('ok : :error: :injected : :add-mask: :x')
    expect(neutralize('done\n::error file=x::y')).toBe('done : :error file=x: :y')
    expect(neutralize('::stop-commands::tok')).toBe(': :stop-commands: :tok')
  })

  it('breaks the legacy ##[command] form anywhere in a line', () => {
    expect(neutralize('##[stop-commands]tok')).toBe('## [stop-commands]tok')
    expect(neutralize('text ##[add-mask]x')).toBe('text ## [add-mask]x')
    expect(neutralize('###[x] #[y] ## [z]')).toBe('### [x] #[y] ## [z]')
  })

  it('puts a space after every colon that a colon follows', () => {
    expect(neutralize(':::')).toBe(': : :')
    expect(neutralize('a::::b')).toBe('a: : : :b')
    expect(neutralize('fe80::1 std::vector a: b')).toBe('fe80: :1 std: :vector a: b')
  })

  it('leaves percent signs as text', () => {
    expect(neutralize('%0A::error::x')).toBe('%0A: :error: :x')
    expect(neutralize('100%25 %0D%0A done')).toBe('100%25 %0D%0A done')
  })

  it('removes each control, bidi and zero-width character and each lone surrogate', () => {
    for (const char of STRIPPED) expect([char, neutralize(`x${char}y`)]).toEqual([char, 'xy'])
  })

  it('makes each kind of whitespace a blank', () => {
    for (const char of BLANKS) expect([char, neutralize(`x${char}y`)]).toEqual([char, 'x y'])
  })

  it('removes before it breaks, so a removed character cannot join a command back together', () => {
    expect(neutralize(':\u200b:error:\u0000:x')).toBe(': :error: :x')
    expect(neutralize('#\u202e#\ufeff[add-mask]x')).toBe('## [add-mask]x')
    expect(neutralize(':\ud800:')).toBe(': :')
    expect(neutralize('#\u200d#\u2066[x')).toBe('## [x')
  })

  it('leaves escape sequences without their ESC, NUL and C1 controls', () => {
    expect(neutralize('\u001b[31mred\u001b[0m')).toBe('[31mred[0m')
    expect(neutralize('\u001b]8;;https://x\u0007link\u001b]8;;\u0007')).toBe(']8;;https://xlink]8;;')
    expect(neutralize('\u009b2J\u0000a\u0000b')).toBe('2Jab')
  })

  it('hides bidi overrides and zero-width characters in a word', () => {
    expect(neutralize('Approved\u202e\u2066devorppA\u2069\u202c \u200bad\u200dmin\u2060')).toBe(
      'ApproveddevorppA admin'
    )
  })

  it('collapses runs of blanks to one space and trims, dropping controls without a trace', () => {
    expect(neutralize('a   b\u0000\u0001c\u0085\u2028d')).toBe('a bc d')
    expect(neutralize('\n  a b \u0000')).toBe('a b')
    expect(neutralize(' \u200b \t ')).toBe('')
  })

  it('keeps surrogate pairs and other visible characters', () => {
    expect(neutralize('ok 😀 ✓ é 中 \u{10FFFF}')).toBe('ok 😀 ✓ é 中 \u{10FFFF}')
  })

  it('cuts to max code units, the last of them an ellipsis, never splitting a pair', () => {
    expect(neutralize('abcdef', 4)).toBe('abc…')
    expect(neutralize('abcd', 4)).toBe('abcd')
    expect(neutralize('ab😀cd', 4)).toBe('ab…')
    expect(neutralize('a😀cd', 4)).toBe('a😀…')
    expect(neutralize('ab cd', 4)).toBe('ab…')
    expect(neutralize('a\u200b\u200b\u200bb', 2)).toBe('ab')
    expect(neutralize('x'.repeat(600))).toHaveLength(500)
  })

  it('agrees with a plain re-implementation on random strings', () => {
    const alphabet = [':', ':', ':', '#', '#', '[', ']', 'a', 'Z', ' ', '\n', '\r', '\t', '%']
    alphabet.push('\u200b', '\u0000', '\u001b', '\u202e', '\ufeff', '\u0085', '\u2028', '\ud83d', '\ude00', '😀')
    const next = random(7)
    const wrong = randomStrings(1, alphabet, 5_000, 40).filter((text) => {
      const full = neutralize(text, Infinity)
      const max = 1 + Math.floor(next() * 30)
      const cut = neutralize(text, max)
      const cutRight = full.length <= max ? cut === full : cut.length <= max && full.startsWith(cut.slice(0, -1))
      return full !== reference(text) || !cutRight
    })
    expect(wrong).toEqual([])
  })

  it('never leaves a command, an invisible character or a stray blank', () => {
    const alphabet = [':', '#', '[', 'a', 'B', ' ', '\n', '\u200b', '\u0000', '\u202e', '\ufeff', '\ud800', '\u2028']
    const next = random(11)
    const wrong = randomStrings(2, alphabet, 10_000, 30).filter((text) => {
      const max = next() < 0.5 ? Infinity : 1 + Math.floor(next() * 20)
      const out = neutralize(text, max)
      return (
        out.includes('::') ||
        out.includes('##[') ||
        INVISIBLE.test(out) ||
        /[^\S ]| {2}|^ | $/.test(out) ||
        out.length > max
      )
    })
    expect(wrong).toEqual([])
  })

  // A quadratic pass over even 1 MiB would not end within the test timeout.
  it.each([
    ['10 MiB of zero-width spaces', () => '\u200b'.repeat(10 * MiB)],
    ['10 MiB of blanks', () => ' \n\t'.repeat((10 * MiB) / 3)],
    ['10 MiB of colons split by zero-width spaces', () => ':\u200b'.repeat(5 * MiB)],
    ['10 MiB of lone surrogates', () => '\ud800'.repeat(10 * MiB)],
    ['1 MiB of colons', () => ':'.repeat(MiB)],
    ['1 MiB of letters', () => 'a'.repeat(MiB)],
    ['1 MiB of ##[', () => '##['.repeat(MiB / 3)],
    ['1 MiB of tag characters', () => '\u{e0041}'.repeat(MiB / 2)],
    ['1 MiB of escape sequences', () => '\u001b[0m'.repeat(MiB / 4)]
  ])('handles %s in linear time', (_, make) => {
    const out = neutralize(make())
    expect(out.length).toBeLessThanOrEqual(500)
    expect(out).not.toContain('::')
    expect(out).not.toContain('##[')
  })

  it('handles a long result in linear time', () => {
    expect(neutralize(':'.repeat(MiB), Infinity)).toHaveLength(2 * MiB - 1)
    expect(neutralize('a\u200b \u0000'.repeat(MiB / 4), Infinity)).toHaveLength(MiB / 2 - 1)
  })
})

describe('truncate', () => {
  it('keeps text of exactly the limit, and cuts one longer to the limit', () => {
    expect(truncate('abc', 3)).toBe('abc')
    expect(truncate('abcd', 4)).toBe('abcd')
    expect(truncate('abcde', 4)).toBe('abc…')
    expect(truncate('abcde', 0)).toBe('…')
  })
  it('never splits a surrogate pair', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…')
    expect(truncate('a😀cd', 4)).toBe('a😀…')
  })
  it('keeps blanks, unlike neutralize', () => {
    expect(truncate('ab cd', 4)).toBe('ab …')
  })
})

describe('htmlToText', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    const html =
      '<p>Scan <b>failed</b> &amp; stopped &lt;now&gt; &#39;x&#39; &#x2F;</p><script>alert(1)</script><style>p{}</style>'
    expect(htmlToText(html)).toBe("Scan failed & stopped <now> 'x' /")
  })

  it('keeps line structure from <br>, paragraphs and list items', () => {
    expect(htmlToText('<p>one</p><p>two<br/>three</p><ul><li>a</li><li>b</li></ul>')).toBe('one\ntwo\nthree\n• a\n• b')
  })

  it('leaves unknown entities and plain text alone', () => {
    expect(htmlToText('a &bogus; b &#0; c')).toBe('a &bogus; b &#0; c')
  })

  it('takes a < that opens no tag, or a tag that never ends, for text', () => {
    expect(htmlToText('< 15 min')).toBe('< 15 min')
    expect(htmlToText('a < b > c, 1 <= 2, <3, <>')).toBe('a < b > c, 1 <= 2, <3, <>')
    expect(htmlToText('x <a href="y')).toBe('x <a href="y')
    expect(htmlToText('<b>x</b> <é')).toBe('x <é')
  })

  it('drops the rest after an unclosed script, style or comment', () => {
    expect(htmlToText('a<script>b')).toBe('a')
    expect(htmlToText('a<style>b</styl>c')).toBe('a')
    expect(htmlToText('a<script>b</script')).toBe('a')
    expect(htmlToText('a<!-- b')).toBe('a')
    expect(htmlToText('a<!-- b -> c')).toBe('a')
  })

  it('ends a script at its own closing tag only', () => {
    expect(htmlToText('a<script>x</scripts>y</script foo>b')).toBe('a b')
    expect(htmlToText('a<script>x</style>y</SCRIPT>b')).toBe('a b')
    expect(htmlToText('a<scripts>x</scripts>b')).toBe('axb')
  })

  it('removes doctype, processing instructions and stray closing tags without a trace', () => {
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?>x</>y</ z>z')).toBe('xyz')
  })

  it('never decodes to a control, bidi or zero-width character', () => {
    expect(htmlToText('a&#27;[31mb&#x202E;c&#x200B;d&#xFEFF;e&#x2066;f&#127;g&#x9B;h')).toBe('a[31mbcdefgh')
    expect(htmlToText('a&#x85;b&#x2028;c&#9;d')).toBe('a b c d')
  })

  it('drops raw control, bidi and zero-width characters too', () => {
    expect(htmlToText('a\u202eb\u200bc\u0000d\u001be')).toBe('abcde')
  })

  it('decodes only references to Unicode scalar values, in any case', () => {
    expect(htmlToText('&#0000065;&#x41;&AMP;&Lt;')).toBe('AA&<')
    expect(htmlToText('&#xD800; &#99999999999999999999; &#x; &#; &')).toBe(
      '&#xD800; &#99999999999999999999; &#x; &#; &'
    )
  })

  it('does not look names up on the prototype', () => {
    expect(htmlToText('&constructor; &toString; &__proto__;')).toBe('&constructor; &toString; &__proto__;')
  })

  it('leaves commands to neutralize', () => {
    expect(neutralize(htmlToText('<p>&#58;&#58;error&#58;&#58;x</p>&#35;#&#91;add-mask]y'))).toBe(
      ': :error: :x ## [add-mask]y'
    )
  })

  it('cuts the result to max characters, with an ellipsis', () => {
    expect(htmlToText('<p>abcdef</p>', 4)).toBe('abc…')
    expect(htmlToText('<p>abc</p><p>def</p>', 5)).toBe('abc…')
    expect(htmlToText('x'.repeat(5000))).toHaveLength(4000)
  })

  it(`reads only the first ${HTML_INPUT_MAX} characters, and marks the cut`, () => {
    expect(htmlToText('x'.repeat(HTML_INPUT_MAX), Infinity)).toBe('x'.repeat(HTML_INPUT_MAX))
    expect(htmlToText(`${'x'.repeat(HTML_INPUT_MAX)}<script>`, Infinity)).toBe(`${'x'.repeat(HTML_INPUT_MAX)} …`)
    expect(htmlToText(`${' '.repeat(HTML_INPUT_MAX)}text`)).toBe('…')
    expect(htmlToText(`<p>a</p>${'<b></b>'.repeat(HTML_INPUT_MAX)}`, 10)).toBe('a …')
  })

  it('handles hostile markup in linear time', () => {
    const hostile = [
      '<'.repeat(300_000),
      '<script'.repeat(50_000),
      '<script>'.repeat(50_000),
      '<script></scrip'.repeat(50_000),
      '<!--'.repeat(100_000),
      '<!-'.repeat(100_000),
      '&#'.repeat(200_000),
      '&#x'.repeat(200_000),
      `&#${'1'.repeat(HTML_INPUT_MAX)}`,
      `&${'a'.repeat(HTML_INPUT_MAX)}`,
      '<a '.repeat(4 * MiB),
      `${'<a '.repeat(4 * MiB)}>`,
      '<p'.repeat(200_000),
      '</'.repeat(200_000),
      ' \n'.repeat(5 * MiB)
    ]
    for (const html of hostile) {
      const text = htmlToText(html)
      expect(text.length).toBeLessThanOrEqual(4000)
      expect(text).not.toMatch(INVISIBLE)
    }
    expect(htmlToText('<'.repeat(300_000))).toBe(`${'<'.repeat(3999)}…`)
    expect(htmlToText('<!--'.repeat(100_000))).toBe('…')
  })
})

describe('htmlToText, tag by tag', () => {
  it.each([
    ['numeric entities in either hex case', '&#x2F; &#X2F; &#47;', '/ / /'],
    ['the highest code point, and nothing above it', '&#x10FFFF;|&#x110000;', '\u{10FFFF}|&#x110000;'],
    ['a script with attributes, spaces and a spaced closing tag', 'a<script type="m">x = 1\ny()</script >b', 'a b'],
    ['a style block', 'a<style media="all">p { color: red }</STYLE>b', 'a b'],
    ['a comment holding spaces and tags', 'a<!-- hidden <b>x</b> -->b', 'a b'],
    ['every form of <br>', 'a<br>b<BR />c<br/>d<br class="x">e</br>f', 'a\nb\nc\nd\ne\nf'],
    ['headings', 'a<h2>Title</h2>b', 'a\nTitle\nb'],
    ['a block tag with attributes', 'a<p class="x">b', 'a\nb'],
    ['a block tag whose attribute mentions <li', '<p title="<li">x</p>', 'x'],
    ['a tag name that only starts like a block tag', 'a<pre>b</pre><p-x>c', 'abc'],
    ['tag names in any case, spread over lines', 'a<DIV\nclass="x">b</Div>c', 'a\nb\nc'],
    ['table cells', 'a<td>b</td><th>c</th>d', 'a b c d'],
    ['a table cell with attributes', 'a<th class="h">b', 'a b'],
    ['a table', '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>', '1 2\n3'],
    ['inline tags without a trace', '<b>x</b>. <a href="y">link</a>!', 'x. link!'],
    ['an empty list item', '<ul><li></li><li>b</li></ul>', '•\n• b'],
    ['runs of blanks and tabs', 'a   b\t\tc', 'a b c'],
    ['blanks on either side of a line break', 'one \ntwo\n  three', 'one\ntwo\nthree'],
    ['blank lines', '<p></p><p> </p>a<br><br>\n\nb<div></div>', 'a\nb'],
    ['a carriage return', 'a\r\nb\rc', 'a\nb c'],
    [
      'all named entities',
      '&nbsp;&ndash;&mdash;&hellip;&copy;&reg;&trade;&lsquo;&rsquo;&ldquo;&rdquo;&bull;&quot;&apos;',
      '–—…©®™‘’“”•"\''
    ],
    ['a reference that decodes to a blank or a bracket', 'a&nbsp;&nbsp;b&lt;p&gt;c', 'a b<p>c']
  ])('%s', (_, html, text) => {
    expect(htmlToText(html)).toBe(text)
  })
})

describe('escapeCell', () => {
  /** What a markdown renderer could still read as markup once entities are set aside. */
  const markup = (cell: string) => cell.replace(/&(#\d+|[a-z]+);/g, '').replace(/<br>/g, '')

  it('neutralises HTML, links, emphasis, code and table syntax', () => {
    const out = escapeCell('<img src=x onerror=alert(1)> | **bold** [link](http://x) `code` _i_ ~s~ </td><!-- x -->')
    expect(markup(out)).not.toMatch(/<[a-z/!]|\||\*\*|\[|`|_i_|~s~/i)
    expect(out).toContain('&lt;img')
    expect(out).toContain('&#124;')
  })

  it('keeps ordinary text readable', () => {
    expect(escapeCell('< 15 min')).toBe('< 15 min')
    expect(escapeCell('~2-3 days')).toBe('~2-3 days')
    expect(escapeCell('Scan & test: 3 > 2, a_b, 5 * 4')).toBe('Scan & test: 3 > 2, a_b, 5 * 4')
    expect(escapeCell('mail me @ noon, 50% done.')).toBe('mail me @ noon, 50% done.')
  })

  it('turns newlines into <br> and drops blank lines, so a cell never ends early', () => {
    expect(escapeCell('a\n\n| x | y |\r\nb')).toBe('a<br>&#124; x &#124; y &#124;<br>b')
  })

  it('escapes what would read as an entity, so the text shows as it came', () => {
    expect(escapeCell('&lt; &#60; & ;')).toBe('&amp;lt; &amp;#60; & ;')
  })

  it('passes each line through neutralize', () => {
    expect(escapeCell('::error::x\n##[add-mask]y')).toBe(': :error: :x<br>## &#91;add-mask&#93;y')
    expect(escapeCell('a\u202e\u200bb\u0000c\u001b[1m\u2028d  e')).toBe('abc&#91;1m d e')
    expect(escapeCell('%0A::error::x')).toBe('%0A: :error: :x')
  })

  it('makes mentions inert', () => {
    expect(escapeCell('@octocat, @org/team, @_x, @-y, foo@bar.com')).toBe(
      '＠octocat, ＠org/team, ＠_x, ＠-y, foo＠bar.com'
    )
    expect(escapeCell('@\u200boctocat')).toBe('＠octocat')
    expect(escapeCell('a @ b, @, @@x')).toBe('a @ b, @, @＠x')
  })

  it('makes bare URLs inert', () => {
    expect(escapeCell('see https://evil.example/x or HTTP://X, hTtPs://y')).toBe(
      'see https&#91;:&#93;//evil.example/x or HTTP&#91;:&#93;//X, hTtPs&#91;:&#93;//y'
    )
    expect(escapeCell('www.evil.com and WWW.X.org')).toBe('www&#91;.&#93;evil.com and WWW&#91;.&#93;X.org')
    expect(escapeCell('<https://x>')).toBe('&lt;https&#91;:&#93;//x>')
    expect(escapeCell('![x](http://y)')).toBe('!&#91;x&#93;(http&#91;:&#93;//y)')
    expect(escapeCell('a: //b, www, .www')).toBe('a: //b, www, .www')
  })

  it('escapes a backslash, so it cannot escape what follows', () => {
    expect(escapeCell('C:\\dir\\*x*\n\\')).toBe('C:&#92;dir&#92;&#42;x&#42;<br>&#92;')
  })

  it('cuts the text to max characters before it escapes', () => {
    expect(escapeCell('abcdef', 4)).toBe('abc…')
    expect(escapeCell('|||||', 3)).toBe('&#124;&#124;…')
    expect(escapeCell('x'.repeat(3000))).toBe(`${'x'.repeat(1999)}…`)
  })

  it('leaves no markup, mention, link or command in random text', () => {
    const alphabet = ['|', '[', ']', '*', '_', '~', '`', '<', '>', '&', ';', '#', '@', ':', '/', '.', '\\', '!']
    alphabet.push('a', 'w', 'W', 'h', 't', 'p', 's', '1', ' ', '\n', '\r', '\u200b', '\u0000', 'lt', '&#60;', 'www.')
    const wrong = randomStrings(3, alphabet, 5_000, 40).filter((text) => {
      const out = escapeCell(text)
      // What a reader sees, with each entity shown as one character that is no markup.
      const shown = out.replace(/&(#\d+|[a-z]+);/g, '\u00a4').replace(/<br>/g, '\n')
      return (
        /[|[\]\\]|<[a-z/!?]|@[\w-]|:\/\/|www\./i.test(shown) ||
        ['*', '_', '~', '`'].some((mark) => shown.split(mark).length > 2) ||
        out.includes('::') ||
        out.includes('##[') ||
        INVISIBLE.test(out) ||
        /&#?[a-z0-9]+;/i.test(out.replace(/&(#\d+|amp|lt);/g, '\u00a4'))
      )
    })
    expect(wrong).toEqual([])
  })

  it('handles hostile text in linear time', () => {
    for (const text of [
      '*'.repeat(10 * MiB),
      '&'.repeat(10 * MiB),
      `&${'a'.repeat(10 * MiB)}`,
      '@'.repeat(10 * MiB),
      '\n'.repeat(10 * MiB),
      ':'.repeat(10 * MiB),
      'www.'.repeat(MiB)
    ]) {
      expect(escapeCell(text).length).toBeLessThan(20_000)
    }
    const big = escapeCell('*&a@b<c:// www.|\n'.repeat(16 * 1024), Infinity)
    expect(big.split('<br>')).toHaveLength(16 * 1024)
  })
})

describe('escapeCell, line by line', () => {
  it('takes a lone carriage return for a line break, and a tab for a space', () => {
    expect(escapeCell('a\rb\tc')).toBe('a<br>b c')
  })
  it('trims each line and drops the blank ones', () => {
    expect(escapeCell('  a  \n \t \n  b  ')).toBe('a<br>b')
    expect(escapeCell(' \u200b \n\u202e')).toBe('')
  })
  it('escapes a paired mark and leaves a lone one', () => {
    expect(escapeCell('a*b*c _x_ ~y~ `z` lone * _ ~ `')).toBe(
      'a&#42;b&#42;c &#95;x&#95; &#126;y&#126; &#96;z&#96; lone &#42; &#95; &#126; &#96;'
    )
    expect(escapeCell('5 * 4 and a_b and ~2 and `')).toBe('5 * 4 and a_b and ~2 and `')
  })
  it('pairs marks across lines', () => {
    expect(escapeCell('a *\nb *')).toBe('a &#42;<br>b &#42;')
  })
})

describe('plainWord', () => {
  it.each([
    ['WaitingForPublisherReview', 'WaitingForPublisherReview'],
    ['In Progress!', 'In-Progress'],
    ['$(rm -rf /)', 'rm-rf'],
    ['`id`; echo ${{ secrets.X }}', 'id-echo-secrets-X'],
    ['--a--b--', 'a-b'],
    ['succeeded\n::error::x', 'succeeded-error-x'],
    ['Éclair über', 'clair-ber'],
    ['😀', ''],
    ['', '']
  ])('%j -> %j', (text, word) => {
    expect(plainWord(text)).toBe(word)
  })

  it('cuts to max characters, never ending on a hyphen', () => {
    expect(plainWord('a'.repeat(100))).toBe('a'.repeat(64))
    expect(plainWord('abc def', 4)).toBe('abc')
    expect(plainWord('abc def', 5)).toBe('abc-d')
    expect(plainWord('abc', 0)).toBe('')
  })

  it('leaves only letters, digits and single inner hyphens in random text', () => {
    const alphabet = ['a', 'Z', '0', '-', ' ', '$', '(', ')', ';', '\n', 'é', '😀', '\u0000']
    for (const text of randomStrings(4, alphabet, 5_000, 30)) {
      expect(plainWord(text, 10)).toMatch(/^([A-Za-z0-9]+(-[A-Za-z0-9]+)*)?$/)
      expect(plainWord(text, 10).length).toBeLessThanOrEqual(10)
    }
  })

  it('handles 10 MiB of text in linear time', () => {
    expect(plainWord('$'.repeat(10 * MiB))).toBe('')
    expect(plainWord('a-'.repeat(5 * MiB))).toBe('a-'.repeat(32).slice(0, 63))
  })
})

describe('escapeCell and known hosts', () => {
  it("leaves a link to Microsoft's own hosts, for the action's hints, and defangs lookalikes", () => {
    expect(escapeCell('get one with: az account get-access-token --resource https://cloudpartner.azure.com')).toContain(
      '--resource https://cloudpartner.azure.com'
    )
    expect(escapeCell('see https://learn.microsoft.com (docs)')).toContain('https://learn.microsoft.com (docs)')
    expect(escapeCell('for https://cloudpartner.azure.com, not https://graph.microsoft.com.')).toBe(
      'for https://cloudpartner.azure.com, not https://graph.microsoft.com.'
    )
    for (const evil of [
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x',
      'https://learn.microsoft.com/x',
      'https://cloudpartner.azure.com.evil.example/x',
      'https://cloudpartner.azure.com@evil.example',
      'https://login.microsoftonline.com./common/oauth2/authorize?client_id=x',
      'https://login.microsoftonline.com,/x',
      'xhttps://cloudpartner.azure.com',
      'http://cloudpartner.azure.com',
      'https://evil.example'
    ]) {
      expect(escapeCell(evil)).not.toContain('://')
    }
  })
})
