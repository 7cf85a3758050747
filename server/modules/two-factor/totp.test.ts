import { describe, expect, it } from 'vitest'
import { openSecret, sealSecret, secretBoxKey } from '#server/platform/secret-box.ts'
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts'
import { matchingStep } from './totp.ts'

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the 8-digit values' last 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const RFC_VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
]

describe('TOTP codes', () => {
  it.each(RFC_VECTORS)('accepts the RFC 6238 test vector at %i s', (seconds, code) => {
    expect(matchingStep(RFC_SECRET, code, new Date(seconds * 1000))).toBe(Math.floor(seconds / 30))
  })

  it('accepts one step of drift either way and no more', () => {
    const at = (s: number) => new Date(s * 1000)
    expect(matchingStep(RFC_SECRET, '005924', at(1234567890 + 30))).toBe(Math.floor(1234567890 / 30))
    expect(matchingStep(RFC_SECRET, '005924', at(1234567890 - 30))).toBe(Math.floor(1234567890 / 30))
    expect(matchingStep(RFC_SECRET, '005924', at(1234567890 + 90))).toBeNull()
    expect(matchingStep(RFC_SECRET, '005925', at(1234567890))).toBeNull()
  })
})

describe('recovery codes', () => {
  it('are ten distinct codes, hashed per account', () => {
    const codes = newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const c of codes) expect(c).toMatch(/^[a-hj-km-np-z2-9]{5}-[a-hj-km-np-z2-9]{5}$/)
    expect(hashRecoveryCode('t', 'a', codes[0]!)).toBe(hashRecoveryCode('t', 'a', codes[0]!.replace('-', '')))
    expect(hashRecoveryCode('t', 'a', codes[0]!)).not.toBe(hashRecoveryCode('t', 'b', codes[0]!))
  })
})

describe('the secret box', () => {
  const key = secretBoxKey('a-key-from-the-environment-0123456789')
  it('opens what it sealed, only for the same row and key, and never holds the plain text', () => {
    const sealed = sealSecret(key, RFC_SECRET, 'totp:t1:a1')
    expect(sealed).not.toContain(RFC_SECRET)
    expect(sealSecret(key, RFC_SECRET, 'totp:t1:a1')).not.toBe(sealed)
    expect(openSecret(key, sealed, 'totp:t1:a1')).toBe(RFC_SECRET)
    expect(() => openSecret(key, sealed, 'totp:t1:a2')).toThrow()
    expect(() =>
      openSecret(secretBoxKey('another-key-from-the-environment-0123'), sealed, 'totp:t1:a1'),
    ).toThrow()
    const parts = sealed.split('.')
    parts[2] = `A${parts[2]!.slice(1)}` === parts[2] ? `B${parts[2]!.slice(1)}` : `A${parts[2]!.slice(1)}`
    expect(() => openSecret(key, parts.join('.'), 'totp:t1:a1')).toThrow()
    expect(() => secretBoxKey('short')).toThrow()
  })
})
