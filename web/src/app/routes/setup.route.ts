import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { publicRoute } from './root.tsx'

export const setupRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('./setup.tsx'), 'SetupPage'),
})
