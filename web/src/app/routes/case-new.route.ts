import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const caseNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/new',
  component: lazyRouteComponent(() => import('./case-new.tsx'), 'CaseNewPage'),
})
