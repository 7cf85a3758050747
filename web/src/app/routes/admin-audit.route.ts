import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { AUDIT_FILTER_KEYS, type AuditFilterValues } from '#web/features/audit/components/audit-filters.tsx'
import { appRoute } from './root.tsx'

export interface AuditSearch extends AuditFilterValues {
  page?: number
}

function parseSearch(raw: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {}
  for (const key of AUDIT_FILTER_KEYS) {
    const value = raw[key]
    if (typeof value === 'string' && value.trim() !== '') out[key] = value
  }
  const page = Number(raw.page)
  if (Number.isInteger(page) && page > 1) out.page = page
  return out
}

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  validateSearch: parseSearch,
  component: lazyRouteComponent(() => import('./admin-audit.tsx'), 'GuardedAuditPage'),
})
