import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/resources.ts'
import type { ReferralsService } from './referrals.service.ts'
import type { ResourcesService } from './resources.service.ts'

export function registerResourceRoutes(
  app: FastifyInstance,
  resources: ResourcesService,
  referrals: ReferralsService,
) {
  route(app, contract.listResources, ({ actor, query }) => resources.list(actor, query))
  route(app, contract.getResource, ({ actor, params }) => resources.get(actor, params.id))
  route(app, contract.createResource, ({ actor, body }) => resources.create(actor, body))
  route(app, contract.updateResource, ({ actor, params, body }) => resources.update(actor, params.id, body))
  route(app, contract.listReferrals, ({ actor, params }) => referrals.list(actor, params.id))
  route(app, contract.addReferral, ({ actor, params, body }) => referrals.add(actor, params.id, body))
  route(app, contract.updateReferral, ({ actor, params, body }) =>
    referrals.update(actor, params.id, params.referralId, body),
  )
}
