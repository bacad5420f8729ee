/**
 * @module
 * Response schemas shared by several routes. They document the API (`/api/openapi.json`).
 */
import { z } from '@hono/zod-openapi'
import { PARAGRAPH_KINDS } from '../core/types.ts'

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
export const KindSchema = z.enum(PARAGRAPH_KINDS as [string, ...string[]]).openapi('ParagraphKind')

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
