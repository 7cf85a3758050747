import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { parsePeriodSearch } from '#web/lib/period-search.ts'
import { appRoute } from './root.tsx'

export const seminarsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/seminars',
  validateSearch: parsePeriodSearch,
  component: lazyRouteComponent(() => import('./seminars.tsx'), 'GuardedSeminarsPage'),
})
