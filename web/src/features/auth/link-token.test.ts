import { describe, expect, it } from 'vitest'
import { cityOfToken, tokenFromHash } from './link-token.ts'

describe('tokenFromHash', () => {
  it('reads the token from the fragment, with or without the leading #', () => {
    expect(tokenFromHash('#token=kyoto.AbC-_123')).toBe('kyoto.AbC-_123')
    expect(tokenFromHash('token=kyoto.AbC-_123')).toBe('kyoto.AbC-_123')
  })

  it('gives an empty token when the fragment has none', () => {
    expect(tokenFromHash('')).toBe('')
    expect(tokenFromHash('#other=1')).toBe('')
  })
})

describe('cityOfToken', () => {
  it('reads the city before the first dot, and nothing from a token without one', () => {
    expect(cityOfToken('second-city.AbC-_123')).toBe('second-city')
    expect(cityOfToken('kyoto.a.b')).toBe('kyoto')
    expect(cityOfToken('.AbC')).toBeUndefined()
    expect(cityOfToken('AbC-_123')).toBeUndefined()
  })
})
