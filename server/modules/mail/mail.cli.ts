// `npm run yorisoi -- mail send-due`: queues the overdue notices and sends every due mail of every
// city once, on the store `npm start` uses (for a cron job, or with the server stopped). With
// PostgreSQL it may run beside the server: rows are claimed, never sent twice.
// Exit code 0 when nothing failed for good in this pass, 1 otherwise, 2 on usage.
import { openStore } from '#server/db/open-store.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadConfig } from '#server/platform/config.ts'
import { createMailer } from '#server/platform/mailer.ts'
import { enqueueOverdueNotices } from './overdue-scan.ts'
import { type MailLog, sendDueMail } from './send-due.ts'

const USAGE = 'mail send-due'

const consoleLog: MailLog = {
  info: (detail, message) => console.log(message, JSON.stringify(detail)),
  warn: (detail, message) => console.error(message, JSON.stringify(detail)),
}

export async function runMail(args: string[]): Promise<void> {
  if (args.length !== 1 || args[0] !== 'send-due') {
    console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
    process.exitCode = 2
    return
  }
  const config = loadConfig()
  if (!config.smtpUrl || !config.mailFrom) {
    console.error(
      'YORISOI_SMTP_URL が設定されていないため、メールは送信しません / no YORISOI_SMTP_URL: nothing is sent',
    )
    process.exitCode = 1
    return
  }
  const handle = await openStore(config, console.error)
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom })
  try {
    const deps = {
      db: handle.db,
      clock: systemClock,
      mailer,
      publicUrl: config.publicUrl,
      linkSecret: config.sessionSecret,
      log: consoleLog,
    }
    const overdue = await enqueueOverdueNotices(deps)
    const result = await sendDueMail(deps)
    console.log(
      `送信 sent ${result.sent}, 再試行待ち retrying ${result.retrying}, 送信失敗 failed ${result.failed}` +
        (overdue ? ` (返信待ちの通知 overdue threads: ${overdue})` : ''),
    )
    if (result.failed) process.exitCode = 1
  } finally {
    mailer.close()
    await handle.close()
  }
}
