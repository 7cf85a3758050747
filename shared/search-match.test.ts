import { describe, expect, it } from 'vitest'
import { matchLabel } from './search-match.ts'

describe('matchLabel', () => {
  it.each([
    [{ field: 'case_no', relationship: null, consulter: null }, 'ケース番号'],
    [{ field: 'name', relationship: null, consulter: null }, '本人の氏名'],
    [{ field: 'kana', relationship: null, consulter: null }, '本人のふりがな'],
    [{ field: 'phone', relationship: 'self', consulter: true }, '本人の電話番号'],
    [{ field: 'phone', relationship: 'mother', consulter: true }, '相談者（母）の電話番号'],
    [
      { field: 'mail', relationship: 'agency_staff', consulter: true },
      '相談者（関係機関職員）のメールアドレス',
    ],
    [{ field: 'kana', relationship: 'father', consulter: false }, '世帯員（父）のふりがな'],
  ] as const)('%o → %s', (match, label) => {
    expect(matchLabel(match)).toBe(label)
  })
})
