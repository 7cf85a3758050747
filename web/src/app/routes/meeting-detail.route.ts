import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const meetingDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId',
  // `created` is set by the schedule form, so the new page can say the meeting was made.
  validateSearch: (raw: Record<string, unknown>): { created?: boolean } =>
    raw.created === true || raw.created === 'true' ? { created: true } : {},
  component: lazyRouteComponent(() => import('./meeting-detail.tsx'), 'GuardedMeetingDetailPage'),
})
