import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const baselinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/baselines',
  component: lazyRouteComponent(() => import('./baselines.tsx'), 'GuardedBaselinesPage'),
})
