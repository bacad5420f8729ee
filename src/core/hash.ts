/**
 * @module
 * Small deterministic hashes for ids and cache keys.
 */

/**
 * A 53-bit non-cryptographic string hash (cyrb53, public domain), as a fixed-width base-36 string.
 * Used where an id must be short and stable, not secret.
 *
 * @param text - The string to hash.
 * @param seed - Varies the hash for the same text.
 * @returns 11 base-36 characters.
 *
 * @example
 * shortHash('Versailles') === shortHash('Versailles') // => true
 * shortHash('Versailles').length                    // => 11
 */
export function shortHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return value.toString(36).padStart(11, '0')
}

/**
 * SHA-256 of some text, hex-encoded, with the Web Crypto API (the same in Node and in Workers).
 *
 * @example
 * await sha256Hex('') // => 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  // A copy, so the buffer is a plain ArrayBuffer as `digest` wants under every lib's typings.
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
