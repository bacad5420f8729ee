/**
 * @module
 * Compact forms of what a store-backed engine reads: a term's postings (per query), and the few
 * facts about every paragraph that ranking reads of each match (source, kind, position, field
 * lengths; once per isolate). The D1 build writes them (`d1-content.ts`); the D1 engine decodes
 * them into typed arrays (`columnar-search.ts`), so a query's matches are scored and counted
 * without an object per match, and a term's postings cost one row read instead of an index scan.
 *
 * - postings, as text (a row of a table per term): numbers in base 36; per field `fieldId:` then
 *   the paragraphs' short ids as gaps from the previous one, each followed by `.tf` when the term
 *   occurs more than once; entries separated by `,`, fields by `;`. `0:0,3.2;2:5` is field 0 in
 *   paragraphs 0 and 3 (twice), field 2 in paragraph 5;
 * - columns, as bytes (read once, whole, and decoded without parsing): varints (`varint.ts`), the
 *   count of paragraphs and of fields, then column after column in short-id order: each kind (its
 *   index in {@link PARAGRAPH_KINDS}), each fact (1 + its index in a list of facts kept beside, 0
 *   for none), then each field's lengths. Column by column, runs of equal values (kinds, absent
 *   facts) sit together and compress to almost nothing. Short ids follow the manifest's order
 *   (its sources in order, each source's paragraphs in order), so a paragraph's source and
 *   position come from the sources' sizes and are not written.
 */
import { PARAGRAPH_KINDS, type ParagraphKind } from './types.ts'
import { VarintReader, VarintWriter } from './varint.ts'

/** A term's postings in one field: short ids ascending, with the term's frequency in each. */
export type FieldPostings = {
  /** MiniSearch's field id. */
  fieldId: number
  /** Short ids of the paragraphs holding the term in this field, ascending. */
  docs: Uint32Array
  /** The term's frequency in each, in the same order. */
  tfs: Uint32Array
}

/** A term's postings, field by field. */
export type CompactPostings = readonly FieldPostings[]

/** Postings as MiniSearch serialises them: field id to short id to frequency. */
export type PlainPostings = Record<string, Record<string, number>>

/**
 * Encodes a term's postings in parts of at most about `maxChars` characters each (an entry is
 * never cut), each decodable alone; in order, their paragraphs ascend field by field, so
 * {@link joinPostings} of the decoded parts gives the whole.
 *
 * @example
 * encodePostingsParts({ 0: { 0: 1, 3: 2, 9: 1 } }, 8) // => ['0:0,3.2', '0:9']
 */
export function encodePostingsParts(postings: PlainPostings, maxChars: number): string[] {
  const fields = Object.keys(postings)
    .map(Number)
    .sort((a, b) => a - b)
    .map((fieldId): FieldPostings => {
      const byDoc = postings[fieldId]!
      const docs = Uint32Array.from(Object.keys(byDoc).map(Number)).sort()
      return { fieldId, docs, tfs: Uint32Array.from(docs, (doc) => byDoc[doc]!) }
    })
  return encodeFieldPostingsParts(fields, maxChars)
}

/**
 * {@link encodePostingsParts} of postings held field by field (ascending field ids, each field's
 * short ids ascending), as the build gathers them (`paragraph-postings.ts`).
 *
 * @example
 * encodeFieldPostingsParts([{ fieldId: 0, docs: Uint32Array.of(0, 3, 9), tfs: Uint32Array.of(1, 2, 1) }], 8) // => ['0:0,3.2', '0:9']
 */
export function encodeFieldPostingsParts(fields: CompactPostings, maxChars: number): string[] {
  const parts: string[] = []
  let part = ''
  for (const { fieldId, docs, tfs } of fields) {
    const head = `${fieldId.toString(36)}:`
    let field = ''
    let previous = 0
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!
      const tf = tfs[i]!
      const frequency = tf === 1 ? '' : `.${tf.toString(36)}`
      let entry = (field === '' ? (part === '' ? '' : ';') + head : ',') + (doc - previous).toString(36) + frequency
      if (part.length + field.length + entry.length > maxChars && part.length + field.length > 0) {
        // The part is full: it ends here, and the next starts its field and gaps afresh.
        parts.push(part + field)
        part = ''
        field = ''
        entry = head + doc.toString(36) + frequency
      }
      field += entry
      previous = doc
    }
    part += field
  }
  if (part !== '') parts.push(part)
  return parts
}

