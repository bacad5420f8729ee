/**
 * @module
 * The Worker: the app serving the index the build prepared for it, bundled or in its static
 * assets, loaded once per isolate (see `search-index.ts`).
 */
import { createApp } from './app.ts'
import { searchIndex } from './search-index.ts'

export default createApp({ index: searchIndex })
