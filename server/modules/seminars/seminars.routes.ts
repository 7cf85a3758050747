import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/seminars.ts'
import type { SeminarsService } from './seminars.service.ts'

export function registerSeminarRoutes(app: FastifyInstance, seminars: SeminarsService) {
  route(app, contract.listSeminars, ({ actor, query }) => seminars.list(actor, query))
  route(app, contract.listFollowUpSurveys, ({ actor }) => seminars.followUpSurveys(actor))
  route(app, contract.getSeminar, ({ actor, params }) => seminars.get(actor, params.id))
  route(app, contract.createSeminar, ({ actor, body }) => seminars.create(actor, body))
  route(app, contract.updateSeminar, ({ actor, params, body }) => seminars.update(actor, params.id, body))
  route(app, contract.deleteSeminar, ({ actor, params }) => seminars.remove(actor, params.id))
  route(app, contract.recordAttendance, ({ actor, params, body }) =>
    seminars.recordAttendance(actor, params.id, params.registrationId, body.attended),
  )
  route(app, contract.cancelRegistration, ({ actor, params }) =>
    seminars.cancelRegistration(actor, params.id, params.registrationId),
  )
  route(app, contract.linkRegistrationToCase, ({ actor, params, body }) =>
    seminars.linkToCase(actor, params.id, params.registrationId, body.caseId),
  )
}
