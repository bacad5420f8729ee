/**
 * @module
 * Schemas of the coverage routes (`/api/compare`, `/api/quotes`): their parameters and answers.
 * Kept apart from `schemas.ts`, which the search routes share.
 */
import { z } from '@hono/zod-openapi'
import { SourceSchema } from './schemas.ts'

/**
 * A comma-separated list of source ids; empty or absent means all. Blank items are errors, so a
 * typo such as `a,,b` is named rather than ignored.
 */
export function sourceListParam(description: string) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return []
      const ids = value.split(',').map((id) => id.trim())
      if (ids.some((id) => id === '')) {
        context.addIssue({ code: 'custom', message: 'must be source ids separated by commas, none empty' })
        return z.NEVER
      }
      return ids
    })
    .openapi({ param: { name: 'sources', in: 'query' }, description, example: 'bbc-macron-putin-frank-exchange,macron-putin-press-conference', type: 'string' })
}

/** A quotation where a source gives it. */
export const QuoteSchema = z
  .object({
    source: z.string().openapi({ description: 'Id of the source quoting it.' }),
    paragraph: z.string().openapi({ description: 'Id of the paragraph holding it.' }),
    speaker: z.string().nullable().openapi({ description: 'Who is quoted, as the text names them; null when it does not say.', example: 'Macron' }),
    text: z.string().openapi({ description: 'The quoted words, without the quotation marks.', example: 'frank exchange' }),
  })
  .openapi('Quote')

/** One fact and who reports it. */
export const FactSchema = z
  .object({
    id: z.string().openapi({ description: 'Stable id; /compare#fact-<id> is its row.', example: 'f2fde341xcl' }),
    sources: z
      .array(z.object({ source: z.string(), paragraphs: z.array(z.string()).openapi({ description: 'Paragraph ids, in document order.' }) }))
      .openapi({ description: 'The sources reporting it (two or more), in the order asked for.' }),
    quotes: z.object({
      shared: z
        .array(z.object({ speaker: z.string(), quotes: z.array(QuoteSchema) }))
        .openapi({ description: 'Speakers two or more sources quote on this fact: the same statement in each outlet\'s words.' }),
      single: z.array(QuoteSchema).openapi({ description: 'Quotations only one source gives.' }),
    }),
  })
  .openapi('Fact')

/** The answer of `/api/compare`. */
export const CoverageSchema = z
  .object({
    sources: z.array(SourceSchema).openapi({ description: 'The sources compared, in the order asked for.' }),
    facts: z.array(FactSchema).openapi({ description: 'Facts two or more of the sources report, in reading order.' }),
    own: z
      .array(z.object({ source: z.string(), paragraphs: z.array(z.string()) }))
      .openapi({ description: 'For each source, its paragraphs no other of the sources reports (headings left out), in document order.' }),
  })
  .openapi('Coverage')
