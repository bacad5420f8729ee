/**
 * @module
 * Where the Worker's index comes from, loaded once per isolate:
 * - a small index is bundled with the Worker (text modules the build writes into
 *   `dist/bundled-index/`) and loaded here at module scope, in the start-up budget;
 * - a larger one is read from the static assets (see `index-assets.ts`) by the first request of
 *   an isolate, part by part; every request, that one included, awaits the same load, which is
 *   kept alive with `waitUntil` so a client hanging up cannot cancel it for the others;
 * - when the manifest's engine is `d1` (`engine.txt`, written by the build), from D1 instead
 *   (`engines/d1-engine.ts`), a query's worth at a time.
 */
import bundledEngine from '../../dist/bundled-index/engine.txt'
import bundledIndex from '../../dist/bundled-index/index.txt'
import bundledManifest from '../../dist/bundled-index/manifest.txt'
import bundledVocabulary from '../../dist/bundled-index/vocabulary.txt'
import type { EngineHead } from '../core/index-artifacts.ts'
import { loadIndex, type LoadedIndex } from '../core/loaded-index.ts'
import { d1IndexProvider } from './engines/d1-engine.ts'
import type { IndexProvider } from './app.ts'
import type { Env } from './env.ts'
import { readIndexFromBinding } from './index-assets.ts'

/** The bundled index, loaded at start-up, or `undefined` when the build left it to the assets. */
const bundled: LoadedIndex | undefined =
  bundledIndex === '' ? undefined : loadIndex({ index: bundledIndex, vocabulary: bundledVocabulary, manifest: bundledManifest })

/**
 * A provider reading the index from the static assets once, on first use. A failed load is
 * forgotten, so the next request tries again.
 *
 * @example
 * const fromAssets = assetsIndexProvider()
 * await fromAssets(env, ctx) // => the loaded index
 */
export function assetsIndexProvider(): (env: Pick<Env, 'ASSETS'>, ctx?: Pick<ExecutionContext, 'waitUntil'>) => Promise<LoadedIndex> {
  let loading: Promise<LoadedIndex> | undefined
  return (env, ctx) => {
    if (!loading) {
      loading = readIndexFromBinding(env.ASSETS)
        .then(loadIndex)
        .catch((error: unknown) => {
          loading = undefined
          throw error
        })
      // The load outlives the request that started it: others are waiting on it.
      ctx?.waitUntil(loading.catch(() => {}))
    }
    return loading
  }
}

const fromAssets = assetsIndexProvider()

/** The engine the build chose (`engine.txt`, from the manifest). */
export const engine: EngineHead['engine'] = (JSON.parse(bundledEngine) as EngineHead).engine

/**
 * The Worker's index: in D1 when the manifest says so, else the bundled one if there is one, else
 * the static assets' (see the module).
 */
export const searchIndex: IndexProvider = engine === 'd1' ? d1IndexProvider() : (env, ctx) => bundled ?? fromAssets(env, ctx)
