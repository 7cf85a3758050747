import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { openCase } from './test-support.ts'

// Case detail and the case list write their audit row without a transaction of their own
// (read-cases.ts): the answer must still leave only once that row is stored.
let ctx: TestContext
beforeAll(async () => {
  // As the owner: the test adds a constraint to the audit log.
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

async function auditOf(tenantId: string, action: string) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
}

/** Refuses `recordId`'s case.read rows of `tenantId` while `run` runs (NOT VALID: earlier rows stay). */
async function refusingRecord<T>(tenantId: string, recordId: string, run: () => Promise<T>): Promise<T> {
  const name = `refuse_${tenantId}_record`
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

describe('reads of cases and their audit rows', () => {
  it('writes one audit row per case detail and per list', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const opened = await openCase(s)
    expect((await s.get(`/api/cases/${opened.id}`)).statusCode).toBe(200)
    expect((await s.get(`/api/cases/${opened.id}`)).statusCode).toBe(200)
    expect((await s.get('/api/cases')).statusCode).toBe(200)
    const reads = await auditOf(city.tenantId, 'case.read')
    expect(reads.map((r) => [r.recordId, r.actorId])).toEqual([
      [opened.id, s.user.id],
      [opened.id, s.user.id],
    ])
    expect(await auditOf(city.tenantId, 'case.list')).toHaveLength(1)
  })

  it("writes the read's row with who read what and when, and none for a case outside the scope", async () => {
    const city = await ctx.newCity()
    const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const opened = await openCase(sakyo, { ward: 'sakyo' })
    expect((await sakyo.get(`/api/cases/${opened.id}`)).statusCode).toBe(200)
    expect((await kita.get(`/api/cases/${opened.id}`)).statusCode).toBe(404)
    const reads = await auditOf(city.tenantId, 'case.read')
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatchObject({
      recordType: 'case',
      recordId: opened.id,
      actorId: sakyo.user.id,
      actorLogin: sakyo.user.loginId,
      detail: null,
    })
    expect(reads[0]!.at).toEqual(ctx.clock.now())
    expect(await auditOf(city.tenantId, 'case.read_denied')).toMatchObject([{ actorId: kita.user.id }])
  })

  it('answers neither the case nor the list when their audit row cannot be written', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const opened = await openCase(s, { name: '監査 太郎' })
    // From here on this city's audit log refuses reads of cases (NOT VALID: earlier rows stay).
    await ctx.db.execute(
      sql.raw(`ALTER TABLE audit_log ADD CONSTRAINT refuse_reads_${city.tenantId}
        CHECK (tenant_id <> '${city.tenantId}' OR action NOT IN ('case.read', 'case.list')) NOT VALID`),
    )
    try {
      const detail = await s.get(`/api/cases/${opened.id}`)
      const list = await s.get('/api/cases')
      for (const res of [detail, list]) {
        expect(res.statusCode).toBe(500)
        expect(res.body).not.toContain('監査')
        expect(res.body).not.toContain(opened.caseNo)
      }
      expect(await auditOf(city.tenantId, 'case.read')).toHaveLength(0)
    } finally {
      await ctx.db.execute(sql.raw(`ALTER TABLE audit_log DROP CONSTRAINT refuse_reads_${city.tenantId}`))
    }
    expect((await s.get(`/api/cases/${opened.id}`)).statusCode).toBe(200)
  })

  it('answers case details read together, and withholds only the one whose audit row is refused', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const kept = await openCase(s, { name: '記録 花子' })
    const withheld = await openCase(s, { name: '監査 太郎' })
    const responses = await refusingRecord(city.tenantId, withheld.id, () =>
      Promise.all([kept, withheld, kept, withheld, kept, kept].map((c) => s.get(`/api/cases/${c.id}`))),
    )
    expect(responses.map((r) => r.statusCode)).toEqual([200, 500, 200, 500, 200, 200])
    for (const r of responses.filter((x) => x.statusCode === 500)) {
      expect(r.body).not.toContain('監査')
      expect(r.body).not.toContain(withheld.caseNo)
    }
    expect((await auditOf(city.tenantId, 'case.read')).map((r) => r.recordId)).toEqual([
      kept.id,
      kept.id,
      kept.id,
      kept.id,
    ])
  })
})
