import { scheduleInquiryRetention } from '#server/modules/inquiries/index.ts'
import { startMailWorker } from '#server/modules/mail/index.ts'
import { prepareStore } from '#server/modules/org/index.ts'
import { scheduleTallyUpkeep } from '#server/modules/reports/index.ts'
import { scheduleSeminarRetention } from '#server/modules/seminars/index.ts'
import { buildApp, loggerOptions } from './app.ts'
import type { DatabaseHandle } from './db/client.ts'
import { openStore } from './db/open-store.ts'
import { systemClock } from './platform/clock.ts'
import type { Config } from './platform/config.ts'
import { createMailer } from './platform/mailer.ts'

export interface StartOptions {
  /**
   * Runs on the migrated store before the city is prepared (the demo seeds its city here, so
   * no first-administrator link is printed for it).
   */
  beforePrepare?: (handle: DatabaseHandle) => Promise<void>
  print?: (line: string) => void
}

/**
 * What `npm start` and `npm run demo` share: open the store, migrate, prepare the city, serve
 * the API and the built web app, and close cleanly on SIGINT/SIGTERM (so PGlite's lock file goes).
 */
export async function startServer(config: Config, options: StartOptions = {}) {
  const print = options.print ?? console.log
  // Migrated as the owner role when DATABASE_MIGRATION_URL is set (warns when it is not).
  const handle = await openStore(config, print)
  if (options.beforePrepare) await options.beforePrepare(handle)
  await prepareStore(handle.db, config, systemClock, print)

  const app = await buildApp({
    db: handle.db,
    clock: systemClock,
    config,
    logger: loggerOptions,
    serveWeb: true,
  })
  // Mail goes out only with a relay configured; the worker stops (finishing its pass) on close.
  if (config.smtpUrl && config.mailFrom) {
    const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom })
    const worker = startMailWorker({
      db: handle.db,
      clock: systemClock,
      mailer,
      publicUrl: config.publicUrl,
      linkSecret: config.sessionSecret,
      log: app.log,
      intervalMs: config.mailIntervalSeconds * 1000,
    })
    app.addHook('onClose', async () => {
      await worker.stop()
      mailer.close()
    })
  }

  // Closes idle web consultations and removes their text after the city's retention period.
  const retention = scheduleInquiryRetention(handle.db, systemClock, app.log)
  // Removes seminar registrants' personal data after the city's retention period.
  const seminarRetention = scheduleSeminarRetention(handle.db, systemClock, app.log)
  // Vacuums the report's monthly tallies on the embedded store (no autovacuum there).
  const tallyUpkeep = scheduleTallyUpkeep(handle.db, app.log)

  async function shutdown(signal: string) {
    app.log.info({ signal }, 'shutting down')
    await retention.stop()
    await seminarRetention.stop()
    await tallyUpkeep?.stop()
    await app.close()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: config.host })
  print(
    `よりそい is running: http://localhost:${config.port} (${handle.kind === 'pglite' ? `embedded store in ${config.dataDir}` : 'PostgreSQL'})`,
  )
  return { app, handle }
}
