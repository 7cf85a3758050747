import {
  labelOf,
  REFERRAL_OUTCOMES,
  RESOURCE_CATEGORIES,
  RESOURCE_SERVES,
  type ReferralOutcome,
} from '#shared/codes.ts'
import type { ReferralCounts, Resource } from '#shared/contracts/resources.ts'
import { fiscalYearLabel } from '#shared/dates.ts'

/** 居場所・相談 */
export function categoriesText(r: Pick<Resource, 'categories'>): string {
  return r.categories.map((c) => labelOf(RESOURCE_CATEGORIES, c)).join('・')
}

/** 本人・家族 */
export function servesText(r: Pick<Resource, 'serves'>): string {
  return r.serves.map((s) => labelOf(RESOURCE_SERVES, s)).join('・')
}

/** The ward's name, or 全市 for a city-wide resource. */
export function areaText(r: Pick<Resource, 'ward' | 'wardName'>): string {
  return r.ward ? (r.wardName ?? r.ward) : '全市'
}

/** 令和3年度・令和4年度 (補助金採択事業の年度) */
export function subsidyText(years: readonly number[]): string {
  return years.map((fy) => fiscalYearLabel(fy)).join('・')
}

/** 3件（つながった 1・利用に至らず 1・調整中 1） */
export function countsText(c: ReferralCounts): string {
  if (c.total === 0) return 'なし'
  const parts = (['connected', 'not_used', 'arranging'] as const)
    .filter((o) => c[o] > 0)
    .map((o) => `${labelOf(REFERRAL_OUTCOMES, o as ReferralOutcome)} ${c[o]}`)
  return `${c.total}件（${parts.join('・')}）`
}

const ERAS: [RegExp, number][] = [
  [/^(令和|r)/u, 2018],
  [/^(平成|h)/u, 1988],
]

/**
 * 補助金採択年度 as typed: 西暦 (2021) or 和暦 (令和3, 令和3年度, R3, 令和元年度), separated by
 * commas, 、 or spaces. What it cannot read is sent as typed, so the server names the mistake.
 */
export function parseFiscalYears(text: string): (number | string)[] {
  return text
    .normalize('NFKC')
    .split(/[\s,、]+/u)
    .filter(Boolean)
    .map((token) => {
      const t = token.toLowerCase().replace(/年度?$/u, '')
      if (/^\d{4}$/u.test(t)) return Number(t)
      for (const [era, offset] of ERAS) {
        const rest = t.replace(era, '')
        if (rest !== t && /^(\d{1,2}|元)$/u.test(rest)) return offset + (rest === '元' ? 1 : Number(rest))
      }
      return token
    })
}
