// 社会資源: the directory headquarters maintains, and referrals (つなぎ) from cases.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'

// Scaffold: the module's routes are registered here once built.
export function resourcesModule(_app: FastifyInstance, _deps: AppDeps) {}
