import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'
import { registerCaseRoutes } from './cases.routes.ts'
import { createCasesService } from './cases.service.ts'

// What the contacts module uses: the case-side rules, so that it never reads the cases tables.
export { caseRecords } from './case-records.ts'
export { FieldErrors } from './case-rules.ts'
export { changesBetween, fieldsSet } from './cases.dto.ts'

export function casesModule(app: FastifyInstance, deps: AppDeps) {
  registerCaseRoutes(app, createCasesService(deps))
}
