// How the drafted findings (所見の下書き) put a proportion into words: 約半数, 6割弱, 7割以上, 1.3倍,
// 減少傾向. One rule, in docs/report-rules.md ("Findings"), so that every finding of every city
// words the same value the same way and a reader can check the word against the figure.
// Everything is decided on integers (tenths of a percent, tenths or hundredths of a ratio) so no
// binary fraction ever moves a value across a band edge: 56.4 must be 6割弱 on every machine.

import { percentHalfUp } from './percent.ts'

/** A percent with one decimal (56.4) as a whole number of tenths (564). */
const tenthsOf = (percent: number): number => Math.round(percent * 10)

/**
 * The share phrase of a percent with one decimal; the first rule that applies:
 * 1. 0 → なし; 100 → すべて; ≥ 95 → ほぼすべて; < 5 → 1割未満.
 * 2. exactly 50.0 → 半数; 45.0 ≤ p < 55.0 → 約半数.
 * 3. k = p ÷ 10 rounded half up, d = p − 10k: |d| < 0.5 → k割; d < 0 → k割弱; d > 0 → k割以上.
 * Rule 3 reads "割" as the nearest tenth: within half a point of it the share is that tenth
 * (60.1 → 6割), below it 弱 (56.4 → 6割弱), above it 以上 (73.9 → 7割以上).
 */
export function sharePhrase(percent: number): string {
  const t = tenthsOf(percent)
  if (t <= 0) return 'なし'
  if (t >= 1000) return 'すべて'
  if (t >= 950) return 'ほぼすべて'
  if (t < 50) return '1割未満'
  if (t === 500) return '半数'
  if (t >= 450 && t < 550) return '約半数'
  const k = Math.floor((t + 50) / 100)
  const d = t - 100 * k
  if (Math.abs(d) < 5) return `${k}割`
  return d < 0 ? `${k}割弱` : `${k}割以上`
}

/** numerator ÷ denominator in tenths, rounded half up (411 ÷ 307 → 13); 0 when the denominator is 0. */
export function ratioTenths(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0
  return Math.floor((2 * numerator * 10 + denominator) / (2 * denominator))
}

/** A value in tenths as the text writes it: 13 → "1.3", 30 → "3.0". */
export const formatTenths = (tenths: number): string => `${Math.floor(tenths / 10)}.${tenths % 10}`

/**
 * A ratio against a baseline: value = numerator ÷ denominator to one decimal, half up. At 1.0 or
 * more it reads "1.3倍"; below 1.0 a "0.7倍" hides how much was lost, so it reads as the share
 * phrase of the percent instead (302 ÷ 400 = 75.5% → 8割弱).
 */
export function ratioFigure(numerator: number, denominator: number): { value: number; phrase: string } {
  const tenths = ratioTenths(numerator, denominator)
  if (tenths >= 10) return { value: tenths / 10, phrase: `${formatTenths(tenths)}倍` }
  return { value: tenths / 10, phrase: sharePhrase(percentHalfUp(numerator, denominator)) }
}

/** A share: value = percent to one decimal, half up; phrase by sharePhrase. */
export function shareFigure(numerator: number, denominator: number): { value: number; phrase: string } {
  const value = percentHalfUp(numerator, denominator)
  return { value, phrase: sharePhrase(value) }
}

/** last ÷ first in hundredths, rounded half up (87 ÷ 156 → 56); 0 when first is 0. */
export function ratioHundredths(last: number, first: number): number {
  if (first <= 0) return 0
  return Math.floor((2 * last * 100 + first) / (2 * first))
}

/** A value in hundredths as the text writes it: 56 → "0.56", 120 → "1.20". */
export const formatHundredths = (h: number): string =>
  `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`

/**
 * The monthly trend (図2): the mean of the last three months against the mean of the first three,
 * given as their sums (the means' ratio is the sums' ratio, and sums stay whole numbers).
 * value = last ÷ first to two decimals, half up; ≥ 1.20 増加傾向, ≤ 0.80 減少傾向, else 横ばい.
 */
export function trendFigure(lastSum: number, firstSum: number): { value: number; phrase: string } {
  const h = ratioHundredths(lastSum, firstSum)
  const phrase = h >= 120 ? '増加傾向' : h <= 80 ? '減少傾向' : '横ばい'
  return { value: h / 100, phrase }
}
