import { describe, expect, it } from 'vitest'
import { canonicalRequest, ifNoneMatchMatches } from '../../../src/worker/middleware/conditional-cache.ts'

describe('canonicalRequest', () => {
  it('ignores the order of parameters but not their values or the path', () => {
    expect(canonicalRequest('http://x/api/search?q=a&limit=5')).toBe(canonicalRequest('http://y/api/search?limit=5&q=a'))
    expect(canonicalRequest('http://x/api/search?q=a&limit=5')).not.toBe(canonicalRequest('http://x/api/search?q=a&limit=6'))
    expect(canonicalRequest('http://x/api/search?q=a')).not.toBe(canonicalRequest('http://x/api/suggest?q=a'))
  })

  it('keeps what encoding would blur apart', () => {
    expect(canonicalRequest('http://x/a?q=a%26b')).not.toBe(canonicalRequest('http://x/a?q=a&b='))
    expect(canonicalRequest('http://x/a?q=red%20line')).toBe(canonicalRequest('http://x/a?q=red+line'))
  })
})

describe('ifNoneMatchMatches', () => {
  it('compares weakly, within a list of tags', () => {
    expect(ifNoneMatchMatches('"a", W/"b"', 'W/"b"')).toBe(true)
    expect(ifNoneMatchMatches('"b"', 'W/"b"')).toBe(true)
    expect(ifNoneMatchMatches(' W/"c" ,"d"', 'W/"b"')).toBe(false)
    expect(ifNoneMatchMatches(undefined, 'W/"b"')).toBe(false)
  })

  it('lets * match unless told not to', () => {
    expect(ifNoneMatchMatches('*', 'W/"b"')).toBe(true)
    expect(ifNoneMatchMatches('*', 'W/"b"', { wildcard: false })).toBe(false)
  })
})
