import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, rowsOf, type TestContext } from '#server/test/harness.ts'

// Migration 0040: ANALYZE samples 300 rows per unit of the highest statistics target among the
// columns it analyzes, and copies each sampled row whole; case history's rows are wide, and at
// the default target its sample filled 37 MB of PGlite's WebAssembly memory, which never shrinks.
let ctx: TestContext
beforeAll(async () => {
  // As the owner: the test analyzes a table and reads the catalogue.
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

describe("case history's planner statistics", () => {
  it('are gathered at target 10 for every column, so ANALYZE samples 3,000 rows', async () => {
    const columns = await rowsOf<{ name: string; target: number | null }>(
      ctx.db,
      sql`select attname as name, attstattarget::int as target from pg_attribute
          where attrelid = 'case_events'::regclass and attnum > 0 and not attisdropped order by attnum`,
    )
    expect(columns.length).toBeGreaterThan(5)
    // A column added later without its own target would sample at the default again.
    for (const column of columns) expect(column, column.name).toEqual({ name: column.name, target: 10 })
  })

  it('keep a histogram of at most 11 bounds after an ANALYZE of many distinct times', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const opened = await openCase(window)
    await ctx.db.execute(sql`insert into case_events (tenant_id, case_id, at, actor_name, action, changes)
      select ${city.tenantId}, ${opened.id}::uuid, timestamptz '2026-01-01' + n * interval '1 minute',
             'テスト', 'note', '[]'::jsonb
      from generate_series(1, 500) as n`)
    await ctx.db.execute(sql`analyze case_events`)
    const [stats] = await rowsOf<{ bounds: number }>(
      ctx.db,
      sql`select cardinality(histogram_bounds::text::text[]) as bounds from pg_stats
          where tablename = 'case_events' and attname = 'at'`,
    )
    // At the default target (100) the histogram of 500 distinct times has 101 bounds.
    expect(stats!.bounds).toBeGreaterThan(2)
    expect(stats!.bounds).toBeLessThanOrEqual(11)
  })
})
