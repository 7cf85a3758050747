import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerContactRoutes } from './contacts.routes.ts'
import { createContactsService } from './contacts.service.ts'

// What the intake uses to record the conversation that opened a case.
export { checkNextStepDue } from './next-step-due.ts'
export { type ContactValues, recordContact } from './record-contact.ts'

export function contactsModule(app: FastifyInstance, deps: AppDeps) {
  registerContactRoutes(app, createContactsService(deps))
}
