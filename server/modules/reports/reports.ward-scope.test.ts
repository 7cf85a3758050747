import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { recordsFor } from './test-support.ts'

// Everyone sees their level (issue 13): a ward coordinator gets their own ward's report whatever
// the query asks, headquarters any ward or the city; the meetings' figures follow the same scope.

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = 'from=2020-09-01&to=2021-08-31'
const URL = `/api/reports?${PERIOD}`

/** Two window cases and a ward-centre intake in sakyo, one window case in kita, meetings in both. */
async function cityWithTwoWards(ctxCity: TestCity) {
  const r = recordsFor(ctx.db, ctxCity.tenantId)
  await r.addContacts(await r.addCase({ ward: 'sakyo', ageBand: '40plus' }), { contactedOn: '2020-10-01' })
  await r.addCase({ ward: 'sakyo', ageBand: 'under40' })
  await r.addCase({ ward: 'kita', ageBand: 'under40' })
  await r.addCase({ intakeUnit: 'sakyo', ward: 'sakyo' })
  const sakyoMeeting = await r.addMeeting('sakyo', '2020-11-10', [await r.addAgency('左京の関係機関')])
  await r.addReview(sakyoMeeting, await r.addCase({ ward: 'sakyo', intakeUnit: 'sakyo' }), {
    kind: 'new',
    route: 'agency',
  })
  await r.addMeeting('kita', '2020-11-12', [await r.addAgency('北の関係機関')])
  await r.addMeeting('kita', '2020-12-12')
}

async function viewsOf(city: TestCity) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'report.view')))
}

describe('the report by level', () => {
  it('a ward coordinator gets their own ward, with or without asking for it, by code or name', async () => {
    const city = await ctx.newCity()
    await cityWithTwoWards(city)
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    for (const url of [URL, `${URL}&ward=sakyo`, `${URL}&ward=${encodeURIComponent('左京区')}`]) {
      const res = await coordinator.get(url)
      expect(res.statusCode, url).toBe(200)
      const report = res.json()
      expect(report.period.ward).toBe('sakyo')
      // Window cases by residence ward: the two in sakyo (the ward-centre intakes are not window cases).
      expect(report.consultations.total).toBe(2)
      expect(report.consultations.byAgeBand.current).toMatchObject({ '40plus': 1, under40: 1 })
      expect(report.consultations.contacts.total.total).toBe(1)
      expect(report.wardIntake).toEqual([{ ward: 'sakyo', count: 2 }])
      expect(report.meetings).toMatchObject({ held: 1, casesReviewed: 1, reviews: 1, agencies: 1 })
      expect(report.meetings.newCaseRoutes.agency).toBe(1)
    }
    const rows = await viewsOf(city)
    expect(rows).toHaveLength(3)
    expect(rows.every((row) => (row.detail as { ward: string }).ward === 'sakyo')).toBe(true)
  })

  it('a ward coordinator asking for another ward is refused, and nothing is audited', async () => {
    const city = await ctx.newCity()
    await cityWithTwoWards(city)
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    for (const ward of ['kita', '北区', 'atlantis']) {
      const res = await coordinator.get(`${URL}&ward=${encodeURIComponent(ward)}`)
      expect(res.statusCode, ward).toBe(403)
      expect(res.json().detail).toBe('評価レポートは自分の区のものを表示できます')
      expect(res.body).not.toContain('左京の関係機関')
    }
    const xlsx = await coordinator.get(`/api/reports.xlsx?${PERIOD}&ward=kita`)
    expect(xlsx.statusCode).toBe(403)
    expect(await viewsOf(city)).toHaveLength(0)
  })

  it('headquarters and the administrator get any ward or the whole city', async () => {
    const city = await ctx.newCity()
    await cityWithTwoWards(city)
    for (const role of ['headquarters', 'admin'] as const) {
      const session = await city.as(role)
      const whole = (await session.get(URL)).json()
      expect(whole.period.ward).toBeNull()
      expect(whole.consultations.total).toBe(3)
      expect(whole.meetings.held).toBe(3)
      expect(whole.meetings.agencies).toBe(2)
      expect(whole.wardIntake).toHaveLength(14)
      const kita = (await session.get(`${URL}&ward=kita`)).json()
      expect(kita.period.ward).toBe('kita')
      expect(kita.consultations.total).toBe(1)
      expect(kita.meetings).toMatchObject({ held: 2, reviews: 0, agencies: 1 })
      const byName = (await session.get(`${URL}&ward=${encodeURIComponent('左京')}`)).json()
      expect(byName.period.ward).toBe('sakyo')
    }
  })

  it('roles without the report are refused for the city and for their own ward', async () => {
    const city = await ctx.newCity()
    for (const role of [
      'ward_staff',
      'window_counsellor',
      'accompaniment_worker',
      'agency_member',
    ] as const) {
      const session = await city.as(role, { ward: 'sakyo' })
      expect((await session.get(URL)).statusCode, role).toBe(403)
      expect((await session.get(`${URL}&ward=sakyo`)).statusCode, role).toBe(403)
      expect((await session.get(`/api/reports.xlsx?${PERIOD}&ward=sakyo`)).statusCode, role).toBe(403)
    }
    expect(await viewsOf(city)).toHaveLength(0)
  })

  it("another city's ward of the same code stays apart", async () => {
    const a = await ctx.newCity()
    const b = await ctx.newCity()
    await cityWithTwoWards(a)
    const ofB = (await (await b.as('ward_coordinator', { ward: 'sakyo' })).get(URL)).json()
    expect(ofB.period.ward).toBe('sakyo')
    expect(ofB.consultations.total).toBe(0)
    expect(ofB.wardIntake).toEqual([{ ward: 'sakyo', count: 0 }])
    expect(ofB.meetings).toMatchObject({ held: 0, reviews: 0, agencies: 0 })
    expect(await viewsOf(a)).toHaveLength(0)
    expect(await viewsOf(b)).toHaveLength(1)
  })

  it("the coordinator's workbook is named after their ward", async () => {
    const city = await ctx.newCity()
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    const res = await coordinator.get(`/api/reports.xlsx?${PERIOD}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="report_2020-09-01_2021-08-31_sakyo.xlsx"',
    )
    const [row] = await viewsOf(city)
    expect(row!.detail).toMatchObject({ ward: 'sakyo', format: 'xlsx' })
  })
})
