import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const orgSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/org',
  component: lazyRouteComponent(() => import('./admin-org.tsx'), 'GuardedOrgSettingsPage'),
})
