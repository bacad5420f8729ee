/**
 * @module
 * Where things are in the project, for the command-line scripts.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root folder. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')

/** The folder Workers static assets serve (`[assets]` in wrangler.toml): the widget and the index. */
export const ASSETS_DIR = resolve(ROOT, 'dist', 'assets')
