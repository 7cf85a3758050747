import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('./import.tsx'), 'GuardedImportPage'),
})
