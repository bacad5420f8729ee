/**
 * @module
 * The Worker's environment: bindings and vars from wrangler.toml, and per-request variables.
 */
import type { IndexReader } from '../core/index-reader.ts'
import type { LoadedIndex } from '../core/loaded-index.ts'

/** Bindings and vars (see wrangler.toml). */
export type Env = {
  /** The static assets, among them the index files under `/_index/` (see `index-assets.ts`). */
  ASSETS: Fetcher
  /** Origins allowed to call the API from a browser: `*` for any, or a comma-separated list. */
  CORS_ORIGINS?: string
  /** The D1 database holding the index when the manifest's engine is `d1` (see `engines/d1-engine.ts`). */
  INDEX_DB?: D1Database
  /** The Workers rate-limiting binding counting requests per client (`[[ratelimits]]`); absent, nothing is limited. */
  RATE_LIMITER?: RateLimit
  /** Paths rate-limited, comma-separated (default `/api/search,/api/suggest`); empty to limit none. */
  RATE_LIMITED_PATHS?: string
  /** The rate limiter's period in seconds (as in `[[ratelimits]]`), sent as `Retry-After`. Default 60. */
  RATE_LIMIT_PERIOD?: string
  /** Milliseconds an API request may take before it is answered 503 (default 2000). */
  QUERY_TIMEOUT_MS?: string
}

/** The Hono environment of every route: bindings, and the loaded index as a request variable. */
export type AppEnv = {
  Bindings: Env
  Variables: {
    /** The search index's shared parts (manifest, sources, vocabulary), loaded once per isolate. */
    index: LoadedIndex
    /** Runs the query layer on an index holding what it reads (see `core/index-reader.ts`). */
    read: IndexReader['read']
    /** The engine's precomputed answer to a search, if it keeps one (see `core/prefix-answers.ts`). */
    precomputed: NonNullable<IndexReader['precomputed']> | undefined
  }
}
