import { useNavigate } from '@tanstack/react-router'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TabNav } from '#web/components/ui/tab-nav.tsx'
import { useNetworkMeetings } from '#web/features/network/api/list-network-meetings.ts'
import { NetworkMeetingTable } from '#web/features/network/components/network-meeting-table.tsx'
import { ScheduleNetworkMeeting } from '#web/features/network/components/schedule-network-meeting.tsx'
import { PERIOD_TABS } from '#web/lib/period-search.ts'
import { useMe } from '#web/lib/session.ts'
import { RequireAbility } from '../require-role.tsx'
import { networkRoute } from './network.route.ts'

const PAGE_SIZE = 20

/** The page as the router shows it (the route, loaded on first visit: network.route.ts). */
export function GuardedNetworkPage() {
  return (
    <RequireAbility ability="readNetwork">
      <NetworkPage />
    </RequireAbility>
  )
}

function NetworkPage() {
  const me = useMe()
  const search = networkRoute.useSearch()
  const navigate = useNavigate({ from: '/network' })
  const when = search.when ?? 'upcoming'
  const page = search.page ?? 1
  const list = useNetworkMeetings({ when, page, pageSize: PAGE_SIZE })
  const tab = PERIOD_TABS.find((t) => t.when === when) ?? PERIOD_TABS[0]
  const headquarters = me.can.scheduleNetworkMeetings
  const empty =
    when === 'past'
      ? (tab?.empty ?? '')
      : headquarters
        ? `${tab?.empty ?? ''}「会議を予定する」から登録してください。`
        : `${tab?.empty ?? ''}本市担当課が会議を予定すると、ここに表示されます。`

  return (
    <>
      <PageHeading title="全市の会議" />
      <p className="mb-6 max-w-3xl text-std-16N-170">
        本市担当課が開く担当者会議と支援ミーティング（事例検討）です。支援ミーティングには、担当しているケースを匿名の要約で共有できます。
      </p>
      {headquarters && (
        <div className="mb-8">
          <ScheduleNetworkMeeting />
        </div>
      )}
      <section aria-labelledby="network-list-title">
        <h2 id="network-list-title" className="mb-4 text-std-20B-150">
          会議の一覧
        </h2>
        <TabNav
          label="会議の表示期間"
          to="/network"
          current={when}
          tabs={PERIOD_TABS.map((t) => ({
            key: t.when,
            label: t.label,
            search: t.when === 'upcoming' ? {} : { when: t.when },
          }))}
        />
        <p role="status" className="mb-4 text-std-16N-170">
          {list.data ? `${tab?.label ?? ''}：全${list.data.total}件` : ''}
        </p>
        {list.isPending && <Loading what="会議" />}
        {list.error && <QueryError error={list.error} />}
        {list.data && (
          <>
            <NetworkMeetingTable
              caption={tab?.label ?? '会議の一覧'}
              meetings={list.data.items}
              empty={empty}
            />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
            />
          </>
        )}
      </section>
    </>
  )
}
