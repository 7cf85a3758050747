import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accounts, auditLog, cases } from '#server/db/schema/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { addActivity, ledCase, makeLead, recordReview, sectionOf } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort()

describe('my cases', () => {
  it('lists an accompaniment worker’s led cases with review and activity markers, audited', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const me = await city.as('accompaniment_worker')
    const other = await city.as('accompaniment_worker')
    const mine = { lead: 'accompaniment' as const, accountId: me.user.id }
    const a = await ledCase(ctx, city, window, mine, { nextReviewOn: '2026-11-23' })
    const b = await ledCase(ctx, city, window, mine, { nextReviewOn: '2026-11-24' })
    await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: other.user.id })
    await addActivity(me, a.id, { doneOn: '2026-10-25' })
    await addActivity(me, b.id, { doneOn: '2026-10-26' })
    const res = await me.get('/api/my-cases')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ today: '2026-11-24', noActivityDays: 30 })
    expect(idsOf(body)).toEqual([a.id, b.id].sort())
    const byId = Object.fromEntries(body.items.map((i: { id: string }) => [i.id, i]))
    // Overdue is strictly before today; 30 days without activity is flagged, 29 is not.
    expect(byId[a.id]).toMatchObject({
      caseNo: a.caseNo,
      name: '山田 太郎',
      ageBand: 'under40',
      ward: 'sakyo',
      lead: 'accompaniment',
      leadUnitName: 'よりそい支援員',
      relation: 'lead',
      nextReviewOn: '2026-11-23',
      reviewOverdue: true,
      lastActivityOn: '2026-10-25',
      inactiveSince: '2026-10-25',
      daysWithoutActivity: 30,
      noRecentActivity: true,
    })
    expect(byId[b.id]).toMatchObject({
      reviewOverdue: false,
      lastActivityOn: '2026-10-26',
      daysWithoutActivity: 29,
      noRecentActivity: false,
    })
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'my_cases.list')))
    expect(audit).toMatchObject({ actorId: me.user.id, detail: { count: 2 } })
  })

  it('counts days without activity from the latest meeting that decided, else from the opening', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const me = await city.as('accompaniment_worker')
    const mine = { lead: 'accompaniment' as const, accountId: me.user.id }
    const decided = await ledCase(ctx, city, window, mine, { openedOn: '2026-08-01' })
    await recordReview(ctx, city, decided.id, '2026-09-10', { lead: 'ward_section' })
    await recordReview(ctx, city, decided.id, '2026-10-26', { lead: 'accompaniment' })
    const undecided = await ledCase(ctx, city, window, mine, { openedOn: '2026-10-25' })
    const items = (await me.get('/api/my-cases')).json().items
    const byId = Object.fromEntries(items.map((i: { id: string }) => [i.id, i]))
    expect(byId[decided.id]).toMatchObject({
      lastActivityOn: null,
      inactiveSince: '2026-10-26',
      daysWithoutActivity: 29,
      noRecentActivity: false,
    })
    expect(byId[undecided.id]).toMatchObject({
      inactiveSince: '2026-10-25',
      daysWithoutActivity: 30,
      noRecentActivity: true,
    })
  })

  it('leaves out closed cases and cases sent back to discuss again', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const me = await city.as('accompaniment_worker')
    const c = await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: me.user.id })
    const again = await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: me.user.id })
    await makeLead(ctx, city, again.id, { lead: 'rediscuss' })
    await ctx.db
      .update(cases)
      .set({ lead: 'accompaniment', leadAccountId: me.user.id, status: 'closed', closedOn: '2026-11-20' })
      .where(and(eq(cases.tenantId, city.tenantId), eq(cases.id, again.id)))
    expect(idsOf((await me.get('/api/my-cases')).json())).toEqual([c.id])
  })

  it('lists an agency member the cases their organisation leads', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const member = await city.as('agency_member')
    const other = await city.as('agency_member')
    const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, member.user.id))
    const c = await ledCase(ctx, city, window, { lead: 'specialist', unitId: account!.unitId })
    expect(idsOf((await member.get('/api/my-cases')).json())).toEqual([c.id])
    expect((await other.get('/api/my-cases')).json().items).toEqual([])
  })

  it('lists ward staff their section’s led cases and the cases whose latest decision gives their section a task', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const staff = await city.as('ward_staff', { ward: 'sakyo' }) // 健康長寿推進課
    const kita = await city.as('ward_staff', { ward: 'kita' })
    const mySection = await sectionOf(ctx, city, 'sakyo', 'kenko_choju')
    const otherSection = await sectionOf(ctx, city, 'sakyo', 'shogai')
    const led = await ledCase(ctx, city, window, { lead: 'ward_section', unitId: mySection.id })
    const assigned = await ledCase(ctx, city, window, { lead: 'ward_section', unitId: otherSection.id })
    await recordReview(ctx, city, assigned.id, '2026-10-20', { taskUnitIds: [otherSection.id, mySection.id] })
    // A task of an older decision no longer counts once a later one gives none.
    const formerly = await ledCase(ctx, city, window, { lead: 'ward_section', unitId: otherSection.id })
    await recordReview(ctx, city, formerly.id, '2026-09-15', { taskUnitIds: [mySection.id] })
    await recordReview(ctx, city, formerly.id, '2026-10-20', { taskUnitIds: [otherSection.id] })
    const notMine = await ledCase(ctx, city, window, { lead: 'ward_section', unitId: otherSection.id })
    const body = (await staff.get('/api/my-cases')).json()
    expect(idsOf(body)).toEqual([led.id, assigned.id].sort())
    const relation = Object.fromEntries(
      body.items.map((i: { id: string; relation: string }) => [i.id, i.relation]),
    )
    expect(relation).toEqual({ [led.id]: 'lead', [assigned.id]: 'assigned' })
    expect(body.items.find((i: { id: string }) => i.id === notMine.id)).toBeUndefined()
    expect((await kita.get('/api/my-cases')).json().items).toEqual([])
  })

  it('lists a ward coordinator the cases led by their centre’s sections (not those of agencies)', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    const worker = await city.as('accompaniment_worker')
    const shogai = await sectionOf(ctx, city, 'sakyo', 'shogai')
    const bySection = await ledCase(ctx, city, window, { lead: 'ward_section', unitId: shogai.id })
    await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: worker.user.id })
    const openedHere = await openCase(coordinator, { openedOn: '2026-11-01' })
    const seikatsu = await sectionOf(ctx, city, 'sakyo', 'seikatsu')
    await makeLead(ctx, city, openedHere.id, { lead: 'ward_section', unitId: seikatsu.id })
    expect(idsOf((await coordinator.get('/api/my-cases')).json())).toEqual(
      [bySection.id, openedHere.id].sort(),
    )
  })

  it('is refused to the window, headquarters and administrators (403)', async () => {
    const city = await ctx.newCity()
    for (const role of ['window_counsellor', 'headquarters', 'admin'] as const) {
      const s = await city.as(role)
      expect((await s.get('/api/my-cases')).statusCode, role).toBe(403)
    }
  })
})
