import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { parseLoginSearch } from '../login-search.ts'
import { publicRoute } from './root.tsx'

// Reached inside the app (logging out, a lost session); a fresh load of /login is served
// login.html instead (login-main.tsx), which shows the same page without the router.
export const loginRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  component: lazyRouteComponent(() => import('./login.tsx'), 'RoutedLoginPage'),
})
