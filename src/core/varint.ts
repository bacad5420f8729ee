/**
 * @module
 * Variable-length unsigned integers (LEB128, as Protocol Buffers and SQLite's record format write
 * them): seven bits a byte, least significant first, the high bit set on every byte but the last.
 * A number under 128 takes one byte, under 16,384 two; the compact binary forms of the index (the
 * D1 shell's columns) are written with them. (`paragraph-postings.ts` writes the same encoding
 * inline, in its hottest loop.)
 */

/** A growing buffer of varints. */
export class VarintWriter {
  /** The buffer; its first {@link VarintWriter.length} bytes are written. */
  bytes: Uint8Array
  /** Bytes written. */
  length = 0

  /** @param capacity - Bytes to start with (the buffer doubles as it fills). */
  constructor(capacity = 8) {
    this.bytes = new Uint8Array(Math.max(capacity, 8))
  }

  /**
   * Appends `value`, a safe non-negative integer.
   *
   * @throws RangeError when `value` is negative, fractional or past `Number.MAX_SAFE_INTEGER`.
   */
  write(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`a varint holds a non-negative integer, not ${value}`)
    if (this.bytes.length - this.length < 8) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    while (value >= 0x80) {
      this.bytes[this.length++] = (value % 0x80) | 0x80
      value = Math.floor(value / 0x80)
    }
    this.bytes[this.length++] = value
  }

  /** The bytes written (a view of the buffer, not a copy). */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.length)
  }
}

/** Reads varints one after the other from bytes. */
export class VarintReader {
  readonly #bytes: Uint8Array
  /** Offset of the next byte to read. */
  at: number

  constructor(bytes: Uint8Array, at = 0) {
    this.#bytes = bytes
    this.at = at
  }

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.at >= this.#bytes.length
  }

  /**
   * The next varint.
   *
   * @throws RangeError naming the offset when the bytes end inside a varint, or when one runs past
   *   `Number.MAX_SAFE_INTEGER` (eight bytes of seven bits hold 56).
   */
  read(): number {
    const start = this.at
    let value = 0
    let scale = 1
    for (;;) {
      if (this.at >= this.#bytes.length) throw new RangeError(`the bytes end inside the varint at offset ${start}`)
      const byte = this.#bytes[this.at++]!
      value += (byte & 0x7f) * scale
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) throw new RangeError(`the varint at offset ${start} is longer than a safe integer`)
        return value
      }
      scale *= 0x80
      if (scale > 2 ** 49) throw new RangeError(`the varint at offset ${start} is longer than a safe integer`)
    }
  }
}
