import { Link } from '@tanstack/react-router'
import { CASE_STATUSES, labelOf } from '#shared/codes.ts'
import { formatWareki } from '#shared/dates.ts'
import { useWardName } from '#web/lib/reference-data.ts'
import { useSimilarCases } from '../api/find-similar-cases.ts'
import type { CaseFormValues } from '../case-form-values.ts'

const MATCH_LABELS = {
  name: '氏名',
  kana: 'ふりがな',
  phone: '相談者・世帯員の電話番号',
  birth_ward_gender: '生まれ年・居住区・性別',
} as const

/**
 * Warns while typing that the person may already have a case, so one person does not get two
 * records. The live region is always rendered, so that its later content is announced.
 */
export function SimilarCases({
  values,
  excludeId,
  phone,
}: {
  values: CaseFormValues
  excludeId?: string
  /** The caller's number typed at intake: a case whose people share it may be the same family. */
  phone?: string
}) {
  const birthYear = Number(values.birthYear)
  const known = values.gender !== 'unknown'
  const similar = useSimilarCases({
    name: values.name.trim() || undefined,
    kana: values.kana.trim() || undefined,
    birthYear: Number.isInteger(birthYear) && birthYear > 1900 ? birthYear : undefined,
    ward: values.ward || undefined,
    gender: known ? (values.gender as 'male' | 'female' | 'other') : undefined,
    phone: phone?.trim() || undefined,
    excludeId,
  })
  const wardName = useWardName()
  const candidates = similar.data ?? []

  return (
    <div role="status" aria-live="polite">
      {candidates.length > 0 && (
        <div className="rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-4">
          <p className="text-std-17B-170">同じ人の可能性があるケースがあります</p>
          <p className="text-std-16N-170">
            同じ人であれば、新しく登録せずに既存のケースに対応を記録してください。
          </p>
          <ul className="mt-2 list-disc pl-6 text-std-16N-170">
            {candidates.map((c) => (
              <li key={c.id}>
                <Link to="/cases/$id" params={{ id: c.id }}>
                  {c.caseNo} {c.name ?? '氏名不明'}
                  {c.kana ? `（${c.kana}）` : ''}
                </Link>
                <span className="ml-2">
                  受付 {formatWareki(c.openedOn)}・{labelOf(CASE_STATUSES, c.status)}
                  {c.birthYear ? `・${c.birthYear}年生まれ` : ''}
                  {c.ward ? `・${wardName(c.ward)}` : ''}
                  ・一致：{c.matchedOn.map((m) => MATCH_LABELS[m]).join('、')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
