// 支援調整会議: scheduling, agenda, invitations, attendance, decisions, minutes, agencies' access.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerMeetingRoutes } from './meetings.routes.ts'
import { createMeetingsService } from './meetings.service.ts'

export function meetingsModule(app: FastifyInstance, deps: AppDeps) {
  registerMeetingRoutes(app, createMeetingsService(deps))
}
export { meetingRoleOf } from './meetings.policy.ts'
