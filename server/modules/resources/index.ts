// 社会資源: the directory headquarters maintains, and referrals (つなぎ) from cases.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { createReferralsService } from './referrals.service.ts'
import { registerResourceRoutes } from './resources.routes.ts'
import { createResourcesService } from './resources.service.ts'

export function resourcesModule(app: FastifyInstance, deps: AppDeps) {
  registerResourceRoutes(app, createResourcesService(deps), createReferralsService(deps))
}
export { maintainsDirectory, seesWholeDirectory } from './resources.policy.ts'
