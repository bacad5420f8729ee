import { describe, expect, it } from 'vitest'
import { parseAllowedOrigins } from '../../../src/worker/middleware/cors-from-env.ts'

describe('parseAllowedOrigins', () => {
  it('reads a comma-separated list, trimming and skipping blanks', () => {
    expect(parseAllowedOrigins(' https://a.example, ,https://b.example ')).toEqual(['https://a.example', 'https://b.example'])
  })

  it('takes no value, an empty one or any * for every origin', () => {
    expect(parseAllowedOrigins(undefined)).toBe('*')
    expect(parseAllowedOrigins('')).toBe('*')
    expect(parseAllowedOrigins('https://a.example, *')).toBe('*')
  })
})
