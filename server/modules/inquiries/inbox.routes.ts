import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/inquiries.ts'
import type { CaseLinkService } from './case-link.ts'
import type { InboxService } from './inbox.service.ts'
import type { InquirySettingsService } from './inquiry-settings.service.ts'
import type { ReplyService } from './reply.ts'
import type { TemplatesService } from './templates.service.ts'

export interface StaffInquiryServices {
  inbox: InboxService
  reply: ReplyService
  caseLink: CaseLinkService
  templates: TemplatesService
  settings: InquirySettingsService
}

export function registerStaffInquiryRoutes(app: FastifyInstance, s: StaffInquiryServices) {
  route(app, contract.listInquiries, ({ actor, query }) => s.inbox.list(actor, query))
  route(app, contract.inquiryCounts, ({ actor }) => s.inbox.counts(actor))
  route(app, contract.getInquiry, ({ actor, params }) => s.inbox.detail(actor, params.id))
  route(app, contract.claimInquiry, ({ actor, params }) => s.inbox.claim(actor, params.id))
  route(app, contract.releaseInquiry, ({ actor, params }) => s.inbox.release(actor, params.id))
  route(app, contract.replyToInquiry, ({ actor, params, body }) => s.reply.reply(actor, params.id, body))
  route(app, contract.markInquirySpam, ({ actor, params, body }) =>
    s.inbox.markSpam(actor, params.id, body.spam),
  )
  route(app, contract.closeInquiry, ({ actor, params }) => s.inbox.close(actor, params.id))
  route(app, contract.reopenInquiry, ({ actor, params }) => s.inbox.reopen(actor, params.id))
  route(app, contract.openCaseFromInquiry, ({ actor, params, body }) =>
    s.caseLink.open(actor, params.id, body),
  )
  route(app, contract.attachInquiryToCase, ({ actor, params, body }) =>
    s.caseLink.attach(actor, params.id, body.caseId),
  )
  route(app, contract.listInquiryTemplates, ({ actor, query }) =>
    s.templates.list(actor, query.includeInactive),
  )
  route(app, contract.createInquiryTemplate, ({ actor, body }) => s.templates.create(actor, body))
  route(app, contract.updateInquiryTemplate, ({ actor, params, body }) =>
    s.templates.update(actor, params.id, body),
  )
  route(app, contract.getInquirySettings, ({ actor }) => s.settings.get(actor))
  route(app, contract.updateInquirySettings, ({ actor, body }) => s.settings.update(actor, body))
}
