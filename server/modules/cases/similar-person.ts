/**
 * How two records are compared for "possibly the same person": people type names with and
 * without spaces (full-width or not), and kana in hiragana or katakana.
 * The SQL side (cases.search.repository.ts) applies the same normalisation to stored values.
 */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/gu, '')
}

export function normaliseKana(kana: string): string {
  const hiragana = kana.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
  return normaliseName(hiragana)
}
