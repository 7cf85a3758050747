// 家族向け研修会 and 家族教室・家族会 (issue 12): staff schedule them and record attendance;
// families register on the residents' pages (family.service.ts), with a waitlist.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerSeminarRoutes } from './seminars.routes.ts'
import { createSeminarsService } from './seminars.service.ts'

export function seminarsModule(app: FastifyInstance, deps: AppDeps) {
  registerSeminarRoutes(app, createSeminarsService(deps))
}
export {
  createFamilyService,
  type FamilyRegistrationInput,
  type FamilyRegistrationView,
  type FamilyService,
} from './family.service.ts'
export { enqueueSeminarReminders } from './reminder-scan.ts'
// Retention: the registrants' personal data is removed a city-set number of days after the seminar.
export {
  runSeminarRetention,
  SEMINAR_RETENTION_DEFAULT_DAYS,
  SEMINAR_RETENTION_KEY,
} from './retention.ts'
export { scheduleSeminarRetention } from './retention-schedule.ts'
export { requireSeminarOrganiser, requireSeminarReader } from './seminars.policy.ts'
