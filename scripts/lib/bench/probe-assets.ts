/**
 * @module
 * Probe Worker that reads the index from static assets, as the Worker does (see `probe-worker.ts`).
 */
import { readIndexAssets } from '../../../src/worker/index-assets.ts'
import { probeWorker } from './probe-worker.ts'

export default probeWorker((env) => readIndexAssets((path) => env.ASSETS.fetch(new URL(path, 'https://assets.local'))))
