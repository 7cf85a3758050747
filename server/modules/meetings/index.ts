// 支援調整会議: scheduling, agenda, invitations, attendance, decisions, minutes, agencies' access.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../platform/deps.ts'

// Scaffold: the module's routes are registered here once built.
export function meetingsModule(_app: FastifyInstance, _deps: AppDeps) {}
