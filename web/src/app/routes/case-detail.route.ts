import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const caseDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$id',
  component: lazyRouteComponent(() => import('./case-detail.tsx'), 'GuardedCaseDetailPage'),
})
