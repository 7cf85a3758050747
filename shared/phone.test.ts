import { describe, expect, it } from 'vitest'
import { PHONE_MESSAGES, parseLabelledPhone, parsePhone, phoneDigits } from './phone.ts'

describe('parsePhone', () => {
  const accepted: [string, string, string][] = [
    ['075-123-4567', '075-123-4567', '0751234567'],
    ['０７５（１２３）４５６７', '０７５（１２３）４５６７', '0751234567'],
    ['0751234567', '0751234567', '0751234567'],
    ['  090 1234 5678  ', '090 1234 5678', '09012345678'],
    ['075(123)4567', '075(123)4567', '0751234567'],
    ['０７５－１２３－４５６７', '０７５－１２３－４５６７', '0751234567'],
    ['075ー123ー4567', '075ー123ー4567', '0751234567'],
    ['075‐123−4567', '075‐123−4567', '0751234567'],
    ['075\u3000123\u30004567', '075\u3000123\u30004567', '0751234567'],
    ['123456', '123456', '123456'],
    ['123456789012345', '123456789012345', '123456789012345'],
  ]
  it.each(accepted)('accepts %j as %j with digits %s', (input, number, digits) => {
    expect(parsePhone(input)).toEqual({ ok: true, number, digits })
  })

  const refused: [string, string][] = [
    ['', PHONE_MESSAGES.length],
    ['   ', PHONE_MESSAGES.length],
    ['12345', PHONE_MESSAGES.length],
    ['1234567890123456', PHONE_MESSAGES.length],
    ['(-)', PHONE_MESSAGES.length],
    ['075-123-456a', PHONE_MESSAGES.characters],
    ['+81-75-123-4567', PHONE_MESSAGES.characters],
    ['075-123-4567 内線12', PHONE_MESSAGES.characters],
    ['075\u200b1234567', PHONE_MESSAGES.characters],
    ['075.123.4567', PHONE_MESSAGES.characters],
    ['٠٧٥١٢٣٤٥٦٧', PHONE_MESSAGES.characters],
    ['075\u00001234567', PHONE_MESSAGES.characters],
  ]
  it.each(refused)('refuses %j', (input, message) => {
    expect(parsePhone(input)).toEqual({ ok: false, message })
  })

  it('never quotes the number in its message', () => {
    const result = parsePhone('075-123-456x')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).not.toContain('075')
  })
})

describe('phoneDigits', () => {
  it('folds width and drops separators, whatever the length (a search may type part of a number)', () => {
    expect(phoneDigits('０７５（１２３）')).toBe('075123')
    expect(phoneDigits('45')).toBe('45')
    expect(phoneDigits('')).toBe('')
  })
  it('is null for text that is not a number', () => {
    expect(phoneDigits('加藤')).toBeNull()
    expect(phoneDigits('075-abc')).toBeNull()
  })
})

describe('parseLabelledPhone', () => {
  it.each([
    ['自宅:075-123-4567', 'home', '075-123-4567'],
    ['携帯：090-1234-5678', 'mobile', '090-1234-5678'],
    ['work: 075 111 2222', 'work', '075 111 2222'],
    ['Mobile:09012345678', 'mobile', '09012345678'],
    ['075-123-4567', null, '075-123-4567'],
  ])('reads %j as label %s and number %j', (input, label, number) => {
    const result = parseLabelledPhone(input)
    expect(result).toMatchObject({ ok: true, label, number })
  })
  it('refuses an unknown label as part of the number', () => {
    expect(parseLabelledPhone('FAX:075-123-4567')).toEqual({ ok: false, message: PHONE_MESSAGES.characters })
  })
})
