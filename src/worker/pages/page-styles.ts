/**
 * @module
 * The pages' style sheet, served at `/pages.css`: the Content-Security-Policy allows styles from
 * this origin only, so there is no inline `<style>`.
 */

/** The CSS of the demo page and the reader view. */
export const PAGES_CSS = /* css */ `
:root {
  --text: #1b1f24; --muted: #57606a; --bg: #ffffff; --surface: #f6f8fa; --border: #d0d7de;
  --accent: #0b57d0; --target: #fff4c2; --target-edge: #d4a72c; --mark: #ffe58f;
  color-scheme: light dark;
  font: 17px/1.6 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: var(--bg);
}
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --muted: #9da7b3; --bg: #0d1117; --surface: #161b22; --border: #30363d; --accent: #7cacf8; --target: #3a3113; --target-edge: #d4a72c; --mark: #5c4a0f; }
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); text-underline-offset: 2px; }
code, kbd, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875em; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 5px; padding: 0 .35em; background: var(--bg); }
.muted { color: var(--muted); }

.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 2rem; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; }
.brand { display: inline-flex; align-items: center; gap: .5rem; font-weight: 700; color: var(--text); text-decoration: none; letter-spacing: -.01em; }
.brand-mark { display: inline-grid; place-items: center; width: 1.75rem; height: 1.75rem; border-radius: 7px; background: var(--accent); color: var(--bg); font-size: 1rem; }
.header-search { position: relative; flex: 1 1 20rem; max-width: 36rem; --ps-font-size: 15px; }
/* The header search opens over the article instead of pushing it down. */
.header-search::part(dropdown) { position: absolute; z-index: 20; top: 100%; left: 0; right: 0; min-width: min(34rem, calc(100vw - 2.5rem)); }
/* Shortcuts are advertised only for a search box that loaded, and never on touch screens. */
.keyboard-hint, .search-unavailable-notice { display: none; }
.search-ready .keyboard-hint { display: block; }
@media (hover: none) and (pointer: coarse) { .search-ready .keyboard-hint { display: none; } }
.search-unavailable .search-unavailable-notice { display: block; max-width: 60rem; margin: 0 auto 1rem; padding: .75rem 1.25rem; background: var(--surface); border-left: 4px solid var(--target-edge); }
.search-unavailable paragraph-search { display: none; }
main { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
.site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: .875rem; }
.site-footer p { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }

.hero { padding: 1.5rem 0 1rem; }
h1 { margin: 0 0 .5rem; font-size: 2.1rem; line-height: 1.2; letter-spacing: -.02em; }
h2 { margin: 2.5rem 0 .75rem; font-size: 1.3rem; letter-spacing: -.01em; }
.lede { max-width: 44rem; margin: 0 0 1.5rem; font-size: 1.1rem; color: var(--muted); }
.demo-search { max-width: 60rem; }
.hint { margin: .75rem 0 0; font-size: .875rem; color: var(--muted); }
.sources { padding-left: 1.25rem; }
.sources li { margin: .35rem 0; }
.code { overflow-x: auto; padding: 1rem 1.25rem; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; line-height: 1.5; }
table { width: 100%; margin: 1.25rem 0; border-collapse: collapse; font-size: .9375rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .75rem .45rem 0; border-bottom: 1px solid var(--border); }
.routes { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1.5rem; font-size: .9375rem; }
.routes dt { white-space: nowrap; }
.routes dd { margin: 0; color: var(--muted); }
@media (max-width: 40rem) { .routes { grid-template-columns: 1fr; } .routes dd { margin-bottom: .5rem; } }

.reader { max-width: 42rem; margin: 0 auto; }
.reader-header { padding: 1.5rem 0 1rem; margin-bottom: 1.5rem; border-bottom: 1px solid var(--border); }
.kicker { margin: 0 0 .35rem; font-size: .8125rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.paragraph { position: relative; margin: 0 -.75rem; padding: .15rem .75rem; border-radius: 8px; scroll-margin-top: 4rem; }
.paragraph p { margin: .5rem 0; }
.paragraph.heading { margin-top: 2rem; font-size: 1.35rem; }
.paragraph.caption p:not(.also), .paragraph.comment { font-size: .9rem; font-style: italic; color: var(--muted); }
.paragraph.caption { border-left: 3px solid var(--border); margin-left: 0; margin-block: .75rem; }
.list { padding-left: 1.5rem; }
.paragraph.comment { display: block; padding-block: .6rem; margin-block: .75rem; background: var(--surface); }
.label { font-style: normal; font-size: .72rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; margin-right: .35rem; color: var(--muted); }
.anchor { margin-left: .25rem; font-size: .8125rem; font-weight: 400; font-style: normal; white-space: nowrap; text-decoration: none; color: var(--muted); }
.anchor:hover, .anchor:focus { text-decoration: underline; }
mark { background: var(--mark); color: var(--text); border-radius: 2px; padding: 0 .05em; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .75rem 0; font-size: .9375rem; }
.facts div { display: flex; gap: .4rem; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
.facts dd { margin: 0; }
.back { margin: 0 0 1rem; font-size: .9375rem; }
.missing { padding: .75rem 1rem; background: var(--surface); border-left: 4px solid var(--target-edge); }
.list { margin: .5rem 0; padding-left: 1.5rem; }
.paragraph.list-item { margin: 0; padding: .15rem .25rem; }
.also { margin: -.25rem 0 .6rem; font-size: .8125rem; color: var(--muted); }
.paragraph:target { background: var(--target); box-shadow: inset 3px 0 0 var(--target-edge); animation: arrive 1.6s ease-out; }
@keyframes arrive { from { box-shadow: inset 3px 0 0 var(--target-edge), 0 0 0 6px color-mix(in srgb, var(--target-edge) 35%, transparent); } }
@media (prefers-reduced-motion: reduce) { .paragraph:target { animation: none; } }
.not-found { padding: 3rem 0; }

.compare-page main, .compare-page .site-header { max-width: 90rem; }
.compare-scroll { overflow-x: auto; }
.compare-table { table-layout: fixed; min-width: 40rem; font-size: .9rem; }
.compare-table th, .compare-table td { padding: .6rem .75rem; border-bottom: 1px solid var(--border); }
.compare-table thead th { position: sticky; top: 0; background: var(--bg); }
.compare-table .row-head { width: 17rem; font-weight: 600; font-size: .8125rem; color: var(--muted); }
.col-title { display: block; font-weight: 400; font-size: .8125rem; }
.compare-table tr.fact:target { background: var(--target); box-shadow: inset 3px 0 0 var(--target-edge); }
.compare-table tr { scroll-margin-top: 4rem; }
.cell-paragraph p { margin: .25rem 0 .5rem; }
.cell-paragraph.comment, .cell-paragraph.caption { font-style: italic; color: var(--muted); }
.cell-paragraph.comment { padding: .25rem .5rem; background: var(--surface); border-radius: 6px; }
.cell-paragraph.own { border-left: 3px solid var(--accent); padding-left: .5rem; }
.mark { display: inline-block; margin-right: .35rem; font-style: normal; font-size: .7rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
.own-mark { color: var(--accent); }
.comment-mark { color: var(--text); }
.row-anchor { margin-left: .35rem; text-decoration: none; color: var(--muted); }
.quote-notes { margin: .5rem 0 0; padding-left: 1rem; font-weight: 400; font-size: .75rem; }
.quote-notes li { margin: .25rem 0; }
.to-reader { font-size: .8125rem; text-decoration: none; }
.absent { color: var(--muted); }
`
