import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/people.ts'
import type { PeopleService } from './people.service.ts'

export function registerPeopleRoutes(app: FastifyInstance, people: PeopleService) {
  route(app, contract.listPeople, ({ actor, params }) => people.list(actor, params.id))
  route(app, contract.addPerson, ({ actor, params, body }) => people.add(actor, params.id, body))
  route(app, contract.updatePerson, ({ actor, params, body }) =>
    people.update(actor, params.id, params.personId, body),
  )
  route(app, contract.deletePerson, ({ actor, params, body }) =>
    people.remove(actor, params.id, params.personId, body),
  )
}
