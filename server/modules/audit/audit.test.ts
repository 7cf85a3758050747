import { count, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema/index.ts'
import { createTestContext, type TestContext } from '../../test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('audit log', () => {
  it('administrators list and filter it, newest first; others may not', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const counsellor = await city.as('window_counsellor')
    expect((await counsellor.get('/api/audit')).statusCode).toBe(403)
    const all = (await admin.get('/api/audit')).json()
    expect(all.total).toBeGreaterThanOrEqual(2)
    const logins = (await admin.get(`/api/audit?action=auth.login&actor=${counsellor.user.loginId}`)).json()
    expect(logins.items).toHaveLength(1)
    expect(logins.items[0]).toMatchObject({
      action: 'auth.login',
      actorLogin: counsellor.user.loginId,
      recordId: counsellor.user.id,
    })
    const today = (await admin.get('/api/audit?from=2026/11/24&to=2026-11-24')).json()
    expect(today.total).toBeGreaterThanOrEqual(2)
    const before = (await admin.get('/api/audit?to=2026-11-23')).json()
    expect(before.total).toBe(0)
    const bad = await admin.get('/api/audit?from=2026-02-30')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].field).toBe('from')
  })

  it('rejects UPDATE and DELETE on the audit table (append-only trigger)', async () => {
    const city = await ctx.newCity()
    await city.as('window_counsellor')
    const failure = (q: Promise<unknown>) =>
      q.then(
        () => 'no error',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      )
    expect(await failure(ctx.db.execute(sql`UPDATE audit_log SET action = 'x'`))).toMatch(/append-only/)
    expect(await failure(ctx.db.execute(sql`DELETE FROM audit_log`))).toMatch(/append-only/)
    const [row] = await ctx.db.select({ n: count() }).from(auditLog)
    expect(row!.n).toBeGreaterThan(0)
  })
})

describe('settings', () => {
  it('administrators set the work list threshold; invalid values are refused', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    expect((await admin.get('/api/settings')).json()).toEqual({ noContactDays: 14 })
    expect((await admin.put('/api/settings', { noContactDays: 21 })).json()).toEqual({ noContactDays: 21 })
    expect((await admin.get('/api/settings')).json()).toEqual({ noContactDays: 21 })
    const bad = await admin.put('/api/settings', { noContactDays: 0 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0]).toEqual({ field: 'noContactDays', message: '1日以上で入力してください' })
    const counsellor = await city.as('window_counsellor')
    expect((await counsellor.put('/api/settings', { noContactDays: 3 })).statusCode).toBe(403)
  })
})
