import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

interface CaseloadsSearch {
  ward?: string
}

export const caseloadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/caseloads',
  validateSearch: (raw: Record<string, unknown>): CaseloadsSearch =>
    typeof raw.ward === 'string' && raw.ward.trim() ? { ward: raw.ward } : {},
  component: lazyRouteComponent(() => import('./caseloads.tsx'), 'GuardedCaseloadsPage'),
})
