/**
 * @module
 * Calls the Worker under test, inside workerd, as a client would.
 */
import { exports } from 'cloudflare:workers'

/** The Worker's default export, as the test runtime exposes it. */
const worker = (exports as unknown as { default: Fetcher }).default

/** Sends a request to the Worker and returns the response. */
export function fetchWorker(path: string, init?: RequestInit): Promise<Response> {
  return worker.fetch(new Request(new URL(path, 'http://search.test'), init))
}

/** Sends a GET and parses the JSON body, checking the content type on the way. */
export async function getJson<T = any>(path: string, init?: RequestInit): Promise<{ status: number; body: T; response: Response }> {
  const response = await fetchWorker(path, init)
  if (!response.headers.get('content-type')?.startsWith('application/json')) {
    throw new Error(`${path}: expected JSON, got ${response.headers.get('content-type')}: ${await response.text()}`)
  }
  return { status: response.status, body: (await response.json()) as T, response }
}
