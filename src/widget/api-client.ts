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

/** Why a request failed: `offline` (no network), `network` (server unreachable), `http` (an error answer). */
export type ApiErrorKind = 'offline' | 'network' | 'http'

/** A failed API request. `message` is a sentence a reader can act on. */
export class ApiError extends Error {
  /** What kind of failure it was. */
  readonly kind: ApiErrorKind
  /** The HTTP status, for `http` failures. */
  readonly status: number

  constructor(kind: ApiErrorKind, message: string, status = 0) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
  }
}

/** Parameters of a search. */
export type SearchParams = {
  /** The query. */
  q: string
  /** Most hits to return. */
  limit: number
  /** Source ids to search in; all when empty. */
  sources: string[]
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
  search({ q, limit, sources }: SearchParams, signal: AbortSignal): Promise<SearchResponse> {
    const params = new URLSearchParams({ q, limit: String(limit) })
    if (sources.length) params.set('source', sources.join(','))
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
    let response: Response
    try {
      response = await fetch(url, { signal, credentials: 'omit' })
    } catch (error) {
      if (isAbortError(error)) throw error
      if (!navigator.onLine) throw new ApiError('offline', 'You are offline. The search will run again when the connection is back.')
      throw new ApiError('network', `The search service at ${this.#base.host} could not be reached. Check the connection and try again.`)
    }
    const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null
    signal.throwIfAborted()
    if (!response.ok || body === null) {
      const reason = body?.error?.message ?? `the server answered ${response.status} ${response.statusText}`.trim()
      throw new ApiError('http', `The search failed: ${reason}.`, response.status)
    }
    return body
  }
}
