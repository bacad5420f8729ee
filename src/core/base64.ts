/**
 * @module
 * Base64 (RFC 4648, with padding) between bytes and text, with the runtime's `atob` and `btoa`
 * (workerd, Node and browsers alike). D1 hands back text columns fast and blobs as arrays of
 * numbers, so binary parts of the index are kept there as base64 text.
 */

/** Bytes written at once through `String.fromCharCode` (an argument list has a limit). */
const CHUNK = 0x8000

/**
 * @example
 * bytesToBase64(new Uint8Array([104, 105])) // => 'aGk='
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/**
 * @throws DOMException (`InvalidCharacterError`) when `text` is not base64.
 * @example
 * base64ToBytes('aGk=') // => Uint8Array [104, 105]
 */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
