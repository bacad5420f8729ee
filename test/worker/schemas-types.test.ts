/**
 * The zod schemas against the wire types of `src/core/api-types.ts`. The checks are types: `npm
 * run typecheck` (the first step of `npm test`) fails when a schema and its declared type drift
 * apart; the test run only confirms the file loads.
 */
import type { z } from '@hono/zod-openapi'
import { describe, expectTypeOf, it } from 'vitest'
import type { ApiParagraph, ApiRelatedParagraph, ApiSource, HitMatch, MatchKind, SearchHit, SearchResponse, SuggestResponse, WordMatch } from '../../src/core/api-types.ts'
import { SearchResponseSchema } from '../../src/worker/routes/search.ts'
import { SuggestResponseSchema } from '../../src/worker/routes/suggest.ts'
import { HitMatchSchema, HitSchema, MatchKindSchema, ParagraphSchema, RelatedSchema, SourceSchema, WordMatchSchema } from '../../src/worker/schemas.ts'

/** An intersection written out as one object type, as zod's `extend` produces it. */
type Flat<T> = { [K in keyof T]: T[K] }

describe('the API schemas', () => {
  it('describe exactly the declared wire types', () => {
    expectTypeOf<z.output<typeof SourceSchema>>().toEqualTypeOf<ApiSource>()
    expectTypeOf<z.output<typeof MatchKindSchema>>().toEqualTypeOf<MatchKind>()
    expectTypeOf<z.output<typeof HitMatchSchema>>().toEqualTypeOf<HitMatch>()
    expectTypeOf<z.output<typeof WordMatchSchema>>().toEqualTypeOf<WordMatch>()
    expectTypeOf<z.output<typeof HitSchema>>().toEqualTypeOf<SearchHit>()
    expectTypeOf<z.output<typeof SearchResponseSchema>>().toEqualTypeOf<SearchResponse>()
    expectTypeOf<z.output<typeof SuggestResponseSchema>>().toEqualTypeOf<SuggestResponse>()
    expectTypeOf<z.output<typeof ParagraphSchema>>().toEqualTypeOf<ApiParagraph>()
    expectTypeOf<z.output<typeof RelatedSchema>>().toEqualTypeOf<Flat<ApiRelatedParagraph>>()
  })

  it('would fail on a drift (the check itself can fail)', () => {
    // @ts-expect-error: a hit without its match offsets is not a SearchHit.
    expectTypeOf<Omit<z.output<typeof HitSchema>, 'matches'>>().toEqualTypeOf<SearchHit>()
  })
})
