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
 * - columns, as bytes (read once, whole, and viewed rather than parsed): a header of varints
 *   (`varint.ts`: the count of paragraphs, of fields, and each column's width), then column after
 *   column in short-id order, each value little-endian in its column's width (1, 2 or 4 bytes, the
 *   narrowest that holds its largest value), each column starting on a 4-byte boundary: each kind
 *   (its index in {@link PARAGRAPH_KINDS}), each fact (1 + its index in a list of facts kept
 *   beside, 0 for none), then each field's lengths. Column by column, runs of equal values (kinds,
 *   absent facts) sit together and compress to almost nothing. Short ids follow the manifest's
 *   order (its sources in order, each source's paragraphs in order), so a paragraph's source and
 *   position come from the sources' sizes and are not written. (Varints took a 1M-paragraph
 *   isolate's first request 30 ms to decode; the fixed widths, 10% more bytes to gunzip.)
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

/** Each ASCII character code's base-36 digit value (`0`–`9`, `a`–`z`), -1 for any other. */
const DIGITS = Int8Array.from({ length: 128 }, (_, code) => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 122 ? code - 87 : -1))

/** The base-36 digit at `i` of `text`, or -1 (past the end too). */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  return code < 128 ? DIGITS[code]! : -1
}

/** Throws the error of malformed postings, naming the offset `i` and the text around it. */
function malformed(text: string, i: number): never {
  throw new Error(`postings are malformed at offset ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}`)
}

/**
 * Decodes a term's postings (one part of them: see {@link encodePostingsParts}), in one pass: a
 * field's arrays are sized by its characters (an entry takes at most every other one) and viewed
 * to the entries read. The query's broad terms bring tens of thousands of entries per search.
 *
 * @throws Error naming the offset when the text is not in the form {@link encodePostings} writes.
 * @example
 * decodePostings('0:0,3.2;2:5')[0]!.docs // => Uint32Array [0, 3]
 */
