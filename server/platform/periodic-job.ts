// Upkeep that the staff server runs itself, so a city needs no cron (web consultation retention,
// seminar registrants' retention). The next run is planned only when the last has ended, so runs
// never overlap in one process; another process may run at the same time, and every job here
// must be safe for that.

export interface JobLog {
  info(fields: object, message: string): void
  error(fields: object, message: string): void
}

export interface PeriodicJob {
  /** Stops the schedule and waits for a run under way, so the database can close after it. */
  stop(): Promise<void>
}

export interface PeriodicJobOptions {
  /** What the log calls the job when it fails. */
  name: string
  run: () => Promise<void>
  log: JobLog
  firstAfterMs: number
  everyMs: number
}

export function schedulePeriodicJob({
  name,
  run,
  log,
  firstAfterMs,
  everyMs,
}: PeriodicJobOptions): PeriodicJob {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  async function runOnce() {
    try {
      await run()
    } catch (error) {
      // Name and code only: a database error's message may quote a value.
      const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } }
      log.error({ err: { name: e.name, code: e.code ?? e.cause?.code } }, `${name} failed`)
    }
  }

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

  plan(firstAfterMs)
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
