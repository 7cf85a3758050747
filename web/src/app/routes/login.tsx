import { LoginPage } from '../login-page.tsx'
import { loginRoute } from './login.route.ts'

/** The login page reached inside the app: its search read by the router. */
export function RoutedLoginPage() {
  return <LoginPage {...loginRoute.useSearch()} />
}
