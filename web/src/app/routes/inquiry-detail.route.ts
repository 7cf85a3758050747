import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const inquiryDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inquiries/$id',
  component: lazyRouteComponent(() => import('./inquiry-detail.tsx'), 'GuardedInquiryPage'),
})
