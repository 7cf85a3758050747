// The staff server clears families' personal data itself (retention.ts), so a city needs no cron:
// shortly after the start and then every hour. The next run is planned when the last has ended,
// so runs never overlap in one process (two processes may: the retention is safe for that).
import type { Db } from '#server/db/client.ts'
import type { Clock } from '#server/platform/clock.ts'
import { runSeminarRetention } from './retention.ts'

export interface SeminarRetentionLog {
  info(fields: object, message: string): void
  error(fields: object, message: string): void
}

export function scheduleSeminarRetention(
  db: Db,
  clock: Clock,
  log: SeminarRetentionLog,
  options: { firstAfterMs?: number; everyMs?: number } = {},
) {
  const everyMs = options.everyMs ?? 3_600_000
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
    timer.unref()
  }

  async function runOnce() {
    try {
      const cleared = await runSeminarRetention(db, clock, 'system')
      if (cleared) log.info({ registrations: cleared }, 'seminar registrations: personal data removed')
    } catch (error) {
      // Name and code only: a database error's message may quote a value.
      const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } }
      log.error({ err: { name: e.name, code: e.code ?? e.cause?.code } }, 'seminar retention failed')
    }
  }

  plan(options.firstAfterMs ?? 45_000)
  return {
    /** Stops the schedule and waits for a run under way. */
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
