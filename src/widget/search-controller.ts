/**
 * @module
 * The widget's behaviour, free of rendering: debounced as-you-type search and suggestions, one
 * `AbortController` per request so a superseded request is cancelled and a stale answer can never
 * replace a newer one, and the details (context, related paragraphs) of one paragraph at a time.
 */
import { ApiError, isAbortError, type ApiClient, type ParagraphDetails, type SearchParams, type SearchResponse, type Suggestion } from './api-client.ts'

/** Where the search stands. */
export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; params: SearchParams }
  | {
      status: 'done'
      params: SearchParams
      response: SearchResponse
      /** A "Show more" request is on its way. */
      loadingMore?: boolean
      /** The hits are a page more of the search shown before (not a new search). */
      extended?: boolean
    }
  | { status: 'error'; params: SearchParams; error: ApiError }

/** Where the details of the paragraph being looked at stand. */
export type DetailsState =
  | { status: 'idle' }
  | { status: 'loading'; id: string }
  | { status: 'done'; id: string; details: ParagraphDetails }
  | { status: 'error'; id: string; error: ApiError }

/** Options of {@link SearchController}. */
export type SearchControllerOptions = {
  /** The API client (read on every request, so a changed endpoint takes effect at once). */
  client: () => ApiClient
  /** Called whenever the search state changes. */
  onSearch: (state: SearchState) => void
  /** Called with the suggestions for the query being typed (empty to clear them). */
  onSuggestions: (suggestions: Suggestion[], query: string) => void
  /** Called whenever the details state changes. */
  onDetails: (state: DetailsState) => void
  /** Milliseconds of quiet typing before a search is sent. Default 120. */
  debounceMs?: number
}

function sameParams(a: SearchParams, b: SearchParams): boolean {
  return a.q === b.q && a.limit === b.limit && a.sources.join() === b.sources.join()
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(`The search failed: ${error instanceof Error ? error.message : String(error)}.`)
}

/** Runs searches for one widget. */
export class SearchController {
  readonly #options: Required<SearchControllerOptions>
  #timer: ReturnType<typeof setTimeout> | undefined
  #search: AbortController | undefined
  #suggest: AbortController | undefined
  #details: AbortController | undefined
  #detailsCache = new Map<string, ParagraphDetails>()
  #state: SearchState = { status: 'idle' }

  constructor(options: SearchControllerOptions) {
    this.#options = { debounceMs: 120, ...options }
  }

  /** The current search state. */
  get state(): SearchState {
    return this.#state
  }

  /** The query was edited: search after a short pause (at once when it was cleared). */
  input(params: SearchParams): void {
    clearTimeout(this.#timer)
    if (!params.q) {
      this.clear()
      return
    }
    this.#timer = setTimeout(() => this.run(params), this.#options.debounceMs)
  }

  /**
   * Searches now, cancelling any request still running. Does nothing when the same search is
   * already shown or on its way, unless `force` is set.
   */
  run(params: SearchParams, force = false): void {
    clearTimeout(this.#timer)
    if (!params.q) return this.clear()
    const current = this.#state
    if (!force && current.status !== 'idle' && current.status !== 'error' && sameParams(current.params, params)) return
    this.#search?.abort()
    const controller = (this.#search = new AbortController())
    this.#setState({ status: 'loading', params })
    this.#options
      .client()
      .search(params, controller.signal)
      .then(
        (response) => controller === this.#search && this.#setState({ status: 'done', params, response }),
        (error: unknown) => !isAbortError(error) && controller === this.#search && this.#setState({ status: 'error', params, error: asApiError(error) })
      )
    this.#runSuggest(params.q)
  }

  /** Fetches the next page of the results shown and appends it to them ("Show more"). */
  more(): void {
    const current = this.#state
    if (current.status !== 'done' || current.loadingMore || current.response.hits.length >= current.response.total) return
    const { params, response } = current
    const controller = (this.#search = new AbortController())
    this.#setState({ ...current, loadingMore: true })
    this.#options
      .client()
      .search({ ...params, offset: response.hits.length }, controller.signal)
      .then(
        (page) => controller === this.#search && this.#setState({ status: 'done', params, response: { ...page, hits: [...response.hits, ...page.hits] }, extended: true }),
        (error: unknown) => !isAbortError(error) && controller === this.#search && this.#setState({ status: 'error', params, error: asApiError(error) })
      )
  }

  /** Runs the last search again (after an error, or when the network is back). */
  retry(): void {
    const current = this.#state
    if (current.status !== 'idle') this.run(current.params, true)
  }

  /** Cancels everything and goes back to idle. */
  clear(): void {
    clearTimeout(this.#timer)
    this.#search?.abort()
    this.#suggest?.abort()
    this.#search = this.#suggest = undefined
    this.#options.onSuggestions([], '')
    this.#setState({ status: 'idle' })
  }

  /** Loads the context and related paragraphs of one paragraph (cached), cancelling the previous load. */
  loadDetails(id: string): void {
    this.#details?.abort()
    const cached = this.#detailsCache.get(id)
    if (cached) return this.#options.onDetails({ status: 'done', id, details: cached })
    const controller = (this.#details = new AbortController())
    this.#options.onDetails({ status: 'loading', id })
    this.#options
      .client()
      .paragraph(id, controller.signal)
      .then(
        (details) => {
          this.#detailsCache.set(id, details)
          if (controller === this.#details) this.#options.onDetails({ status: 'done', id, details })
        },
        (error: unknown) => !isAbortError(error) && controller === this.#details && this.#options.onDetails({ status: 'error', id, error: asApiError(error) })
      )
  }

  /** Stops timers and cancels every request: the widget left the page. */
  dispose(): void {
    clearTimeout(this.#timer)
    for (const controller of [this.#search, this.#suggest, this.#details]) controller?.abort()
    this.#search = this.#suggest = this.#details = undefined
  }

  /** Forgets cached details (the endpoint changed). */
  reset(): void {
    this.dispose()
    this.#detailsCache.clear()
    this.#state = { status: 'idle' }
  }

  #runSuggest(q: string): void {
    this.#suggest?.abort()
    const controller = (this.#suggest = new AbortController())
    this.#options
      .client()
      .suggest(q, controller.signal)
      .then(
        (suggestions) => controller === this.#suggest && this.#options.onSuggestions(suggestions, q),
        // Suggestions are a nicety: when they fail, the search's own state says what went wrong.
        () => controller === this.#suggest && this.#options.onSuggestions([], q)
      )
  }

  #setState(state: SearchState): void {
    this.#state = state
    this.#options.onSearch(state)
  }
}
