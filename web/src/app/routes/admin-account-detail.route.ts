import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const accountDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/accounts/$id',
  component: lazyRouteComponent(() => import('./admin-account-detail.tsx'), 'GuardedAccountDetailPage'),
})
