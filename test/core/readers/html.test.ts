import { describe, expect, it } from 'vitest'
import { readHtml } from '../../../src/core/readers/html.ts'
import { corpusErrorOf as errorOf } from '../../support/corpus-error.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** A paragraph long enough (> 140 characters) for Readability's reader-view test. */
const LONG_A = 'The council approved the new bus depot on Tuesday evening after a debate that lasted more than four hours and drew residents from every ward of the town.'
const LONG_B = 'Opponents said the site was too close to the primary school, but the planning officer told members that traffic would be routed along the ring road instead.'

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Depot approved | Town Echo</title>${head}</head><body>${body}</body></html>`
}

const lines = (html: string) => readHtml(utf8(html), 'corpus/a.html').pages[0]!.lines.map(({ text, role, paragraphEnd }) => ({ text, role, paragraphEnd }))

describe('readHtml', () => {
  it('gives one line per block of the article, each ending its paragraph, with the role its element proves (none for a paragraph)', () => {
    const html = page(`
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
      <article>
        <h1>Depot approved</h1>
        <p>${LONG_A}</p>
        <h2>What happens next</h2>
        <p>${LONG_B}</p>
        <ul><li>Work starts in May</li><li>The depot opens in 2026</li></ul>
        <blockquote><p>“It is the right site,” the leader said.</p></blockquote>
      </article>
      <footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>`)
    expect(lines(html)).toEqual([
      { text: LONG_A, role: undefined, paragraphEnd: true },
      { text: 'What happens next', role: 'heading', paragraphEnd: true },
      { text: LONG_B, role: undefined, paragraphEnd: true },
      { text: 'Work starts in May', role: 'list-item', paragraphEnd: true },
      { text: 'The depot opens in 2026', role: 'list-item', paragraphEnd: true },
      { text: '“It is the right site,” the leader said.', role: undefined, paragraphEnd: true },
    ])
  })

  it('gives a list item’s role to its text wherever it stands: before a nested list, inside a paragraph', () => {
    const html = page(`<article><p>${LONG_A}</p><ul>
      <li>Buses<ul><li>Route 4 every ten minutes</li></ul></li>
      <li><p>Trams run all night</p></li></ul><p>${LONG_B}</p></article>`)
    expect(lines(html).slice(1, 4)).toEqual([
      { text: 'Buses', role: 'list-item', paragraphEnd: true },
      { text: 'Route 4 every ten minutes', role: 'list-item', paragraphEnd: true },
      { text: 'Trams run all night', role: 'list-item', paragraphEnd: true },
    ])
  })

  it('writes superscripts and subscripts with the characters that say so when Unicode has them', () => {
    const html = page(`<article><p>${LONG_A}</p><p>A flat of 40 m<sup>2</sup> in the 5<sup>th</sup> district, H<sub>2</sub>O, the agreement<sup><a href="#fn1">12</a></sup>.</p><p>${LONG_B}</p></article>`)
    expect(lines(html)[1]!.text).toBe('A flat of 40 m² in the 5th district, H₂O, the agreement¹².')
  })

  it('keeps a figure caption, with a credit the markup sets apart as a credit line after it', () => {
    const html = page(`<article><p>${LONG_A}</p>
      <figure><img src="a.jpg" alt=""><figcaption>The site on Tuesday. <span class="credit">Photograph: Ann Lee</span></figcaption></figure>
      <figure><img src="b.jpg" alt=""><figcaption>The school gate. <small>Foto: Jan Berg</small></figcaption></figure>
      <p>${LONG_B}</p></article>`)
    expect(lines(html)).toEqual([
      { text: LONG_A, role: undefined, paragraphEnd: true },
      { text: 'The site on Tuesday.', role: 'caption', paragraphEnd: true },
      { text: 'Photograph: Ann Lee', role: 'credit', paragraphEnd: true },
      { text: 'The school gate.', role: 'caption', paragraphEnd: true },
      { text: 'Foto: Jan Berg', role: 'credit', paragraphEnd: true },
      { text: LONG_B, role: undefined, paragraphEnd: true },
    ])
  })

  it('puts back the caption of a lead photo that sits in the article element above the body text', () => {
    const html = page(`<article><h1>Depot approved</h1>
      <figure><img src="a.jpg" alt=""><figcaption>The site on Tuesday.</figcaption></figure>
      <div class="story"><p>${LONG_A}</p><p>${LONG_B}</p><p>${LONG_A.replace('Tuesday', 'Wednesday')}</p></div></article>`)
    expect(lines(html).slice(0, 2)).toEqual([
      { text: 'The site on Tuesday.', role: 'caption', paragraphEnd: true },
      { text: LONG_A, role: undefined, paragraphEnd: true },
    ])
  })

  it('takes an element the page’s classes label a caption, standing with an image, for a caption', () => {
    const wordpress = page(`<article><p>${LONG_A}</p>
      <div class="wp-caption"><img src="a.jpg" alt=""><p class="wp-caption-text">The site on Tuesday.</p></div>
      <p class="caption">Not next to any image.</p><p>${LONG_B}</p></article>`)
    expect(lines(wordpress).slice(1, 3)).toEqual([
      { text: 'The site on Tuesday.', role: 'caption', paragraphEnd: true },
      { text: 'Not next to any image.', role: undefined, paragraphEnd: true },
    ])
    // A lead photo's caption above the body, in a page with neither <article> nor <main>.
    const lead = page(`<div class="story"><h1>Depot approved</h1><div class="lead-media"><img src="a.jpg" alt=""><div class="lead-caption">The depot site.</div></div>
      <div class="body-text"><p>${LONG_A}</p><p>${LONG_B}</p><p>${LONG_A.replace('Tuesday', 'Friday')}</p></div></div>`)
    expect(lines(lead).slice(0, 2)).toEqual([
      { text: 'The depot site.', role: 'caption', paragraphEnd: true },
      { text: LONG_A, role: undefined, paragraphEnd: true },
    ])
  })

  it('marks a block of nothing but links (related stories) as furniture, its heading too', () => {
    const html = page(`<article><p>${LONG_A}</p><p>${LONG_B}</p>
      <section><h3>Read next</h3><ul><li><a href="/a">Bus fares to rise in June</a></li><li><a href="/b">Ring road closed for repairs</a></li></ul></section></article>`)
    expect(lines(html).slice(2)).toEqual([
      { text: 'Read next', role: 'furniture', paragraphEnd: true },
      { text: 'Bus fares to rise in June', role: 'furniture', paragraphEnd: true },
      { text: 'Ring road closed for repairs', role: 'furniture', paragraphEnd: true },
    ])
  })

  it('breaks a paragraph at <br> into lines, the last ending the paragraph', () => {
    const html = page(`<article><p>${LONG_A}</p><p>Town Hall<br>High Street<br>Elmford</p><p>${LONG_B}</p></article>`)
    expect(lines(html).slice(1, 4)).toEqual([
      { text: 'Town Hall', role: undefined, paragraphEnd: undefined },
      { text: 'High Street', role: undefined, paragraphEnd: undefined },
      { text: 'Elmford', role: undefined, paragraphEnd: true },
    ])
  })

  it('reads an old-style page of text and <br> in a div: <br><br> ends a paragraph, one <br> a line', () => {
    const html = page(`<div id="story">${LONG_A}<br><br>${LONG_B}<br>Signed, the editor.<br><br>A last word on <b>it</b>.</div>`)
    expect(lines(html)).toEqual([
      { text: LONG_A, role: undefined, paragraphEnd: true },
      { text: LONG_B, role: undefined, paragraphEnd: undefined },
      { text: 'Signed, the editor.', role: undefined, paragraphEnd: true },
      { text: 'A last word on it.', role: undefined, paragraphEnd: true },
    ])
  })

  it('states the facts of the page’s meta tags, and Readability’s byline when no meta names an author', () => {
    const head =
      '<meta property="og:title" content="Depot approved"><meta property="og:site_name" content="Town Echo">' +
      '<meta property="article:published_time" content="2024-03-05T18:30:00Z"><link rel="canonical" href="https://echo.example/news/depot">'
    const capture = readHtml(utf8(page(`<article><p class="byline">By Sam Reed</p><p>${LONG_A}</p><p>${LONG_B}</p></article>`, head)), 'a.html')
    expect(capture.format).toBe('html')
    expect(capture.facts).toEqual({ title: 'Depot approved', author: 'Sam Reed', published: '2024-03-05T18:30:00Z', publisher: 'Town Echo', url: 'https://echo.example/news/depot' })
    const withMeta = readHtml(utf8(page(`<article><p>${LONG_A}</p><p>${LONG_B}</p></article>`, '<meta name="author" content="Kim Ode"><meta property="article:author" content="https://echo.example/kim">')), 'a.html')
    expect(withMeta.facts.author).toBe('Kim Ode')
    expect(withMeta.facts.title).toBe('Depot approved | Town Echo')
  })

  it('decodes the page in the encoding its meta charset or byte-order mark names', () => {
    const latin1 = Buffer.from(page(`<article><p>${LONG_A} Café crème.</p><p>${LONG_B}</p></article>`).replace('utf-8', 'windows-1252'), 'latin1')
    expect(lines(latin1.toString('latin1')).length).toBe(2)
    const capture = readHtml(new Uint8Array(latin1), 'a.html')
    expect(capture.pages[0]!.lines[0]!.text.endsWith('Café crème.')).toBe(true)
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(page(`<article><p>${LONG_A}</p><p>Zoë said so. ${LONG_B}</p></article>`).replace('<meta charset="utf-8">', ''), 'utf16le')])
    expect(readHtml(utf16, 'a.html').pages[0]!.lines[1]!.text.startsWith('Zoë said so.')).toBe(true)
  })

  it('reads a page whose optional tags are left out (no <html>, <head> or <body>), as a browser would', () => {
    const bare = `<!DOCTYPE html><title>Depot approved</title><meta property="og:site_name" content="Town Echo"><p>${LONG_A}</p><p>${LONG_B}</p>`
    const capture = readHtml(utf8(bare), 'a.html')
    expect(capture.pages[0]!.lines.map((line) => line.text)).toEqual([LONG_A, LONG_B])
    expect(capture.facts).toEqual({ title: 'Depot approved', publisher: 'Town Echo' })
  })

  it('refuses a page with no article in it, naming the file', () => {
    const signIn = page('<nav><a href="/">Home</a> <a href="/news">News</a></nav><form><label>Email</label><input><button>Sign in</button></form><footer><a href="/terms">Terms</a></footer>')
    expect(errorOf(() => readHtml(utf8(signIn), 'corpus/sign-in.html')).message).toBe(
      'corpus/sign-in.html: holds no article: Readability finds no block of article text on the page (only navigation, links, forms or too little text)'
    )
    // 139 characters of text in all: less than the least Firefox's reader view takes.
    const short = page(`<article><p>${'x'.repeat(100)}</p><p>${'y'.repeat(39)}</p></article>`)
    expect(errorOf(() => readHtml(utf8(short), 'corpus/short.html')).reason).toMatch(/^holds no article/)
    expect(lines(page(`<article><p>${'x'.repeat(100)}</p><p>${'y'.repeat(40)}</p></article>`))).toHaveLength(2)
    expect(errorOf(() => readHtml(new Uint8Array(), 'corpus/e.html')).reason).toBe('is empty (0 bytes)')
    expect(errorOf(() => readHtml(utf8(page('<p>x</p>').replace('utf-8', 'x-klingon')), 'corpus/k.html')).reason).toMatch(/^declares the character encoding "x-klingon"/)
  })
})
