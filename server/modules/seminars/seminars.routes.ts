import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/seminars.ts'
import type { SeminarsService } from './seminars.service.ts'

export function registerSeminarRoutes(app: FastifyInstance, seminars: SeminarsService) {
  route(app, contract.listSeminars, ({ actor, query }) => seminars.list(actor, query))
  route(app, contract.getSeminar, ({ actor, params }) => seminars.get(actor, params.id))
  route(app, contract.createSeminar, ({ actor, body }) => seminars.create(actor, body))
  route(app, contract.recordAttendance, ({ actor, params, body }) =>
    seminars.recordAttendance(actor, params.id, params.registrationId, body.attended),
  )
}
