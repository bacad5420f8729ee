/**
 * @module
 * The Worker's environment: bindings and vars from wrangler.toml, and per-request variables.
 */
import type { LoadedIndex } from '../core/loaded-index.ts'

/** Bindings and vars (see wrangler.toml). */
export type Env = {
  /** The static assets, among them the index files under `/_index/` (see `index-assets.ts`). */
  ASSETS: Fetcher
  /** Origins allowed to call the API from a browser: `*` for any, or a comma-separated list. */
  CORS_ORIGINS?: string
}

/** The Hono environment of every route: bindings, and the loaded index as a request variable. */
export type AppEnv = {
  Bindings: Env
  Variables: {
    /** The search index, loaded once per isolate. */
    index: LoadedIndex
  }
}
