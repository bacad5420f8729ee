/**
 * @module
 * The inverted index of the paragraphs as MiniSearch builds it, without MiniSearch: the same
 * fields, tokenizer and term processing (`MINISEARCH_OPTIONS`), the same short ids (the order
 * paragraphs are added in), the same field lengths (distinct tokens of a field, as MiniSearch's
 * `add` counts them) and the same running average of each field's length, computed in the same
 * order so it is equal to the last bit. The D1 build writes its tables from it
 * (`d1-content.ts`), so a corpus of a million paragraphs never holds MiniSearch's index, its
 * objects or its JSON (BENCHMARKS.md).
 *
 * Postings are kept compact while paragraphs are added, as Lucene's indexing chain keeps them in
 * byte slices: per term and field, the gap from the previous short id and the term's frequency,
 * each a variable-length integer (7 bits a byte), about 2 bytes a posting.
 */
import type { AsPlainObject, Options } from 'minisearch'
import type { FieldPostings } from './compact-postings.ts'
import { MINISEARCH_OPTIONS, type IndexedParagraph } from './index-options.ts'

/** What of MiniSearch's options decides the terms of a document, and in what order they come. */
export type IndexingOptions<T> = Required<Pick<Options<T>, 'fields' | 'extractField' | 'tokenize' | 'processTerm'>> & Pick<Options<T>, 'stringifyField'>

/** MiniSearch's `stringifyField` default, which `MINISEARCH_OPTIONS` keeps. */
const stringifyDefault = (value: unknown): string => String(value)

/** One term's postings in one field while the index grows: varint pairs `(gap, tf)`. */
class PostingsBuffer {
  bytes = new Uint8Array(8)
  length = 0
  count = 0
  last = 0

  push(doc: number, tf: number): void {
    if (this.bytes.length - this.length < 10) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    this.writeVarint(doc - this.last)
    this.writeVarint(tf)
    this.last = doc
    this.count++
  }

  private writeVarint(value: number): void {
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80
      value >>>= 7
    }
    this.bytes[this.length++] = value
  }

  decode(fieldId: number): FieldPostings {
    const docs = new Uint32Array(this.count)
    const tfs = new Uint32Array(this.count)
    let at = 0
    let doc = 0
    const read = (): number => {
      let value = 0
      let shift = 0
      let byte: number
      do {
        byte = this.bytes[at++]!
        value += (byte & 0x7f) * 2 ** shift
        shift += 7
      } while (byte & 0x80)
      return value
    }
    for (let i = 0; i < this.count; i++) {
      doc += read()
      docs[i] = doc
      tfs[i] = read()
    }
    return { fieldId, docs, tfs }
  }
}

/** What one added paragraph gave: its short id, field lengths, and each field's tokens and terms in order. */
export type AddedParagraph = {
  /** MiniSearch's short id: the paragraph's rank in the order added, from 0. */
  shortId: number
  /**
   * Distinct tokens per field, by field id, as MiniSearch's `fieldLength`; `undefined` for a
   * field the paragraph does not have (MiniSearch leaves a hole, serialised `null`).
   */
  lengths: (number | undefined)[]
  /** Each field's index terms in the order they occur, one per occurrence, by field id. */
  terms: string[][]
  /** Each field's tokens as the tokenizer gave them (before term processing), by field id. */
  tokens: string[][]
}

/** The corpus statistics MiniSearch keeps beside its postings. */
export type IndexStats = Pick<AsPlainObject, 'documentCount' | 'nextId' | 'fieldIds' | 'averageFieldLength'>

/**
 * Builds the inverted index of documents added in order, with MiniSearch's options (by default
 * the index's own, `MINISEARCH_OPTIONS`, over paragraphs).
 *
 * @example
 * const builder = new ParagraphPostings()
 * builder.add(paragraph) // => { shortId: 0, lengths: [12, undefined, 3], terms: [[…], [], […]], tokens: [[…], [], […]] }
 * for (const [term, postings] of builder.postings()) …
 */
