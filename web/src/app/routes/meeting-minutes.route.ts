import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const meetingMinutesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId/minutes',
  component: lazyRouteComponent(() => import('./meeting-minutes.tsx'), 'GuardedMeetingMinutesPage'),
})
