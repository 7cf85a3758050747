import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/accompaniment.ts'
import type { AccompanimentService } from './accompaniment.service.ts'
import type { CaseloadsService } from './caseloads.service.ts'

export function registerAccompanimentRoutes(
  app: FastifyInstance,
  support: AccompanimentService,
  caseloads: CaseloadsService,
) {
  route(app, contract.listMyCases, ({ actor }) => caseloads.listMyCases(actor))
  route(app, contract.listMyCaseMeetings, ({ actor }) => caseloads.listMyCaseMeetings(actor))
  route(app, contract.getCaseloads, ({ actor, query }) => caseloads.caseloads(actor, query))
  route(app, contract.getSupportPlan, ({ actor, params }) => support.getPlan(actor, params.id))
  route(app, contract.updateSupportPlan, ({ actor, params, body }) =>
    support.updatePlan(actor, params.id, body),
  )
  route(app, contract.listActivities, ({ actor, params }) => support.listActivities(actor, params.id))
  route(app, contract.addActivity, ({ actor, params, body }) => support.addActivity(actor, params.id, body))
  route(app, contract.correctActivity, ({ actor, params, body }) =>
    support.correctActivity(actor, params.id, params.activityId, body),
  )
  route(app, contract.listObservedChanges, ({ actor, params }) =>
    support.listObservedChanges(actor, params.id),
  )
  route(app, contract.addObservedChange, ({ actor, params, body }) =>
    support.addObservedChange(actor, params.id, body),
  )
}
