import { Link } from '@tanstack/react-router'
import type { DueStep, DueWhose } from '#shared/contracts/due-steps.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TabNav } from '#web/components/ui/tab-nav.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { useDueSteps } from '../api/list-due-steps.ts'
import { dueStateText, dueWhenText, splitMine } from '../due-steps-format.ts'

function DueTable({
  caption,
  steps,
  today,
  showStaff,
  empty,
}: {
  caption: string
  steps: DueStep[]
  today: string
  showStaff: boolean
  empty: string
}) {
  const columns = ['期日', 'ケース番号', '氏名', '次の対応', ...(showStaff ? ['担当者'] : [])]
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {steps.length === 0 && <EmptyRow colSpan={columns.length}>{empty}</EmptyRow>}
        {steps.map((s) => {
          const overdue = s.bucket === 'overdue'
          return (
            // Overdue rows say so in words and in bold, with the tint and bar only as a help.
            <tr key={s.caseId} className={overdue ? 'bg-red-50' : undefined}>
              <Td className={`whitespace-nowrap ${overdue ? 'border-l-8 border-l-error-2' : ''}`}>
                <span className="block">{dueWhenText(s)}</span>
                <span className={overdue ? 'text-std-16B-170 text-error-2' : 'text-solid-gray-800'}>
                  {overdue && <span aria-hidden="true">⚠ </span>}
                  {dueStateText(s, today)}
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                <Link to="/cases/$id" params={{ id: s.caseId }}>
                  {s.caseNo}
                </Link>
              </Td>
              <Td>{s.name ?? <span className="text-solid-gray-700">氏名不明</span>}</Td>
              <Td className="whitespace-pre-wrap">{s.nextStep ?? '（内容の記録なし）'}</Td>
              {showStaff && <Td>{s.staffName ?? '未設定'}</Td>}
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

const EMPTY_MINE =
  '期限切れ・今日・7日以内が期日の「次の対応」はありません。対応を記録するときに「次の対応の期日」を入れると、ここに出ます。'

/**
 * 期日の近い対応: each active case's current next step when overdue, due today or within a week.
 * 自分の担当 lists the caller's cases; チーム adds everyone else's in scope below them. The choice
 * lives in the URL (?whose=team), so back returns to it.
 */
export function DueSteps({ whose }: { whose: DueWhose }) {
  const { data, error, isPending } = useDueSteps(whose)
  const { mine, others } = splitMine(data?.items ?? [])
  return (
    <section aria-labelledby="due-steps-title" className="mb-12">
      <h2 id="due-steps-title" className="mb-4 text-std-24B-150">
        期日の近い対応
      </h2>
      <TabNav<DueWhose>
        label="期日の近い対応の表示範囲"
        to="/"
        current={whose}
        tabs={[
          { key: 'mine', label: '自分の担当', search: {} },
          { key: 'team', label: 'チーム', search: { whose: 'team' } },
        ]}
      />
      {isPending ? (
        <Loading what="期日の近い対応" />
      ) : error ? (
        <QueryError error={error} />
      ) : (
        <div className="flex flex-col gap-8">
          <DueTable
            caption={`自分の担当（${mine.length}件）`}
            steps={mine}
            today={data.today}
            showStaff={false}
            empty={EMPTY_MINE}
          />
          {whose === 'team' && (
            <DueTable
              caption={`ほかの職員の担当（${others.length}件）`}
              steps={others}
              today={data.today}
              showStaff
              empty="ほかの職員の担当で、期日の近い「次の対応」はありません。"
            />
          )}
          {data.truncated && (
            <p className="text-std-16N-170">
              期日の近い対応が多いため、期日の早いものから{data.items.length}件を表示しています。
            </p>
          )}
        </div>
      )}
    </section>
  )
}
