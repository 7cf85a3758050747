import { useNavigate } from '@tanstack/react-router'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TabNav } from '#web/components/ui/tab-nav.tsx'
import { useMeetings } from '#web/features/meetings/api/list-meetings.ts'
import { MeetingTable } from '#web/features/meetings/components/meeting-table.tsx'
import { ScheduleMeeting } from '#web/features/meetings/components/schedule-meeting.tsx'
import { PERIOD_TABS } from '#web/lib/period-search.ts'
import { useMe } from '#web/lib/session.ts'
import { RequireAbility } from '../require-role.tsx'
import { meetingsRoute } from './meetings.route.ts'

const PAGE_SIZE = 20

/** The page as the router shows it (the route, loaded on first visit: meetings.route.ts). */
export function GuardedMeetingsPage() {
  return (
    <RequireAbility ability="readMeetings">
      <MeetingsPage />
    </RequireAbility>
  )
}

function MeetingsPage() {
  const me = useMe()
  const search = meetingsRoute.useSearch()
  const navigate = useNavigate({ from: '/meetings' })
  const when = search.when ?? 'upcoming'
  const page = search.page ?? 1
  const list = useMeetings({ when, page, pageSize: PAGE_SIZE })
  const tab = PERIOD_TABS.find((t) => t.when === when) ?? PERIOD_TABS[0]
  const agency = me.can.meetAsAgency
  const coordinator = me.can.runMeetings
  const empty = agency
    ? `${tab?.empty ?? ''}会議に招かれると、ここに表示されます。`
    : coordinator && when !== 'past'
      ? `${tab?.empty ?? ''}「会議を予定する」から会議を登録してください。`
      : (tab?.empty ?? '')

  return (
    <>
      <PageHeading title="支援調整会議" />
      <p className="mb-6 max-w-3xl text-std-16N-170">
        {agency
          ? '所属する機関が招かれた支援調整会議です。会議ごとに守秘義務を確認すると、その会議の検討ケースを閲覧できます。'
          : '区のひきこもり支援調整会議の予定・議題・決定を管理します。'}
      </p>
      {coordinator && (
        <div className="mb-8">
          <ScheduleMeeting />
        </div>
      )}
      <section aria-labelledby="meeting-list-title">
        <h2 id="meeting-list-title" className="mb-4 text-std-20B-150">
          会議の一覧
        </h2>
        <TabNav
          label="会議の表示期間"
          to="/meetings"
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
            <MeetingTable
              caption={tab?.label ?? '会議の一覧'}
              meetings={list.data.items}
              showAcknowledgement={agency}
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
