import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerPeopleRoutes } from './people.routes.ts'
import { createPeopleService } from './people.service.ts'

// What other modules use: intake adds the first consulter inside its own transaction; contacts
// name the person they were with (one of the same case) and derive 対象 from them; the
// anonymised summaries check shared text against the names of a case's people.
export { contactPerson, NOT_A_PERSON_OF_THE_CASE } from './contact-person.ts'
export { addPerson, namesOfCasePeople } from './people.service.ts'

export function peopleModule(app: FastifyInstance, deps: AppDeps) {
  registerPeopleRoutes(app, createPeopleService(deps))
}
