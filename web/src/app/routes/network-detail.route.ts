import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const networkDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/network/$meetingId',
  validateSearch: (raw: Record<string, unknown>): { created?: boolean } =>
    raw.created === true || raw.created === 'true' ? { created: true } : {},
  component: lazyRouteComponent(() => import('./network-detail.tsx'), 'GuardedNetworkDetailPage'),
})
