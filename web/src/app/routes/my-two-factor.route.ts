import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const myTwoFactorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/two-factor',
  component: lazyRouteComponent(() => import('./my-two-factor.tsx'), 'MyTwoFactorPage'),
})
