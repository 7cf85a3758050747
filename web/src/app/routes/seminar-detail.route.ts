import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const seminarDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/seminars/$seminarId',
  validateSearch: (raw: Record<string, unknown>): { created?: boolean } =>
    raw.created === true || raw.created === 'true' ? { created: true } : {},
  component: lazyRouteComponent(() => import('./seminar-detail.tsx'), 'GuardedSeminarDetailPage'),
})
