/**
 * The crisis flag (緊急): a message mentioning suicide or self-harm, by the city's word list
 * (shared/inquiry-settings.ts), is marked for staff. Text and words are folded the same way
 * first, so full-width letters, half-width katakana, invisible characters and spaces slipped
 * between the characters ("死 に た い", "死\u200bにたい") still match. A false alarm costs a
 * counsellor a look; a missed one can cost much more, so the folding errs towards matching.
 */
const INVISIBLE_OR_SPACE = /[\s\u00AD\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\uFEFF]/gu

export function foldForCrisis(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE_OR_SPACE, '').toLowerCase()
}

/** Whether the text contains one of the words, after folding both. */
export function mentionsCrisis(text: string, words: readonly string[]): boolean {
  const folded = foldForCrisis(text)
  return words.some((word) => {
    const w = foldForCrisis(word)
    return w.length > 0 && folded.includes(w)
  })
}
