import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/cases.ts'
import { listDueSteps } from '#shared/contracts/due-steps.ts'
import type { CasesService } from './cases.service.ts'

export function registerCaseRoutes(app: FastifyInstance, cases: CasesService) {
  route(app, contract.listCases, ({ actor, query }) => cases.list(actor, query))
  route(app, contract.findSimilarCases, ({ actor, query }) => cases.similar(actor, query))
  route(app, contract.getWorklist, ({ actor, query }) => cases.worklist(actor, query))
  route(app, listDueSteps, ({ actor, query }) => cases.dueSteps(actor, query))
  route(app, contract.getCase, ({ actor, params }) => cases.get(actor, params.id))
  route(app, contract.updateCase, ({ actor, params, body }) => cases.update(actor, params.id, body))
  route(app, contract.closeCase, ({ actor, params, body }) => cases.close(actor, params.id, body))
  route(app, contract.handOverCase, ({ actor, params, body }) => cases.handOver(actor, params.id, body))
  route(app, contract.reopenCase, ({ actor, params, body }) => cases.reopen(actor, params.id, body))
  route(app, contract.getCaseHistory, ({ actor, params }) => cases.history(actor, params.id))
}
