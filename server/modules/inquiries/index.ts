// The web consultation (ウェブ相談, issue 11). The window's side: the inbox, replies with 定型文,
// spam, closing, and the link to a case that turns messages into メール contacts; the city's
// settings. And what other code may use of this module.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { createCaseLinkService } from './case-link.ts'
import { registerStaffInquiryRoutes } from './inbox.routes.ts'
import { createInboxService } from './inbox.service.ts'
import { createInquirySettingsService } from './inquiry-settings.service.ts'
import { createReplyService } from './reply.ts'
import { createTemplatesService } from './templates.service.ts'

// The resident's side calls this when a resident writes to a thread that has a case.
export { countResidentMessage } from './case-link.ts'
export { requireCountsRole, requireInboxRole, requireInquirySettingsRole } from './inbox.policy.ts'
export { readInquirySettings } from './inquiry-settings.service.ts'
// Retention (closing idle threads, removing the text after the city's retention period): the
// staff server's schedule (every ten minutes) and the operator's `inquiries retention` command.
export { runInquiries } from './retention.cli.ts'
export { type RetentionReport, runInquiryRetention } from './retention.ts'
export { type RetentionSchedule, scheduleInquiryRetention } from './retention-schedule.ts'

export function inquiriesStaffModule(app: FastifyInstance, deps: AppDeps) {
  registerStaffInquiryRoutes(app, {
    inbox: createInboxService(deps),
    reply: createReplyService(deps),
    caseLink: createCaseLinkService(deps),
    templates: createTemplatesService(deps),
    settings: createInquirySettingsService(deps),
  })
}
