import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { publicRoute } from './root.tsx'

export const twoFactorSetupRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/two-factor/setup',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
  }),
  component: lazyRouteComponent(() => import('./two-factor-setup.tsx'), 'TwoFactorSetupPage'),
})
