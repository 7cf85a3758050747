import { randomInt } from 'node:crypto'

/**
 * 受付番号: eight characters from an alphabet without 0/O and 1/I, so a code read aloud over the
 * phone or copied from a handwritten note cannot be mistaken; 32^8 ≈ 10^12 codes, so guessing one
 * is hopeless even before the per-code throttle. Shown as ABCD-EFGH; typed in any way.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

export function newReferenceCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** ABCD2345 → ABCD-2345: easier to read back and to copy by hand. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * What a resident typed as a code, as stored, or null when it cannot be one. Full-width letters
 * (a Japanese keyboard's default), lower case, spaces and hyphens are folded away; anything else
 * is not a code.
 */
export function normaliseReferenceCode(typed: string): string | null {
  const folded = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑–—―ー_.]/g, '')
  if (folded.length !== CODE_LENGTH) return null
  for (const c of folded) if (!CODE_ALPHABET.includes(c)) return null
  return folded
}
