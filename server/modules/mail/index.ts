// Mail: the outbox worker (server process and CLI), the staff's own notice settings, and the
// notice status staff see on a thread.
export { runMail } from './mail.cli.ts'
export { type MailWorker, startMailWorker } from './mail-worker.ts'
export { enqueueOverdueNotices } from './overdue-scan.ts'
export { type MailLog, sendDueMail } from './send-due.ts'
