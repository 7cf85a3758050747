// The report's monthly tallies of the window's contacts (migration 0034) are kept by triggers on
// every write, except for the city an import is writing: counting a big ledger statement by
// statement grew with the city (a 3x ledger did not finish in 10 min on the embedded store). So
// the import pauses that city's tallies (`yorisoi.tallies_paused`, which the triggers read) and
// counts them again once, in the transaction that ends it. While paused the city is locked
// (platform/import-lock.ts); an import that fails is put back with its tallies never touched.
//
// The embedded store has no autovacuum: every write of a window contact rewrites a few of its
// monthly tally rows, and their dead versions would pile up under the report's reads of them (a
// year of a big city's contacts: many times the rows that are live). So the staff server vacuums
// those small tables itself, shortly after the start and then every ten minutes
// (server/platform/periodic-job.ts plans the runs). PostgreSQL's autovacuum does this there, and
// then nothing is scheduled.
import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { type JobLog, type PeriodicJob, schedulePeriodicJob } from '#server/platform/periodic-job.ts'

/** The tables the tallies are kept in (an import vacuums them after it, the server every ten minutes). */
export const WINDOW_CONTACT_TALLIES: readonly string[] = [
  'window_contact_cells',
  'window_contact_openings',
  'window_contact_returns',
]

/** Pauses the city's tallies until the end of the transaction `tx` (PostgreSQL's import). */
export async function pauseTalliesIn(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('yorisoi.tallies_paused', ${tenantId}, true)`)
}

/**
 * Pauses the city's tallies on the embedded store's one connection, until `resumeTallies`: the
 * import's rows move in many transactions. Other cities' writes in between are still counted.
 */
export async function pauseTallies(client: PGlite, tenantId: string): Promise<void> {
  await client.query(`select set_config('yorisoi.tallies_paused', $1, false)`, [tenantId])
}

export async function resumeTallies(client: PGlite): Promise<void> {
  await client.query(`select set_config('yorisoi.tallies_paused', '', false)`)
}

/** Counts the city's tallies again from its contacts (after an import wrote them paused). */
export async function recountTallies(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`select recount_window_contacts(${tenantId})`)
}

/**
 * Window cases whose contacts one short transaction of the embedded store's recount counts: at 20
 * times the bench city (140,000 window cases, 1M contacts) the whole city in one statement held
 * the store for ~20 s. A part of 2,000 held it for 270–380 ms during an import (PGlite's baseline
 * compiler, as the command line runs), and a request of three statements waited for up to three
 * parts (case detail's p99 1,043 ms); a part of 500 holds it for 115–155 ms.
 */
export const RECOUNT_CASES = 500

/**
 * The city's tallies counted again on the embedded store, in short transactions that let other
 * requests in between (`between` runs after each): its tallies taken away, then counted
 * `casesPerTurn` window cases at a time (migration 0035: the parts add up to the whole). The
 * import runs it with the city's tallies paused and locked for it; until it ends, the city's
 * tallies are a part of the count, so whoever stops it half way counts them again (a failed
 * import's restore, interrupted-imports.ts).
 */
export async function recountTalliesInTurns(
  client: PGlite,
  tenantId: string,
  between: () => Promise<void>,
  casesPerTurn = RECOUNT_CASES,
): Promise<void> {
  await client.transaction(async (tx) => {
    for (const table of WINDOW_CONTACT_TALLIES)
      await tx.query(`delete from ${table} where tenant_id = $1`, [tenantId])
  })
  await between()
  // The first and last id of each part, from the window cases in id order (uuid has no min or
  // max; its text in byte order sorts the same).
  const parts = await client.query<{ first: string; last: string }>(
    `select min(id::text collate "C") as first, max(id::text collate "C") as last
      from (select id, (row_number() over (order by id) - 1) / $2 as part
        from cases where tenant_id = $1 and intake_unit = 'window') c
      group by part order by part`,
    [tenantId, casesPerTurn],
  )
  for (const { first, last } of parts.rows) {
    // One statement: a transaction of its own.
    await client.query('select count_window_contacts($1, $2, $3)', [tenantId, first, last])
    await between()
  }
}

/** Vacuums the tallies on the embedded store; answers whether it did (PostgreSQL: nothing to do). */
export async function vacuumTallies(db: Db): Promise<boolean> {
  const embedded = embeddedClient(db)
  if (!embedded) return false
  // One table per statement: each holds the one connection only briefly.
  for (const table of WINDOW_CONTACT_TALLIES) await embedded.query(`vacuum ${table}`)
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
