import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const meetingPapersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId/papers',
  // `for`: an invited agency's unit id; without it, the ward's copy.
  validateSearch: (raw: Record<string, unknown>): { for?: string } =>
    typeof raw.for === 'string' && raw.for !== 'ward' ? { for: raw.for } : {},
  component: lazyRouteComponent(() => import('./meeting-papers.tsx'), 'GuardedMeetingPapersPage'),
})
