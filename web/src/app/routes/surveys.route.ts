import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const surveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys',
  component: lazyRouteComponent(() => import('./surveys.tsx'), 'GuardedSurveysPage'),
})
