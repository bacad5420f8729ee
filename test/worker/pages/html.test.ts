import { describe, expect, it } from 'vitest'
import { html } from '../../../src/worker/pages/html.ts'

describe('html', () => {
  it('escapes every interpolated value, in content and in attributes', () => {
    const title = `"x" & 'y'`
    const text = '<script>alert(1)</script>'
    expect(html`<p title="${title}">${text}</p>`.value).toBe('<p title="&quot;x&quot; &amp; &#39;y&#39;">&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  })

  it('keeps the output of html as markup, joins lists and skips null, undefined and false', () => {
    const items = ['a<', 'b>'].map((item) => html`<li>${item}</li>`)
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;</li><li>b&gt;</li></ul>0')
  })

  it('escapes strings that look like markup even when they were produced elsewhere', () => {
    const markup = '<b>bold</b>'
    expect(html`${markup}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;')
  })
})
