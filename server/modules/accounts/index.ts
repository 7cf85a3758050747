import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAccountRoutes } from './accounts.routes.ts'
import { createAccountsService } from './accounts.service.ts'

// What other modules use: auth signs in through the account records; audit and two-factor
// administration are for administrators.
export { accountRecords } from './account-records.ts'
export { requireAdmin } from './accounts.policy.ts'

export function accountsModule(app: FastifyInstance, deps: AppDeps) {
  registerAccountRoutes(app, createAccountsService(deps.db, deps.clock))
}
