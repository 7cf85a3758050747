import { Link, useNavigate } from '@tanstack/react-router'
import type { Role } from '#shared/codes.ts'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useAccountList } from '#web/features/accounts/api/list-accounts.ts'
import { AccountFilters } from '#web/features/accounts/components/account-filters.tsx'
import { AccountTable } from '#web/features/accounts/components/account-table.tsx'
import { RequireAdmin } from '../require-role.tsx'
import { accountsRoute } from './admin-accounts.route.ts'

const PAGE_SIZE = 50

/** The page as the router shows it (the route, loaded on first visit: admin-accounts.route.ts). */
export function GuardedAccountsPage() {
  return (
    <RequireAdmin>
      <AccountsPage />
    </RequireAdmin>
  )
}

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
