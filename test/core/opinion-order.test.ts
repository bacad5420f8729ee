import { describe, expect, it } from 'vitest'
import { commentsAfterReports } from '../../src/core/opinion-order.ts'

type Item = { id: string; comment: boolean; fact: string | null }
const item = (id: string, fact: string | null, comment = false): Item => ({ id, comment, fact })
const order = (items: Item[]) => commentsAfterReports(items, (i) => i.comment, (i) => i.fact).map((i) => i.id)

describe('commentsAfterReports', () => {
  it('moves a comment just after the last report of its fact, and nothing else', () => {
    expect(order([item('c', 'f', true), item('r1', 'f'), item('x', 'g'), item('r2', 'f'), item('y', null)])).toEqual(['r1', 'x', 'r2', 'c', 'y'])
  })

  it('leaves a comment already after its reports, one with no fact, and one whose fact no report shares', () => {
    expect(order([item('r', 'f'), item('c', 'f', true)])).toEqual(['r', 'c'])
    expect(order([item('c', null, true), item('r', 'f')])).toEqual(['c', 'r'])
    expect(order([item('c', 'h', true), item('r', 'f')])).toEqual(['c', 'r'])
  })

  it('keeps the order of several comments of one fact', () => {
    expect(order([item('c1', 'f', true), item('c2', 'f', true), item('r', 'f')])).toEqual(['r', 'c1', 'c2'])
  })
})
