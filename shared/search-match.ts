import { labelOf, RELATIONSHIPS, type Relationship } from './codes.ts'

/** The fields a case can be found by in the search box. */
export const MATCH_FIELDS = ['case_no', 'name', 'kana', 'phone', 'mail'] as const
export type MatchField = (typeof MATCH_FIELDS)[number]

const FIELD_LABELS: Record<MatchField, string> = {
  case_no: 'ケース番号',
  name: '氏名',
  kana: 'ふりがな',
  phone: '電話番号',
  mail: 'メールアドレス',
}

/** Which field of whom a case was found by. */
export interface CaseMatch {
  field: MatchField
  /** 続柄 of the consulter or household member it was theirs; null for the case's own fields. */
  relationship: Relationship | null
  /** Whether that person has consulted (相談者) or is a household member only; null as above. */
  consulter: boolean | null
}

/**
 * The words the case list shows beside a case found by a search: 「ケース番号」, 「本人の氏名」,
 * 「相談者（母）の電話番号」, 「世帯員（父）のふりがな」.
 */
export function matchLabel(m: CaseMatch): string {
  const field = FIELD_LABELS[m.field]
  if (m.field === 'case_no') return field
  if (m.relationship === null || m.relationship === 'self') return `本人の${field}`
  const who = m.consulter ? '相談者' : '世帯員'
  return `${who}（${labelOf(RELATIONSHIPS, m.relationship)}）の${field}`
}
