import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/accounts.ts'
import type { AccountsService } from './accounts.service.ts'

export function registerAccountRoutes(app: FastifyInstance, accounts: AccountsService) {
  route(app, contract.listAccounts, ({ actor, query }) => accounts.list(actor, query))
  route(app, contract.createAccount, ({ actor, body }) => accounts.create(actor, body))
  route(app, contract.getAccount, ({ actor, params }) => accounts.get(actor, params.id))
  route(app, contract.updateAccount, ({ actor, params, body }) => accounts.update(actor, params.id, body))
  route(app, contract.resetPassword, ({ actor, params }) => accounts.resetPassword(actor, params.id))
}
