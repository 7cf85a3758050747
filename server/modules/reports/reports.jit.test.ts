import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { withoutJit, withTenant } from '#server/db/tenant-scope.ts'
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

async function jit(db: Db): Promise<string> {
  const result = (await db.execute(sql`select current_setting('jit') as jit`)) as unknown as {
    rows: { jit: string }[]
  }
  return result.rows[0]!.jit
}

describe('the report without JIT compilation', () => {
  it('in a transaction: SET LOCAL, so the setting ends with it', async () => {
    const city = await ctx.newCity()
    await recordsFor(ctx.db, city.tenantId).addCase({ ageBand: 'under40' })
    const usual = await jit(ctx.db)
    expect(usual).toBe('on')
    const during = await ctx.db.transaction(async (tx) => {
      const report = await computeReport(tx, city.tenantId, PERIOD)
      expect(report.consultations.total).toBeGreaterThanOrEqual(0)
      return jit(tx)
    })
    expect(during).toBe('off')
    expect(await jit(ctx.db)).toBe(usual)
  })

  it('on the pool: the connections of withoutJit run without it, and are given back to others with the server’s setting', async () => {
    const usual = await jit(ctx.db)
    const seen = await withTenant('*', () =>
      withoutJit(() => Promise.all(Array.from({ length: 5 }, () => jit(ctx.db)))),
    )
    // PGlite has one connection and no JIT: withoutJit leaves it as it is.
    expect(new Set(seen)).toEqual(new Set([onPostgres ? 'off' : usual]))
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
    expect(await jit(ctx.db)).toBe('on')
  })
})
