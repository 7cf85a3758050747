import type { FastifyInstance } from 'fastify'
import { route } from '#server/platform/http.ts'
import * as contract from '#shared/contracts/mail.ts'
import type { MailService } from './mail.service.ts'

export function registerMailRoutes(app: FastifyInstance, mail: MailService) {
  route(app, contract.getMailPreferences, ({ actor }) => mail.getPreferences(actor))
  route(app, contract.putMailPreferences, ({ actor, body }) => mail.setPreferences(actor, body))
  route(app, contract.getThreadNotices, ({ actor, params }) => mail.threadNotices(actor, params.id))
}
