import { and, count, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, settings } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  // The trigger is tested as the owner, who could otherwise change rows (roles.test.ts tests the app role).
  ctx = await createTestContext({ separateRoles: false })
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
  const defaults = {
    noContactDays: 14,
    agencyViewDays: 30,
    handoverWaitDays: 30,
    caseloadThresholds: { accompaniment_worker: 15, ward_staff: 20, agency_member: 20 },
    // The test cities require 2FA of no role (server/test/harness.ts); two-factor tests check the default.
    twoFactorRoles: [],
    seminarRetentionDays: 365,
  }

  it('administrators set the work list threshold; invalid values are refused', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    expect((await admin.get('/api/settings')).json()).toEqual(defaults)
    expect((await admin.put('/api/settings', { noContactDays: 21 })).json()).toEqual({
      ...defaults,
      noContactDays: 21,
    })
    expect((await admin.get('/api/settings')).json().noContactDays).toBe(21)
    const bad = await admin.put('/api/settings', { noContactDays: 0 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0]).toEqual({ field: 'noContactDays', message: '1日以上で入力してください' })
    const counsellor = await city.as('window_counsellor')
    expect((await counsellor.put('/api/settings', { noContactDays: 3 })).statusCode).toBe(403)
    expect((await counsellor.get('/api/settings')).statusCode).toBe(403)
    const hq = await city.as('headquarters')
    expect((await hq.put('/api/settings', { agencyViewDays: 3 })).statusCode).toBe(403)
  })

  it('keeps the agencies’ viewing days and the caseload thresholds per role, as the other modules read them', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const res = await admin.put('/api/settings', {
      agencyViewDays: '14',
      caseloadThresholds: { accompaniment_worker: '12', agency_member: 25 },
    })
    expect(res.statusCode, res.body).toBe(200)
    const expected = {
      noContactDays: 14,
      agencyViewDays: 14,
      handoverWaitDays: 30,
      caseloadThresholds: { accompaniment_worker: 12, ward_staff: 20, agency_member: 25 },
      twoFactorRoles: [],
      seminarRetentionDays: 365,
    }
    expect(res.json()).toEqual(expected)
    expect((await admin.get('/api/settings')).json()).toEqual(expected)
    // Stored under the keys the meetings and accompaniment modules read, as plain numbers.
    const rows = await ctx.db
      .select()
      .from(settings)
      .where(
        and(
          eq(settings.tenantId, city.tenantId),
          inArray(settings.key, ['agencyViewDays', 'caseloadThresholds']),
        ),
      )
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({
      agencyViewDays: 14,
      caseloadThresholds: expected.caseloadThresholds,
    })
    // 0 days: agencies read the agenda on the meeting day only.
    expect((await admin.put('/api/settings', { agencyViewDays: 0 })).json().agencyViewDays).toBe(0)
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'settings.update')))
      .orderBy(auditLog.id)
      .limit(1)
    expect(audit!.detail).toEqual({ agencyViewDays: 14, caseloadThresholds: expected.caseloadThresholds })
  })

  it('refuses values out of range, not whole or empty, with a message per field, and writes nothing', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const res = await admin.put('/api/settings', {
      noContactDays: '',
      agencyViewDays: 366,
      caseloadThresholds: { accompaniment_worker: 0, ward_staff: '2.5', agency_member: 'たくさん' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'noContactDays', message: '数字を入力してください' },
      { field: 'agencyViewDays', message: '365日以内で入力してください' },
      { field: 'caseloadThresholds.accompaniment_worker', message: '1件以上で入力してください' },
      { field: 'caseloadThresholds.ward_staff', message: '整数で入力してください' },
      { field: 'caseloadThresholds.agency_member', message: '数字で入力してください' },
    ])
    const tooMany = await admin.put('/api/settings', { caseloadThresholds: { ward_staff: 201 } })
    expect(tooMany.json().errors).toEqual([
      { field: 'caseloadThresholds.ward_staff', message: '200件以内で入力してください' },
    ])
    expect((await admin.put('/api/settings', { agencyViewDays: -1 })).statusCode).toBe(400)
    expect((await admin.get('/api/settings')).json()).toEqual(defaults)
  })
})
