import type { FastifyInstance } from 'fastify'
import { registerTwoFactorRoutes } from '#server/modules/two-factor/two-factor.routes.ts'
import { createTwoFactorService } from '#server/modules/two-factor/two-factor.service.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAuthRoutes } from './auth.routes.ts'
import { createAuthService } from './auth.service.ts'
import { createPasswordLinkService } from './password-links.service.ts'

export function authModule(app: FastifyInstance, deps: AppDeps) {
  const auth = createAuthService(deps.db, deps.clock)
  const twoFactor = createTwoFactorService(deps.db, deps.clock, deps.config.twoFactorKey)
  registerAuthRoutes(app, {
    auth,
    twoFactor,
    links: createPasswordLinkService(deps.db, deps.clock),
    clock: deps.clock,
    idleMinutes: deps.config.idleMinutes,
    defaultCity: deps.config.defaultCity,
    loginRateLimit: deps.config.loginRateLimit,
    loginAddressRateLimit: deps.config.loginAddressRateLimit,
  })
  // After the auth routes: the enrolment endpoints reuse their `authenticate`.
  registerTwoFactorRoutes(app, {
    auth,
    twoFactor,
    clock: deps.clock,
    // Codes are tried after a verified password, and wrong ones lock the account: the generous
    // per-address limit suffices, and colleagues behind one NAT address are not held up.
    loginRateLimit: deps.config.loginAddressRateLimit,
  })
}
