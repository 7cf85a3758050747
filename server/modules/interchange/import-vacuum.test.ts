import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { baseLedger, importDir, tempDir } from './test-ledger.ts'

// The owner's connection: before PostgreSQL 17 only a table's owner may vacuum it (from 17 the
// application's role holds MAINTAIN, server/db/roles.ts; before, autovacuum does it later).
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

/** How many of a table's pages the visibility map marks all-visible (set by VACUUM, not by ANALYZE). */
async function allVisiblePages(table: string): Promise<number> {
  const result = (await ctx.db.execute(
    sql`select relallvisible::int as n from pg_class where oid = ${table}::regclass`,
  )) as unknown as { rows: { n: number }[] }
  return Number(result.rows[0]!.n)
}

describe('after an import', () => {
  it('vacuums and analyzes the tables it wrote, outside its transaction: their pages are all-visible', async () => {
    const city = await ctx.newCity()
    await city.user('window_counsellor', { name: '相談員A' })
    const tables = ['cases', 'case_events', 'contacts', 'meetings', 'reviews']
    for (const table of tables) expect(await allVisiblePages(table), table).toBe(0)
    const result = await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])
    expect(result.ok).toBe(true)
    // The report's index-only scans then read no heap page for these rows (34,812 heap fetches
    // at the bench city's size with ANALYZE alone).
    for (const table of tables) expect(await allVisiblePages(table), table).toBeGreaterThan(0)
  })
})
