import type { FastifyInstance } from 'fastify'
import { createAuthService } from '#server/modules/auth/index.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerTwoFactorRoutes } from './two-factor.routes.ts'
import type { TwoFactorService } from './two-factor.service.ts'

export { createTwoFactorService, type TwoFactorService } from './two-factor.service.ts'

/** The second step's endpoints; register after the auth module, whose `authenticate` they reuse. */
export function twoFactorModule(app: FastifyInstance, deps: AppDeps, twoFactor: TwoFactorService) {
  registerTwoFactorRoutes(app, {
    auth: createAuthService(deps.db, deps.clock),
    twoFactor,
    clock: deps.clock,
    // Codes are tried after a verified password, and wrong ones lock the account: the generous
    // per-address limit suffices, and colleagues behind one NAT address are not held up.
    loginRateLimit: deps.config.loginAddressRateLimit,
  })
}
