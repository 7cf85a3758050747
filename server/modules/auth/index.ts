import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAuthRoutes, type SecondStepRule } from './auth.routes.ts'
import { createAuthService } from './auth.service.ts'
import { createPasswordLinkService } from './password-links.service.ts'

// What the two-factor module and the app use: the actor of a session (authenticate, a pending
// login) and the answer's `me`.
export type { SecondStepRule } from './auth.routes.ts'
export { type AuthService, createAuthService, toMe } from './auth.service.ts'

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
