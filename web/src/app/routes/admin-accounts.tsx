import { createRoute, Link, useNavigate } from '@tanstack/react-router'
import type { Role } from '#shared/codes.ts'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useAccountList } from '#web/features/accounts/api/list-accounts.ts'
import {
  AccountFilters,
  type AccountFilterValues,
} from '#web/features/accounts/components/account-filters.tsx'
import { AccountTable } from '#web/features/accounts/components/account-table.tsx'
import { RequireAdmin } from '../require-role.tsx'
import { appRoute } from './root.tsx'

const PAGE_SIZE = 50

interface AccountsSearch extends AccountFilterValues {
  page?: number
}

function parseSearch(raw: Record<string, unknown>): AccountsSearch {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
  const page = Number(raw.page)
  return {
    q: text(raw.q),
    role: text(raw.role),
    unitId: text(raw.unitId),
    active: raw.active === 'true' || raw.active === 'false' ? raw.active : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  }
}

export const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/accounts',
  validateSearch: parseSearch,
  component: () => (
    <RequireAdmin>
      <AccountsPage />
    </RequireAdmin>
  ),
})

function AccountsPage() {
  const search = accountsRoute.useSearch()
  const navigate = useNavigate({ from: '/admin/accounts' })
  const page = search.page ?? 1
  const list = useAccountList({
    q: search.q,
    role: search.role as Role | undefined,
    unitId: search.unitId,
    active: search.active as 'true' | 'false' | undefined,
    page,
    pageSize: PAGE_SIZE,
  })
  const { page: _page, ...filters } = search

  return (
    <>
      <PageHeading title="アカウント管理">
        <Link to="/admin/accounts/new" className={buttonClass('primary')}>
          アカウントを作成
        </Link>
      </PageHeading>
      <AccountFilters
        key={JSON.stringify(filters)}
        initial={filters}
        onApply={(values) => navigate({ search: values })}
      />
      <p role="status" className="mb-4 text-std-16N-170">
        {list.data ? `全${list.data.total}件` : ''}
      </p>
      {list.isPending && <Loading what="アカウント" />}
      {list.error && <QueryError error={list.error} />}
      {list.data && (
        <>
          <AccountTable accounts={list.data.items} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPageChange={(p) => navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
          />
        </>
      )}
    </>
  )
}
