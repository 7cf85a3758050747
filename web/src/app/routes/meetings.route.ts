import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { parsePeriodSearch } from '#web/lib/period-search.ts'
import { appRoute } from './root.tsx'

export const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  validateSearch: parsePeriodSearch,
  component: lazyRouteComponent(() => import('./meetings.tsx'), 'GuardedMeetingsPage'),
})
