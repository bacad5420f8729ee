/**
 * @module
 * The HTML reader: a web page saved from a browser, as a {@link Capture}. Mozilla's Readability
 * (the article extractor of Firefox's reader view), run over the `linkedom` DOM, finds the
 * article among the page's navigation, boxes and footer; the reader then walks the article's
 * elements and gives one line per block, each ending its paragraph, with the role its element
 * proves: headings (`role: 'heading'`), list items (`'list-item'`), figure captions (`'caption'`,
 * with a credit the markup sets apart as `'credit'`). Paragraphs and quotations get no role: a
 * `<p>` proves a paragraph break, not that its text is the article's (sites put advertisement
 * labels, "read more" links and pull quotes in `<p>` too), so recovery judges their text as it
 * judges any text. Blocks made only of links (related stories, most read, tags) are
 * `'furniture'`: their structure proves they are not article text. The page's `<meta>` and
 * Readability's byline give the facts.
 *
 * It runs in the index build (Node), never in the Worker: nothing the Worker imports imports it.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { Capture, CaptureFacts, CaptureLine, LineRole } from '../capture.ts'
import { CorpusError } from '../corpus.ts'
import { subscript, superscript } from './script-characters.ts'

/** The few DOM members the reader uses (linkedom implements them; the project has no DOM types). */
type DomNode = {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  parentNode: DomNode | null
}
type DomElement = DomNode & {
  tagName: string
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Elements whose content is one line of text (unless they hold other such blocks). */
const LINE_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'FIGCAPTION', 'PRE', 'DT', 'DD', 'TD', 'TH', 'CAPTION', 'ADDRESS', 'SUMMARY'])

/** Elements that start a new line in the text around them. */
const BLOCKS = new Set([
  ...LINE_BLOCKS,
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DETAILS', 'DIV', 'DL', 'FIELDSET', 'FIGURE', 'FOOTER', 'FORM', 'HEADER', 'HR', 'MAIN', 'NAV', 'OL', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
])

/** Elements whose text is never article text. */
const SKIPPED = new Set(['HEAD', 'TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT'])

/** Containers of links that, when they hold nothing but links, are lists of other pages. */
const LINK_CONTAINERS = new Set(['UL', 'OL', 'NAV', 'ASIDE', 'SECTION', 'DIV', 'FOOTER', 'HEADER', 'P', 'LI'])

/** A share of a container's text inside links at or above which it is a list of links. */
const LINK_ONLY_SHARE = 0.9

/**
 * A class that labels an element a caption (`caption`, `wp-caption-text`, `lead-caption`): the
 * page's own markup, as WordPress and many CMSs write captions without `<figcaption>`.
 */
const CAPTION_CLASS = /(?:^|[\s_-])caption(?:$|[\s_-])/i

/** Markup that sets a photo credit apart inside a caption (`<small>`, `class="credit"`). */
const CREDIT_CLASS = /(?:^|[\s_-])(?:credit|credits|copyright|photographer|image-source|photo-source|rights)(?:$|[\s_-])/i

/**
 * The word a byline opens with (`By`, `Von`, `Par`, `Por`, `Door`), when a name of at least two
 * words follows it (so the surname `Von Trier` stays whole).
 */
const BYLINE_WORD = /^(?:by|von|par|por|door)\s+(?=\S+\s+\S)/i

/**
 * Fewer characters of article text than this is no article (a sign-in form, an error page):
 * the least text Firefox's reader view wants in one block (Readability's `minContentLength`).
 */
const MIN_ARTICLE_CHARACTERS = 140

const NO_ARTICLE = 'holds no article: Readability finds no block of article text on the page (only navigation, links, forms or too little text)'

/**
 * Reads a saved web page into a capture.
 *
 * @param bytes - The file's content, in the encoding its byte-order mark or `<meta charset>`
 *   names (UTF-8 when none does).
 * @param file - The file's name as the build shows it, for errors.
 * @returns One page of lines, one per block of the article, each with `paragraphEnd` and its
 *   role; the facts from `<meta>` (Open Graph, `author`, `article:published_time`, canonical
 *   link) and Readability's byline.
 * @throws {@link CorpusError} when the page is empty, names an encoding this runtime cannot
 *   decode, or holds no article (Readability finds none, or only lists of links, or less than
 *   140 characters of text).
 */
