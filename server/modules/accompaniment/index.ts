// Lead workers: my cases, support plans, activities, observed changes, caseloads.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'

// Scaffold: the module's routes are registered here once built.
export function accompanimentModule(_app: FastifyInstance, _deps: AppDeps) {}
