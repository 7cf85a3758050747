import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { publicRoute } from './root.tsx'

interface LoginSearch {
  redirect?: string
  expired?: boolean
  /** A deployment serving several cities: which city's staff signs in (see LoginForm). */
  city?: string
}

export const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    expired:
      search.expired === 'true' || search.expired === '1' || search.expired === true ? true : undefined,
    city: typeof search.city === 'string' && search.city.trim() ? search.city.trim() : undefined,
  }),
  component: lazyRouteComponent(() => import('./login.tsx'), 'LoginPage'),
})
