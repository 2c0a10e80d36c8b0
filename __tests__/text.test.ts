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