export function decodePostings(text: string): CompactPostings {
  const fields: FieldPostings[] = []
  const length = text.length
  let i = 0
  while (i < length) {
    let fieldId = 0
    let d = digitAt(text, i)
    if (d < 0) malformed(text, i)
    do {
      fieldId = fieldId * 36 + d
      d = digitAt(text, ++i)
    } while (d >= 0)
    if (text.charCodeAt(i++) !== 58 /* : */) malformed(text, i - 1)
    let end = text.indexOf(';', i)
    if (end === -1) end = length
    // An entry is a digit at least, and every entry but the last is followed by a comma.
    const room = (end - i + 1) >> 1
    const docs = new Uint32Array(room)
    const tfs = new Uint32Array(room)
    let count = 0
    let doc = 0
    for (;;) {
      let gap = 0
      d = digitAt(text, i)
      if (d < 0) malformed(text, i)
      do {
        gap = gap * 36 + d
        d = digitAt(text, ++i)
      } while (d >= 0)
      doc += gap
      let tf = 1
      if (text.charCodeAt(i) === 46 /* . */) {
        tf = 0
        d = digitAt(text, ++i)
        if (d < 0) malformed(text, i)
        do {
          tf = tf * 36 + d
          d = digitAt(text, ++i)
        } while (d >= 0)
      }
      docs[count] = doc
      tfs[count++] = tf
      if (i >= end) break
      if (text.charCodeAt(i++) !== 44 /* , */) malformed(text, i - 1)
    }
    if (i !== end) malformed(text, i)
    i++
    fields.push({ fieldId, docs: count === room ? docs : docs.subarray(0, count), tfs: count === room ? tfs : tfs.subarray(0, count) })
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

/** Whether typed arrays are little-endian here (every platform Workers and Node run on is). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** The widths a column's values may be stored in, in bytes (the narrowest that holds its largest), and the typed array of each. */
const VIEWS = { 1: Uint8Array, 2: Uint16Array, 4: Uint32Array } as const

/** `n` rounded up to a multiple of 4: every column starts on a 4-byte boundary, so it can be viewed. */
const aligned = (n: number): number => Math.ceil(n / 4) * 4

/** A growing column of unsigned 32-bit values. */
class Column {
  values = new Uint32Array(1024)
  max = 0

  /** What the column holds, for errors ("the kind", "length 0"). */
  readonly name: string

  constructor(name: string) {
    this.name = name
  }

  push(at: number, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`${this.name} of row ${at} is ${value}, not an integer from 0 to 2^32 - 1`)
    if (at === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[at] = value
    if (value > this.max) this.max = value
  }

  get width(): 1 | 2 | 4 {
    return this.max < 0x100 ? 1 : this.max < 0x10000 ? 2 : 4
  }
}

/**
 * Writes the columns a row at a time; rows must be given for short ids 0, 1, 2… in order.
 *
 * @example
 * const writer = new ColumnsWriter(3)
 * writer.add({ kind: 'caption', fact: 0, lengths: [7, null, 3] })
 * // Count 1, 3 fields, five columns one byte wide, a byte of padding; each column padded to 4.
 * writer.finish() // => Uint8Array [1, 3, 1, 1, 1, 1, 1, 0,  1, 0, 0, 0,  0, 0, 0, 0,  7, 0, 0, 0,  0, 0, 0, 0,  3, 0, 0, 0]
 */
export class ColumnsWriter {
  readonly #columns: Column[]
  #count = 0

  /** @param fields - How many field lengths each row has. */
  constructor(fields: number) {
    // Kinds, facts, then each field's lengths.
    this.#columns = [new Column('the kind'), new Column('the fact'), ...Array.from({ length: fields }, (_, f) => new Column(`length ${f}`))]
  }

  /**
   * @throws Error when the kind is not one of {@link PARAGRAPH_KINDS}, and RangeError when a
   *   fact or length is not an integer from 0 to 2^32 - 1.
   */
  add({ kind, fact, lengths }: DocRow): void {
    const k = PARAGRAPH_KINDS.indexOf(kind)
    if (k < 0) throw new Error(`paragraph kind "${kind}" is not one of ${PARAGRAPH_KINDS.join(', ')}`)
    const row = this.#count
    const columns = this.#columns
    columns[0]!.push(row, k)
    columns[1]!.push(row, fact)
    for (let f = 2; f < columns.length; f++) columns[f]!.push(row, lengths[f - 2] ?? 0)
    this.#count++
  }

  /** The columns' bytes. */
  finish(): Uint8Array {
    if (!LITTLE_ENDIAN) throw new Error('paragraph columns are written little-endian, and this platform is not')
    const header = new VarintWriter()
    header.write(this.#count)
    header.write(this.#columns.length - 2)
    for (const column of this.#columns) header.write(column.width)
    const head = header.written()
    const size = this.#columns.reduce((sum, column) => sum + aligned(this.#count * column.width), aligned(head.length))
    const bytes = new Uint8Array(size)
    bytes.set(head)
    let at = aligned(head.length)
    for (const column of this.#columns) {
      const width = column.width
      // Narrowed by the typed array's own conversion: every value fits its width.
      bytes.set(new Uint8Array(VIEWS[width].from(column.values.subarray(0, this.#count)).buffer), at)
      at += aligned(this.#count * width)
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
 * Decodes the columns of {@link ColumnsWriter}: each column viewed in place and widened into its
 * typed array by the runtime (`TypedArray.prototype.set`), no value parsed one at a time.
 *
 * @param fields - How many field lengths each row has.
 * @param sourceSizes - How many paragraphs each source of the manifest has, in its order.
 * @param facts - How many facts the list kept beside holds (a row's fact is at most this).
 * @throws Error when the rows are not as many as the sources' paragraphs or the fields not
 *   `fields`, when a width is not 1, 2 or 4 bytes, when a kind is not one of
 *   {@link PARAGRAPH_KINDS} or a fact past the list, and when the bytes end early or go on past
 *   the columns.
 */
export function decodeColumns(bytes: Uint8Array, fields: number, sourceSizes: readonly number[], facts = Infinity): DocColumns {
  const malformed = (what: string): never => {
    throw new Error(`paragraph columns are malformed: ${what}`)
  }
  if (!LITTLE_ENDIAN) throw new Error('paragraph columns are written little-endian, and this platform is not')
  const reader = new VarintReader(bytes)
  const read = (): number => {
    try {
      return reader.read()
    } catch (error) {
      return malformed((error as Error).message)
    }
  }
  const count = read()
  const written = read()
  const paragraphs = sourceSizes.reduce((sum, size) => sum + size, 0)
  if (paragraphs !== count) throw new Error(`paragraph columns have ${count} rows for ${paragraphs} paragraphs in the manifest`)
  if (written !== fields) malformed(`${written} field lengths a row, not ${fields}`)
  const widths = Array.from({ length: 2 + fields }, (_, column) => {
    const width = read()
    return Object.hasOwn(VIEWS, width) ? (width as keyof typeof VIEWS) : malformed(`column ${column} is ${width} bytes wide, not 1, 2 or 4`)
  })
  // Kinds are read into bytes: a wider kind column would be cut to its low bytes before the check below.
  if (widths[0] !== 1) malformed(`the kinds' column is ${widths[0]} bytes wide, not 1`)
  const size = widths.reduce((sum, width) => sum + aligned(count * width), aligned(reader.at))
  if (bytes.length < size) malformed(`${bytes.length} bytes, not the ${size} the header gives`)
  if (bytes.length > size) malformed(`${bytes.length - size} bytes past the last column`)
  // A view needs its offset aligned in the buffer: bytes that are a slice at an odd place are copied once.
  const whole = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  let at = aligned(reader.at)
  const columns: DocColumns = {
    count,
    source: new Uint32Array(count),
    kind: new Uint8Array(count),
    position: new Uint32Array(count),
    fact: new Uint32Array(count),
    lengths: Array.from({ length: fields }, () => new Uint32Array(count)),
  }
  for (const [column, target] of [columns.kind, columns.fact, ...columns.lengths].entries()) {
    const width = widths[column]!
    target.set(new VIEWS[width](whole.buffer as ArrayBuffer, whole.byteOffset + at, count))
    at += aligned(count * width)
  }
  const { kind, fact } = columns
  for (let shortId = 0; shortId < count; shortId++) {
    if (kind[shortId]! >= PARAGRAPH_KINDS.length) malformed(`kind ${kind[shortId]} of row ${shortId} is past the ${PARAGRAPH_KINDS.length} kinds`)
    if (fact[shortId]! > facts) malformed(`row ${shortId} names fact ${fact[shortId]! - 1} of ${facts}`)
  }
  const positions = Uint32Array.from({ length: sourceSizes.reduce((most, size) => Math.max(most, size), 0) }, (_, position) => position)
  let first = 0
  sourceSizes.forEach((size, source) => {
    columns.source.fill(source, first, first + size)
    columns.position.set(positions.subarray(0, size), first)
    first += size
  })
  return columns
}
