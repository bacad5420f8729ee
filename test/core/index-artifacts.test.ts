import { describe, expect, it } from 'vitest'
import { D1_LAYOUT_VERSION, d1Generation, d1GenerationLayout } from '../../src/core/index-artifacts.ts'

describe('d1GenerationLayout', () => {
  it('reads the layout a generation name starts with, the whole number', () => {
    expect(d1GenerationLayout(d1Generation('3f2a9c01b7de'))).toBe(D1_LAYOUT_VERSION)
    expect(d1GenerationLayout('v3_3f2a9c01b7de')).toBe(3)
    expect(d1GenerationLayout('v40_3f2a9c01b7de')).toBe(40)
    expect(d1GenerationLayout('3f2a9c01b7de')).toBeUndefined()
    expect(d1GenerationLayout('v_3f2a9c01b7de')).toBeUndefined()
  })
})
