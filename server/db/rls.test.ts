import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Db } from './client.ts'
import { anyTenant, enterRequestScope, withTenant } from './tenant-scope.ts'

// Row-level security (migration 0013_rls) under the explicit tenant filters: raw SQL without any
// `tenant_id` condition, as the application's role, must see and change one city only.
let ctx: TestContext
let a: TestCity
let b: TestCity
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  a = await ctx.newCity('A市')
  b = await ctx.newCity('B市')
  await openCase(await a.as('window_counsellor'))
  await openCase(await b.as('window_counsellor'))
})
afterAll(() => ctx.close())

/** Whether this run's store is PostgreSQL (the embedded one runs as its superuser: no policies). */
const onPostgres = () => ctx.databaseUrl !== undefined

type Row = { tenant_id: string }
const rows = async (db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: Row[] }).rows
const citiesOf = (list: Row[]) => [...new Set(list.map((r) => r.tenant_id))].sort()
const caseCities = (db: Db) => rows(db, sql`SELECT tenant_id FROM cases`).then(citiesOf)

/** As a request does: its city named by the scope the pool reads (tenant-scope.ts). */
const inRequestOf = <T>(tenantId: string | undefined, fn: () => Promise<T>) =>
  new Promise<T>((resolve, reject) => enterRequestScope(tenantId, () => void fn().then(resolve, reject)))

describe('row-level security', () => {
  it('lets a transaction that names its city see that city only, and one that names none nothing', async () => {
    const inTx = (tenant: string) =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('yorisoi.tenant', ${tenant}, true)`)
        return caseCities(tx)
      })
    expect(await inTx(b.tenantId)).toEqual([b.tenantId])
    expect(await inTx('')).toEqual([])
    // Every tenant table, not only cases: each holds rows of both cities (wards, units, accounts…).
    const seen = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('yorisoi.tenant', ${b.tenantId}, true)`)
      return rows(
        tx,
        sql`SELECT tenant_id FROM accounts UNION ALL SELECT tenant_id FROM audit_log
                          UNION ALL SELECT tenant_id FROM org_units UNION ALL SELECT tenant_id FROM wards`,
      )
    })
    expect(citiesOf(seen)).toEqual([b.tenantId])
  })

  it('refuses to write a row of another city', async () => {
    const error = await ctx.db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('yorisoi.tenant', ${b.tenantId}, true)`)
        await tx.execute(sql`INSERT INTO settings (tenant_id, key, value) VALUES (${a.tenantId}, 'x', '1')`)
      })
      .then(
        () => 'written',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      )
    expect(error).toMatch(/row-level security/)
  })

  it('has the policy on every table with a tenant_id but sessions, forced on the owner too', async () => {
    const tables = await rows(
      ctx.db,
      sql`SELECT c.relname AS tenant_id FROM pg_class c
          JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'tenant_id'
          WHERE col.table_schema = 'public' AND c.relkind = 'r'
            AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                     AND EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname))`,
    )
    expect(tables.map((t) => t.tenant_id)).toEqual(['sessions'])
  })

  it("reads the policies' city setting inlined, not through a call of yorisoi_tenant per query", async () => {
    // Migration 0043: a function call here parsed and planned its body again in every query.
    const plan = await ctx.db.execute(sql`EXPLAIN (VERBOSE, FORMAT JSON) SELECT (SELECT yorisoi_tenant())`)
    const text = JSON.stringify((plan as unknown as { rows: unknown[] }).rows)
    expect(text).toContain("current_setting('yorisoi.tenant'")
    expect(text).not.toContain('yorisoi_tenant')
    // The same setting, as a request of city B sees it (PostgreSQL's pool sets it; on the
    // embedded store the operator's '*').
    const [seen] = await inRequestOf(b.tenantId, () =>
      rows(ctx.db, sql`SELECT yorisoi_tenant() AS tenant_id`),
    )
    expect(seen!.tenant_id).toBe(onPostgres() ? b.tenantId : '*')
  })
})

// PostgreSQL's pool sets the city on each connection it hands out. The embedded store has one
// connection and runs as its superuser (ARCHITECTURE.md, Tenancy): scopes change nothing there,
// and the contract-driven isolation test is the net.
describe('the tenant scope of the code that runs a query', () => {
  const scoped = (city: string) => (onPostgres() ? [city] : [a.tenantId, b.tenantId].sort())

  it('gives a request of city B nothing of city A when a query forgets its filter (PostgreSQL)', async () => {
    expect(await inRequestOf(b.tenantId, () => caseCities(ctx.db))).toEqual(scoped(b.tenantId))
    expect(await inRequestOf(a.tenantId, () => caseCities(ctx.db))).toEqual(scoped(a.tenantId))
    // In a transaction too (Drizzle checks a connection out for it).
    const inTx = await inRequestOf(b.tenantId, () => ctx.db.transaction((tx) => caseCities(tx)))
    expect(inTx).toEqual(scoped(b.tenantId))
  })

  it('gives a request before its city is known nothing at all (PostgreSQL)', async () => {
    const seen = await inRequestOf(undefined, () => caseCities(ctx.db))
    expect(seen).toEqual(onPostgres() ? [] : [a.tenantId, b.tenantId].sort())
  })

  it('resets each connection it hands out: 30 alternating scopes on a pool of 10 never mix', async () => {
    const runs = Array.from({ length: 30 }, (_, i) => {
      const city = i % 2 ? a.tenantId : b.tenantId
      return withTenant(city, () => caseCities(ctx.db)).then((seen) => ({ city, seen }))
    })
    for (const { city, seen } of await Promise.all(runs)) expect(seen).toEqual(scoped(city))
    // Outside requests the operator's work sees every city.
    expect(await caseCities(ctx.db)).toEqual([a.tenantId, b.tenantId].sort())
    // anyTenant (the session store) reads tables without city rows, whatever a connection's city.
    const n = await anyTenant(() => rows(ctx.db, sql`SELECT sid AS tenant_id FROM sessions`))
    expect(n.length).toBeGreaterThan(0)
  })
})