export function readHtml(bytes: Uint8Array, file: string): Capture {
  const html = withBody(decodeHtml(bytes, file))
  const { document } = parseHTML(html)
  const facts = readMetaFacts(document as unknown as DomElement)
  const article = new Readability<DomElement>(document as never, { keepClasses: true, serializer: (node) => node as unknown as DomElement }).parse()
  if (article?.byline && !facts.author) facts.author = collapse(article.byline).replace(BYLINE_WORD, '')
  if (article?.title && !facts.title) facts.title = article.title.trim()
  if (article?.siteName && !facts.publisher) facts.publisher = article.siteName.trim()
  if (article?.publishedTime && !facts.published) facts.published = article.publishedTime.trim()
  const lines = article?.content ? articleLines(article.content) : []
  // Readability works on (and changes) its own copy; the page as saved is read again for the
  // captions of figures it left outside the article's text (a lead photo above the body), when
  // the page has more captions than the article kept.
  if ((html.match(/<figcaption[\s>]|class\s*=\s*["'][^"']*caption/gi)?.length ?? 0) > lines.filter((line) => line.role === 'caption').length) {
    restoreFigureCaptions(lines, parseHTML(html).document as unknown as DomElement)
  }
  const articleText = lines.filter((line) => line.role !== 'furniture').reduce((sum, line) => sum + line.text.length, 0)
  if (articleText < MIN_ARTICLE_CHARACTERS) throw new CorpusError(file, NO_ARTICLE)
  return { format: 'html', pages: [{ lines }], facts, skipped: [] }
}

/**
 * Decodes the page as a browser would: a byte-order mark first, then the `charset` a `<meta>`
 * in its first 1024 bytes declares, then UTF-8.
 */
function decodeHtml(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new CorpusError(file, 'is empty (0 bytes)')
  let label = 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le'
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be'
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
    if (declared) label = declared.toLowerCase()
  }
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label)
  } catch {
    throw new CorpusError(file, `declares the character encoding "${label}", which the build cannot decode (save the page as UTF-8)`)
  }
  const text = decoder.decode(bytes)
  if (text.trim() === '') throw new CorpusError(file, 'is empty (only white space)')
  return text
}

/**
 * The page with a `<body>` element: a browser makes one for markup that has none (a fragment, a
 * page with its optional tags left out); `linkedom` does not, and Readability needs it.
 */
function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? ''
  return `${doctype}<html><body>${html.slice(doctype.length).replace(/<\/?html[^>]*>/gi, '')}</body></html>`
}

