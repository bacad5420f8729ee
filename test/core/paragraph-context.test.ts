import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedIndex } from '../../src/core/loaded-index.ts'
import { paragraphContext } from '../../src/core/paragraph-context.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

let index: LoadedIndex
beforeAll(async () => {
  index = await fixtureIndex({
    'a.txt': 'A\nOne.\nTwo.\nThe use of chemical weapons would be a red line.\nFour.\nFive.',
    'b.txt': 'B\nChemical weapons are a red line, he said.\nUnrelated sentence about football.',
  })
})

const idOf = (text: string) => index.manifest.sources.flatMap((s) => index.paragraphIds(s.id)).find((id) => index.paragraph(id)!.text === text)!

describe('paragraphContext', () => {
  it('gives neighbours on each side, in document order, clipped at the ends', () => {
    const context = paragraphContext(index, idOf('The use of chemical weapons would be a red line.'), 2)!
    expect(context.before.map((p) => p.text)).toEqual(['One.', 'Two.'])
    expect(context.after.map((p) => p.text)).toEqual(['Four.', 'Five.'])
    expect(paragraphContext(index, idOf('One.'), 3)!.before).toEqual([])
    expect(paragraphContext(index, idOf('One.'), 0)!.after).toEqual([])
  })

  it('gives related paragraphs of other sources with their source and score', () => {
    const context = paragraphContext(index, idOf('The use of chemical weapons would be a red line.'), 1)!
    expect(context.related).toHaveLength(1)
    expect(context.related[0]).toMatchObject({ text: 'Chemical weapons are a red line, he said.', source: { id: 'b', title: 'B' } })
    expect(context.related[0]!.score).toBeGreaterThan(0.15)
    expect(paragraphContext(index, idOf('Unrelated sentence about football.'), 1)!.related).toEqual([])
  })

  it('is undefined for an unknown id', () => {
    expect(paragraphContext(index, 'nope', 2)).toBeUndefined()
  })
})
