import { describe } from 'vitest'
import { base64Cases } from '../support/base64-cases.ts'

// Node 24 has no Uint8Array.fromBase64: atob and btoa.
describe('base64', base64Cases)