/** What the page's `<head>` states: Open Graph and article meta, `author`, the canonical link. */
function readMetaFacts(document: DomElement): CaptureFacts {
  const meta = (...names: string[]): string => {
    for (const name of names) {
      const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)
      const content = element?.getAttribute('content')?.trim()
      if (content) return content
    }
    return ''
  }
  const facts: CaptureFacts = {}
  const title = meta('og:title', 'twitter:title') || (document.querySelector('title')?.textContent ?? '').trim()
  const author = meta('author', 'article:author', 'byl', 'dc.creator', 'parsely-author')
  const published = meta('article:published_time', 'datePublished', 'date', 'dc.date', 'parsely-pub-date', 'og:published_time')
  const publisher = meta('og:site_name', 'application-name', 'publisher')
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ?? ''
  const url = /^https?:\/\//i.test(canonical) ? canonical : meta('og:url')
  if (title) facts.title = collapse(title)
  // `article:author` is often a profile URL, which names no one.
  if (author && !/^https?:\/\//i.test(author)) facts.author = collapse(author)
  if (published) facts.published = published
  if (publisher) facts.publisher = collapse(publisher)
  if (/^https?:\/\//i.test(url)) facts.url = url
  return facts
}

/** The role an element gives the text inside it, if any. */
function roleOf(element: DomElement, tag: string): LineRole | undefined {
  if (/^H[1-6]$/.test(tag)) return 'heading'
  if (tag === 'LI') return 'list-item'
  if (isCaptionElement(element, tag)) return 'caption'
  return undefined
}

/**
 * A `<figcaption>`, or an element whose class labels it a caption (see {@link CAPTION_CLASS})
 * and that stands with an image (holds one, or has one beside it).
 */
function isCaptionElement(element: DomElement, tag: string): boolean {
  if (tag === 'FIGCAPTION') return true
  if (!CAPTION_CLASS.test(element.getAttribute('class') ?? '')) return false
  const isImage = (node: DomNode) => node.nodeType === ELEMENT_NODE && IMAGES.has((node as DomElement).tagName.toUpperCase())
  // An image in the element, or beside it (itself, or wrapped one level deep, as `<a><img></a>`).
  if (element.querySelector('img, picture, svg, video') !== null) return true
  const siblings = Array.from(element.parentNode?.childNodes ?? []).filter((node) => node !== element)
  return siblings.some((node) => isImage(node) || Array.from(node.childNodes).some(isImage))
}

/** Elements that show an image. */
const IMAGES = new Set(['IMG', 'PICTURE', 'SVG', 'VIDEO'])

/**
 * The article's lines, one per block, in document order. Text takes the role of the nearest
 * element that gives one (a paragraph inside a list item is the list item's text).
 */
function articleLines(root: DomElement): CaptureLine[] {
  const lines: CaptureLine[] = []
  let inline = ''
  const flush = (role: LineRole | undefined) => {
    pushLines(lines, inline, role)
    inline = ''
  }

  const walk = (node: DomNode, role: LineRole | undefined): void => {
    if (node.nodeType === TEXT_NODE) {
      inline += node.textContent ?? ''
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const element = node as DomElement
    const tag = element.tagName.toUpperCase()
    if (SKIPPED.has(tag)) return
    if (tag === 'BR') {
      inline += '\n'
      return
    }
    if (tag === 'SUP' || tag === 'SUB') {
      inline += scriptText(element, tag)
      return
    }
    if (!BLOCKS.has(tag)) {
      for (const child of Array.from(element.childNodes)) walk(child, role)
      return
    }
    // Text before a block belongs to the block around both.
    flush(role)
    const inner: LineRole | undefined = role === 'furniture' || isLinkList(element) ? 'furniture' : (roleOf(element, tag) ?? role)
    if (LINE_BLOCKS.has(tag) && !holdsLineBlock(element)) {
      emitBlock(element, tag, inner, lines)
      return
    }
    for (const child of Array.from(element.childNodes)) walk(child, inner)
    flush(inner)
  }

  walk(root, undefined)
  flush(undefined)
  return lines
}

/**
 * Puts back the captions of figures that Readability left out when the page's own markup puts
 * them with the article: a caption (see {@link isCaptionElement}) inside the same `<article>` or
 * `<main>` element as the extracted paragraphs, or else inside the nearest element around the
 * first extracted paragraph that holds one (a few levels up at most). Each goes before the first
 * extracted line that follows it in the page.
 */
function restoreFigureCaptions(lines: CaptureLine[], page: DomElement): void {
  const known = new Set(lines.map((line) => line.text))
  const isKnown = (element: DomElement) => known.has(collapse(element.textContent ?? ''))
  const captionsIn = (element: DomElement) => Array.from(element.querySelectorAll('figcaption, [class*="caption" i]')).filter((candidate) => isCaptionElement(candidate, candidate.tagName.toUpperCase()))
  let container = Array.from(page.querySelectorAll('article, main')).find((element) => Array.from(element.querySelectorAll('p')).some(isKnown))
  if (!container) {
    let around = Array.from(page.querySelectorAll('p')).find(isKnown)?.parentNode as DomElement | null | undefined
    for (let level = 0; around && level < MAX_CAPTION_LEVELS && !container; level++, around = around.parentNode as DomElement | null) {
      if (typeof around.querySelectorAll === 'function' && captionsIn(around).length > 0) container = around
    }
  }
  if (!container) return
  const captions = new Set(captionsIn(container))
  let pending: CaptureLine[] = []
  for (const element of Array.from(container.querySelectorAll('*'))) {
    if (captions.has(element)) {
      const captionLines: CaptureLine[] = []
      emitBlock(element, element.tagName.toUpperCase(), 'caption', captionLines)
      if (captionLines.length > 0 && !known.has(captionLines[0]!.text)) pending.push(...captionLines)
      continue
    }
    if (pending.length === 0 || !/^(?:P|H[1-6]|LI)$/.test(element.tagName.toUpperCase())) continue
    const text = collapse(element.textContent ?? '')
    const at = lines.findIndex((line) => line.text === text)
    if (at < 0) continue
    lines.splice(at, 0, ...pending)
    pending = []
  }
}

/** How many levels above the first extracted paragraph a caption of the article is looked for. */
const MAX_CAPTION_LEVELS = 4

/** One line-block element as its line (or lines, at `<br>`), with the role it has there. */
function emitBlock(element: DomElement, tag: string, role: LineRole | undefined, lines: CaptureLine[]): void {
  if (role === 'caption') {
    const credits: string[] = []
    const caption = textOf(element, (child) => {
      if (!isCredit(child)) return false
      credits.push(child.textContent ?? '')
      return true
    })
    pushLines(lines, caption, 'caption')
    for (const credit of credits) pushLines(lines, credit, 'credit')
    return
  }
  pushLines(lines, textOf(element, () => false), role)
}

/** One block's text as lines: a line per `<br>` (a `\n` here), the last ending the paragraph. */
function pushLines(lines: CaptureLine[], text: string, role: LineRole | undefined): void {
  const parts = text.split('\n').map(collapse).filter((part) => part !== '')
  parts.forEach((part, i) => {
    const line: CaptureLine = i === parts.length - 1 ? { text: part, paragraphEnd: true } : { text: part }
    if (role) line.role = role
    lines.push(line)
  })
}

/** An element's text, `<br>` as a line break, leaving out the children `skip` takes. */
function textOf(element: DomNode, skip: (child: DomElement) => boolean): string {
  let text = ''
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) text += child.textContent ?? ''
    else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as DomElement).tagName.toUpperCase()
      if (SKIPPED.has(tag) || skip(child as DomElement)) continue
      text += tag === 'BR' ? '\n' : tag === 'SUP' || tag === 'SUB' ? scriptText(child as DomElement, tag) : textOf(child, skip)
    }
  }
  return text
}

