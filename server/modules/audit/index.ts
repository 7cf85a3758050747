import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAuditRoutes } from './audit.routes.ts'
import { createAuditService } from './audit.service.ts'

export function auditModule(app: FastifyInstance, deps: AppDeps) {
  registerAuditRoutes(app, createAuditService(deps.db, deps.clock))
}
