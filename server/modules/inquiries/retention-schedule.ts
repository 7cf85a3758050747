// The staff server runs the web consultation's upkeep itself, so a city needs no cron: once
// shortly after the start and then every ten minutes — retention (retention.ts) and the count of
// residents' messages the public entry point could not count (count-waiting.ts). The next run is
// planned only when the last has finished, so a slow run never overlaps the next one in the same
// process (another process may still run at the same time: both steps are safe for that).
import type { Db } from '#server/db/client.ts'
import type { Clock } from '#server/platform/clock.ts'
import { countWaitingResidentMessages } from './count-waiting.ts'
import { type RetentionReport, runInquiryRetention } from './retention.ts'

export interface RetentionLog {
  info(fields: object, message: string): void
  error(fields: object, message: string): void
}

export interface RetentionSchedule {
  /** Stops the schedule and waits for a run under way, so the database can close after it. */
  stop(): Promise<void>
}

export const RETENTION_EVERY_MS = 600_000

export function scheduleInquiryRetention(
  db: Db,
  clock: Clock,
  log: RetentionLog,
  options: { firstAfterMs?: number; everyMs?: number } = {},
): RetentionSchedule {
  const everyMs = options.everyMs ?? RETENTION_EVERY_MS
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const plan = (ms: number) => {
    if (stopped) return
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined
        plan(everyMs)
      })
    }, ms)
    // A pending run must not keep a process alive that is otherwise done.
    timer.unref()
  }

  async function runOnce() {
    try {
      const report: RetentionReport = await runInquiryRetention(db, clock, 'system')
      if (report.closed || report.textRemoved) log.info({ retention: report }, 'inquiry retention')
      const counted = await countWaitingResidentMessages(db, clock)
      if (counted) log.info({ contacts: counted }, 'inquiry messages counted as contacts')
    } catch (error) {
      // Name and code only: a database error's message may quote a value.
      const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } }
      log.error({ err: { name: e.name, code: e.code ?? e.cause?.code } }, 'inquiry retention failed')
    }
  }

  plan(options.firstAfterMs ?? 30_000)
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
