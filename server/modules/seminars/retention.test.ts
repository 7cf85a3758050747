import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, seminarRegistrations } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { SeminarDetail } from '#shared/contracts/seminars.ts'
import { createFamilyService } from './family.service.ts'
import { runSeminarRetention, SEMINAR_RETENTION_KEY } from './retention.ts'
import { aFamily, aSeminar, scheduleSeminar } from './test-support.ts'

// What a family gave is removed once the city's retention days have passed since the seminar;
// the counts and attendance stay for the report.
let ctx: TestContext
let city: TestCity
let hq: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  hq = await city.as('headquarters')
})
afterAll(() => ctx.close())

const DAY = 86_400_000

describe('seminar retention', () => {
  it('clears name, contacts and note after the retention days (a city setting), once, audited without them', async () => {
    await writeSetting(ctx.db, city.tenantId, SEMINAR_RETENTION_KEY, 30)
    const fields = { title: '保存期間の会' }
    const { id } = await scheduleSeminar(hq, fields)
    const family = createFamilyService(ctx.db, ctx.clock)
    const mine = aFamily({
      name: 'ほぞんの母',
      email: 'hozon@example.jp',
      phone: '075-000-0000',
      needsNote: '託児2人',
      needsChildcare: true,
      attendees: 2,
    })
    await withTenant(city.tenantId, () => family.register(city.tenantId, id, mine))
    // The seminar was held on 2026-10-20; 30 days later is 11-19, so on 11-24 it is due; a
    // seminar held 11-10 is not (14 days).
    await hq.put(`/api/seminars/${id}`, aSeminar({ ...fields, heldOn: '2026-10-20' }))
    const recent = await scheduleSeminar(hq, { title: '最近の会' })
    await withTenant(city.tenantId, () =>
      family.register(city.tenantId, recent.id, aFamily({ name: 'のこる' })),
    )
    await hq.put(`/api/seminars/${recent.id}`, aSeminar({ title: '最近の会', heldOn: '2026-11-10' }))
    const [before] = (await hq.get(`/api/seminars/${id}`)).json()
      .registrations as SeminarDetail['registrations']
    await hq.patch(`/api/seminars/${id}/registrations/${before!.id}`, { attended: true })

    const cleared = await runSeminarRetention(ctx.db, ctx.clock)
    expect(cleared).toBeGreaterThanOrEqual(1)
    const [after] = (await hq.get(`/api/seminars/${id}`)).json()
      .registrations as SeminarDetail['registrations']
    expect(after).toMatchObject({
      name: '',
      email: null,
      phone: null,
      needsNote: null,
      needsChildcare: true,
      attendees: 2,
      attended: true,
      personalDataRemoved: true,
    })
    const kept = (await hq.get(`/api/seminars/${recent.id}`)).json() as SeminarDetail
    expect(kept.registrations[0]).toMatchObject({ name: 'のこる', personalDataRemoved: false })

    // A second run finds nothing left in this city's due seminar.
    await runSeminarRetention(ctx.db, ctx.clock)
    const audits = await ctx.db
      .select({ detail: auditLog.detail, loginId: auditLog.actorLogin })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, city.tenantId),
          eq(auditLog.action, 'seminar_registration.personal_data_removed'),
          eq(auditLog.recordId, before!.id),
        ),
      )
    expect(audits).toEqual([{ detail: { seminarId: id, retentionDays: 30 }, loginId: 'system' }])
    expect(JSON.stringify(audits)).not.toContain('hozon')

    // A setting that is not a whole number of days counts as unset: the default (a year) applies.
    await writeSetting(ctx.db, city.tenantId, SEMINAR_RETENTION_KEY, 'forever')
    const recentRow = async () =>
      (
        await ctx.db
          .select({ name: seminarRegistrations.name, removed: seminarRegistrations.personalDataRemovedAt })
          .from(seminarRegistrations)
          .where(
            and(
              eq(seminarRegistrations.tenantId, city.tenantId),
              eq(seminarRegistrations.seminarId, recent.id),
            ),
          )
      )[0]
    const runAt = async (days: number) => {
      ctx.clock.advance(days * DAY)
      try {
        await runSeminarRetention(ctx.db, ctx.clock)
      } finally {
        ctx.clock.advance(-days * DAY)
      }
    }
    await runAt(300)
    expect((await recentRow())!.name).toBe('のこる')
    await runAt(366)
    const gone = await recentRow()
    expect(gone!.name).toBe('')
    expect(gone!.removed).not.toBeNull()
  })
})
