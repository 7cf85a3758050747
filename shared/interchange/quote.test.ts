import { describe, expect, it } from 'vitest'
import { clip, QUOTE_CHARS, quote } from './quote.ts'

describe('quote', () => {
  it('keeps a short text whole', () => {
    expect(quote('C-1')).toBe('「C-1」')
    expect(quote(null)).toBe('「」')
    expect(clip('x'.repeat(QUOTE_CHARS))).toBe('x'.repeat(QUOTE_CHARS))
  })

  it('cuts a long text after 100 characters, counting characters outside the BMP as one', () => {
    const text = '😀'.repeat(150)
    const cut = clip(text)
    expect([...cut]).toHaveLength(QUOTE_CHARS + 1)
    expect(cut).toBe(`${'😀'.repeat(100)}…`)
  })

  it('never splits a surrogate pair, and passes lone surrogates, NUL and zero-width characters', () => {
    expect(clip('a😀b', 2)).toBe('a😀…')
    expect(clip('\ud800\u0000\u200bＡ', 3)).toBe('\ud800\u0000\u200b…')
    expect(clip('\udc00\ud800', 1)).toBe('\udc00…')
  })

  it('clips a text of millions of characters to its beginning', () => {
    expect(quote('山'.repeat(5_000_000), 20)).toBe(`「${'山'.repeat(20)}…」`)
  })
})
