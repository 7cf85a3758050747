import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { withReportSettings, withTenant } from '#server/db/tenant-scope.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { computeReport } from './compute-report.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2020-09-01', to: '2021-08-31' }
const onPostgres = process.env.YORISOI_TEST_DB === 'postgres'

/** The report's settings as the connection has them: JIT and work_mem. */
async function jit(db: Db): Promise<string> {
  const result = (await db.execute(
    sql`select current_setting('jit') || ' ' || current_setting('work_mem') as jit`,
  )) as unknown as {
    rows: { jit: string }[]
  }
  return result.rows[0]!.jit
}

describe('the report without JIT compilation, with more work_mem', () => {
  it('in a transaction: SET LOCAL, so the setting ends with it', async () => {
    const city = await ctx.newCity()
    await recordsFor(ctx.db, city.tenantId).addCase({ ageBand: 'under40' })
    const usual = await jit(ctx.db)
    expect(usual).toBe('on 4MB')
    const during = await ctx.db.transaction(async (tx) => {
      const report = await computeReport(tx, city.tenantId, PERIOD)
      expect(report.consultations.total).toBeGreaterThanOrEqual(0)
      return jit(tx)
    })
    expect(during).toBe('off 32MB')
    expect(await jit(ctx.db)).toBe(usual)
  })

  it('on the pool: the connections of withReportSettings run with them, and are given back to others with the server’s settings', async () => {
    const usual = await jit(ctx.db)
    const seen = await withTenant('*', () =>
      withReportSettings(() => Promise.all(Array.from({ length: 5 }, () => jit(ctx.db)))),
    )
    // PGlite has one connection: withReportSettings leaves it as it is (computeReport sets it).
    expect(new Set(seen)).toEqual(new Set([onPostgres ? 'off 32MB' : usual]))
    const after = await Promise.all(Array.from({ length: 5 }, () => jit(ctx.db)))
    expect(new Set(after)).toEqual(new Set([usual]))
  })

  it('computes the same report on the pool as in a transaction', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addCase({ ageBand: 'under40' })
    await r.addCase({ ageBand: 'unknown' })
    const pooled = await computeReport(ctx.db, city.tenantId, PERIOD)
    const inTx = await ctx.db.transaction((tx) => computeReport(tx, city.tenantId, PERIOD))
    expect(pooled).toEqual(inTx)
    expect(await jit(ctx.db)).toBe('on 4MB')
  })

  it('on the embedded store: set for the report’s time, then the store’s own again', async () => {
    const embedded = embeddedClient(ctx.db)
    const city = await ctx.newCity()
    await recordsFor(ctx.db, city.tenantId).addCase({ ageBand: 'under40' })
    const usual = await jit(ctx.db)
    const settings: string[] = []
    const spy = embedded && vi.spyOn(embedded, 'query')
    try {
      await computeReport(ctx.db, city.tenantId, PERIOD)
      for (const [statement] of spy?.mock.calls ?? [])
        if (typeof statement === 'string' && /^(SET|RESET) /.test(statement)) settings.push(statement)
    } finally {
      spy?.mockRestore()
    }
    // PostgreSQL's pool sets each connection it hands out (the test above).
    expect(settings).toEqual(
      embedded
        ? [
            "SET jit = 'off'",
            "SET work_mem = '32MB'",
            "SET max_parallel_workers_per_gather = '0'",
            "SET enable_presorted_aggregate = 'off'",
            'RESET jit',
            'RESET work_mem',
            'RESET max_parallel_workers_per_gather',
            'RESET enable_presorted_aggregate',
          ]
        : [],
    )
    expect(await jit(ctx.db)).toBe(usual)
  })
})
