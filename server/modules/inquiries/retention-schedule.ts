// The staff server runs the web consultation's upkeep itself: once shortly after the start and
// then every ten minutes (server/platform/periodic-job.ts plans the runs) — retention
// (retention.ts) and the count of residents' messages the public entry point could not count
// (count-waiting.ts). Both steps are safe when another process runs them at the same time.
import type { Db } from '#server/db/client.ts'
import type { Clock } from '#server/platform/clock.ts'
import { type JobLog, type PeriodicJob, schedulePeriodicJob } from '#server/platform/periodic-job.ts'
import { countWaitingResidentMessages } from './count-waiting.ts'
import { type RetentionReport, runInquiryRetention } from './retention.ts'

export type RetentionLog = JobLog
export type RetentionSchedule = PeriodicJob

export const RETENTION_EVERY_MS = 600_000

export function scheduleInquiryRetention(
  db: Db,
  clock: Clock,
  log: RetentionLog,
  options: { firstAfterMs?: number; everyMs?: number } = {},
): RetentionSchedule {
  return schedulePeriodicJob({
    name: 'inquiry retention',
    log,
    firstAfterMs: options.firstAfterMs ?? 30_000,
    everyMs: options.everyMs ?? RETENTION_EVERY_MS,
    async run() {
      const report: RetentionReport = await runInquiryRetention(db, clock, 'system')
      if (report.closed || report.textRemoved) log.info({ retention: report }, 'inquiry retention')
      const counted = await countWaitingResidentMessages(db, clock)
      if (counted) log.info({ contacts: counted }, 'inquiry messages counted as contacts')
    },
  })
}
