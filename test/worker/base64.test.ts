import { describe, expect, it } from 'vitest'
import { base64Cases } from '../support/base64-cases.ts'

describe('base64 in workerd', () => {
  it('has the native methods the D1 engine reads its meta with', () => {
    expect(typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64).toBe('function')
  })
  base64Cases()
})
