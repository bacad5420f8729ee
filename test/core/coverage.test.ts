import { describe, expect, it } from 'vitest'
import { CoverageError, compareSources, listQuotes } from '../../src/core/coverage.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

const documents = {
  'ledger.txt': 'The Ledger on the bridge\n\nMayor Dupont said "the bridge reopens on 4 June" once the repairs to the river piers are finished.\n\nThe weather in the town was fine all week.\n',
  'courier.txt': 'The Courier on the bridge\n\n"The bridge reopens on 4 June after the repairs to the piers," Dupont said on Monday.\n\nA local bakery won a prize for its bread.\n',
  'herald.txt': 'The Herald on the bridge\n\nThe council approved a budget for new schools and teachers.\n',
}

describe('compareSources', () => {
  it('groups the reports of one fact, keeps each source\'s own material, and says who quotes whom', async () => {
    const index = await fixtureIndex(documents)
    const ids = (source: string) => index.paragraphIds(source)
    const coverage = compareSources(index, ['ledger', 'courier'])
    expect(coverage.sources.map((s) => s.id)).toEqual(['ledger', 'courier'])
    expect(coverage.facts).toHaveLength(1)
    const [fact] = coverage.facts
    expect(fact!.sources).toEqual([
      { source: 'ledger', paragraphs: [ids('ledger')[0]] },
      { source: 'courier', paragraphs: [ids('courier')[0]] },
    ])
    // Both quote Dupont, in different words.
    expect(fact!.quotes.shared).toEqual([
      {
        speaker: 'Dupont',
        quotes: [
          { source: 'ledger', paragraph: ids('ledger')[0], speaker: 'Dupont', text: 'the bridge reopens on 4 June' },
          { source: 'courier', paragraph: ids('courier')[0], speaker: 'Dupont', text: 'The bridge reopens on 4 June after the repairs to the piers,' },
        ],
      },
    ])
    expect(fact!.quotes.single).toEqual([])
    expect(coverage.own).toEqual([
      { source: 'ledger', paragraphs: [ids('ledger')[1]] },
      { source: 'courier', paragraphs: [ids('courier')[1]] },
    ])
  })

  it('compares all sources by default, and names what it cannot compare', async () => {
    const index = await fixtureIndex(documents)
    expect(compareSources(index, []).sources.map((s) => s.id)).toEqual(['courier', 'herald', 'ledger'])
    expect(compareSources(index, []).own.find((o) => o.source === 'herald')!.paragraphs).toEqual(index.paragraphIds('herald'))
    expect(() => compareSources(index, ['ledger'])).toThrow(new CoverageError('name at least two sources to compare'))
    expect(() => compareSources(index, ['ledger', 'nope'])).toThrow('no source with id "nope"')
    expect(() => compareSources(index, ['ledger', 'ledger'])).toThrow('"ledger" is given twice')
  })
})

describe('listQuotes', () => {
  it('lists quotations by the words of the speaker\'s name, in source order', async () => {
    const index = await fixtureIndex(documents)
    expect(listQuotes(index, { speaker: 'dupont' }).map((q) => [q.source, q.text])).toEqual([
      ['courier', 'The bridge reopens on 4 June after the repairs to the piers,'],
      ['ledger', 'the bridge reopens on 4 June'],
    ])
    expect(listQuotes(index, { speaker: 'Mayor' })).toEqual([])
    expect(listQuotes(index, { sources: ['herald'] })).toEqual([])
    expect(() => listQuotes(index, { sources: ['nope'] })).toThrow('no source with id "nope"')
  })
})
