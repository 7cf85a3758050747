import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { auditLog, settings } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { SeminarDetail } from '#shared/contracts/seminars.ts'
import { SEMINAR_RETENTION_KEY } from '#shared/seminar-settings.ts'
import { createFamilyService } from './family.service.ts'
import { runSeminarRetention } from './retention.ts'
import { aFamily, aSeminar, scheduleSeminar } from './test-support.ts'

// The administrator sets how long the families' registrations are kept on the settings page
// (/api/settings): a wrong value is refused in Japanese and nothing is written; a good one is
// the number of days the retention uses.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

it('refuses a wrong number of days in Japanese, writes nothing, and the retention uses the saved days', async () => {
  const city = await ctx.newCity()
  const admin = await city.as('admin')
  const hq = await city.as('headquarters')
  expect((await admin.get('/api/settings')).json().seminarRetentionDays).toBe(365)

  const refused: [unknown, string][] = [
    ['', '数字を入力してください'],
    ['６０', '数字で入力してください'],
    ['二か月', '数字で入力してください'],
    [29, '30日以上で入力してください'],
    [3651, '3650日以内で入力してください'],
    ['45.5', '整数で入力してください'],
  ]
  for (const [value, message] of refused) {
    const res = await admin.put('/api/settings', { seminarRetentionDays: value })
    expect(res.statusCode, String(value)).toBe(400)
    expect(res.json().errors).toEqual([{ field: 'seminarRetentionDays', message }])
  }
  const stored = () =>
    ctx.db
      .select()
      .from(settings)
      .where(and(eq(settings.tenantId, city.tenantId), eq(settings.key, SEMINAR_RETENTION_KEY)))
  expect(await stored()).toEqual([])
  // Only administrators.
  expect((await hq.put('/api/settings', { seminarRetentionDays: 60 })).statusCode).toBe(403)

  // A seminar held 2026-09-01 (84 days before the test clock's 11-24): kept under the default
  // year, cleared once the city keeps registrations for 60 days.
  const fields = { title: '九月の家族教室' }
  const { id } = await scheduleSeminar(hq, fields)
  const family = createFamilyService(ctx.db, ctx.clock)
  await withTenant(city.tenantId, () => family.register(city.tenantId, id, aFamily({ name: 'くがつの父' })))
  await hq.put(`/api/seminars/${id}`, aSeminar({ ...fields, heldOn: '2026-09-01' }))
  await runSeminarRetention(ctx.db, ctx.clock)
  const name = async () =>
    ((await hq.get(`/api/seminars/${id}`)).json() as SeminarDetail).registrations[0]!.name
  expect(await name()).toBe('くがつの父')

  const saved = await admin.put('/api/settings', { seminarRetentionDays: ' 60 ' })
  expect(saved.statusCode, saved.body).toBe(200)
  expect(saved.json().seminarRetentionDays).toBe(60)
  expect(await readSetting(ctx.db, city.tenantId, SEMINAR_RETENTION_KEY)).toBe(60)
  expect((await admin.get('/api/settings')).json().seminarRetentionDays).toBe(60)
  const [audit] = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'settings.update')))
  expect(audit!.detail).toEqual({ seminarRetentionDays: 60 })

  await runSeminarRetention(ctx.db, ctx.clock)
  expect(await name()).toBe('')
})
