import { describe, expect, it } from 'vitest'
import { devServerEnv } from '../../scripts/lib/dev-server.ts'

describe('devServerEnv', () => {
  it('turns off usage metrics and local observability, keeping the rest of the environment', () => {
    const env = devServerEnv({ PATH: '/usr/bin', HOME: '/root' })
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root', WRANGLER_SEND_METRICS: 'false', CI: 'true', X_LOCAL_OBSERVABILITY: 'false' })
  })

  it('leaves local observability as the environment sets it, for a run that wants the traces', () => {
    expect(devServerEnv({ X_LOCAL_OBSERVABILITY: 'true' }).X_LOCAL_OBSERVABILITY).toBe('true')
  })

  it('takes an empty value as unset, which wrangler would reject', () => {
    expect(devServerEnv({ X_LOCAL_OBSERVABILITY: '' }).X_LOCAL_OBSERVABILITY).toBe('false')
  })

  it('always turns usage metrics off', () => {
    expect(devServerEnv({ WRANGLER_SEND_METRICS: 'true' }).WRANGLER_SEND_METRICS).toBe('false')
  })
})
