// The outbox worker inside the server process: every interval, queue the overdue notices and send
// what is due. Passes never overlap, and stop() waits for the one under way, so closing the app
// does not cut a row off between "sent" and "marked sent".
import { enqueueSeminarReminders } from '#server/modules/seminars/index.ts'
import { enqueueOverdueNotices } from './overdue-scan.ts'
import { type SendDueDeps, sendDueMail } from './send-due.ts'

export interface MailWorker {
  /** Runs one pass now (or waits for the one under way). */
  runOnce(): Promise<void>
  stop(): Promise<void>
}

export const MAIL_WORKER_INTERVAL_MS = 60_000

export function startMailWorker(deps: SendDueDeps & { intervalMs?: number }): MailWorker {
  const intervalMs = deps.intervalMs ?? MAIL_WORKER_INTERVAL_MS
  let running: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  let stopped = false

  async function pass() {
    try {
      await enqueueOverdueNotices(deps)
      await enqueueSeminarReminders(deps)
      await sendDueMail(deps)
    } catch (error) {
      // A database hiccup: the rows stay as they were and the next pass tries again. The error's
      // name and code only, as a driver's message may quote a value.
      const e = error as { name?: unknown; code?: unknown }
      deps.log.warn({ err: { name: e.name, code: e.code } }, 'mail: outbox pass failed')
    }
  }

  function runOnce(): Promise<void> {
    running ??= pass().finally(() => {
      running = null
    })
    return running
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => void runOnce().then(schedule), intervalMs)
    // The worker never keeps a process alive on its own (a CLI command, a test).
    timer.unref()
  }
  schedule()

  return {
    runOnce,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
