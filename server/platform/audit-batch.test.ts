import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { AuditBatch, type AuditRow } from './audit-batch.ts'

let ctx: TestContext
beforeAll(async () => {
  // As the owner: the tests add a constraint to the audit log.
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

const rowOf = (tenantId: string, recordId: string): AuditRow => ({
  tenantId,
  at: new Date('2026-04-01T00:00:00Z'),
  actorId: null,
  actorLogin: 'tester',
  action: 'case.read',
  recordType: 'case',
  recordId,
  clientAddress: '127.0.0.1',
  detail: null,
})

async function storedIds(tenantId: string, action = 'case.read'): Promise<string[]> {
  const rows = await ctx.db
    .select({ recordId: auditLog.recordId })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
    .orderBy(auditLog.id)
  return rows.map((r) => r.recordId!)
}

/** `counting` of `target`'s methods `names`: each call counted, then made. */
function counting<T extends object>(target: T, names: string[], count: { count: number }): T {
  return new Proxy(target, {
    get(t, name, receiver) {
      const value = Reflect.get(t, name, receiver)
      if (typeof name !== 'string' || !names.includes(name)) return value
      return (...args: unknown[]) => {
        count.count += 1
        return (value as (...a: unknown[]) => unknown).apply(t, args)
      }
    },
  })
}

/**
 * `db`, counting the transactions begun and the statements sent on it outside one: Drizzle's
 * (transaction, insert) and those sent to the client itself (PostgreSQL's pool, PGlite's kept
 * statements).
 */
function countingTransactions(db: Db) {
  const transactions = { count: 0 }
  const pool = (db as { $client?: object }).$client!
  const counted = counting(db, ['transaction', 'insert'], transactions)
  const countedPool = counting(pool, ['query', 'queryWhenTurnComes'], transactions)
  const withPool = new Proxy(counted, {
    get: (target, name, receiver) => (name === '$client' ? countedPool : Reflect.get(target, name, receiver)),
  })
  return { db: withPool, transactions }
}

/** Refuses case.read rows of `recordId` in `tenantId` while `run` runs (NOT VALID: earlier rows stay). */
async function refusing<T>(tenantId: string, recordId: string, run: () => Promise<T>): Promise<T> {
  const name = `refuse_${tenantId}_${recordId.replace(/-/g, '').slice(0, 12)}`
  await ctx.db.execute(
    sql.raw(`ALTER TABLE audit_log ADD CONSTRAINT ${name}
      CHECK (tenant_id <> '${tenantId}' OR record_id IS DISTINCT FROM '${recordId}') NOT VALID`),
  )
  try {
    return await run()
  } finally {
    await ctx.db.execute(sql.raw(`ALTER TABLE audit_log DROP CONSTRAINT ${name}`))
  }
}

describe('audit rows written together (audit-batch.ts)', () => {
  it('stores the rows of requests run one after another in the same turn in one INSERT, in order, each settled once stored', async () => {
    const city = await ctx.newCity()
    const inserted: string[] = []
    const { db, transactions } = countingTransactions(ctx.db)
    const batch = new AuditBatch(db, city.tenantId, async (row) => {
      inserted.push(row.recordId!)
      await ctx.db.insert(auditLog).values(row)
    })
    const ids = ['a', 'b', 'c', 'd', 'e']
    const settled: Promise<boolean>[] = []
    for (const id of ids) {
      // As on the embedded store, where a request's statements never wait for I/O: the next
      // request reaches its audit row in the same turn of the event loop.
      await Promise.resolve()
      settled.push(
        batch.write(rowOf(city.tenantId, id)).then(async () => (await storedIds(city.tenantId)).includes(id)),
      )
    }
    expect(await Promise.all(settled)).toEqual([true, true, true, true, true])
    // Before, the first row went alone at once, by itself (one commit and fsync per request).
    expect(inserted).toEqual([])
    // One statement for the five.
    expect(transactions.count).toBe(1)
    expect(await storedIds(city.tenantId)).toEqual(ids)
  })

  it('stores each column of batched rows as the one-row statement stores it', async () => {
    const city = await ctx.newCity()
    const full = (recordId: string): AuditRow => ({
      tenantId: city.tenantId,
      at: new Date('2026-04-01T09:08:07.654Z'),
      actorId: '0b6c1c1e-3f1d-4e55-9a0b-2b0a5e7c9d11',
      actorLogin: 'ｓｔａｆｆ\u200b"\\{},',
      action: 'case.list',
      recordType: 'case',
      recordId,
      clientAddress: '::1',
      detail: { filters: ['q', 'ward'], count: 3, note: '相談\u200b"\\{"a":1}', nested: { empty: [] } },
    })
    const alone = new AuditBatch(ctx.db, city.tenantId, (row) => ctx.db.insert(auditLog).values(row))
    await alone.write(full('alone'))
    const batch = new AuditBatch(ctx.db, city.tenantId, (row) => ctx.db.insert(auditLog).values(row))
    await Promise.all([
      batch.write(full('one')),
      batch.write({ ...rowOf(city.tenantId, 'two'), detail: null }),
    ])
    const stored = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.list')))
      .orderBy(auditLog.id)
    const { id: _a, recordId: _b, ...aloneRow } = stored.find((r) => r.recordId === 'alone')!
    const { id: _c, recordId: _d, ...batchedRow } = stored.find((r) => r.recordId === 'one')!
    expect(batchedRow).toEqual(aloneRow)
    expect(aloneRow.detail).toEqual(full('x').detail)
    expect(aloneRow.at.toISOString()).toBe('2026-04-01T09:08:07.654Z')
    const [two] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, 'two')))
    expect(two).toMatchObject({ actorId: null, detail: null, action: 'case.read' })
  })

  it('fails only the request whose row is refused, even when it waited with others', async () => {
    const city = await ctx.newCity()
    const batch = new AuditBatch(ctx.db, city.tenantId, (row) => ctx.db.insert(auditLog).values(row))
    const outcomes = await refusing(city.tenantId, 'refused', () =>
      Promise.allSettled(['a', 'b', 'refused', 'c'].map((id) => batch.write(rowOf(city.tenantId, id)))),
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(await storedIds(city.tenantId)).toEqual(['a', 'b', 'c'])
  })
})
