import { Link, useNavigate } from '@tanstack/react-router'
import type { InboxOrder, InboxState } from '#shared/contracts/handovers.ts'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination, shownRange } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useWardInbox } from '#web/features/handovers/api/list-inbox.ts'
import { InboxTable } from '#web/features/handovers/components/inbox-table.tsx'
import { INBOX_TAB_LABELS, InboxTabs } from '#web/features/handovers/components/inbox-tabs.tsx'
import { RequireAbility } from '../require-role.tsx'
import { wardInboxRoute } from './ward-inbox.route.ts'

const PAGE_SIZE = 50

/** The page as the router shows it (the route, loaded on first visit: ward-inbox.route.ts). */
export function GuardedWardInboxPage() {
  return (
    <RequireAbility ability="readWardInbox">
      <WardInboxPage />
    </RequireAbility>
  )
}

const EMPTY: Record<InboxState, string> = {
  all: '引継ぎを受けたケースや区で受け付けたケースで、主担当が決まっていないものはありません。',
  assessing: '追加アセスメント中のケースはありません。',
  ready:
    '会議付議可のケースはありません。追加アセスメントを終えたケースを「会議付議可」にすると、ここに表示されます。',
}

function WardInboxPage() {
  const search = wardInboxRoute.useSearch()
  const navigate = useNavigate({ from: '/ward/inbox' })
  const state: InboxState = search.state ?? 'all'
  const page = search.page ?? 1
  const order: InboxOrder = search.order ?? 'longest'
  const inbox = useWardInbox({ state, order, page, pageSize: PAGE_SIZE })
  const data = inbox.data

  return (
    <>
      <PageHeading title="引継ぎ・受付">
        <Link to="/cases/new" className={buttonClass('secondary')}>
          新規受付
        </Link>
      </PageHeading>
      <p className="mb-6 text-std-16N-170">
        相談窓口から引き継がれたケースと、区で受け付けたケース（各課・室から、関係機関の情報から）のうち、支援調整会議で主担当がまだ決まっていないものです。待っている日数の長い順に並びます（「待ち日数」の見出しで短い順に切り替えられます）。各ケースで追加アセスメントを記入し、「会議付議可」にすると会議の新規ケースの候補になります。
      </p>
      <InboxTabs current={state} counts={data?.counts} />
      <section aria-labelledby="inbox-results">
        <h2 id="inbox-results" className="mb-2 text-std-20B-150">
          {INBOX_TAB_LABELS[state]}のケース
        </h2>
        <p role="status" className="mb-4 text-std-16N-170">
          {data ? `全${data.total}件` : ''}
          {data ? shownRange(page, PAGE_SIZE, data.total) : ''}
        </p>
        {inbox.isPending && <Loading what="引継ぎ・受付" />}
        {inbox.error && <QueryError error={inbox.error} />}
        {data && data.counts.waitingLong > 0 && (
          <p className="mb-4 text-std-16B-170 text-error-2">
            {data.waitLimitDays}日を超えて待っているケースが{data.counts.waitingLong}件あります。
          </p>
        )}
        {data && (
          <>
            <InboxTable
              items={data.items}
              empty={EMPTY[state]}
              order={order}
              waitLimitDays={data.waitLimitDays}
              onOrder={(o) =>
                navigate({
                  search: (prev) => ({ ...prev, order: o === 'shortest' ? o : undefined, page: undefined }),
                })
              }
            />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
            />
          </>
        )}
      </section>
    </>
  )
}
