// What residents type, checked before anything is written. Every refusal is a message key (the
// page says it in the resident's language) on the field it concerns; nothing is stored while
// any field has one. Rules (the product's, shared/contracts/common.ts, plus what anonymous
// forms need):
// - NUL and other control characters: refused (PostgreSQL cannot store NUL; the rest is garbage).
// - Broken characters: a lone surrogate half, or U+FFFD — what a browser sends in its place and
//   what invalid UTF-8 in a form post decodes to — refused, so nobody's text is stored garbled.
// - Zero-width and other invisible characters: refused in one-line fields (a nickname, a
//   passphrase that could never be typed again); kept in the consultation text, where they are
//   part of emoji and of text pasted from elsewhere (the crisis check folds them away).
// - Full-width characters: ordinary text; folded (NFKC) where a value is compared or dialled
//   (code, passphrase, mail address, phone), so ＡＢＣＤ２３４５ finds ABCD2345.
// - Too long: refused with the limit and the count, never cut silently.
import { parsePhone } from '#shared/phone.ts'
import type { MessageKey, Params } from './i18n/i18n.ts'

export const LIMITS = { body: 4000, nickname: 30, address: 254, phone: 30, passphrase: 200 } as const
export const PASSPHRASE_MIN = 8

export interface FieldError {
  field: string
  key: MessageKey
  params?: Params
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LINE_BREAK = /[\t\n\r\u2028\u2029]/
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/

/** The first problem of a text's characters and length, as a message key, or null. */
export function textProblem(
  value: string,
  max: number,
  options: { multiline?: boolean } = {},
): Pick<FieldError, 'key' | 'params'> | null {
  if (CONTROL.test(value)) return { key: 'error.control' }
  if (BROKEN.test(value)) return { key: 'error.broken' }
  if (!options.multiline && INVISIBLE.test(value)) return { key: 'error.invisible' }
  if (!options.multiline && LINE_BREAK.test(value.trim())) return { key: 'error.lineBreak' }
  const count = [...value].length
  if (count > max) return { key: 'error.tooLong', params: { max, count } }
  return null
}

/** A form value as a string: absent, repeated or odd values become ''. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/

/** A mail address as typed (full-width folded), or a problem. */
export function parseAddress(typed: string): { ok: true; address: string } | { ok: false; key: MessageKey } {
  const address = typed.normalize('NFKC').trim()
  return ADDRESS.test(address) ? { ok: true, address } : { ok: false, key: 'error.email' }
}

/** A phone number (any width, hyphens, brackets), or a problem. */
export function parseResidentPhone(
  typed: string,
): { ok: true; phone: string } | { ok: false; key: MessageKey } {
  const parsed = parsePhone(typed.normalize('NFKC'))
  return parsed.ok ? { ok: true, phone: parsed.number } : { ok: false, key: 'error.phone' }
}

/**
 * The passphrase as it is hashed and compared: NFKC (so full-width and half-width typing give the
 * same passphrase on a phone and on a PC) and without surrounding spaces.
 */
export function normalisePassphrase(typed: string): string {
  return typed.normalize('NFKC').trim()
}