/** The postings of several parts of one term (see {@link encodePostingsParts}), joined field by field. */
export function joinPostings(parts: readonly CompactPostings[]): CompactPostings {
  if (parts.length === 1) return parts[0]!
  const byField = new Map<number, FieldPostings[]>()
  for (const part of parts) for (const field of part) (byField.get(field.fieldId) ?? byField.set(field.fieldId, []).get(field.fieldId)!).push(field)
  return [...byField]
    .sort(([a], [b]) => a - b)
    .map(([fieldId, pieces]) => {
      const length = pieces.reduce((sum, piece) => sum + piece.docs.length, 0)
      const docs = new Uint32Array(length)
      const tfs = new Uint32Array(length)
      let at = 0
      for (const piece of pieces) {
        docs.set(piece.docs, at)
        tfs.set(piece.tfs, at)
        at += piece.docs.length
      }
      return { fieldId, docs, tfs }
    })
}

/**
 * Encodes a term's postings.
 *
 * @example
 * encodePostings({ 0: { 0: 1, 3: 2 }, 2: { 5: 1 } }) // => '0:0,3.2;2:5'
 */
export function encodePostings(postings: PlainPostings): string {
  const fields: string[] = []
  for (const fieldId of Object.keys(postings).sort((a, b) => Number(a) - Number(b))) {
    const byDoc = postings[fieldId]!
    const docs = Object.keys(byDoc).map(Number).sort((a, b) => a - b)
    let previous = 0
    const entries = docs.map((doc) => {
      const tf = byDoc[doc]!
      const gap = (doc - previous).toString(36)
      previous = doc
      return tf === 1 ? gap : `${gap}.${tf.toString(36)}`
    })
    fields.push(`${Number(fieldId).toString(36)}:${entries.join(',')}`)
  }
  return fields.join(';')
}

/** The value of a base-36 digit's character code, or -1. */
function digit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 97 && code <= 122) return code - 87
  return -1
}

/**
 * Decodes a term's postings (one part of them: see {@link encodePostingsParts}).
 *
 * @throws Error naming the offset when the text is not in the form {@link encodePostings} writes.
 * @example
 * decodePostings('0:0,3.2;2:5')[0]!.docs // => Uint32Array [0, 3]
 */
export function decodePostings(text: string): CompactPostings {
  const fields: FieldPostings[] = []
  let i = 0
  const bad = (): never => {
    throw new Error(`postings are malformed at offset ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}`)
  }
  const number = (): number => {
    let value = 0
    let d = digit(text.charCodeAt(i))
    if (d < 0) bad()
    do {
      value = value * 36 + d
      d = digit(text.charCodeAt(++i))
    } while (d >= 0)
    return value
  }
  while (i < text.length) {
    const fieldId = number()
    if (text.charCodeAt(i++) !== 58 /* : */) bad()
    // At most one entry per comma, plus one.
    let count = 1
    const end = text.indexOf(';', i) === -1 ? text.length : text.indexOf(';', i)
    for (let j = i; j < end; j++) if (text.charCodeAt(j) === 44) count++
    const docs = new Uint32Array(count)
    const tfs = new Uint32Array(count)
    let doc = 0
    for (let n = 0; n < count; n++) {
      doc += number()
      docs[n] = doc
      let tf = 1
      if (text.charCodeAt(i) === 46 /* . */) {
        i++
        tf = number()
      }
      tfs[n] = tf
      if (n < count - 1 && text.charCodeAt(i++) !== 44 /* , */) bad()
    }
    if (i !== end) bad()
    i++
    fields.push({ fieldId, docs, tfs })
  }
  return fields
}

/** Compact postings as MiniSearch serialises them (for the engine that scores with MiniSearch itself). */
export function toPlainPostings(postings: CompactPostings): PlainPostings {
  const plain: PlainPostings = {}
  for (const { fieldId, docs, tfs } of postings) {
    const byDoc: Record<string, number> = {}
    for (let n = 0; n < docs.length; n++) byDoc[docs[n]!] = tfs[n]!
    plain[fieldId] = byDoc
  }
  return plain
}

/** What ranking reads of every paragraph, by short id. */
export type DocColumns = {
  /** Paragraphs (short ids run from 0 to `count - 1`). */
  count: number
  /** The index of the paragraph's source in the manifest. */
  source: Uint32Array
  /** The index of the paragraph's kind in {@link PARAGRAPH_KINDS}. */
  kind: Uint8Array
  /** The paragraph's position in its source. */
  position: Uint32Array
  /** 1 + the index of the paragraph's fact in the list of facts, or 0 when it has none. */
  fact: Uint32Array
  /** Each field's length (MiniSearch's count of its terms), by field id, then short id. */
  lengths: Uint32Array[]
}

/** One paragraph's row of {@link DocColumns}, as the build knows it. */
export type DocRow = { kind: ParagraphKind; fact: number; lengths: readonly (number | null | undefined)[] }

