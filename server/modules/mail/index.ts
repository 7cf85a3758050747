// Mail: the outbox worker (server process and CLI), the staff's own notice settings, and the
// notice status staff see on a thread.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerMailRoutes } from './mail.routes.ts'
import { createMailService } from './mail.service.ts'

export { runMail } from './mail.cli.ts'
export { type MailWorker, startMailWorker } from './mail-worker.ts'
export { enqueueOverdueNotices } from './overdue-scan.ts'
export { type MailLog, sendDueMail } from './send-due.ts'

export function mailModule(app: FastifyInstance, deps: AppDeps) {
  const mailEnabled = Boolean(deps.config.smtpUrl && deps.config.mailFrom)
  registerMailRoutes(app, createMailService(deps.db, deps.clock, mailEnabled))
}
