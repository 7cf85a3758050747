import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'
import { registerContactRoutes } from './contacts.routes.ts'
import { createContactsService } from './contacts.service.ts'

export function contactsModule(app: FastifyInstance, deps: AppDeps) {
  registerContactRoutes(app, createContactsService(deps))
}
