import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/network.ts'
import type { NetworkService } from './network.service.ts'
import type { SharesService } from './shares.service.ts'

export function registerNetworkRoutes(app: FastifyInstance, meetings: NetworkService, shares: SharesService) {
  route(app, contract.listNetworkMeetings, ({ actor, query }) => meetings.list(actor, query))
  route(app, contract.getNetworkMeeting, ({ actor, params }) => meetings.get(actor, params.id))
  route(app, contract.createNetworkMeeting, ({ actor, body }) => meetings.create(actor, body))
  route(app, contract.updateNetworkMeeting, ({ actor, params, body }) =>
    meetings.update(actor, params.id, body),
  )
  route(app, contract.deleteNetworkMeeting, ({ actor, params }) => meetings.remove(actor, params.id))
  route(app, contract.shareCase, ({ actor, params, body }) => shares.share(actor, params.id, body))
  route(app, contract.unshareCase, ({ actor, params }) => shares.withdraw(actor, params.id, params.shareId))
}
