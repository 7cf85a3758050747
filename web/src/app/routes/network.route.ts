import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { parsePeriodSearch } from '#web/lib/period-search.ts'
import { appRoute } from './root.tsx'

export const networkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/network',
  validateSearch: parsePeriodSearch,
  component: lazyRouteComponent(() => import('./network.tsx'), 'GuardedNetworkPage'),
})
