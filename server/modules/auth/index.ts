import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'
import { registerAuthRoutes } from './auth.routes.ts'
import { createAuthService } from './auth.service.ts'

export function authModule(app: FastifyInstance, deps: AppDeps) {
  registerAuthRoutes(app, {
    auth: createAuthService(deps.db, deps.clock),
    clock: deps.clock,
    idleMinutes: deps.config.idleMinutes,
    defaultCity: deps.config.defaultCity,
    loginRateLimit: deps.config.loginRateLimit,
  })
}
