import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAccountRoutes } from './accounts.routes.ts'
import { createAccountsService } from './accounts.service.ts'

export function accountsModule(app: FastifyInstance, deps: AppDeps) {
  registerAccountRoutes(app, createAccountsService(deps.db, deps.clock))
}
