import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/settings',
  component: lazyRouteComponent(() => import('./admin-settings.tsx'), 'GuardedSettingsPage'),
})
