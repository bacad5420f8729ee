/**
 * @module
 * Probe Worker with the index bundled as text modules, as the Worker had it before the index
 * moved to static assets (see `probe-worker.ts`).
 */
import indexJson from '../../../index/index.json'
import manifestJson from '../../../index/manifest.json'
import vocabularyJson from '../../../index/vocabulary.json'
import { probeWorker } from './probe-worker.ts'

export default probeWorker(() => ({ index: indexJson, vocabulary: vocabularyJson, manifest: manifestJson }))
