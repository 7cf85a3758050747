import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const myMailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account/mail',
  component: lazyRouteComponent(() => import('./my-mail.tsx'), 'MyMailPage'),
})
