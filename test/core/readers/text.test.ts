import { describe, expect, it } from 'vitest'
import { readTextCapture } from '../../../src/core/readers/text.ts'

describe('readTextCapture', () => {
  it('makes a page of every form feed, and opens no page after a trailing one', () => {
    const capture = readTextCapture('One\nTwo\n\fThree\n\f')
    expect(capture.format).toBe('text')
    expect(capture.pages.map((page) => page.lines.map((line) => line.text))).toEqual([['One', 'Two'], ['Three']])
  })

  it('keeps blank lines as empty lines and every kind of line end', () => {
    expect(readTextCapture('A\r\n\r\nB\rC\n').pages[0]!.lines).toEqual([{ text: 'A' }, { text: '' }, { text: 'B' }, { text: 'C' }])
    expect(readTextCapture('A\u0085B\vC').pages[0]!.lines).toEqual([{ text: 'A' }, { text: 'B' }, { text: 'C' }])
  })

  it('takes U+2028 for a line break and U+2029 for the end of a paragraph', () => {
    expect(readTextCapture('First.\u2029Second\u2028goes on.\u2029Third.').pages[0]!.lines).toEqual([
      { text: 'First.', paragraphEnd: true },
      { text: 'Second' },
      { text: 'goes on.', paragraphEnd: true },
      { text: 'Third.' },
    ])
  })

  it('keeps the characters and the indentation of a line as written', () => {
    expect(readTextCapture('   4½ m² ﬁne').pages[0]!.lines).toEqual([{ text: '   4½ m² ﬁne' }])
  })
})
