import { Link } from '@tanstack/react-router'
import { Notice } from '#web/components/ui/notice.tsx'
import { QueryError } from '#web/components/ui/query-state.tsx'
import { useCaseloads } from '../api/get-caseloads.ts'

/**
 * On the coordinator's home: the workers leading the ward's cases whose load is over their
 * role's threshold (抱え込み), or nothing when there are none.
 */
export function CaseloadFlags() {
  const caseloads = useCaseloads()
  if (caseloads.error) return <QueryError error={caseloads.error} />
  const overloaded = caseloads.data?.workers.filter((w) => w.overloaded) ?? []
  if (overloaded.length === 0) return null
  return (
    <div className="mb-8">
      <Notice tone="warning" title={`担当件数が上限を超えている担当者がいます（${overloaded.length}人）`}>
        <ul className="mt-2 list-disc pl-6">
          {overloaded.map((w) => (
            <li key={`${w.kind}-${w.id}`}>
              {w.name}：{w.openCases}件（上限{w.threshold}件）
            </li>
          ))}
        </ul>
        <p className="mt-2">
          一人で抱え込まないよう、次の支援調整会議で主担当の分担を見直してください。
          <Link to="/caseloads">担当状況を見る</Link>
        </p>
      </Notice>
    </div>
  )
}
