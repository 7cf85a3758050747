import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'
import { registerPeopleRoutes } from './people.routes.ts'
import { createPeopleService } from './people.service.ts'

// What other modules use: intake adds the first consulter inside its own transaction.
export { addPerson } from './people.service.ts'

export function peopleModule(app: FastifyInstance, deps: AppDeps) {
  registerPeopleRoutes(app, createPeopleService(deps))
}
