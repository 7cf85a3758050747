import { Link } from '@tanstack/react-router'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useWorklist } from '../api/get-worklist.ts'
import { CaseTable } from './case-table.tsx'

/** The counsellor's start page: what needs attention today. */
export function Worklist() {
  const { data, error, isPending } = useWorklist()
  if (isPending) return <Loading what="作業一覧" />
  if (error) return <QueryError error={error} />

  const sections = [
    {
      id: 'urgent',
      title: '緊急・要早期対応',
      cases: data.urgent,
      empty: '緊急・要早期対応の継続中ケースはありません。',
    },
    {
      id: 'no-contact',
      title: `${data.noContactDays}日以上対応のないケース`,
      cases: data.noContact,
      empty: `最後の対応から${data.noContactDays}日以上たった継続中ケースはありません。`,
    },
    {
      id: 'this-week',
      title: '今週受け付けたケース',
      cases: data.openedThisWeek,
      empty: (
        <>
          今週受け付けたケースはまだありません。新しい相談は<Link to="/cases/new">新規受付</Link>
          から登録できます。
        </>
      ),
    },
  ]

  return (
    <div className="flex flex-col gap-12">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`worklist-${s.id}`}>
          <h2 id={`worklist-${s.id}`} className="mb-4 text-std-24B-150">
            {s.title}
            <span className="ml-3 text-std-18N-160 text-solid-gray-800">{s.cases.length}件</span>
          </h2>
          <CaseTable caption={s.title} captionHidden cases={s.cases} empty={s.empty} />
        </section>
      ))}
    </div>
  )
}
