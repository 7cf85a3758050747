import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { rowsOf } from '#server/test/harness.ts'
import {
  addChildren,
  addParents,
  parentEntriesRead,
  setTrap,
  springTrap,
  TRAP_TENANT,
} from '#server/test/plan-trap.ts'
import { type DatabaseHandle, embeddedClient, openDatabase } from './client.ts'
import { DeferredWrites } from './deferred.ts'
import { replanDue } from './replan.ts'
import { UndoLog } from './undo-log.ts'

// A long write on the embedded store outgrows the plans of its foreign-key checks (replan.ts),
// on PGlite whatever the test store, with the trap of server/test/plan-trap.ts. Counted in index
// entries read, not timed.
let handle: DatabaseHandle
let client: PGlite
beforeAll(async () => {
  handle = await openDatabase({})
  client = embeddedClient(handle.db)!
})
afterAll(() => handle.close())

beforeEach(async () => {
  await client.exec('drop schema if exists import_undo cascade')
  await setTrap(handle.db)
})

/** Index entries of the parents read by the checks of 100 new children, then rolled back. */
async function entriesReadToAddChildren(from: number): Promise<number> {
  await client.exec('begin')
  try {
    const before = await parentEntriesRead(handle.db)
    await handle.db.execute(addChildren(from))
    return (await parentEntriesRead(handle.db)) - before
  } finally {
    await client.exec('rollback')
  }
}

describe('a long write and the plans of its foreign-key checks', () => {
  it('is a trap: filled by plain statements, the parents outgrow the check planned on 1,000', async () => {
    await springTrap(handle.db)
    await handle.db.execute(addParents(1001, 8000))
    // Each check reads the city's parents through the tenant-only index.
    expect(await entriesReadToAddChildren(1)).toBeGreaterThan(100 * 7_000)
  })

  it('applyInTurns plans again as the tables grow: each check reads one entry', async () => {
    const deferred = new DeferredWrites()
    // The undo log is created below, in a schema of its own, and creating a schema drops every
    // plan made before it: the trap is sprung by the first statement of the long write itself.
    await deferred.db.execute(
      sql.raw(
        `insert into replan_child select '${TRAP_TENANT}', -g, md5(g::text)::uuid from generate_series(1, 100) g`,
      ),
    )
    for (let from = 1001; from <= 7001; from += 1000) await deferred.db.execute(addParents(from, from + 999))
    await deferred.db.execute(addChildren(1))
    const undo = new UndoLog(client, TRAP_TENANT)
    await undo.create()
    await deferred.applyInTurns(client, undo)
    // 100 checks through the primary key, an entry each (the trap above: ~8,000 each).
    expect(await entriesReadToAddChildren(101)).toBe(100)
    const [written] = await rowsOf<{ n: number }>(handle.db, sql`select count(*)::int as n from replan_child`)
    expect(written!.n).toBe(200)
  })

  it('discards them before the 1st, 2nd, 4th, 8th, … statement', () => {
    const due = Array.from({ length: 40 }, (_, i) => i + 1).filter(replanDue)
    expect(due).toEqual([1, 2, 4, 8, 16, 32])
    expect(replanDue(0)).toBe(false)
    expect(replanDue(4096)).toBe(true)
    expect(replanDue(4095)).toBe(false)
  })
})
