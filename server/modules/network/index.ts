// City-wide meetings (担当者会議, 支援ミーティング) and anonymised case-study shares.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerNetworkRoutes } from './network.routes.ts'
import { createNetworkService } from './network.service.ts'
import { createSharesService } from './shares.service.ts'

export function networkModule(app: FastifyInstance, deps: AppDeps) {
  registerNetworkRoutes(app, createNetworkService(deps), createSharesService(deps))
}
export { requireNetworkReader, schedulesMeetings } from './network.policy.ts'
