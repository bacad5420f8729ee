/**
 * @module
 * The Worker: the app serving the index bundled with it.
 */
import { createApp } from './app.ts'
import { searchIndex } from './search-index.ts'

export default createApp({ index: () => searchIndex })
