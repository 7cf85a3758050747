import { useNavigate } from '@tanstack/react-router'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useMyCases } from '#web/features/accompaniment/api/get-my-cases.ts'
import { MyCasesTable } from '#web/features/accompaniment/components/my-cases-table.tsx'
import { DEFAULT_ORDER, sortMyCases } from '#web/features/accompaniment/my-cases-sort.ts'
import { RequireAbility } from '../require-role.tsx'
import { myCasesRoute } from './my-cases.route.ts'

/** The page as the router shows it (the route, loaded on first visit: my-cases.route.ts). */
export function GuardedMyCasesPage() {
  return (
    <RequireAbility ability="readMyCases">
      <MyCasesPage />
    </RequireAbility>
  )
}

function MyCasesPage() {
  const search = myCasesRoute.useSearch()
  const navigate = useNavigate({ from: '/my-cases' })
  const sort = search.sort ?? 'nextReviewOn'
  const order = search.order ?? DEFAULT_ORDER[sort]
  const list = useMyCases()

  return (
    <>
      <PageHeading title="担当ケース" />
      <p className="mb-6 max-w-3xl text-std-16N-170">
        支援調整会議で主担当（または役割分担）に決まった、終結していないケースです。ケース番号から支援計画・支援内容の記録に進めます。
      </p>
      {list.isPending && <Loading what="担当ケース" />}
      {list.error && <QueryError error={list.error} />}
      {list.data && list.data.items.length === 0 && (
        <Notice tone="info" title="担当ケースはまだありません">
          支援調整会議で主担当（よりそい支援員、専門機関・NPO等、保健福祉センターの課・室）に決まると、そのケースがここに表示されます。
        </Notice>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Summary items={list.data.items} noActivityDays={list.data.noActivityDays} />
          <MyCasesTable
            cases={sortMyCases(list.data.items, sort, order)}
            noActivityDays={list.data.noActivityDays}
            sort={sort}
            order={order}
            onSort={(s, o) => navigate({ search: { sort: s, order: o } })}
          />
        </>
      )}
    </>
  )
}

function Summary({
  items,
  noActivityDays,
}: {
  items: { reviewOverdue: boolean; noRecentActivity: boolean }[]
  noActivityDays: number
}) {
  const overdue = items.filter((c) => c.reviewOverdue).length
  const inactive = items.filter((c) => c.noRecentActivity).length
  return (
    <ul className="mb-6 flex flex-wrap gap-x-8 gap-y-2 text-std-16N-170">
      <li>
        担当ケース <strong className="text-std-18B-160">{items.length}件</strong>
      </li>
      <li>
        確認期限超過 <strong className="text-std-18B-160">{overdue}件</strong>
      </li>
      <li>
        {noActivityDays}日以上支援の記録なし <strong className="text-std-18B-160">{inactive}件</strong>
      </li>
    </ul>
  )
}
