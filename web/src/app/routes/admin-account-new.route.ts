import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const accountNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/accounts/new',
  component: lazyRouteComponent(() => import('./admin-account-new.tsx'), 'GuardedAccountNewPage'),
})
