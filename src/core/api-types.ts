/**
 * @module
 * The API's wire types, declared once: `src/core` returns them, the zod schemas of
 * `src/worker/schemas.ts` are checked against them (`test/worker/schemas-types.test.ts` fails to
 * type-check when the two drift), the widget imports them with `import type`, and tests use them.
 * Types only: importing this module costs a client nothing at run time.
 */
import type { ParagraphKind, SourceMetadata } from './types.ts'

/** A source's public metadata, as every response shows it. Unknown facts are empty strings. */
export type ApiSource = SourceMetadata

/**
 * How a query word matched a word of a paragraph, from the closest to the loosest:
 * - `exact`: the same word once folded (case, diacritics, apostrophes, a possessive `'s`,
 *   full-width forms and invisible characters aside): `Putin’s` for `Putin's`;
 * - `stem`: another word with the same Porter2 stem: `weapons` for `weapon`, `international`
 *   for `internal`;
 * - `completion`: a word that the query word, still being typed or followed by `*`, begins:
 *   `cooperation` for `coopera`;
 * - `typo`: a word the query word is taken to be a misspelling of (edits by word length, a swap of
 *   two adjacent letters counting as one): `backing` for `hacking`.
 */
export type MatchKind = 'exact' | 'stem' | 'completion' | 'typo'

/** A range of a hit's `text` that matched, with what matched it. */
export type HitMatch = {
  /** Offset of the first character, in UTF-16 code units (`text.slice(start, end)`, JavaScript's own unit). */
  start: number
  /** Offset just past the last character, in UTF-16 code units. */
  end: number
  /** The query word or phrase it matches, as typed (a phrase without its quotes). */
  query: string
  /** How (for a phrase: its loosest word). */
  match: MatchKind
}

/** How one word or phrase of the query matched one hit. */
export type WordMatch = {
  /** The query word or phrase, as typed. */
  query: string
  /** The closest way it matched in `field` (see {@link MatchKind}). */
  match: MatchKind
  /**
   * The words it matched there, as written there; for a `typo`, the corrected words. A word
   * found only in the source's title or the section heading counts towards matching every word.
   */
  forms: string[]
  /** Where it matched: the paragraph's text, else its section heading, else its source's title. */
  field: 'text' | 'section' | 'title'
}

/** One ranked paragraph of `/api/search`. */
export type SearchHit = {
  /** The paragraph's id. */
  id: string
  /** Relevance (BM25+, weighted by kind and by words found as typed), for information: the order also weighs matched words and typos. */
  score: number
  /** The source it belongs to. */
  source: ApiSource
  /** Heading of its section; `null` before the first heading. */
  section: string | null
  /** What the paragraph is. */
  kind: ParagraphKind
  /** 0-based position in its source. */
  position: number
  /** The whole paragraph as plain text. */
  text: string
  /** HTML: the escaped excerpt of `text` in `snippetWindow`, matches in `<mark>`, `…` where it is cut. */
  snippet: string
  /** The part of `text` the snippet shows, as UTF-16 offsets; never cuts inside a word. */
  snippetWindow: { start: number; end: number }
  /** The words of the paragraph that matched, as they appear in it. */
  terms: string[]
  /** Every match in `text`, sorted and not overlapping (what the snippet marks, over the whole text). */
  matches: HitMatch[]
  /** For each word and phrase of the query this paragraph matched, how it did. */
  words: WordMatch[]
}

/** Matching paragraphs per source id and per kind, over all pages; each ignores its own filter. */
export type SearchFacets = { source: Record<string, number>; kind: Record<string, number> }

/** The body of `/api/search`. */
export type SearchResponse = {
  /** The query as read (a leading space dropped). */
  query: string
  /** Number of matching paragraphs, over all pages. */
  total: number
  /**
   * Of `total`, the paragraphs that match some query word only through a typo correction
   * (`words[].match === 'typo'`); they rank after those that match as typed.
   */
  corrected: number
  /** The query's words and phrases, as typed, that no paragraph matched (`["Merkel"]` for `Putin Merkel`). */
  unmatched: string[]
  /** Hits skipped. */
  offset: number
  /** Most hits per page. */
  limit: number
  /** Time spent searching, in milliseconds, as the runtime measures it. */
  tookMs: number
  /** Counts over all pages. */
  facets: SearchFacets
  /** This page's hits, best first. */
  hits: SearchHit[]
}

/** A completion for the search box. */
export type Suggestion = {
  /** The whole query with its last word completed. */
  text: string
  /** Summed relevance of the paragraphs the completed query finds. */
  score: number
}

/** The body of `/api/suggest`. */
export type SuggestResponse = {
  /** The query as read. */
  query: string
  /** Completions, best first. */
  suggestions: Suggestion[]
}

/** A paragraph of a source, as `/api/sources/:id` and `/api/paragraphs/:id` list them. */
export type ApiParagraph = {
  id: string
  kind: ParagraphKind
  /** Heading of its section; `null` before the first heading. */
  section: string | null
  /** 0-based position in its source. */
  position: number
  /** The paragraph as plain text. */
  text: string
}

/** A paragraph of another source that reports the same thing. */
export type ApiRelatedParagraph = ApiParagraph & {
  /** Cosine similarity, 0 to 1. */
  score: number
  /** Its source. */
  source: ApiSource
}

/** The body of `/api/paragraphs/:id`. */
export type ParagraphDetails = {
  /** The paragraph asked for. */
  paragraph: ApiParagraph
  /** Its source. */
  source: ApiSource
  /** The paragraphs just before it, in document order. */
  before: ApiParagraph[]
  /** The paragraphs just after it, in document order. */
  after: ApiParagraph[]
  /** Paragraphs of other sources that report the same thing, best first. */
  related: ApiRelatedParagraph[]
}
