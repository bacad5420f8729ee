/**
 * @module
 * What the corpus folder may hold, checked before anything is built: source files that are text,
 * and metadata that is well formed. Every failure is a {@link CorpusError} naming the file.
 */
import { z } from 'zod'
import type { SourceMetadata } from './types.ts'

/** A problem with one file of the corpus. The message names the file and the reason. */
export class CorpusError extends Error {
  /** The file at fault, as given to the build (e.g. `corpus/a.txt`). */
  readonly file: string
  /** What is wrong with it. */
  readonly reason: string

  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`)
    this.name = 'CorpusError'
    this.file = file
    this.reason = reason
  }
}

/** Share of control characters above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.01
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g

/**
 * Decodes a source file as text, refusing what is not a text article. The encoding is UTF-8,
 * or UTF-16 when the file says so: by its byte-order mark (as Windows tools save "Unicode"
 * text), or, without one, by the NUL byte at every other position that ASCII letters have in
 * UTF-16 (little- or big-endian by the side the NULs are on).
 *
 * @param bytes - The file's content.
 * @param file - The file's name, for the error message.
 * @returns The text, without a byte-order mark.
 * @throws {@link CorpusError} when the file is empty, binary, or not valid UTF-8 (or not valid
 *   UTF-16 when it declares that).
 *
 * @example
 * decodeSourceText(new TextEncoder().encode('Title\nText.'), 'a.txt') // => 'Title\nText.'
 * decodeSourceText(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]), 'a.txt') // => 'AB'
 */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new CorpusError(file, 'is empty (0 bytes)')
  const utf16 = utf16Encoding(bytes)
  let text: string
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      throw new CorpusError(file, `is not valid ${utf16.toUpperCase()} text (its byte-order mark or byte pattern says ${utf16.toUpperCase()}; save it as UTF-8)`)
    }
  } else {
    if (bytes.includes(0)) throw new CorpusError(file, 'is binary, not text (it contains NUL bytes)')
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch {
      throw new CorpusError(file, `is not valid UTF-8 (first invalid byte at offset ${firstInvalidUtf8Offset(bytes)})`)
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const controls = text.match(CONTROL)?.length ?? 0
  if (controls > text.length * MAX_CONTROL_SHARE) {
    throw new CorpusError(file, `is binary, not text (${controls} control characters in ${text.length})`)
  }
  if (text.trim() === '') throw new CorpusError(file, 'is empty (only white space)')
  return text
}

/** Share of NUL bytes on one side (odd or even offsets) from which text without a BOM is UTF-16. */
const UTF16_NUL_SHARE = 0.6

/** `'utf-16le'` or `'utf-16be'` when the bytes are UTF-16 by their BOM or their NUL pattern, else `undefined`. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096))
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNuls++ : oddNuls++
  const pairs = sample.length / 2
  if (oddNuls >= UTF16_NUL_SHARE * pairs && evenNuls === 0) return 'utf-16le'
  if (evenNuls >= UTF16_NUL_SHARE * pairs && oddNuls === 0) return 'utf-16be'
  return undefined
}

/** The offset where the first invalid UTF-8 sequence of `bytes` starts (binary search on prefixes). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let valid = 0
  let invalid = bytes.length
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1
    try {
      // In streaming mode an incomplete sequence at the end is not an error; a wrong byte is.
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes.subarray(0, middle), { stream: true })
      valid = middle
    } catch {
      invalid = middle
    }
  }
  // `valid` may end inside the sequence that breaks; report where that sequence starts.
  for (let start = valid; start > Math.max(0, valid - 4); start--) {
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes.subarray(0, start))
      return start
    } catch {
      // still inside the broken sequence
    }
  }
  return valid
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

/**
 * Whether a value is an ISO 8601 date (`2017-05-29`, or a full timestamp) that exists.
 *
 * @example
 * isIsoDate('2017-05-29T18:00:00Z') // => true
 * isIsoDate('May 29, 2017') // => false
 */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
}

/** Whether a value is an absolute http(s) URL without white space. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value)
}

/** One entry of `corpus/sources.json`: the file it describes and what is known about it. */
export const SourceEntrySchema = z.strictObject({
  file: z.string().regex(/^[^/\\]+\.(?:txt|pdf|html?)$/i, 'must be the name of a .txt, .pdf, .html or .htm file in corpus/'),
  id: z.string().regex(SLUG, 'must be a slug: lowercase letters, digits and single hyphens').optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  published: z
    .string()
    .refine((value) => value === '' || isIsoDate(value), 'must be an ISO 8601 date such as 2017-05-29')
    .optional(),
  url: z
    .string()
    .refine((value) => value === '' || isHttpUrl(value), 'must be an http(s) URL')
    .optional(),
})

/** An entry of `corpus/sources.json`. */
export type SourceEntry = z.infer<typeof SourceEntrySchema>

const SourcesFileSchema = z.array(SourceEntrySchema)

/**
 * Parses and checks the metadata file.
 *
 * @param text - The content of `corpus/sources.json`.
 * @param file - Its name, for error messages.
 * @returns The entries, in file order.
 * @throws {@link CorpusError} when the JSON is malformed, an entry does not fit the schema, or two
 *   entries describe the same file.
 */
export function parseSourcesMetadata(text: string, file: string): SourceEntry[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new CorpusError(file, `is not valid JSON (${(error as Error).message})`)
  }
  const parsed = SourcesFileSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
    throw new CorpusError(file, `malformed metadata: ${issues.join('; ')}`)
  }
  const seen = new Set<string>()
  for (const entry of parsed.data) {
    if (seen.has(entry.file)) throw new CorpusError(file, `describes ${entry.file} twice`)
    seen.add(entry.file)
  }
  return parsed.data
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || '(root)'
}

/**
 * The id a source gets from its file name when its metadata names none.
 *
 * @example
 * slugFromFileName('BBC Macron–Putin (2017).txt') // => 'bbc-macron-putin-2017'
 */
export function slugFromFileName(fileName: string): string {
  return fileName
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** What a source's file says of itself: its reader's facts and what recovery found. */
export type FoundMetadata = {
  /** The document's title (its first line, or what the file states). */
  title: string
  author?: string
  published?: string
  publisher?: string
  url?: string
}

/**
 * Completes a source's metadata: the entry's values where given, otherwise what the file says of
 * itself (the title from its first line, the author from its byline, the date from its dateline,
 * the URL from a print footer), otherwise the id from the file name. Unknown facts stay empty.
 *
 * @param fileName - The source file's name (`a.txt`).
 * @param entry - Its metadata entry, if any.
 * @param found - What the file says of itself, or just its first line.
 */
export function resolveMetadata(fileName: string, entry: SourceEntry | undefined, found: FoundMetadata | string): SourceMetadata {
  const own: FoundMetadata = typeof found === 'string' ? { title: found } : found
  return {
    id: entry?.id ?? slugFromFileName(fileName),
    title: entry?.title || own.title,
    publisher: entry?.publisher || own.publisher || '',
    author: entry?.author || own.author || '',
    published: entry?.published || own.published || '',
    url: entry?.url || own.url || '',
  }
}
