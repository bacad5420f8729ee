/**
 * @module
 * The MiniSearch configuration. `MiniSearch.loadJSON` must be given the options the index was
 * built with, so the build and the Worker both take them from here.
 */
import type { Options } from 'minisearch'
import type { Quote } from './quotes.ts'
import type { RelatedParagraph } from './related.ts'
import { commonGrams, processTerm, tokenize } from './terms.ts'
import type { Paragraph } from './types.ts'

/** Version of the files in `index/`; bump it when their shape changes. */
export const INDEX_FORMAT_VERSION = 4

/**
 * A paragraph as handed to MiniSearch, with its related paragraphs. Its source's title is not
 * indexed with it but once per source (see `source-titles.ts`).
 */
export type IndexedParagraph = Paragraph & {
  /** Paragraphs of other sources that report the same thing. */
  related: RelatedParagraph[]
  /** The fact it reports with other sources (`facts.ts`), or `null` when no other source reports it. */
  fact: string | null
  /** Its direct quotations, with their speakers (`quotes.ts`). */
  quotes: Quote[]
}

/** The fields stored with each document, enough to render a hit without another lookup. */
export type StoredParagraph = Pick<IndexedParagraph, 'sourceId' | 'kind' | 'section' | 'position' | 'text' | 'related' | 'fact' | 'quotes'>

/**
 * Fields searched, and how much a match in each weighs against one in the paragraph text (the
 * source title, searched apart, weighs `TITLE_BOOST`).
 */
export const FIELD_BOOSTS = { text: 1, section: 0.5 } as const

/** Fields that queries search for words. */
export const SEARCHED_FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[]

/**
 * The field of common grams (see `commonGrams`): searched only to find the candidates of a
 * phrase made of common words, and scoring nothing.
 */
export const GRAMS_FIELD = 'grams'

/** Indexed fields, in the order MiniSearch numbers them. */
export const INDEX_FIELDS = [...SEARCHED_FIELDS, GRAMS_FIELD]

/** Stored fields (see {@link StoredParagraph}). */
export const STORE_FIELDS: (keyof StoredParagraph)[] = ['sourceId', 'kind', 'section', 'position', 'text', 'related', 'fact', 'quotes']

/**
 * Options for `new MiniSearch()` and `MiniSearch.loadJSON()`: the shared tokenizer and term
 * processing (see `terms.ts`), the indexed and stored fields, the common grams.
 */
export const MINISEARCH_OPTIONS: Options<IndexedParagraph> = {
  idField: 'id',
  fields: INDEX_FIELDS,
  storeFields: STORE_FIELDS,
  extractField: (paragraph, field) => (field === GRAMS_FIELD ? commonGrams(paragraph.text).join(' ') : paragraph[field as keyof IndexedParagraph]),
  tokenize: (text, field) => (field === GRAMS_FIELD ? text.split(' ').filter(Boolean) : tokenize(text)),
  processTerm: (term, field) => (field === GRAMS_FIELD ? term : processTerm(term)),
  // The index is built once and never changed in place.
  autoVacuum: false,
}
