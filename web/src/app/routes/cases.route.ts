import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { CASE_SORTS } from '#shared/contracts/cases.ts'
import { type CaseFilterValues, FILTER_KEYS } from '#web/features/cases/components/case-filters.tsx'
import type { CaseSort } from '#web/features/cases/components/case-table.tsx'
import { appRoute } from './root.tsx'

export interface CasesSearch extends CaseFilterValues {
  sort?: CaseSort
  order?: 'asc' | 'desc'
  page?: number
}

/** Filters live in the URL, so a search can be bookmarked, shared and survives going back. */
function parseSearch(raw: Record<string, unknown>): CasesSearch {
  const out: CasesSearch = {}
  for (const key of FILTER_KEYS) {
    const value = raw[key]
    if (typeof value === 'string' && value.trim() !== '') out[key] = value
  }
  // The router reads ?flag8050=true as JSON (a boolean); the API takes the text.
  if (raw.flag8050 === true || raw.flag8050 === 'true') out.flag8050 = 'true'
  else delete out.flag8050
  if ((CASE_SORTS as readonly unknown[]).includes(raw.sort)) out.sort = raw.sort as CaseSort
  if (raw.order === 'asc' || raw.order === 'desc') out.order = raw.order
  const page = Number(raw.page)
  if (Number.isInteger(page) && page > 1) out.page = page
  return out
}

export const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: parseSearch,
  component: lazyRouteComponent(() => import('./cases.tsx'), 'GuardedCasesPage'),
})