export class ParagraphPostings<T = IndexedParagraph> {
  readonly fieldIds: Record<string, number>
  readonly #options: IndexingOptions<T>
  #documentCount = 0
  #averageFieldLength: number[] = []
  #postings = new Map<string, (PostingsBuffer | undefined)[]>()

  constructor(options: IndexingOptions<T> = MINISEARCH_OPTIONS as IndexingOptions<T>) {
    this.#options = options
    this.fieldIds = Object.fromEntries(options.fields.map((field, id) => [field, id]))
  }

  /** Adds the next document, as `MiniSearch.add` does. */
  add(document: T): AddedParagraph {
    const { fields, extractField, tokenize, processTerm } = this.#options
    const stringify = this.#options.stringifyField ?? stringifyDefault
    const shortId = this.#documentCount++
    const lengths: (number | undefined)[] = []
    const terms: string[][] = fields.map(() => [])
    const fieldTokens: string[][] = fields.map(() => [])
    fields.forEach((field, fieldId) => {
      const value = extractField(document, field)
      if (value == null) return
      const tokens = tokenize(stringify(value, field), field)
      fieldTokens[fieldId] = tokens
      const length = new Set(tokens).size
      lengths[fieldId] = length
      // MiniSearch's running mean, in its order of operations (`addFieldLength`).
      const average = this.#averageFieldLength[fieldId] || 0
      this.#averageFieldLength[fieldId] = (average * shortId + length) / (shortId + 1)
      const frequencies = new Map<string, number>()
      for (const token of tokens) {
        const processed = processTerm(token, field)
        for (const term of Array.isArray(processed) ? processed : processed ? [processed] : []) {
          frequencies.set(term, (frequencies.get(term) ?? 0) + 1)
          terms[fieldId]!.push(term)
        }
      }
      for (const [term, tf] of frequencies) {
        let fields = this.#postings.get(term)
        if (!fields) this.#postings.set(term, (fields = []))
        ;(fields[fieldId] ??= new PostingsBuffer()).push(shortId, tf)
      }
    })
    return { shortId, lengths, terms, tokens: fieldTokens }
  }

  /** The statistics of the paragraphs added so far, as MiniSearch serialises them. */
  stats(): IndexStats {
    return { documentCount: this.#documentCount, nextId: this.#documentCount, fieldIds: this.fieldIds, averageFieldLength: [...this.#averageFieldLength] }
  }

  /** How many distinct terms the index holds. */
  get termCount(): number {
    return this.#postings.size
  }

  /** The terms, in the order they were first met (MiniSearch's `addAll` order: see `term-order.ts`). */
  terms(): string[] {
    return [...this.#postings.keys()]
  }

  /** Each term's postings, field by field (ascending field ids), in the order terms were first met. */
  *postings(): Generator<[string, FieldPostings[]]> {
    for (const [term, fields] of this.#postings) {
      const decoded: FieldPostings[] = []
      fields.forEach((buffer, fieldId) => buffer && decoded.push(buffer.decode(fieldId)))
      yield [term, decoded]
    }
  }
}

/**
 * Which paragraphs hold each key (a word as typed, say), the paragraphs added in ascending short
 * id: the same compact buffers, every frequency 1.
 */
export class KeyDocuments {
  #docs = new Map<string, PostingsBuffer>()

  /** Records that paragraph `shortId` holds `key`; each key once per paragraph, short ids ascending. */
  add(key: string, shortId: number): void {
    let buffer = this.#docs.get(key)
    if (!buffer) this.#docs.set(key, (buffer = new PostingsBuffer()))
    if (buffer.count > 0 && buffer.last >= shortId) throw new Error(`"${key}": short id ${shortId} added after ${buffer.last}`)
    buffer.push(shortId, 1)
  }

  /** Each key's paragraphs, as field 0's postings, in the order keys were first met. */
  *entries(): Generator<[string, FieldPostings]> {
    for (const [key, buffer] of this.#docs) yield [key, buffer.decode(0)]
  }
}
