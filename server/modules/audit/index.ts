import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAuditRoutes } from './audit.routes.ts'
import { createAuditService } from './audit.service.ts'

// The operator's command and the chain check that command and the role tests run.
export { runAudit } from './audit.cli.ts'
export { verifyAuditChain } from './verify-chain.ts'

export function auditModule(app: FastifyInstance, deps: AppDeps) {
  registerAuditRoutes(app, createAuditService(deps.db, deps.clock))
}
