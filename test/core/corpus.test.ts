import { describe, expect, it } from 'vitest'
import { decodeSourceText, parseSourcesMetadata, resolveMetadata, slugFromFileName } from '../../src/core/corpus.ts'
import { corpusErrorOf as errorOf } from '../support/corpus-error.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('decodeSourceText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeSourceText(bytes('\uFEFFTitle\nCafé.'), 'a.txt')).toBe('Title\nCafé.')
  })

  it('refuses an empty file, naming it', () => {
    expect(errorOf(() => decodeSourceText(new Uint8Array(), 'corpus/a.txt')).message).toBe('corpus/a.txt: is empty (0 bytes)')
    expect(errorOf(() => decodeSourceText(bytes(' \n\t\n'), 'corpus/a.txt')).reason).toBe('is empty (only white space)')
  })

  it('refuses a binary file', () => {
    expect(errorOf(() => decodeSourceText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'x.txt')).reason).toMatch(/^is binary/)
    expect(errorOf(() => decodeSourceText(bytes('\u0001\u0002\u0003abc'), 'x.txt')).reason).toMatch(/^is binary.*control characters/)
  })

  it('decodes UTF-16 by its byte-order mark, or by its NUL bytes when it has none', () => {
    const text = 'Title\nZoë said “yes”.'
    expect(decodeSourceText(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'a.txt')).toBe(text)
    expect(decodeSourceText(new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]), 'a.txt')).toBe(text)
    expect(decodeSourceText(new Uint8Array(Buffer.from(text, 'utf16le')), 'a.txt')).toBe(text)
    expect(decodeSourceText(new Uint8Array(Buffer.from(text, 'utf16le').swap16()), 'a.txt')).toBe(text)
  })

  it('refuses UTF-16 that does not decode, naming the encoding', () => {
    // A lone high surrogate (D800) with nothing after it.
    const broken = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8])
    expect(errorOf(() => decodeSourceText(broken, 'x.txt')).reason).toBe('is not valid UTF-16LE text (its byte-order mark or byte pattern says UTF-16LE; save it as UTF-8)')
  })

  it('refuses text that is not UTF-8 and says where it breaks', () => {
    const latin1 = new Uint8Array([...bytes('Fran'), 0xe7, ...bytes('ois')])
    expect(errorOf(() => decodeSourceText(latin1, 'x.txt')).reason).toBe('is not valid UTF-8 (first invalid byte at offset 4)')
  })
})

describe('parseSourcesMetadata', () => {
  it('reads entries with optional fields', () => {
    expect(parseSourcesMetadata('[{"file":"a.txt","id":"a","published":"2017-05-29"}]', 's.json')).toEqual([
      { file: 'a.txt', id: 'a', published: '2017-05-29' },
    ])
  })

  it('refuses malformed JSON', () => {
    expect(errorOf(() => parseSourcesMetadata('[{"file":', 'corpus/sources.json')).message).toMatch(/^corpus\/sources\.json: is not valid JSON/)
  })

  it('names the entry and field at fault', () => {
    const error = errorOf(() => parseSourcesMetadata('[{"file":"a.txt"},{"file":"b.txt","published":"29 May"}]', 's.json'))
    expect(error.reason).toBe('malformed metadata: [1].published: must be an ISO 8601 date such as 2017-05-29')
    expect(errorOf(() => parseSourcesMetadata('[{"file":"a.txt","id":"Not A Slug"}]', 's.json')).reason).toMatch(/\[0\]\.id: must be a slug/)
    expect(errorOf(() => parseSourcesMetadata('[{"file":"a.txt","titel":"x"}]', 's.json')).reason).toMatch(/titel/)
    expect(errorOf(() => parseSourcesMetadata('{"file":"a.txt"}', 's.json')).reason).toMatch(/^malformed metadata/)
  })

  it('refuses two entries for one file', () => {
    expect(errorOf(() => parseSourcesMetadata('[{"file":"a.txt"},{"file":"a.txt"}]', 's.json')).reason).toBe('describes a.txt twice')
  })
})

describe('metadata defaults', () => {
  it('makes an id from the file name', () => {
    expect(slugFromFileName('BBC Macron–Putin (2017).txt')).toBe('bbc-macron-putin-2017')
    expect(slugFromFileName('Élysée.txt')).toBe('elysee')
  })

  it('takes the title from the first line and leaves unknown facts empty', () => {
    expect(resolveMetadata('my-doc.txt', undefined, 'First line')).toEqual({ id: 'my-doc', title: 'First line', publisher: '', author: '', published: '', url: '' })
    expect(resolveMetadata('my-doc.txt', { file: 'my-doc.txt', id: 'x', publisher: 'BBC News' }, 'First line')).toMatchObject({ id: 'x', title: 'First line', publisher: 'BBC News' })
  })
})
