import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/handovers.ts'
import type { HandoversService } from './handovers.service.ts'

export function registerHandoverRoutes(app: FastifyInstance, handovers: HandoversService) {
  route(app, contract.listWardInbox, ({ actor, query }) => handovers.inbox(actor, query))
  route(app, contract.writeAssessment, ({ actor, params, body }) => handovers.assess(actor, params.id, body))
  route(app, contract.recordConsent, ({ actor, params, body }) =>
    handovers.recordConsent(actor, params.id, body),
  )
  route(app, contract.withdrawConsent, ({ actor, params, body }) =>
    handovers.withdrawConsent(actor, params.id, body),
  )
}
