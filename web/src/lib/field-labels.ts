import {
  AGE_BANDS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONCERNS,
  CONTACT_METHODS,
  COUNTERPARTS,
  type CodeList,
  FIRST_CONSULTERS,
  GENDERS,
  labelOf,
  ROUTES,
  URGENCIES,
  WARD_STATES,
} from '#shared/codes.ts'
import { formatWareki, isIsoDate } from '#shared/dates.ts'

// Japanese names of the API's field keys. Cases and contacts both need them (forms, error
// summaries and the case history), so they live here once.

export const CASE_FIELD_LABELS = {
  openedOn: '受付日',
  firstConsulter: '相談者',
  route: '経路',
  concerns: '主訴・課題',
  urgency: '緊急度',
  name: '氏名',
  kana: 'ふりがな',
  gender: '性別',
  age: '年齢',
  birthYear: '生まれ年',
  ageBand: '年齢区分',
  ward: '居住区',
  staffId: '担当者',
} as const

export const CONTACT_FIELD_LABELS = {
  contactedOn: '対応日',
  time: '時刻',
  method: '手法',
  counterpart: '対象',
  staffId: '担当者',
  minutes: '所要時間（分）',
  summary: '内容',
  nextStep: '次の対応',
  nextStepDueOn: '次の対応の期日',
  nextStepDueTime: '次の対応の時刻',
} as const

/** Labels of every key a case history entry may mention. */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  ...CONTACT_FIELD_LABELS,
  ...CASE_FIELD_LABELS,
  status: '状態',
  caseNo: 'ケース番号',
  staffName: '担当者',
  handedOverOn: '引継ぎ日',
  handedOverTo: '引継ぎ先',
  handoverSummary: 'アセスメントの要約',
  wardState: '区の状況',
  closedOn: '終結日',
  closureReason: '終結理由',
  closureNote: '終結の補足',
  intakeUnit: '受付窓口',
}

const CODED: Record<string, CodeList<string>> = {
  firstConsulter: FIRST_CONSULTERS,
  route: ROUTES,
  concerns: CONCERNS,
  urgency: URGENCIES,
  gender: GENDERS,
  ageBand: AGE_BANDS,
  status: CASE_STATUSES,
  closureReason: CLOSURE_REASONS,
  wardState: WARD_STATES,
  method: CONTACT_METHODS,
  counterpart: COUNTERPARTS,
}

/**
 * A history value as people read it: codes become labels (lists are comma-separated codes or
 * JSON arrays), dates become 和暦. Unknown values are shown as they are.
 */
export function historyValue(
  field: string,
  value: string | null,
  wardName: (code: string) => string,
): string {
  if (value === null || value === '') return '（なし）'
  const list = CODED[field]
  if (list) {
    const parts = parseList(value)
    return parts.map((code) => labelOf(list, code)).join('、')
  }
  if (field === 'ward' || field === 'handedOverTo') return wardName(value)
  if (isIsoDate(value)) return formatWareki(value)
  return value
}

function parseList(value: string): string[] {
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (Array.isArray(parsed)) return parsed.map(String)
    } catch {
      // Not JSON after all: fall through to comma splitting.
    }
  }
  return value.split(',').map((s) => s.trim())
}
