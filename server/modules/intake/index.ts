import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/cases.ts'
import { createIntakeService } from './open-intake.ts'

/**
 * 新規受付: opening a case together with the conversation that opened it. A module of its own
 * because it composes the cases and contacts modules (which already depends on cases).
 */
export function intakeModule(app: FastifyInstance, deps: AppDeps) {
  const intake = createIntakeService(deps)
  route(app, contract.createCase, ({ actor, body }) => intake.open(actor, body))
}
