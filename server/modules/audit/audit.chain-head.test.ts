import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, rowsOf, type TestContext } from '#server/test/harness.ts'

// The audit chain's trigger (audit_chain_append, migrations 0006 and 0037) reads the city's last
// link once per audit row. A connection plans that read once and keeps the plan; planned from the
// statistics of a chain of a few rows, it was a scan of the whole chain and a sort, kept as the
// chain grew (migration 0036).
let ctx: TestContext
beforeAll(async () => {
  // As the owner: the test analyzes the chain and reads the catalogue.
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

describe("the audit chain's head", () => {
  it('is read through its index even when the plan is made from the statistics of a nearly empty chain', async () => {
    const city = await ctx.newCity()
    await city.as('window_counsellor') // a login: a few audit rows, and their links
    await ctx.db.execute(sql`analyze audit_chain`)
    const plan = await ctx.db.transaction(async (tx) => {
      // The settings the function plans its statements with: its own SET clauses.
      const settings = await rowsOf<Record<string, string>>(
        tx,
        sql`select unnest(proconfig) as setting from pg_proc where proname = 'audit_chain_append'`,
      )
      for (const { setting } of settings) {
        const [name, ...value] = setting!.split('=')
        await tx.execute(sql`select set_config(${name}, ${value.join('=')}, true)`)
      }
      // The plan a connection keeps: made once, for any city.
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`)
      await tx.execute(
        sql.raw(`prepare chain_head(text) as select c.seq, c.hash from audit_chain c
          where c.tenant_id = $1 order by c.seq desc limit 1`),
      )
      const lines = await rowsOf<Record<string, string>>(
        tx,
        sql.raw(`explain execute chain_head('${city.tenantId}')`),
      )
      await tx.execute(sql.raw('deallocate chain_head'))
      return lines.map((l) => l['QUERY PLAN']).join('\n')
    })
    expect(plan).toContain('Index Scan Backward using audit_chain_tenant_id_seq_pk')
    expect(plan).not.toContain('Seq Scan')
  })

  it('hashes the link with the time text written the same way, inlined in the trigger (migration 0039)', async () => {
    const [fn] = await rowsOf<Record<string, string>>(
      ctx.db,
      sql`select provolatile as volatility from pg_proc where proname = 'audit_chain_time'`,
    )
    // STABLE as its body is: declared IMMUTABLE it was not inlined, and was planned per transaction.
    expect(fn!.volatility).toBe('s')
    const [text] = await rowsOf<Record<string, string>>(
      ctx.db,
      sql`select audit_chain_time('2026-12-07 13:05:06.000001+09') as a, audit_chain_time('2026-01-01 00:00:00+00') as b`,
    )
    expect(text).toEqual({ a: '2026-12-07T04:05:06.000001Z', b: '2026-01-01T00:00:00.000000Z' })
  })
})
