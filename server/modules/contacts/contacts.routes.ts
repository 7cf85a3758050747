import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/contacts.ts'
import type { ContactsService } from './contacts.service.ts'

export function registerContactRoutes(app: FastifyInstance, contacts: ContactsService) {
  route(app, contract.listContacts, ({ actor, params }) => contacts.list(actor, params.id))
  route(app, contract.addContact, ({ actor, params, body }) => contacts.add(actor, params.id, body))
  route(app, contract.correctContact, ({ actor, params, body }) =>
    contacts.correct(actor, params.id, params.contactId, body),
  )
}
