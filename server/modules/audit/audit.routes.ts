import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/audit.ts'
import type { createAuditService } from './audit.service.ts'

export function registerAuditRoutes(app: FastifyInstance, audit: ReturnType<typeof createAuditService>) {
  route(app, contract.listAudit, ({ actor, query }) => audit.list(actor, query))
  route(app, contract.getSettings, ({ actor }) => audit.settings(actor))
  route(app, contract.updateSettings, ({ actor, body }) => audit.updateSettings(actor, body))
}
