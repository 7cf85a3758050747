import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAuthRoutes } from './auth.routes.ts'
import { createAuthService } from './auth.service.ts'
import { createPasswordLinkService } from './password-links.service.ts'
import type { SecondStepRule } from './second-factor.ts'

// What the two-factor module uses: the actor of a pending session, the answer's `me`, and the
// session between the password and the second step.
export { type AuthService, createAuthService, toMe } from './auth.service.ts'
export { beginSession, pendingOf, type SecondStep, type SecondStepRule } from './second-factor.ts'

/** Sign-in; `secondStep` (the two-factor service) decides what a correct password still needs. */
export function authModule(app: FastifyInstance, deps: AppDeps, secondStep: SecondStepRule) {
  registerAuthRoutes(app, {
    auth: createAuthService(deps.db, deps.clock),
    twoFactor: secondStep,
    links: createPasswordLinkService(deps.db, deps.clock),
    clock: deps.clock,
    idleMinutes: deps.config.idleMinutes,
    defaultCity: deps.config.defaultCity,
    loginRateLimit: deps.config.loginRateLimit,
    loginAddressRateLimit: deps.config.loginAddressRateLimit,
  })
}
