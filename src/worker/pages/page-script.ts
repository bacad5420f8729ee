/**
 * @module
 * The pages' one script, served at `/pages.js` (the Content-Security-Policy allows scripts from
 * this origin only, and Trusted Types forbid HTML strings: it only sets text and classes).
 * It runs after `widget.js` (both are deferred modules, run in document order) and:
 * - marks `<html>` with `search-ready` when `<paragraph-search>` is defined, else with
 *   `search-unavailable`, so the page shows its shortcuts only for a box that is there and says
 *   so when it is not;
 * - in the reader view, says when the address names a paragraph (`#id`) the source does not have,
 *   and makes "Back to the results" reopen the results on that paragraph (`&hit=<id>`).
 */

/** Path of the pages' script. */
export const PAGES_JS_PATH = '/pages.js'

/** The script's text. */
export const PAGES_JS = /* js */ `
const root = document.documentElement
root.classList.add(customElements.get('paragraph-search') ? 'search-ready' : 'search-unavailable')
const notice = document.getElementById('missing-paragraph')
function checkTarget() {
  if (!notice) return
  let id = location.hash.slice(1)
  try {
    id = decodeURIComponent(id)
  } catch {
    // A malformed escape: look the id up as written.
  }
  const missing = id !== '' && !document.getElementById(id)
  notice.hidden = !missing
  if (missing) notice.querySelector('code').textContent = '#' + id
  const back = document.getElementById('back-to-results')
  if (back && id && !missing) {
    const url = new URL(back.href)
    url.searchParams.set('hit', id)
    back.href = url.href
  }
}
checkTarget()
addEventListener('hashchange', checkTarget)
`
