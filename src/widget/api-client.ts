/**
 * @module
 * The widget's view of the search API (`/api/search`, `/api/suggest`, `/api/paragraphs/:id`,
 * `/api/sources`): fetch wrappers that turn every failure into an {@link ApiError} saying what
 * happened. The response types are the API's own, declared once in `src/core/api-types.ts`.
 */
import type { ApiParagraph, ApiRelatedParagraph, ApiSource, ParagraphDetails, SearchHit, SearchResponse, Suggestion } from '../core/api-types.ts'

/** A source's public metadata; unknown facts are empty strings. */
export type SourceInfo = ApiSource
/** A paragraph next to another one, as `/api/paragraphs/:id` lists them. */
export type ContextParagraph = ApiParagraph
/** A paragraph of another source that reports the same thing. */
export type RelatedParagraph = ApiRelatedParagraph
export type { ParagraphDetails, SearchHit, SearchResponse, Suggestion }

/** Milliseconds a request may take before it is given up ("did not answer in time"). */
export const REQUEST_TIMEOUT_MS = 8000

/**
 * A failed API request: offline, server unreachable, no answer in time, or an error answer.
 * `message` is a sentence a reader can act on; the widget shows it as it is.
 */
export class ApiError extends Error {}

/** Parameters of a search. */
export type SearchParams = {
  /** The query. */
  q: string
  /** Most hits to return. */
  limit: number
  /** Source ids to search in; all when empty. */
  sources: string[]
  /** Hits to skip (for "Show more"). Default 0. */
  offset?: number
}

/** Whether an error is the one `AbortController.abort()` causes. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** Calls the API at one endpoint. */
export class ApiClient {
  readonly #base: URL

  /** @param endpoint - Absolute URL the API's `/api/...` paths are relative to. */
  constructor(endpoint: string) {
    this.#base = new URL(endpoint.endsWith('/') ? endpoint : `${endpoint}/`)
  }

  /** Absolute URL of a path under the endpoint (`sources/x` => `https://host/sources/x`). */
  url(path: string): string {
    return new URL(path, this.#base).href
  }

  /** `GET /api/search`. */
  search({ q, limit, sources, offset }: SearchParams, signal: AbortSignal): Promise<SearchResponse> {
    const params = new URLSearchParams({ q, limit: String(limit) })
    if (sources.length) params.set('source', sources.join(','))
    if (offset) params.set('offset', String(offset))
    return this.#get(`api/search?${params}`, signal)
  }

  /** `GET /api/suggest`. */
  async suggest(q: string, signal: AbortSignal): Promise<Suggestion[]> {
    const body = await this.#get<{ suggestions: Suggestion[] }>(`api/suggest?${new URLSearchParams({ q })}`, signal)
    return body.suggestions
  }

  /** `GET /api/paragraphs/:id`. */
  paragraph(id: string, signal: AbortSignal): Promise<ParagraphDetails> {
    return this.#get(`api/paragraphs/${encodeURIComponent(id)}`, signal)
  }

  /** `GET /api/sources`. */
  async sources(signal: AbortSignal): Promise<SourceInfo[]> {
    return (await this.#get<{ sources: SourceInfo[] }>('api/sources', signal)).sources
  }

  async #get<T>(path: string, signal: AbortSignal): Promise<T> {
    const url = this.url(path)
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    const both = AbortSignal.any([signal, timeout])
    let response: Response
    let body: (T & { error?: { message?: string } }) | null
    try {
      response = await fetch(url, { signal: both, credentials: 'omit' })
      body = await response.json().catch(() => {
        both.throwIfAborted()
        return null
      })
    } catch (error) {
      signal.throwIfAborted()
      if (timeout.aborted) throw new ApiError(`${this.#base.host} did not answer in time.`)
      if (!navigator.onLine) throw new ApiError('You are offline. The search will run again when the connection is back.')
      throw new ApiError(`Could not reach ${this.#base.host}. Check the connection.`)
    }
    signal.throwIfAborted()
    if (!response.ok || body === null) {
      const reason = body?.error?.message ?? `the server answered ${response.status} ${response.statusText}`.trim()
      throw new ApiError(`The search failed: ${reason}.`)
    }
    return body
  }
}
