/**
 * @module
 * Response schemas shared by several routes. They document the API (`/api/openapi.json`) and
 * describe the wire types of `src/core/api-types.ts`; `test/worker/schemas-types.test.ts` fails to
 * type-check when the two drift.
 */
import { z } from '@hono/zod-openapi'
import { PARAGRAPH_KINDS, type ParagraphKind } from '../core/types.ts'

/** A source's public metadata. Unknown facts are empty strings. */
export const SourceSchema = z
  .object({
    id: z.string().openapi({ example: 'bbc-macron-putin-frank-exchange' }),
    title: z.string().openapi({ example: "France's Macron holds 'frank exchange' with Putin" }),
    publisher: z.string().openapi({ example: 'BBC News' }),
    published: z.string().openapi({ example: '2017-05-29' }),
    url: z.string(),
  })
  .openapi('Source')

/** The kind of a paragraph. */
export const KindSchema = z.enum(PARAGRAPH_KINDS as [ParagraphKind, ...ParagraphKind[]]).openapi('ParagraphKind')

/** A paragraph of a source. */
export const ParagraphSchema = z
  .object({
    id: z.string().openapi({ example: 'p2fde341xcl' }),
    kind: KindSchema,
    section: z.string().nullable().openapi({ description: 'Heading of the section the paragraph is in; null before the first heading.' }),
    position: z.number().int().openapi({ description: '0-based position in the source.' }),
    text: z.string(),
  })
  .openapi('Paragraph')

/** How a query word matched a word of a paragraph (see `MatchKind` in `src/core/api-types.ts`). */
export const MatchKindSchema = z
  .enum(['exact', 'stem', 'completion', 'typo'])
  .openapi('MatchKind', {
    description:
      'exact: the same word once folded (case, accents, apostrophes, a possessive, full-width forms aside); stem: another word with the same stem; ' +
      'completion: a word the query word (being typed, or followed by *) begins; typo: a word the query word is taken to be a misspelling of.',
  })

/** A range of a hit's text that matched. */
export const HitMatchSchema = z
  .object({
    start: z.number().int().openapi({ description: 'Offset of the first character in `text`, in UTF-16 code units.' }),
    end: z.number().int().openapi({ description: 'Offset just past the last character, in UTF-16 code units: `text.slice(start, end)`.' }),
    query: z.string().openapi({ description: 'The query word or phrase it matches, as typed (a phrase without quotes).' }),
    match: MatchKindSchema,
  })
  .openapi('HitMatch', { example: { start: 43, end: 51, query: 'red line', match: 'exact' } })

/** How one query word or phrase matched one hit. */
export const WordMatchSchema = z
  .object({
    query: z.string().openapi({ description: 'The query word or phrase, as typed.' }),
    match: MatchKindSchema,
    forms: z.array(z.string()).openapi({ description: 'The words it matched, as written there; for a typo, the corrected words.' }),
    field: z.enum(['text', 'section', 'title']).openapi({ description: "Where it matched: the paragraph's text, else its section heading, else its source's title." }),
  })
  .openapi('WordMatch', { example: { query: 'hacking', match: 'typo', forms: ['backing'], field: 'text' } })

/** One search hit. */
export const HitSchema = z
  .object({
    id: z.string(),
    score: z.number().openapi({ description: "Relevance: MiniSearch's BM25+, weighted by the paragraph's kind and by words found in the form typed; the order also weighs matched words and typos." }),
    source: SourceSchema,
    section: z.string().nullable(),
    kind: KindSchema,
    position: z.number().int(),
    text: z.string().openapi({ description: 'The whole paragraph as plain text.' }),
    snippet: z.string().openapi({
      description: 'HTML: the paragraph excerpt, every character escaped, matches in <mark>, … where the paragraph was cut.',
      example: 'But the use of chemical weapons would be a &quot;<mark>red line</mark>&quot; that would draw…',
    }),
    snippetWindow: z
      .object({ start: z.number().int(), end: z.number().int() })
      .openapi({ description: 'The part of `text` the snippet shows, as offsets in UTF-16 code units; it never cuts inside a word.', example: { start: 0, end: 118 } }),
    terms: z.array(z.string()).openapi({ description: 'The words of the paragraph that matched, as they appear in it.' }),
    matches: z.array(HitMatchSchema).openapi({ description: 'Every match in `text`, sorted and not overlapping: what the snippet marks, over the whole paragraph.' }),
    words: z.array(WordMatchSchema).openapi({ description: 'How each query word or phrase this paragraph matched did.' }),
  })
  .openapi('Hit')

/** A related paragraph of another source. */
export const RelatedSchema = ParagraphSchema.extend({
  score: z.number().openapi({ description: 'Cosine similarity (0 to 1) of the two paragraphs.' }),
  source: SourceSchema,
}).openapi('RelatedParagraph')

/** Parameter helpers: query strings are text, validated into typed values with readable errors. */
export function integerParam(name: string, min: number, max: number, fallback: number) {
  const message = `must be an integer from ${min} to ${max}`
  // Only text is turned into a number (z.coerce would take null for 0, and OpenAPI would call it nullable).
  const number = z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message })
  return z
    .preprocess((value) => (typeof value === 'string' ? (/^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN) : value), number)
    .default(fallback)
    .openapi({ param: { name, in: 'query' }, example: fallback })
}

/** A boolean query parameter: `true`, `false`, `1` or `0`. */
export function booleanParam(name: string, fallback: boolean, description: string) {
  return z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1')
    .openapi({ param: { name, in: 'query' }, description })
}

/**
 * The query text: required, 1 to `max` characters after trimming. Handlers search the text as
 * sent (see {@link typedQuery}): a trailing space says the last word is complete.
 */
export function queryTextParam(max: number, description: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, { error: `must be 1 to ${max} characters after trimming` })
    .max(max, { error: `must be 1 to ${max} characters after trimming` })
    .openapi({ param: { name: 'q', in: 'query' }, description, example: 'red line' })
}

/** Options for query objects: unknown parameters are errors, named in the message. */
export const STRICT_QUERY = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `unknown parameter${issue.keys!.length > 1 ? 's' : ''}: ${issue.keys!.join(', ')}` : undefined,
}

/**
 * The query as typed, for the search: leading space dropped, a trailing one kept, since it says
 * the last word is finished and not to be completed. The schema checks the trimmed length.
 *
 * @example
 * typedQuery('  Marine Le ') // => 'Marine Le '
 */
export function typedQuery(raw: string | undefined, validated: string): string {
  return raw === undefined ? validated : raw.trimStart()
}
