/**
 * @module
 * CORS for the read-only API, configured by the `CORS_ORIGINS` var: `*` (the default) lets any
 * site embed the widget; a comma-separated list allows only those origins.
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import type { Env } from '../env.ts'

/**
 * Parses `CORS_ORIGINS`.
 *
 * @example
 * parseAllowedOrigins(' https://a.example, https://b.example ') // => ['https://a.example', 'https://b.example']
 * parseAllowedOrigins(undefined)                                // => '*'
 */
export function parseAllowedOrigins(value: string | undefined): '*' | string[] {
  const origins = (value ?? '*').split(',').map((origin) => origin.trim()).filter(Boolean)
  return origins.length === 0 || origins.includes('*') ? '*' : origins
}

/** CORS middleware for GET, HEAD and OPTIONS, following `CORS_ORIGINS`. */
export function corsFromEnv(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const allowed = parseAllowedOrigins(c.env?.CORS_ORIGINS)
    return cors({
      origin: allowed === '*' ? '*' : (origin) => (allowed.includes(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: ['ETag'],
      maxAge: 86400,
    })(c, next)
  }
}
