import type { getSession, login } from '#shared/contracts/auth.ts'
import type { verifySecondFactor } from '#shared/contracts/two-factor.ts'
import type { Endpoint } from '#web/lib/api-client.ts'

// The login page is the first load of most working days. Its three calls name their endpoints
// here by method and path, typed by the contracts through type-only imports: importing the
// contracts themselves would bring their zod schemas (about 26 kB gzip) into that first load.
// login-endpoints.test.ts checks each against its contract.

export const sessionEndpoint: Endpoint<typeof getSession> = { method: 'GET', path: '/api/auth/session' }
export const loginEndpoint: Endpoint<typeof login> = { method: 'POST', path: '/api/auth/login' }
export const verifyEndpoint: Endpoint<typeof verifySecondFactor> = {
  method: 'POST',
  path: '/api/auth/two-factor/verify',
}
