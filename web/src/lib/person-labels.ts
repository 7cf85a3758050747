import { labelOf, RELATIONSHIPS } from '#shared/codes.ts'
import type { Person } from '#shared/contracts/people.ts'

/** The fields of the person form in the order they appear (error summary, messages). */
export const PERSON_FIELD_LABELS = {
  relationship: '続柄',
  consulter: '相談者',
  name: '氏名',
  kana: 'ふりがな',
  age: '年齢',
  livesWith: '同居・別居',
  phones: '電話番号',
  mail: 'メールアドレス',
  address: '住所',
  bestTime: '連絡のつきやすい時間',
  mayNameCity: '市役所名を名乗ってよいか',
  mayLeaveMessage: '留守電にメッセージを残してよいか',
  keepFromPerson: '本人に知られないようにするか',
  care: '介護・支援機関',
} as const

/** 「母 山田 花子」, or the 続柄 alone when no name is recorded. */
export function personTitle(p: Pick<Person, 'relationship' | 'name'>): string {
  const relationship = labelOf(RELATIONSHIPS, p.relationship)
  return p.name ? `${relationship}　${p.name}` : relationship
}
