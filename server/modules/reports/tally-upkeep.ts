// The embedded store has no autovacuum: every write of a window contact rewrites a few of its
// monthly tally rows (migration 0034), and their dead versions would pile up under the report's
// reads of them (a year of a big city's contacts: many times the rows that are live). So the
// staff server vacuums those small tables itself, shortly after the start and then every ten
// minutes (server/platform/periodic-job.ts plans the runs). PostgreSQL's autovacuum does this
// there, and then nothing is scheduled.
import { type Db, embeddedClient } from '#server/db/client.ts'
import { type JobLog, type PeriodicJob, schedulePeriodicJob } from '#server/platform/periodic-job.ts'

const TALLIES = ['window_contact_cells', 'window_contact_openings', 'window_contact_returns']

/** Vacuums the tallies on the embedded store; answers whether it did (PostgreSQL: nothing to do). */
export async function vacuumTallies(db: Db): Promise<boolean> {
  const embedded = embeddedClient(db)
  if (!embedded) return false
  // One table per statement: each holds the one connection only briefly.
  for (const table of TALLIES) await embedded.query(`vacuum ${table}`)
  return true
}

export function scheduleTallyUpkeep(
  db: Db,
  log: JobLog,
  options: { firstAfterMs?: number; everyMs?: number } = {},
): PeriodicJob | undefined {
  if (!embeddedClient(db)) return undefined
  return schedulePeriodicJob({
    name: 'report tallies vacuum',
    log,
    firstAfterMs: options.firstAfterMs ?? 60_000,
    everyMs: options.everyMs ?? 600_000,
    run: async () => {
      await vacuumTallies(db)
    },
  })
}
