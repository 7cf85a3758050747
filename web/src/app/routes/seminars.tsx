import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import type { Period } from '#shared/contracts/common.ts'
import { Button } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TabNav } from '#web/components/ui/tab-nav.tsx'
import { useCreateSeminar } from '#web/features/seminars/api/change-seminars.ts'
import { useSeminars } from '#web/features/seminars/api/read-seminars.ts'
import { emptySeminar, SeminarForm } from '#web/features/seminars/components/seminar-form.tsx'
import { SeminarTable } from '#web/features/seminars/components/seminar-table.tsx'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useMe } from '#web/lib/session.ts'
import { useDocumentTitle } from '#web/lib/use-document-title.ts'
import { RequireAbility } from '../require-role.tsx'
import { seminarsRoute } from './seminars.route.ts'

const PAGE_SIZE = 20
const TABS: readonly { when: Period; label: string; empty: string }[] = [
  {
    when: 'upcoming',
    label: '今後の研修会・家族教室',
    empty: '予定されている研修会・家族教室はありません。',
  },
  { when: 'past', label: '終わった研修会・家族教室', empty: '終わった研修会・家族教室はありません。' },
  { when: 'all', label: 'すべて', empty: '研修会・家族教室はまだありません。' },
]

/** The page as the router shows it (the route, loaded on first visit: seminars.route.ts). */
export function GuardedSeminarsPage() {
  return (
    <RequireAbility ability="readSeminars">
      <SeminarsPage />
    </RequireAbility>
  )
}

function SeminarsPage() {
  useDocumentTitle('家族向け研修会・家族教室')
  const me = useMe()
  const search = seminarsRoute.useSearch()
  const navigate = useNavigate({ from: '/seminars' })
  const when = search.when ?? 'upcoming'
  const page = search.page ?? 1
  const list = useSeminars({ when, page, pageSize: PAGE_SIZE })
  const tab = TABS.find((t) => t.when === when) ?? TABS[0]!
  const organiser = me.can.organiseSeminars
  const empty =
    when !== 'past' && organiser
      ? `${tab.empty}「研修会・家族教室を登録する」から登録してください。`
      : tab.empty

  return (
    <>
      <PageHeading title="家族向け研修会・家族教室" />
      <p className="mb-6 max-w-3xl text-std-16N-170">
        ご家族向けの研修会と、続けて開く家族教室・家族会です。登録すると、市民向けページ（相談のページの「家族向けの研修会・家族教室」）から、ご家族がアカウントなしで申し込めます。申込みの内容は主催した課・区だけが見られます。
      </p>
      {organiser && (
        <div className="mb-8">
          <ScheduleSeminar />
        </div>
      )}
      <section aria-labelledby="seminar-list-title">
        <h2 id="seminar-list-title" className="mb-4 text-std-20B-150">
          研修会・家族教室の一覧
        </h2>
        <TabNav
          label="表示する期間"
          to="/seminars"
          current={when}
          tabs={TABS.map((t) => ({
            key: t.when,
            label: t.label,
            search: t.when === 'upcoming' ? {} : { when: t.when },
          }))}
        />
        <p role="status" className="mb-4 text-std-16N-170">
          {list.data ? `${tab.label}：全${list.data.total}件` : ''}
        </p>
        {list.isPending && <Loading what="研修会・家族教室" />}
        {list.error && <QueryError error={list.error} />}
        {list.data && (
          <>
            <SeminarTable caption={tab.label} seminars={list.data.items} empty={empty} />
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

/** Folded behind a button; a new seminar opens its own page. */
function ScheduleSeminar() {
  const [open, setOpen] = useState(false)
  const create = useCreateSeminar()
  const navigate = useNavigate()
  if (!open) {
    return (
      <Button
        id="schedule-seminar-open"
        onClick={() => {
          setOpen(true)
          focusSoon('new-seminar-kind')
        }}
      >
        研修会・家族教室を登録する
      </Button>
    )
  }
  return (
    <section aria-labelledby="schedule-seminar-title" className="rounded-8 border border-solid-gray-300 p-6">
      <h2 id="schedule-seminar-title" className="mb-6 text-std-20B-150">
        研修会・家族教室を登録する
      </h2>
      <SeminarForm
        idPrefix="new-seminar"
        initial={emptySeminar}
        submitLabel="登録する"
        busy={create.isPending}
        onCancel={() => {
          setOpen(false)
          focusSoon('schedule-seminar-open')
        }}
        onSubmit={(body, onError) =>
          create.mutate(body, {
            onSuccess: (s) =>
              navigate({
                to: '/seminars/$seminarId',
                params: { seminarId: s.id },
                search: { created: true },
              }),
            onError,
          })
        }
      />
    </section>
  )
}
