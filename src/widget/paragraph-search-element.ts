/**
 * @module
 * `<paragraph-search>`: a search box over the corpus, with results as an ARIA combobox and
 * listbox, a preview pane with "Show in context" and "Also reported by", and source filters.
 * The element owns the DOM and the keyboard; searching is the {@link SearchController}'s job.
 */
import { ApiClient, type SearchHit, type SearchParams, type SourceInfo, type Suggestion } from './api-client.ts'
import { createEvent, type ParagraphSearchEventMap } from './events.ts'
import { DEFAULT_HOTKEY, hotkeyLabel, isTypingTarget, matchesHotkey } from './hotkey.ts'
import { h, optionGroup, previewContent, previewHint, readerUrl, resultOption, searchIcon, sourceFilter, statusText, suggestionOption } from './render.ts'
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

type Option = { kind: 'suggestion'; text: string } | { kind: 'result'; hit: SearchHit }

let sharedSheet: CSSStyleSheet | undefined

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
  static observedAttributes = ['endpoint', 'placeholder', 'limit', 'sources', 'hotkey']

  /**
   * Registers the element under `tag` and returns the class.
   *
   * @param tag - The tag name. Default `paragraph-search`.
   * @param registry - The registry. Default `customElements`.
   * @throws DOMException (`NotSupportedError`) when the tag is already defined.
   */
  static define(tag = 'paragraph-search', registry: CustomElementRegistry = customElements): typeof ParagraphSearchElement {
    registry.define(tag, this)
    return this
  }

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

  constructor() {
    super()
    const root = this.attachShadow({ mode: 'open' })
    if ('adoptedStyleSheets' in root) {
      sharedSheet ??= new CSSStyleSheet()
      if (!sharedSheet.cssRules.length) sharedSheet.replaceSync(WIDGET_CSS)
      root.adoptedStyleSheets = [sharedSheet]
    } else {
      ;(root as ShadowRoot).append(h('style', {}, WIDGET_CSS))
    }
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
    this.#field = h('div', { class: 'field', part: 'field' }, searchIcon(), this.#input, h('span', { class: 'spinner', 'aria-hidden': 'true' }), this.#hint)
    this.#filters = h('div', { class: 'filters', part: 'filters', role: 'group', 'aria-label': 'Filter by source', hidden: true })
    this.#status = h('div', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' })
    this.#listbox = h('div', { id: 'listbox', role: 'listbox', part: 'listbox', 'aria-label': 'Search results' })
    this.#preview = h('section', { class: 'preview', part: 'preview', 'aria-label': 'Selected result' })
    this.#panel = h('div', { class: 'panel', part: 'panel', hidden: true }, this.#listbox, this.#preview)
    root.append(h('div', { part: 'container' }, this.#field, this.#filters, this.#status, this.#panel))

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

  /** Focuses the search box. */
  override focus(options?: FocusOptions): void {
    this.#input.focus(options)
  }

  connectedCallback(): void {
    this.#listeners?.abort()
    this.#listeners = new AbortController()
    const { signal } = this.#listeners
    document.addEventListener('keydown', (event) => this.#onDocumentKeydown(event), { signal })
    window.addEventListener('online', () => this.#controller.state.status === 'error' && this.#controller.retry(), { signal })
    this.#input.placeholder = this.placeholder
    this.#hint.textContent = hotkeyLabel(this.hotkey)
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
    return readerUrl((path) => this.#url(path), sourceId, paragraphId)
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
          this.#open = false
          this.#render()
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
    const element = (event.target as Element).closest('[role="option"]')
    const index = element ? this.#optionElements.indexOf(element as HTMLElement) : -1
    const option = this.#options[index]
    if (!option) return
    if (option.kind === 'suggestion') return this.#acceptSuggestion(option.text)
    if (open) return this.#openHit(option.hit)
    this.#setActive(index)
    this.#input.focus({ preventScroll: true })
  }

  #onPreviewClick(event: MouseEvent): void {
    const target = (event.target as Element).closest('[data-action]')
    const option = this.#options[this.#active]
    if (!target || option?.kind !== 'result') return
    const action = target.getAttribute('data-action')
    if (action === 'open') {
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
    if (this.dispatchEvent(createEvent('select', { hit, url }))) window.location.assign(url)
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
      this.dispatchEvent(createEvent('search', { query: params.q, sources: params.sources, total: response.total, hits: response.hits }))
    }
    if (state.status !== 'loading') this.#render()
    else this.#renderStatus()
  }

  #onSuggestions(suggestions: Suggestion[], query: string): void {
    const typed = query.toLowerCase()
    const shown = suggestions.filter((suggestion) => suggestion.text.toLowerCase() !== typed).slice(0, MAX_SUGGESTIONS)
    if (query && query !== this.#query) return
    if (shown.map((s) => s.text).join('\n') === this.#suggestions.map((s) => s.text).join('\n')) return
    this.#suggestions = shown
    this.#render()
  }

  /** Redraws the options from the current state; keeps the active result when it is still listed. */
  #render(): void {
    const state = this.#controller.state
    const activeOption = this.#options[this.#active]
    const activeId = activeOption?.kind === 'result' ? activeOption.hit.id : undefined
    const hits = state.status === 'done' ? state.response.hits : []
    const suggestions = state.status === 'idle' ? [] : this.#suggestions
    this.#options = [...suggestions.map((s): Option => ({ kind: 'suggestion', text: s.text })), ...hits.map((hit): Option => ({ kind: 'result', hit }))]
    this.#optionElements = this.#options.map((option, i) => (option.kind === 'suggestion' ? suggestionOption(option.text, `option-${i}`) : resultOption(option.hit, `option-${i}`)))
    const groups = [
      suggestions.length && optionGroup('Suggestions', 'suggestions-label', 'suggestions', this.#optionElements.slice(0, suggestions.length)),
      hits.length && optionGroup('Paragraphs', 'results-label', 'results', this.#optionElements.slice(suggestions.length)),
    ]
    this.#listbox.replaceChildren(...groups.filter((group): group is HTMLElement => Boolean(group)))
    const visible = this.#open && this.#options.length > 0 && state.status !== 'idle'
    const kept = activeId === undefined || !visible ? -1 : this.#options.findIndex((option) => option.kind === 'result' && option.hit.id === activeId)
    this.#active = kept
    this.#panel.hidden = !visible
    this.#input.setAttribute('aria-expanded', String(visible))
    this.#renderFilters()
    this.#renderStatus()
    this.#setActive(kept, false)
  }

  #renderStatus(): void {
    const state = this.#controller.state
    const loading = state.status === 'loading'
    this.#field.classList.toggle('busy', loading)
    this.#listbox.setAttribute('aria-busy', String(loading))
    const text = this.#open ? statusText(state, this.#selectedSources.size > 0) : ''
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
      h('span', { class: 'filters-label', 'aria-hidden': 'true' }, 'Sources'),
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
