/**
 * @module
 * A {@link PostingStore} over MiniSearch's serialised index, in memory: the store-backed reader's
 * logic tested in Node without D1 (the D1 store itself is tested in workerd).
 */
import type { AsPlainObject } from 'minisearch'
import { decodePostings, encodePostingsParts, joinPostings } from '../../src/core/compact-postings.ts'
import { indexOfPhrase, textTerms } from '../../src/core/highlight.ts'
import type { StoredParagraph } from '../../src/core/index-options.ts'
import { foldWord, tokenize } from '../../src/core/terms.ts'
import type { PostingStore, StoredDocument, TermPostings } from '../../src/core/index-reader.ts'

/** The store, and counts of what was asked of it. */
export function memoryStore(indexJson: string): PostingStore & { calls: { postings: number; documents: number; compactPostings: number; texts: number } } {
  const plain = JSON.parse(indexJson) as AsPlainObject
  const terms = new Map(plain.index as [string, TermPostings][])
  const order = new Map(plain.index.map(([term], i) => [term, i]))
  const byId = new Map(Object.entries(plain.documentIds).map(([shortId, id]) => [String(id), Number(shortId)]))
  const document = (shortId: number, withBody: boolean): StoredDocument | undefined => {
    if (plain.documentIds[shortId] === undefined) return undefined
    const { text, related, ...head } = plain.storedFields[shortId] as StoredParagraph
    const found: StoredDocument = { shortId, id: String(plain.documentIds[shortId]), lengths: plain.fieldLength[shortId] as (number | null)[], head }
    return withBody ? { ...found, body: { text, related } } : found
  }
  // `texts`: paragraphs whose texts were asked for.
  const calls = { postings: 0, documents: 0, compactPostings: 0, texts: 0 }
  return {
    calls,
    async postings(wanted) {
      calls.postings++
      return new Map(wanted.filter((term) => terms.has(term)).map((term) => [term, terms.get(term)!]))
    },
    async documents({ shortIds = [], ids = [], all = false, bodies = false }) {
      calls.documents++
      calls.texts += (bodies ? shortIds.length : 0) + ids.length
      const heads = all ? [...byId.values()] : shortIds
      const whole = ids.map((id) => byId.get(id)).filter((shortId) => shortId !== undefined)
      return [...heads.map((shortId) => document(shortId, bodies)), ...whole.map((shortId) => document(shortId, true))].filter((found) => found !== undefined)
    },
    async compactPostings(wanted, phrases = [], words = []) {
      calls.compactPostings++
      // Through the compact text, as D1 keeps it, in parts small enough to be split.
      const postings = new Map(wanted.filter((term) => terms.has(term)).map((term) => [term, joinPostings(encodePostingsParts(terms.get(term)!, 40).map(decodePostings))] as const))
      // A phrase's paragraphs, from their texts (D1 asks FTS5).
      const texts = Object.entries(plain.storedFields).map(([shortId, stored]) => [Number(shortId), textTerms((stored as StoredParagraph).text)] as const)
      const found = phrases.map((phrase) => Uint32Array.from(texts.filter(([, inText]) => indexOfPhrase(inText, phrase.map((terms) => new Set(terms))) >= 0).map(([shortId]) => shortId)))
      // A word's paragraphs, from their texts' words as folded (D1 keeps them in a table).
      const byWord = new Map(words.map((word) => [word, Uint32Array.from(Object.entries(plain.storedFields).filter(([, stored]) => tokenize((stored as StoredParagraph).text).some((token) => foldWord(token) === word)).map(([shortId]) => Number(shortId)))]))
      // Each term's place in the serialised index, as the D1 build keeps it beside its postings.
      const termOrder = new Map([...postings.keys()].map((term) => [term, order.get(term)!]))
      return { postings, phrases: found, words: byWord, termOrder }
    },
  }
}
