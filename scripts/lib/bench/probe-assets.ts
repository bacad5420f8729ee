/**
 * @module
 * Probe Worker that reads the index from static assets, as the Worker does (see `probe-worker.ts`).
 */
import { readIndexFromBinding } from '../../../src/worker/index-assets.ts'
import { probeWorker } from './probe-worker.ts'

export default probeWorker((env) => readIndexFromBinding(env.ASSETS))
