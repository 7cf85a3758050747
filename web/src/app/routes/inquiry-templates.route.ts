import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const inquiryTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inquiries/templates',
  component: lazyRouteComponent(() => import('./inquiry-templates.tsx'), 'GuardedTemplatesPage'),
})
