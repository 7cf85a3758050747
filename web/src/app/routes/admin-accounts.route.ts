import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import type { AccountFilterValues } from '#web/features/accounts/components/account-filters.tsx'
import { appRoute } from './root.tsx'

export interface AccountsSearch extends AccountFilterValues {
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
  component: lazyRouteComponent(() => import('./admin-accounts.tsx'), 'GuardedAccountsPage'),
})
