// The staff server clears families' personal data itself (retention.ts): shortly after the start
// and then every hour (server/platform/periodic-job.ts plans the runs).
import type { Db } from '#server/db/client.ts'
import type { Clock } from '#server/platform/clock.ts'
import { type JobLog, type PeriodicJob, schedulePeriodicJob } from '#server/platform/periodic-job.ts'
import { runSeminarRetention } from './retention.ts'

export function scheduleSeminarRetention(
  db: Db,
  clock: Clock,
  log: JobLog,
  options: { firstAfterMs?: number; everyMs?: number } = {},
): PeriodicJob {
  return schedulePeriodicJob({
    name: 'seminar retention',
    log,
    firstAfterMs: options.firstAfterMs ?? 45_000,
    everyMs: options.everyMs ?? 3_600_000,
    async run() {
      const cleared = await runSeminarRetention(db, clock, 'system')
      if (cleared) log.info({ registrations: cleared }, 'seminar registrations: personal data removed')
    },
  })
}
