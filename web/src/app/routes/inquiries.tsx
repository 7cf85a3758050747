import { Link, useNavigate } from '@tanstack/react-router'
import { INBOX_FILTER_LABELS, type InboxFilter } from '#shared/contracts/inquiries.ts'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination, shownRange } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useInquiries } from '#web/features/inquiries/api/list-inquiries.ts'
import { InquiryTable } from '#web/features/inquiries/components/inbox-table.tsx'
import { InquiryTabs } from '#web/features/inquiries/components/inbox-tabs.tsx'
import { RequireAbility } from '../require-role.tsx'
import { inquiriesRoute } from './inquiries.route.ts'

const PAGE_SIZE = 50

/** The page as the router shows it (the route, loaded on first visit: inquiries.route.ts). */
export function GuardedInquiriesPage() {
  return (
    <RequireAbility ability="inquiries">
      <InquiriesPage />
    </RequireAbility>
  )
}

const EMPTY: Record<InboxFilter, string> = {
  new: '担当の決まっていないウェブ相談はありません。',
  mine: 'あなたが担当しているウェブ相談はありません。',
  urgent: '緊急の印がついたウェブ相談はありません。',
  overdue: '返信期限を過ぎたウェブ相談はありません。',
  open: '受付中のウェブ相談はありません。',
  spam: '迷惑として扱っているウェブ相談はありません。',
  closed: '終了したウェブ相談はありません。',
}

function InquiriesPage() {
  const search = inquiriesRoute.useSearch()
  const navigate = useNavigate({ from: '/inquiries' })
  const filter: InboxFilter = search.filter ?? 'open'
  const page = search.page ?? 1
  const inbox = useInquiries({ filter, page, pageSize: PAGE_SIZE })
  const data = inbox.data

  return (
    <>
      <PageHeading title="ウェブ相談">
        <Link to="/inquiries/templates" className={buttonClass('secondary')}>
          定型文の管理
        </Link>
      </PageHeading>
      <p className="mb-6 text-std-16N-170">
        市民がウェブの相談フォームから送った相談です。新しいメッセージの順に並びます。相談を開いて「担当する」を押してから返信してください。
        {data &&
          `相談者のメッセージに${data.overdueHours}時間以上返信していないものは「期限超過」になります。`}
      </p>
      <InquiryTabs current={filter} counts={data?.counts} />
      <section aria-labelledby="inquiry-results">
        <h2 id="inquiry-results" className="mb-2 text-std-20B-150">
          {INBOX_FILTER_LABELS[filter]}のウェブ相談
        </h2>
        <p role="status" className="mb-4 text-std-16N-170">
          {data ? `全${data.total}件` : ''}
          {data ? shownRange(page, PAGE_SIZE, data.total) : ''}
        </p>
        {inbox.isPending && <Loading what="ウェブ相談" />}
        {inbox.error && <QueryError error={inbox.error} />}
        {data && (
          <>
            <InquiryTable items={data.items} empty={EMPTY[filter]} />
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