/**
 * Writes the columns a row at a time; rows must be given for short ids 0, 1, 2… in order.
 *
 * @example
 * const writer = new ColumnsWriter(3)
 * writer.add({ kind: 'caption', fact: 0, lengths: [7, null, 3] })
 * writer.finish() // => Uint8Array [1, 3, 1, 0, 7, 0, 3]
 */
export class ColumnsWriter {
  readonly #kinds = new VarintWriter()
  readonly #facts = new VarintWriter()
  readonly #lengths: VarintWriter[]
  #count = 0

  /** @param fields - How many field lengths each row has. */
  constructor(fields: number) {
    this.#lengths = Array.from({ length: fields }, () => new VarintWriter())
  }

  /**
   * @throws Error when the kind is not one of {@link PARAGRAPH_KINDS}, and RangeError when a
   *   fact or length is not a non-negative integer.
   */
  add({ kind, fact, lengths }: DocRow): void {
    const k = PARAGRAPH_KINDS.indexOf(kind)
    if (k < 0) throw new Error(`paragraph kind "${kind}" is not one of ${PARAGRAPH_KINDS.join(', ')}`)
    this.#kinds.write(k)
    this.#facts.write(fact)
    this.#lengths.forEach((column, f) => column.write(lengths[f] ?? 0))
    this.#count++
  }

  /** The columns' bytes. */
  finish(): Uint8Array {
    const header = new VarintWriter()
    header.write(this.#count)
    header.write(this.#lengths.length)
    const parts = [header, this.#kinds, this.#facts, ...this.#lengths].map((writer) => writer.written())
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
    let at = 0
    for (const part of parts) {
      bytes.set(part, at)
      at += part.length
    }
    return bytes
  }
}

/**
 * Encodes the columns of these rows, for short ids 0, 1, 2… in order (see {@link ColumnsWriter}).
 *
 * @throws as {@link ColumnsWriter.add} does.
 */
export function encodeColumns(rows: readonly DocRow[], fields: number): Uint8Array {
  const writer = new ColumnsWriter(fields)
  for (const row of rows) writer.add(row)
  return writer.finish()
}

/**
 * Decodes the columns of {@link ColumnsWriter}.
 *
 * @param fields - How many field lengths each row has.
 * @param sourceSizes - How many paragraphs each source of the manifest has, in its order.
 * @param facts - How many facts the list kept beside holds (a row's fact is at most this).
 * @throws Error when the rows are not as many as the sources' paragraphs or the fields not
 *   `fields`, when a kind is not one of {@link PARAGRAPH_KINDS} or a fact past the list, and when
 *   the bytes end early or go on past the columns.
 */
export function decodeColumns(bytes: Uint8Array, fields: number, sourceSizes: readonly number[], facts = Infinity): DocColumns {
  const reader = new VarintReader(bytes)
  const malformed = (what: string): never => {
    throw new Error(`paragraph columns are malformed: ${what}`)
  }
  const read = (): number => {
    let value: number
    try {
      value = reader.read()
    } catch (error) {
      return malformed((error as Error).message)
    }
    // Every column is 32 bits wide.
    return value > 0xffffffff ? malformed(`${value} at offset ${reader.at} is past 32 bits`) : value
  }
  const count = read()
  const written = read()
  const paragraphs = sourceSizes.reduce((sum, size) => sum + size, 0)
  if (paragraphs !== count) throw new Error(`paragraph columns have ${count} rows for ${paragraphs} paragraphs in the manifest`)
  if (written !== fields) malformed(`${written} field lengths a row, not ${fields}`)
  const columns: DocColumns = {
    count,
    source: new Uint32Array(count),
    kind: new Uint8Array(count),
    position: new Uint32Array(count),
    fact: new Uint32Array(count),
    lengths: Array.from({ length: fields }, () => new Uint32Array(count)),
  }
  let at = 0
  sourceSizes.forEach((size, source) => {
    for (let position = 0; position < size; position++, at++) {
      columns.source[at] = source
      columns.position[at] = position
    }
  })
  for (let shortId = 0; shortId < count; shortId++) {
    const kind = read()
    if (kind >= PARAGRAPH_KINDS.length) malformed(`kind ${kind} of row ${shortId} is past the ${PARAGRAPH_KINDS.length} kinds`)
    columns.kind[shortId] = kind
  }
  for (let shortId = 0; shortId < count; shortId++) {
    const fact = read()
    if (fact > facts) malformed(`row ${shortId} names fact ${fact - 1} of ${facts}`)
    columns.fact[shortId] = fact
  }
  for (const lengths of columns.lengths) for (let shortId = 0; shortId < count; shortId++) lengths[shortId] = read()
  if (!reader.done) malformed(`${bytes.length - reader.at} bytes past the last column`)
  return columns
}
