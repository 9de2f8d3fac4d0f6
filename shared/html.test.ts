import { describe, expect, it } from 'vitest'
import { escapeHtml } from './html'

describe('escapeHtml', () => {
  it('escapes the five HTML specials and leaves Chinese alone', () => {
    expect(escapeHtml(`<a href="x">'杭州'&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;杭州&#39;&amp;&lt;/a&gt;')
  })
})
