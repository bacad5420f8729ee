/**
 * @module
 * The index, bundled with the Worker and loaded once per isolate, at module scope: start-up may
 * take up to a second of CPU, a request only milliseconds.
 */
import indexJson from '../../index/index.json'
import manifestJson from '../../index/manifest.json'
import vocabularyJson from '../../index/vocabulary.json'
import { loadIndex, type LoadedIndex } from '../core/loaded-index.ts'

/** The loaded index, shared by every request this isolate serves. */
export const searchIndex: LoadedIndex = loadIndex({ index: indexJson, vocabulary: vocabularyJson, manifest: manifestJson })
