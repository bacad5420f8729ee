import { describe, expect, it } from 'vitest'
import { isPageMarker, urlOfLine } from '../../../src/core/recovery/page-markers.ts'
import { captionText, isPageChrome, isPhotoCredit, parseDateline, splitCreditAndCaption } from '../../../src/core/recovery/web-furniture.ts'

describe('page furniture', () => {
  it('recognises page markers in the orders printers write them', () => {
    for (const line of ['2 of 13 29.05.17, 15:24', '1 of 5 29.05.17, 15:25', '29/05/2017, 3:24 PM 2/13', 'Page 3 of 7']) {
      expect(isPageMarker(line), line).toBe(true)
    }
    for (const line of ['2 of 13 people agreed', 'In 2017, 15 of them came', 'Ukraine', 'Chapter 2', 'Part 1 of 3', 'p. 2 of the report said', 'S. Jones']) {
      expect(isPageMarker(line), line).toBe(false)
    }
  })

  it('parses datelines and the section label they carry', () => {
    expect(parseDateline('53 minutes ago Europe')).toBe('Europe')
    expect(parseDateline('Published 2 hours ago')).toBe('')
    expect(parseDateline('29 May 2017')).toBe('')
    expect(parseDateline('May 29, 2017 Middle East')).toBe('Middle East')
    expect(parseDateline('29 May 2017 Macron met Putin at the palace of Versailles')).toBeNull()
    expect(parseDateline('Mr Macron said')).toBeNull()
  })

  it('recognises photo credits, labelled or alone on a line', () => {
    for (const line of ['Image copyright Reuters', 'Image copyright AFP', 'Image source, Getty Images', 'AFP', 'REUTERS', 'Getty Images', 'Photo credit: EPA']) {
      expect(isPhotoCredit(line), line).toBe(true)
    }
    for (const line of ['Reuters reported that', 'Image caption Crowds', 'Russia']) {
      expect(isPhotoCredit(line), line).toBe(false)
    }
  })

  it('takes the text out of labelled captions', () => {
    expect(captionText('Image caption Mr Macron (right) believes it')).toBe('Mr Macron (right) believes it')
    expect(captionText('Media caption Donald Trump’s handshakes')).toBe('Donald Trump’s handshakes')
    expect(captionText('Image caption, Crowds gathered')).toBe('Crowds gathered')
    expect(captionText('The caption of the image')).toBeNull()
  })

  it('splits a credit and caption printed on one line', () => {
    expect(splitCreditAndCaption('Image copyright AFP Image caption Crowds gathered')).toEqual(['Image copyright AFP', 'Image caption Crowds gathered'])
    expect(splitCreditAndCaption('He saw an image caption there')).toEqual(['He saw an image caption there'])
  })

  it('recognises bare URLs and page chrome', () => {
    expect(urlOfLine('https://www.bbc.com/news/world-europe-40082451')).toBe('https://www.bbc.com/news/world-europe-40082451')
    expect(urlOfLine('http://www.bbc.com/news/world-europe-40082451 2/13')).toBe('http://www.bbc.com/news/world-europe-40082451')
    expect(urlOfLine('See https://example.com for more')).toBeNull()
    expect(isPageChrome('Share this with')).toBe(true)
    expect(isPageChrome('From the section Europe')).toBe(true)
    expect(isPageChrome('Share this with your friends, he said.')).toBe(false)
  })
})
