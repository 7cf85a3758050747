import { phoneDigits } from '#shared/phone.ts'
import type { SearchTerms } from './search-matches.ts'

/** Fewer digits than this are too little of a number to look for (they still match case numbers). */
const MIN_PHONE_DIGITS = 4

/**
 * Reads a search box's text: always a text to fold and compare (search_fold, in SQL), and the
 * digits of a phone number when the text is one, however it was typed (075-123-4567,
 * ０７５（１２３）４５６７, 0751234567) — by shared/phone.ts, as the people API and the import store them.
 */
export function searchTermsOf(text: string): SearchTerms {
  const digits = phoneDigits(text.trim())
  return { text, digits: digits && digits.length >= MIN_PHONE_DIGITS ? digits : undefined }
}
