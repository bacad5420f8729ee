/**
 * @module
 * `<paragraph-search>`: a search box over the corpus, with results as an ARIA combobox and
 * listbox, a preview pane with "Show in context" and "Also reported by", and source filters.
 * The element owns the DOM and the keyboard; searching is the {@link SearchController}'s job.
 */
import { ApiClient, type SearchHit, type SearchParams, type SourceInfo, type Suggestion } from './api-client.ts'
import { createEvent, type ParagraphSearchEventMap } from './events.ts'
import { DEFAULT_HOTKEY, hotkeyLabel, isTypingTarget, matchesHotkey } from './hotkey.ts'
import { h, moreOption, optionGroup, previewContent, previewHint, readerUrl, resultOption, sourceFilter, statusText, suggestionOption } from './render.ts'
import { SearchController, type DetailsState, type SearchState } from './search-controller.ts'
import WIDGET_CSS from './styles.css'

/** Where the API is when no `endpoint` attribute says otherwise: the origin the script came from. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin

/** Hits asked for when no `limit` attribute says otherwise. */
export const DEFAULT_LIMIT = 10
/** Most hits the API gives per request. */
export const MAX_LIMIT = 50
/** Placeholder of the search box when no `placeholder` attribute says otherwise. */
export const DEFAULT_PLACEHOLDER = 'Search the paragraphs…'
/** Most suggestions shown. */
const MAX_SUGGESTIONS = 4

type Option = { kind: 'suggestion'; text: string } | { kind: 'result'; hit: SearchHit } | { kind: 'more' }

let sharedSheet: CSSStyleSheet | undefined

/** Whether a click asks the browser for a new tab or window (Ctrl/⌘/Shift/Alt-click): then the link is the browser's. */
const modified = (event: MouseEvent) => event.ctrlKey || event.metaKey || event.shiftKey || event.altKey

function splitIds(list: string | null): string[] {
  return (list ?? '').split(',').map((id) => id.trim()).filter(Boolean)
}

/**
 * Paragraph search over the corpus, for any page:
 *
 * @example
 * <script type="module" src="https://HOST/widget.js"></script>
 * <paragraph-search placeholder="Search the coverage" limit="8"></paragraph-search>
 */
export class ParagraphSearchElement extends HTMLElement {
  /** Attributes whose changes the element reacts to. */
  static observedAttributes = ['endpoint', 'placeholder', 'limit', 'sources', 'hotkey', 'theme']

  /**
   * Registers the element under `tag` and returns the class.
   *
   * @param tag - The tag name. Default `paragraph-search`.
   * @throws DOMException (`NotSupportedError`) when the tag is already defined.
   */
  static define(tag = 'paragraph-search'): typeof ParagraphSearchElement {
    customElements.define(tag, this)
    return this
  }

  readonly #root: HTMLElement
  readonly #input: HTMLInputElement
  readonly #field: HTMLElement
  readonly #hint: HTMLElement
  readonly #filters: HTMLElement
  readonly #status: HTMLElement
  readonly #panel: HTMLElement
  readonly #listbox: HTMLElement
  readonly #preview: HTMLElement
  readonly #controller: SearchController
  #client: ApiClient | undefined
  #listeners: AbortController | undefined
  #sourcesRequest: AbortController | undefined
  #open = false
  #options: Option[] = []
  #optionElements: HTMLElement[] = []
  #active = -1
  #suggestions: Suggestion[] = []
  #availableSources: SourceInfo[] = []
  #selectedSources = new Set<string>()
  #details: DetailsState = { status: 'idle' }
  #showContext = false
  #showRelated = false
  /** A hit to make active once it is listed (restored from the address). */
  #pendingHit: string | undefined
  /** Index among the hits of the first one a "Show more" brought, to make it active. */
  #firstNew: number | undefined
  readonly #darkQuery = matchMedia('(prefers-color-scheme: dark)')

