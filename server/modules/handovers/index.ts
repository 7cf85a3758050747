// The ward's side of a case: handover inbox, additional assessment, ward intake route, consent.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerHandoverRoutes } from './handovers.routes.ts'
import { createHandoversService } from './handovers.service.ts'

export function handoversModule(app: FastifyInstance, deps: AppDeps) {
  registerHandoverRoutes(app, createHandoversService(deps))
}
export { requireInboxWard } from './handovers.policy.ts'
