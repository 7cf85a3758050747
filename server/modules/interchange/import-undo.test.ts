// An import that fails after it has begun writing leaves the city as it was. On the embedded
// store its rows are moved in many short transactions, each noting what it changed
// (server/db/undo-log.ts), and a failure puts every row back: new rows go, updated and deleted
// ones come back as they were, the current decisions too. On PostgreSQL the import is one
// transaction. The failures are injected by a trigger, so the same test runs on both stores.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { baseLedger, importDir, secondLedger, storedRows, tempDir } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  // Owner of the tables: the test adds a trigger.
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

/** Makes the store fail on a write for `tenantId`: an audit row of an import, or a contact with this summary. */
async function injectFailure(db: Db, tenantId: string, content?: string): Promise<() => Promise<void>> {
  const fail = sql.raw(`create or replace function import_fails() returns trigger language plpgsql as $$
    begin raise exception 'injected failure'; end $$`)
  await db.execute(fail)
  const when = content
    ? sql.raw(`create trigger import_fails before insert on contacts for each row
        when (new.tenant_id = '${tenantId}' and new.summary = '${content}') execute function import_fails()`)
    : sql.raw(`create trigger import_fails before insert on audit_log for each row
        when (new.tenant_id = '${tenantId}' and new.action = 'ledger.import') execute function import_fails()`)
  await db.execute(when)
  const table = content ? 'contacts' : 'audit_log'
  return async () => {
    await db.execute(sql.raw(`drop trigger import_fails on ${table}`))
  }
}

async function tempTablesLeft(db: Db): Promise<number> {
  const res = (await db.execute(
    sql`select count(*)::int as n from pg_tables where tablename like 'import_stage%' or schemaname = 'import_undo'`,
  )) as unknown as { rows: { n: number }[] }
  return res.rows[0]!.n
}

describe('an import that fails while it writes', () => {
  it('failing at its last step (the audit row), leaves every row of the city as before', async () => {
    const city = await ctx.newCity()
    expect((await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])).errors).toEqual([])
    const before = await storedRows(ctx.db, city.tenantId)
    const heal = await injectFailure(ctx.db, city.tenantId)
    try {
      await expect(importDir(ctx.db, city.tenantId, [secondLedger()])).rejects.toThrow()
    } finally {
      await heal()
    }
    expect(await storedRows(ctx.db, city.tenantId)).toEqual(before)
    expect(await tempTablesLeft(ctx.db)).toBe(0)
    // The same ledger, without the failure, does change all of that.
    const result = await importDir(ctx.db, city.tenantId, [secondLedger()])
    expect(result.errors).toEqual([])
    const after = await storedRows(ctx.db, city.tenantId)
    for (const table of ['cases', 'caseEvents', 'contacts', 'meetings', 'reviews'])
      expect(after[table], table).not.toEqual(before[table])
    const [stored] = (
      (await ctx.db.execute(
        sql`select ward, lead, next_review_on::text as next from cases where tenant_id = ${city.tenantId} and case_no = '2021-00001'`,
      )) as unknown as { rows: { ward: string; lead: string; next: string }[] }
    ).rows
    expect(stored).toEqual({ ward: 'sakyo', lead: 'accompaniment', next: '2021-10-20' })
  }, 120_000)

  it('failing in the middle of its moves leaves every row of the city as before', async () => {
    const city = await ctx.newCity()
    expect((await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])).errors).toEqual([])
    const before = await storedRows(ctx.db, city.tenantId)
    const heal = await injectFailure(ctx.db, city.tenantId, 'ここで失敗')
    try {
      await expect(importDir(ctx.db, city.tenantId, [secondLedger('ここで失敗')])).rejects.toThrow()
    } finally {
      await heal()
    }
    expect(await storedRows(ctx.db, city.tenantId)).toEqual(before)
    expect(await tempTablesLeft(ctx.db)).toBe(0)
  }, 120_000)
})
