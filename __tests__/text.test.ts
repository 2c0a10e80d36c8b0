import { describe, expect, it } from '@jest/globals'
import { escapeCell, htmlToText, oneLine, truncate } from '../src/text.js'

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
})

describe('oneLine', () => {
  it('flattens newlines so that remote text cannot start a workflow command', () => {
    expect(oneLine('ok\n::error::injected\r\n::add-mask::x')).toBe('ok ::error::injected ::add-mask::x')
  })
  it('truncates with an ellipsis', () => {
    expect(oneLine('abcdef', 4)).toBe('abc…')
    expect(truncate('abc', 3)).toBe('abc')
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
  })

  it('turns newlines into <br> and drops blank lines, so a cell never ends early', () => {
    expect(escapeCell('a\n\n| x | y |\r\nb')).toBe('a<br>&#124; x &#124; y &#124;<br>b')
  })

  it('escapes what would read as an entity, so the text shows as it came', () => {
    expect(escapeCell('&lt; &#60; & ;')).toBe('&amp;lt; &amp;#60; & ;')
  })
})

describe('htmlToText, tag by tag', () => {
  it.each([
    ['numeric entities in either hex case', '&#x2F; &#X2F; &#47;', '/ / /'],
    ['the highest code point, and nothing above it', '&#x10FFFF;|&#x110000;', '\u{10FFFF}|&#x110000;'],
    ['a script with attributes, spaces and a spaced closing tag', 'a<script type="m">x = 1\ny()</script >b', 'a b'],
    ['a style block', 'a<style media="all">p { color: red }</STYLE>b', 'a b'],
    ['a comment holding spaces and tags', 'a<!-- hidden <b>x</b> -->b', 'a b'],
    ['every form of <br>', 'a<br>b<BR />c<br/>d', 'a\nb\nc\nd'],
    ['headings', 'a<h2>Title</h2>b', 'a\nTitle\nb'],
    ['a block tag with attributes', 'a<p class="x">b', 'a\nb'],
    ['a block tag whose attribute mentions <li', '<p title="<li">x</p>', 'x'],
    ['table cells', 'a<td>b</td><th>c</th>d', 'a b c d'],
    ['a table cell with attributes', 'a<th class="h">b', 'a b'],
    ['runs of blanks and tabs', 'a   b\t\tc', 'a b c'],
    ['blanks on either side of a line break', 'one \ntwo\n  three', 'one\ntwo\nthree']
  ])('%s', (_, html, text) => {
    expect(htmlToText(html)).toBe(text)
  })
})

describe('oneLine and truncate', () => {
  it('collapses runs of blanks and control characters to one space', () => {
    expect(oneLine('a   b\u0000\u0001c\u0085\u2028d')).toBe('a b c d')
  })
  it('drops blanks and control characters at either end', () => {
    expect(oneLine('\n  a b \u0000')).toBe('a b')
  })
  it('keeps text of exactly the limit, and cuts one longer to the limit', () => {
    expect(truncate('abcd', 4)).toBe('abcd')
    expect(truncate('abcde', 4)).toBe('abc…')
    expect(truncate('abcde', 0)).toBe('…')
  })
})

describe('escapeCell, line by line', () => {
  it('takes a lone carriage return for a line break, and a tab for a space', () => {
    expect(escapeCell('a\rb\tc')).toBe('a<br>b c')
  })
  it('trims each line and drops the blank ones', () => {
    expect(escapeCell('  a  \n \t \n  b  ')).toBe('a<br>b')
  })
  it('escapes a paired mark and leaves a lone one', () => {
    expect(escapeCell('a*b*c _x_ ~y~ `z` lone * _ ~ `')).toBe(
      'a&#42;b&#42;c &#95;x&#95; &#126;y&#126; &#96;z&#96; lone &#42; &#95; &#126; &#96;'
    )
    expect(escapeCell('5 * 4 and a_b and ~2 and `')).toBe('5 * 4 and a_b and ~2 and `')
  })
})
