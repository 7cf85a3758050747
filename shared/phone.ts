import { PHONE_LABELS, type PhoneLabel } from './codes.ts'

/**
 * Phone numbers as staff type them (075-123-4567, ０７５（１２３）４５６７, 090 1234 5678): digits in
 * any width with hyphens, spaces or brackets between them. The typed form is kept for display;
 * the ASCII digits are what searches and imports compare. One function for the people API, the
 * search box and the ledger import, so that a number found by one is found by all.
 */

/** The field message for a number that is not one; it never quotes the number (personal data). */
export const PHONE_MESSAGES = {
  characters: '電話番号には数字・ハイフン・空白・括弧のみ使えます',
  length: '電話番号は6〜15桁の数字で入力してください',
} as const

const MIN_DIGITS = 6
const MAX_DIGITS = 15

// Hyphens: ASCII and full-width, the Unicode dashes and minus a Japanese IME produces, and the
// long vowel mark (ー/ｰ) that staff often type for a hyphen in a number.
const SEPARATOR = /[-－‐‑‒–—―−ーｰ\s\u3000()（）]/gu
// Digits: ASCII and full-width only (other scripts' digits are not phone numbers staff type).
const FULL_WIDTH_DIGIT = /[０-９]/gu

export type PhoneResult = { ok: true; number: string; digits: string } | { ok: false; message: string }

/** ASCII digits of a text, or null when it holds anything but digits and separators. */
export function phoneDigits(input: string): string | null {
  const folded = input
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(SEPARATOR, '')
  return /^[0-9]*$/.test(folded) ? folded : null
}

/** A phone number as typed (trimmed) and its digits, or the field message refusing it. */
export function parsePhone(input: string): PhoneResult {
  const number = input.trim()
  const digits = phoneDigits(number)
  if (digits === null) return { ok: false, message: PHONE_MESSAGES.characters }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    return { ok: false, message: PHONE_MESSAGES.length }
  }
  return { ok: true, number, digits }
}

const LABEL_PREFIX = /^\s*([^:：]+?)\s*[:：]\s*/u

/**
 * A ledger's phone entry, which may start with its label (`自宅:` `携帯:` `勤務先:` or `home:`
 * `mobile:` `work:`, either colon width). An unknown prefix is not a label: the whole entry is
 * read as the number (and refused for its characters).
 */
export function parseLabelledPhone(
  input: string,
): { ok: true; label: PhoneLabel | null; number: string; digits: string } | { ok: false; message: string } {
  const prefix = LABEL_PREFIX.exec(input)
  const label = prefix
    ? PHONE_LABELS.find((l) => l.code === prefix[1]?.toLowerCase() || l.label === prefix[1])
    : undefined
  const parsed = parsePhone(label && prefix ? input.slice(prefix[0].length) : input)
  return parsed.ok ? { ...parsed, label: label?.code ?? null } : parsed
}
