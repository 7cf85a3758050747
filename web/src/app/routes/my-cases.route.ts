import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { MY_CASE_SORTS, type MyCaseSort, type SortOrder } from '#web/features/accompaniment/my-cases-sort.ts'
import { appRoute } from './root.tsx'

export interface MyCasesSearch {
  sort?: MyCaseSort
  order?: SortOrder
}

function parseSearch(raw: Record<string, unknown>): MyCasesSearch {
  const out: MyCasesSearch = {}
  if ((MY_CASE_SORTS as readonly unknown[]).includes(raw.sort)) out.sort = raw.sort as MyCaseSort
  if (raw.order === 'asc' || raw.order === 'desc') out.order = raw.order
  return out
}

export const myCasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/my-cases',
  validateSearch: parseSearch,
  component: lazyRouteComponent(() => import('./my-cases.tsx'), 'GuardedMyCasesPage'),
})
