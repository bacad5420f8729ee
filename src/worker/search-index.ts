/**
 * @module
 * The index, loaded once per isolate from the Worker's static assets (the build writes it there,
 * see `index-assets.ts`): not bundled, so its size is not bounded by the Worker's script size and
 * parsing it is not part of start-up. The first request of an isolate starts the load; every
 * request, that one included, waits for the same promise.
 */
import { loadIndex, type LoadedIndex } from '../core/loaded-index.ts'
import type { Env } from './env.ts'
import { readIndexAssets } from './index-assets.ts'

let loading: Promise<LoadedIndex> | undefined

/**
 * The loaded index, shared by every request this isolate serves. A failed load is not kept, so
 * the next request tries again.
 *
 * @param env - The Worker's bindings: the index is read through `ASSETS`.
 */
export function searchIndex(env: Pick<Env, 'ASSETS'>): Promise<LoadedIndex> {
  loading ??= readIndexAssets((path) => env.ASSETS.fetch(new URL(path, 'https://assets.local')))
    .then(loadIndex)
    .catch((error: unknown) => {
      loading = undefined
      throw error
    })
  return loading
}

