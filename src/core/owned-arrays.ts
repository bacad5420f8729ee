/**
 * @module
 * Typed arrays whose memory is given back when the code is done with them, not at the next
 * garbage collection. A typed array's bytes live outside the JavaScript heap, and the engine frees
 * them only once a collection finds the array unreachable: at a million paragraphs the related
 * step's arrays (hundreds of MB) were still held while the next steps allocated theirs, and a
 * grown array's old copy beside the new one until then. Detaching the array's buffer
 * (`ArrayBuffer.prototype.transfer`, ES2024) frees its bytes at once.
 *
 * An array handled here must own its buffer whole (made with `new`, `from` or `slice`, not a
 * `subarray` view of another), or detaching its buffer would empty the arrays it shares it with.
 */

/** A typed array of numbers. */
export type NumberArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array

/** `ArrayBuffer.prototype.transfer` (ES2024; the project's library types stop at ES2023). */
type Transferable = ArrayBuffer & { transfer(length?: number): ArrayBuffer }

function ownBuffer(array: NumberArray): Transferable {
  if (array.byteOffset !== 0 || array.byteLength !== array.buffer.byteLength || !(array.buffer instanceof ArrayBuffer)) {
    throw new Error(`a typed array of ${array.length} values shares its buffer (offset ${array.byteOffset}, ${array.buffer.byteLength} bytes): only an array owning its buffer whole can give it back`)
  }
  return array.buffer as Transferable
}

/**
 * Gives back the memory of each array now: each is left empty (`length` 0), its buffer detached.
 *
 * @throws Error when an array does not own its buffer whole (see the module's note).
 *
 * @example
 * const scores = new Int32Array(4)
 * releaseArrays(scores)
 * scores.length // => 0
 */
export function releaseArrays(...arrays: NumberArray[]): void {
  for (const array of arrays) {
    if (array.buffer.byteLength === 0) continue
    ownBuffer(array).transfer(0)
  }
}

/**
 * The array's values in an array of `length` values of the same type (cut, or padded with 0),
 * the old array's memory given back at once (the old array is left empty): a grown copy is never
 * held beside the one it replaces past this call.
 *
 * @throws Error when the array does not own its buffer whole (see the module's note).
 *
 * @example
 * resized(Int32Array.of(5, 6, 7), 5) // => Int32Array [5, 6, 7, 0, 0]
 * resized(Int32Array.of(5, 6, 7), 2) // => Int32Array [5, 6]
 */
export function resized<T extends NumberArray>(array: T, length: number): T {
  const make = array.constructor as new (buffer: ArrayBuffer) => T
  const bytes = length * array.BYTES_PER_ELEMENT
  if (array.buffer.byteLength === 0 && array.length === 0) return new make(new ArrayBuffer(bytes))
  return new make(ownBuffer(array).transfer(bytes))
}