/** A `<sup>` or `<sub>` in the characters that say so (`²`, `₂`) when Unicode has them, else as written. */
function scriptText(element: DomElement, tag: 'SUP' | 'SUB'): string {
  const text = element.textContent ?? ''
  return (tag === 'SUP' ? superscript(text) : subscript(text)) ?? text
}

function isCredit(element: DomElement): boolean {
  return element.tagName.toUpperCase() === 'SMALL' || CREDIT_CLASS.test(element.getAttribute('class') ?? '')
}

/** Whether a line block holds other line blocks (a list item with a nested list, a cell with paragraphs). */
function holdsLineBlock(element: DomElement): boolean {
  return Array.from(element.querySelectorAll('*')).some((child) => LINE_BLOCKS.has(child.tagName.toUpperCase()))
}

/**
 * Whether a container is a list of links: almost all its text is inside links, and it holds
 * more than one link or is a list (a paragraph that is one link is a "read more" line).
 */
function isLinkList(element: DomElement): boolean {
  const tag = element.tagName.toUpperCase()
  if (!LINK_CONTAINERS.has(tag)) return false
  const text = collapse(element.textContent ?? '')
  if (text === '') return false
  const links = Array.from(element.querySelectorAll('a'))
  if (links.length === 0) return false
  const linked = links.reduce((sum, link) => sum + collapse(link.textContent ?? '').length, 0)
  const headings = Array.from(element.querySelectorAll('h1, h2, h3, h4, h5, h6')).reduce((sum, heading) => sum + collapse(heading.textContent ?? '').length, 0)
  return linked / Math.max(1, text.length - headings) >= LINK_ONLY_SHARE && (links.length > 1 || tag === 'UL' || tag === 'OL')
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
