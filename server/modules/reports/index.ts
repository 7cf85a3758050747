import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerReportRoutes } from './reports.routes.ts'

export function reportsModule(app: FastifyInstance, deps: AppDeps) {
  registerReportRoutes(app, deps)
}
