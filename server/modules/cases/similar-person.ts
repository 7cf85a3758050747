/**
 * Spaces (full-width or not) and katakana folded away, in memory: what the anonymised summaries'
 * name filter (network/anonymity.ts) uses. The search box and the duplicate-person warning do
 * not: they compare in SQL with search_fold (migration 0008), which folds more (width, ー, variant
 * kanji) and is the one definition the stored fold columns are made with.
 */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/gu, '')
}

export function normaliseKana(kana: string): string {
  const hiragana = kana.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
  return normaliseName(hiragana)
}
