import { Link, useNavigate } from '@tanstack/react-router'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination, shownRange } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { type CaseListQuery, useCaseList } from '#web/features/cases/api/list-cases.ts'
import {
  CaseFilters,
  type CaseFilterValues,
  FILTER_KEYS,
} from '#web/features/cases/components/case-filters.tsx'
import { CaseTable } from '#web/features/cases/components/case-table.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { RequireCaseRole } from '../require-role.tsx'
import { casesRoute } from './cases.route.ts'

const PAGE_SIZE = 50

/** The page as the router shows it (the route, loaded on first visit: cases.route.ts). */
export function GuardedCasesPage() {
  return (
    <RequireCaseRole>
      <CasesPage />
    </RequireCaseRole>
  )
}

function CasesPage() {
  const search = casesRoute.useSearch()
  const navigate = useNavigate({ from: '/cases' })
  // A search lists its best matches first unless a column's order is chosen.
  const sort = search.sort ?? (search.q ? 'relevance' : 'openedOn')
  const order = search.order ?? 'desc'
  const page = search.page ?? 1
  const query = { ...search, sort, order, page, pageSize: PAGE_SIZE } as CaseListQuery
  const list = useCaseList(query)
  const filterErrors = isApiError(list.error) ? list.error.fieldErrors : {}

  const filters: CaseFilterValues = {}
  for (const key of FILTER_KEYS) if (search[key]) filters[key] = search[key]

  return (
    <>
      <PageHeading title="ケース一覧">
        <Link to="/cases/new" className={buttonClass('primary')}>
          新規受付
        </Link>
      </PageHeading>
      <CaseFilters
        // A new key when the URL changes (e.g. browser back) so the form shows the URL's filters.
        key={JSON.stringify(filters)}
        initial={filters}
        errors={filterErrors}
        onApply={(values) => navigate({ search: { ...values, sort: search.sort, order: search.order } })}
      />
      <section aria-labelledby="case-results">
        <h2 id="case-results" className="mb-2 text-std-20B-150">
          検索結果
        </h2>
        <p role="status" className="mb-4 text-std-16N-170">
          {list.data
            ? list.data.totalIsLowerBound
              ? `${list.data.total}件以上（多すぎるため一部のみ表示。検索語を長くして絞り込んでください）`
              : list.data.totalIsEstimate
                ? `約${list.data.total}件`
                : `全${list.data.total}件`
            : ''}
          {list.data ? shownRange(page, PAGE_SIZE, list.data.total) : ''}
        </p>
        {list.isPending && <Loading what="ケース" />}
        {list.error && <QueryError error={list.error} />}
        {list.data && (
          <>
            <CaseTable
              caption="ケース一覧"
              captionHidden
              cases={list.data.items}
              empty="条件に合うケースはありません。条件を変えて検索してください。"
              sorting={{
                sort,
                order,
                onSort: (s, o) =>
                  navigate({ search: (prev) => ({ ...prev, sort: s, order: o, page: undefined }) }),
              }}
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
