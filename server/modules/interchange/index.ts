import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerInterchangeRoutes } from './interchange.routes.ts'

/** Ledger import and export (interchange.md) and the baseline figures. */
export function interchangeModule(app: FastifyInstance, deps: AppDeps) {
  registerInterchangeRoutes(app, deps)
}
