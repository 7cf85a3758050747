// Lead workers: my cases, support plans, activities, observed changes, caseloads.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerAccompanimentRoutes } from './accompaniment.routes.ts'
import { createAccompanimentService } from './accompaniment.service.ts'
import { createCaseloadsService } from './caseloads.service.ts'

export function accompanimentModule(app: FastifyInstance, deps: AppDeps) {
  registerAccompanimentRoutes(app, createAccompanimentService(deps), createCaseloadsService(deps))
}
export { caseloadWardOf, requireCaseloadRole, requireMyCasesRole } from './accompaniment.policy.ts'