  constructor() {
    super()
    const root = this.attachShadow({ mode: 'open' })
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet()
      sharedSheet.replaceSync(WIDGET_CSS)
    }
    root.adoptedStyleSheets = [sharedSheet]
    this.#input = h('input', {
      type: 'text',
      part: 'input',
      role: 'combobox',
      'aria-label': 'Search paragraphs',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'listbox',
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
      maxlength: '256',
    })
    this.#hint = h('kbd', { class: 'hint', 'aria-hidden': 'true' })
    this.#field = h('div', { class: 'field', part: 'field' }, h('span', { class: 'icon', 'aria-hidden': 'true' }), this.#input, h('span', { class: 'spinner', 'aria-hidden': 'true' }), this.#hint)
    this.#filters = h('div', { class: 'filters', part: 'filters', role: 'group', 'aria-label': 'Filter by source', hidden: true })
    this.#status = h('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' })
    // tabindex -1: a scrolling list is not a Tab stop of its own (the arrows move through it).
    this.#listbox = h('div', { id: 'listbox', role: 'listbox', part: 'listbox', 'aria-label': 'Search results', tabindex: '-1' })
    this.#preview = h('section', { class: 'preview', part: 'preview', 'aria-label': 'Selected result' })
    this.#panel = h('div', { class: 'panel', part: 'panel', hidden: true }, this.#listbox, this.#preview)
    this.#root = h('div', { class: 'root', part: 'container' }, this.#field, h('div', { class: 'dropdown', part: 'dropdown' }, this.#filters, this.#status, this.#panel))
    root.append(this.#root)

    this.#controller = new SearchController({
      client: () => this.#api(),
      onSearch: (state) => this.#onSearch(state),
      onSuggestions: (suggestions, query) => this.#onSuggestions(suggestions, query),
      onDetails: (state) => {
        this.#details = state
        this.#renderPreview()
      },
    })

    this.#input.addEventListener('input', () => this.#onInput())
    this.#input.addEventListener('keydown', (event) => this.#onKeydown(event))
    // Options are not focusable: keep the focus in the combobox when one is clicked.
    this.#listbox.addEventListener('mousedown', (event) => event.preventDefault())
    this.#listbox.addEventListener('click', (event) => this.#onOptionClick(event, false))
    this.#listbox.addEventListener('dblclick', (event) => this.#onOptionClick(event, true))
    // Escape from anywhere inside (a filter, a button) closes the list and goes back to the box.
    this.#root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && event.target !== this.#input && this.#open) {
        this.#close()
        this.#input.focus()
      }
    })
    // The list closes when the focus leaves the widget (not when it merely leaves the window).
    root.addEventListener('focusout', (event) => {
      const to = (event as FocusEvent).relatedTarget as Node | null
      if (to && !root.contains(to)) this.#close()
    })
    this.#preview.addEventListener('click', (event) => this.#onPreviewClick(event))
    this.#filters.addEventListener('click', (event) => this.#onFilterClick(event))
    this.#status.addEventListener('click', (event) => {
      if ((event.target as Element).closest('button')) this.#controller.retry()
    })
  }

  /** Base URL of the API (`endpoint` attribute); by default the origin `widget.js` was loaded from. */
  get endpoint(): string {
    const value = this.getAttribute('endpoint')
    if (!value) return SCRIPT_ORIGIN
    try {
      return new URL(value, document.baseURI).href
    } catch {
      return SCRIPT_ORIGIN
    }
  }

  set endpoint(value: string) {
    this.setAttribute('endpoint', value)
  }

  /** Placeholder of the search box (`placeholder` attribute). */
  get placeholder(): string {
    return this.getAttribute('placeholder') ?? DEFAULT_PLACEHOLDER
  }

  set placeholder(value: string) {
    this.setAttribute('placeholder', value)
  }

  /** Most results shown, 1 to 50 (`limit` attribute, default 10). */
  get limit(): number {
    const value = Number.parseInt(this.getAttribute('limit') ?? '', 10)
    return Number.isNaN(value) ? DEFAULT_LIMIT : Math.min(Math.max(value, 1), MAX_LIMIT)
  }

  set limit(value: number) {
    this.setAttribute('limit', String(value))
  }

  /** Comma-separated ids of the sources to search in; empty for all (`sources` attribute). */
  get sources(): string {
    return this.getAttribute('sources') ?? ''
  }

  set sources(value: string) {
    this.setAttribute('sources', value)
  }

  /** Shortcuts that focus the search box, e.g. `/ Mod+k` (the default); empty for none (`hotkey` attribute). */
  get hotkey(): string {
    return this.getAttribute('hotkey') ?? DEFAULT_HOTKEY
  }

  set hotkey(value: string) {
    this.setAttribute('hotkey', value)
  }

  /** `light`, `dark` or `auto` (the default: the host page's `color-scheme` when it sets one, else the system's) (`theme` attribute). */
  get theme(): string {
    return this.getAttribute('theme') ?? 'auto'
  }

  set theme(value: string) {
    this.setAttribute('theme', value)
  }

  /** Whether the query, filters and active hit are kept in the page's address (`sync-url` attribute; off by default). */
  get syncUrl(): boolean {
    return this.hasAttribute('sync-url')
  }

  set syncUrl(value: boolean) {
    this.toggleAttribute('sync-url', value)
  }

  /** Focuses the search box. */
  override focus(options?: FocusOptions): void {
    this.#input.focus(options)
  }

  connectedCallback(): void {
    this.#listeners?.abort()
    this.#listeners = new AbortController()
    const { signal } = this.#listeners
    document.addEventListener('keydown', (event) => this.#onDocumentKeydown(event), { signal })
    document.addEventListener('pointerdown', (event) => event.composedPath().includes(this) || this.#close(), { signal })
    window.addEventListener('online', () => this.#controller.state.status === 'error' && this.#controller.retry(), { signal })
    this.#darkQuery.addEventListener('change', () => this.#applyTheme(), { signal })
    this.#input.placeholder = this.placeholder
    this.#hint.textContent = hotkeyLabel(this.hotkey)
    this.#applyTheme()
    this.#restoreFromUrl()
  }

  disconnectedCallback(): void {
    this.#listeners?.abort()
    this.#listeners = undefined
    this.#sourcesRequest?.abort()
    this.#sourcesRequest = undefined
    this.#controller.dispose()
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue) return
    if (name === 'placeholder') this.#input.placeholder = this.placeholder
    else if (name === 'theme') this.#applyTheme()
    else if (name === 'hotkey') this.#hint.textContent = hotkeyLabel(this.hotkey)
    else {
      if (name === 'endpoint') {
        this.#client = undefined
        this.#controller.reset()
      }
      if (name === 'endpoint' || name === 'sources') {
        this.#selectedSources.clear()
        this.#availableSources = []
        this.#sourcesRequest?.abort()
        this.#sourcesRequest = undefined
      }
      if (this.#query) {
        this.#loadSources()
        this.#controller.run(this.#params(), true)
      }
    }
  }

  /** The query as typed, less leading space: a trailing space says the last word is complete. */
  get #query(): string {
    return this.#input.value.trimStart()
  }

  #params(): SearchParams {
    const allowed = splitIds(this.getAttribute('sources'))
    return { q: this.#query, limit: this.limit, sources: this.#selectedSources.size ? [...this.#selectedSources] : allowed }
  }

  #api(): ApiClient {
    return (this.#client ??= new ApiClient(this.endpoint))
  }

  #url(path: string): string {
    return this.#api().url(path)
  }

  /** Replaces a container's children, keeping the focus on the control with the same `key` attribute. */
  #replaceKeepingFocus(container: HTMLElement, key: string, children: (Node | string)[]): void {
    const focused = this.shadowRoot!.activeElement
    const value = focused && container.contains(focused) ? focused.getAttribute(key) : null
    container.replaceChildren(...children)
    if (value !== null) container.querySelector<HTMLElement>(`[${key}="${CSS.escape(value)}"]`)?.focus()
  }

  #readerUrl(sourceId: string, paragraphId: string): string {
    return readerUrl((path) => this.#url(path), sourceId, paragraphId, this.#query.trim())
  }

  /**
   * Dark or light: the `theme` attribute, else the host page's `color-scheme` (as the element's
   * parent has it) when it names one scheme, else the system's preference.
   */
  #applyTheme(): void {
    const theme = this.theme
    let dark = theme === 'dark'
    if (theme !== 'dark' && theme !== 'light') {
      const scheme = getComputedStyle(this.parentElement ?? document.documentElement).colorScheme
      const light = /\blight\b/.test(scheme)
      dark = light === /\bdark\b/.test(scheme) ? this.#darkQuery.matches : !light
    }
    this.#root.classList.toggle('dark', dark)
  }

  /** With `sync-url`, runs the search the page's address holds (`?q=…&source=…&hit=…`). */
  #restoreFromUrl(): void {
    const params = new URLSearchParams(location.search)
    const q = params.get('q')
    if (!this.syncUrl || !q) return
    this.#input.value = q
    this.#selectedSources = new Set(splitIds(params.get('source')))
    this.#pendingHit = params.get('hit') ?? undefined
    this.#open = true
    this.#loadSources()
    this.#controller.run(this.#params())
  }

  /** With `sync-url`, writes the search into the page's address (replacing the entry: typing adds no history). */
  #writeUrl(): void {
    if (!this.syncUrl) return
    const url = new URL(location.href)
    const state = this.#controller.state
    const option = this.#options[this.#active]
    const values = { q: state.status === 'idle' ? '' : state.params.q, source: [...this.#selectedSources].join(','), hit: option?.kind === 'result' ? option.hit.id : '' }
    for (const [name, value] of Object.entries(values)) value ? url.searchParams.set(name, value) : url.searchParams.delete(name)
    if (url.href !== location.href) history.replaceState(history.state, '', url)
  }

  #close(): void {
    if (!this.#open) return
    this.#open = false
    this.#render()
  }

  #onInput(): void {
    this.#open = true
    this.#loadSources()
    this.#controller.input(this.#params())
    if (!this.#query) this.#render()
  }

  #onDocumentKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || !matchesHotkey(event, this.hotkey)) return
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey
    if (plain && isTypingTarget(event)) return
    event.preventDefault()
    this.#input.focus()
    this.#input.select()
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return
    const count = this.#options.length
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault()
        if (!this.#open) {
          this.#open = true
          if (this.#query) this.#controller.run(this.#params())
          this.#render()
          return
        }
        if (!count) return
        const down = event.key === 'ArrowDown'
        this.#setActive(down ? (this.#active + 1) % count : this.#active <= 0 ? count - 1 : this.#active - 1)
        return
      }
      case 'Enter': {
        event.preventDefault()
        const option = this.#open ? this.#options[this.#active] : undefined
        if (option?.kind === 'suggestion') this.#acceptSuggestion(option.text)
        else if (option?.kind === 'result') this.#openHit(option.hit)
        else if (option?.kind === 'more') this.#more()
        else {
          this.#open = true
          this.#controller.run(this.#params())
          this.#render()
        }
        return
      }
      case 'Escape': {
        if (this.#open && (this.#query || count)) {
          event.preventDefault()
          this.#close()
        } else if (this.#input.value) {
          event.preventDefault()
          this.#input.value = ''
          this.#controller.clear()
        }
        return
      }
    }
  }

  #onOptionClick(event: MouseEvent, open: boolean): void {
    if (modified(event)) return
    event.preventDefault()
    const element = (event.target as Element).closest('[role="option"]')
    const index = element ? this.#optionElements.indexOf(element as HTMLElement) : -1
    const option = this.#options[index]
    if (!option) return
    if (option.kind === 'suggestion') return this.#acceptSuggestion(option.text)
    if (option.kind === 'more') return this.#more()
    if (open) return this.#openHit(option.hit)
    this.#setActive(index)
    // Stacked (a phone, a narrow column): bring the preview and its actions into view.
    if (this.#preview.getBoundingClientRect().top >= this.#listbox.getBoundingClientRect().bottom - 1) this.#preview.scrollIntoView({ block: 'nearest' })
    if ((event as PointerEvent).pointerType !== 'touch') this.#input.focus({ preventScroll: true })
  }

  #more(): void {
    const state = this.#controller.state
    if (state.status !== 'done') return
    this.#firstNew = state.response.hits.length
    this.#controller.more()
  }

  #onPreviewClick(event: MouseEvent): void {
    const target = (event.target as Element).closest('[data-action]')
    const option = this.#options[this.#active]
    if (!target || option?.kind !== 'result') return
    const action = target.getAttribute('data-action')
    if (action === 'open') {
      if (modified(event)) return
      event.preventDefault()
      this.#openHit(option.hit)
      return
    }
    if (action === 'context') this.#showContext = !this.#showContext
    if (action === 'related') this.#showRelated = !this.#showRelated
    this.#loadDetailsOfActive()
    this.#renderPreview()
  }

  #onFilterClick(event: MouseEvent): void {
    const button = (event.target as Element).closest('[data-source]')
    const id = button?.getAttribute('data-source')
    if (!id) return
    if (this.#selectedSources.has(id)) this.#selectedSources.delete(id)
    else this.#selectedSources.add(id)
    this.#renderFilters()
    if (this.#query) this.#controller.run(this.#params())
  }

  #acceptSuggestion(text: string): void {
    this.#input.value = text
    this.#input.focus()
    this.#open = true
    this.#controller.run(this.#params())
  }

  #openHit(hit: SearchHit): void {
    const url = this.#readerUrl(hit.source.id, hit.id)
    if (this.dispatchEvent(createEvent('paragraph-search:select', { hit, url }))) window.location.assign(url)
  }

  /** Fetches the list of sources for the filters, once (again after a failure or a new endpoint). */
  #loadSources(): void {
    if (this.#availableSources.length || this.#sourcesRequest) return
    const controller = (this.#sourcesRequest = new AbortController())
    this.#api()
      .sources(controller.signal)
      .then(
        (sources) => {
          if (controller !== this.#sourcesRequest) return
          const allowed = splitIds(this.getAttribute('sources'))
          this.#availableSources = allowed.length ? sources.filter((source) => allowed.includes(source.id)) : sources
          this.#renderFilters()
        },
        // Without the list the filters are not offered; the search itself reports real failures.
        () => {
          if (controller === this.#sourcesRequest) this.#sourcesRequest = undefined
        }
      )
  }

  #loadDetailsOfActive(): void {
    const option = this.#options[this.#active]
    if (option?.kind === 'result' && (this.#showContext || this.#showRelated)) this.#controller.loadDetails(option.hit.id)
  }

  #onSearch(state: SearchState): void {
    if (state.status === 'done') {
      const { params, response } = state
      if (!state.loadingMore && !state.extended) this.dispatchEvent(createEvent('paragraph-search:search', { query: params.q, sources: params.sources, total: response.total, hits: response.hits }))
    }
    if (state.status !== 'loading') this.#render()
    else this.#renderStatus()
  }

  #onSuggestions(suggestions: Suggestion[], query: string): void {
    const typed = query.toLowerCase()
    const shown = suggestions.filter((suggestion) => suggestion.text.toLowerCase() !== typed).slice(0, MAX_SUGGESTIONS)
    if (query && query !== this.#query) return
    if (!shown.length && !this.#suggestions.length) return
    this.#suggestions = shown
    this.#render()
  }

  /** Redraws the options from the current state; keeps the active result when it is still listed. */
  #render(): void {
    const state = this.#controller.state
    const activeOption = this.#options[this.#active]
    const activeId = activeOption?.kind === 'result' ? activeOption.hit.id : undefined
    const done = state.status === 'done' ? state : undefined
    const hits = done?.response.hits ?? []
    const total = done?.response.total ?? 0
    const suggestions = state.status === 'idle' ? [] : this.#suggestions
    this.#options = [
      ...suggestions.map((s): Option => ({ kind: 'suggestion', text: s.text })),
      ...hits.map((hit): Option => ({ kind: 'result', hit })),
      ...(hits.length < total ? [{ kind: 'more' } as const] : []),
    ]
    this.#optionElements = this.#options.map((option, i) => {
      const id = `option-${i}`
      if (option.kind === 'suggestion') return suggestionOption(option.text, id)
      if (option.kind === 'result') return resultOption(option.hit, id, this.#readerUrl(option.hit.source.id, option.hit.id))
      return moreOption(id, Math.min(this.limit, total - hits.length), total - hits.length)
    })
    const groups = [
      suggestions.length && optionGroup('Suggestions', 'suggestions-label', 'suggestions', this.#optionElements.slice(0, suggestions.length)),
      hits.length && optionGroup('Paragraphs', 'results-label', 'results', this.#optionElements.slice(suggestions.length)),
    ]
    this.#listbox.replaceChildren(...groups.filter((group): group is HTMLElement => Boolean(group)))
    const visible = this.#open && this.#options.length > 0 && state.status !== 'idle'
    const indexOfHit = (id: string | undefined) => this.#options.findIndex((option) => option.kind === 'result' && option.hit.id === id)
    let kept = activeId === undefined || !visible ? -1 : indexOfHit(activeId)
    let scroll = false
    if (done && !done.loadingMore && this.#firstNew !== undefined) {
      kept = suggestions.length + this.#firstNew
      scroll = true
      this.#firstNew = undefined
    }
    if (done && this.#pendingHit !== undefined) {
      const found = indexOfHit(this.#pendingHit)
      // A hit further down than the first page: fetch pages until it is listed.
      if (found >= 0 || hits.length >= total) this.#pendingHit = undefined
      else if (!done.loadingMore) queueMicrotask(() => this.#controller.more())
      if (found >= 0) {
        kept = found
        scroll = true
      }
    }
    this.#active = kept
    this.#panel.hidden = !visible
    this.#input.setAttribute('aria-expanded', String(visible))
    this.#renderFilters()
    this.#renderStatus()
    this.#applyTheme()
    this.#setActive(kept, scroll)
  }

  #renderStatus(): void {
    const state = this.#controller.state
    const loading = state.status === 'loading'
    this.#field.classList.toggle('busy', loading)
    this.#listbox.setAttribute('aria-busy', String(loading))
    const text = this.#open ? (state.status === 'done' && state.loadingMore ? 'Loading more results…' : statusText(state, this.#selectedSources.size > 0, this.#suggestions.length > 0)) : ''
    const error = state.status === 'error' && this.#open
    this.#status.classList.toggle('error', error)
    // Rewrite the live region only when its words change, so nothing is announced twice.
    if (this.#status.firstChild?.textContent === text && Boolean(this.#status.querySelector('button')) === error) return
    this.#status.replaceChildren(text, error ? h('button', { type: 'button', part: 'retry' }, 'Try again') : '')
  }

  #renderFilters(): void {
    const state = this.#controller.state
    const sources = this.#availableSources
    this.#filters.hidden = !this.#open || state.status === 'idle' || sources.length < 2
    if (this.#filters.hidden) return
    // The API counts matches per source ignoring the source filter, so every filter gets its count.
    const counts = state.status === 'done' ? state.response.facets.source : undefined
    this.#replaceKeepingFocus(this.#filters, 'data-source', [
      ...sources.map((source) => sourceFilter(source, this.#selectedSources.has(source.id), counts && (counts[source.id] ?? 0))),
    ])
  }

  #setActive(index: number, scroll = true): void {
    const previous = this.#optionElements[this.#active]
    if (previous && this.#active !== index) {
      previous.classList.remove('active')
      previous.setAttribute('aria-selected', 'false')
    }
    this.#active = index
    const element = this.#optionElements[index]
    if (element) {
      element.classList.add('active')
      element.setAttribute('aria-selected', 'true')
      this.#input.setAttribute('aria-activedescendant', element.id)
      if (scroll) element.scrollIntoView({ block: 'nearest' })
    } else {
      this.#input.removeAttribute('aria-activedescendant')
    }
    this.#loadDetailsOfActive()
    this.#renderPreview()
    this.#writeUrl()
  }

  #renderPreview(): void {
    const option = this.#options[this.#active]
    if (option?.kind !== 'result') {
      this.#preview.replaceChildren(...previewHint())
      return
    }
    const { hit } = option
    this.#replaceKeepingFocus(
      this.#preview,
      'data-action',
      previewContent({
        hit,
        url: this.#readerUrl(hit.source.id, hit.id),
        urlOf: (sourceId, paragraphId) => this.#readerUrl(sourceId, paragraphId),
        factUrl: (factId) => `${this.#url('compare')}#fact-${encodeURIComponent(factId)}`,
        details: this.#details,
        showContext: this.#showContext,
        showRelated: this.#showRelated,
      }).filter((child): child is Node | string => Boolean(child))
    )
  }
}

/** Typed listeners for the element's own events. */
export interface ParagraphSearchElement {
  addEventListener<K extends keyof ParagraphSearchEventMap>(type: K, listener: (this: ParagraphSearchElement, event: ParagraphSearchEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ParagraphSearchElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void
  removeEventListener<K extends keyof ParagraphSearchEventMap>(type: K, listener: (this: ParagraphSearchElement, event: ParagraphSearchEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ParagraphSearchElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void
}
