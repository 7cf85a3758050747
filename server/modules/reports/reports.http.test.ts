import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import {
  AGE_BANDS,
  CASE_LEADS,
  CONTACT_METHODS,
  FIRST_CONSULTERS,
  NEW_CASE_ROUTES,
  ROUTES,
} from '#shared/codes.ts'
import { reportSchema } from '#shared/contracts/reports.ts'
import { renderReportHtml } from './render-html.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const URL = '/api/reports?from=2020-09-01&to=2021-08-31'

describe('GET /api/reports', () => {
  it('headquarters and administrators may view it; roles without a report are refused', async () => {
    const city = await ctx.newCity()
    for (const role of ['headquarters', 'admin'] as const) {
      expect((await (await city.as(role)).get(URL)).statusCode).toBe(200)
    }
    for (const role of [
      'window_counsellor',
      'ward_staff',
      'accompaniment_worker',
      'agency_member',
    ] as const) {
      expect((await (await city.as(role)).get(URL)).statusCode, role).toBe(403)
    }
    expect((await ctx.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401)
  })

  it('an empty period gives zeros, with every coded key present', async () => {
    const city = await ctx.newCity()
    const res = await (await city.as('headquarters')).get('/api/reports?from=2021/4/1&to=2021-06-30')
    expect(res.statusCode, res.body).toBe(200)
    const report = reportSchema.parse(res.json())
    const c = report.consultations
    expect(report.period).toEqual({ from: '2021-04-01', to: '2021-06-30', ward: null })
    expect(Object.keys(c.byAgeBand.current).sort()).toEqual([...AGE_BANDS.map((a) => a.code), 'total'].sort())
    expect(Object.values(c.byAgeBand.current).every((v) => v === 0)).toBe(true)
    expect(c.byAgeBand.baseline).toBeNull()
    expect(c.byAgeBand.change).toBeNull()
    expect(Object.keys(c.contacts.byMethod)).toEqual(CONTACT_METHODS.map((m) => m.code))
    expect(c.contacts.total).toEqual({ self: 0, family: 0, other: 0, total: 0 })
    expect(Object.keys(c.byFirstConsulter)).toEqual(FIRST_CONSULTERS.map((f) => f.code))
    expect(Object.keys(c.byRoute)).toEqual(ROUTES.map((r) => r.code))
    expect(c.byRoute.unknown).toEqual({ count: 0, percent: 0 })
    expect(c.outcomesAtEnd).toEqual({ handed_over: 0, closed: 0, open: 0 })
    expect(c.byContactCount).toEqual({ single: 0, continuing: 0 })
    expect(c.monthlyNewCases.map((m) => m.month)).toEqual(['2021-04', '2021-05', '2021-06'])
    expect(c.monthlyInPerson.every((m) => m.count === 0)).toBe(true)
    expect(report.wardIntake).toHaveLength(14)
    expect(report.meetings).toEqual({
      held: 0,
      casesReviewed: 0,
      reviews: 0,
      newCaseRoutes: Object.fromEntries(NEW_CASE_ROUTES.map((r) => [r.code, 0])),
      newCaseLeads: Object.fromEntries(CASE_LEADS.map((l) => [l.code, 0])),
      agencies: 0,
    })
    expect(report.surveys).toEqual([])
    expect(report.resources.subsidisedProjects).toEqual([{ fiscalYear: 2021, count: 0 }])
  })

  it('refuses a period that ends before it starts, an unknown ward or baseline', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const backwards = await hq.get('/api/reports?from=2021-08-31&to=2021-08-01')
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().errors.map((e: { field: string }) => e.field)).toEqual(['to'])
    const badDate = await hq.get('/api/reports?from=2021-02-30&to=2021-08-01')
    expect(badDate.json().errors[0].field).toBe('from')
    const ward = await hq.get(`${URL}&ward=atlantis`)
    expect(ward.statusCode).toBe(400)
    expect(ward.json().errors[0].field).toBe('ward')
    const baseline = await hq.get(`${URL}&baseline=${encodeURIComponent('平成30年度')}`)
    expect(baseline.json().errors[0].field).toBe('baseline')
  })

  it('writes a report.view audit row with the period and ward', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    expect((await hq.get(`${URL}&ward=sakyo`)).statusCode).toBe(200)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'report.view')))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.actorLogin).toBe(hq.user.loginId)
    expect(rows[0]!.detail).toMatchObject({ from: '2020-09-01', to: '2021-08-31', ward: 'sakyo' })
  })

  it('keeps cities apart', async () => {
    const a = await ctx.newCity()
    const b = await ctx.newCity()
    const ra = recordsFor(ctx.db, a.tenantId)
    await ra.addContacts(await ra.addCase({ ageBand: '40plus' }), { contactedOn: '2020-10-01' })
    await ra.addMeeting('kita', '2020-10-10')
    await ra.addResource([2021])
    const ofA = (await (await a.as('headquarters')).get(URL)).json()
    const ofB = (await (await b.as('headquarters')).get(URL)).json()
    expect(ofA.consultations.total).toBe(1)
    expect(ofA.meetings.held).toBe(1)
    expect(ofB.consultations.total).toBe(0)
    expect(ofB.consultations.contacts.total.total).toBe(0)
    expect(ofB.meetings.held).toBe(0)
    expect(ofB.resources.subsidisedProjects).toEqual([
      { fiscalYear: 2020, count: 0 },
      { fiscalYear: 2021, count: 0 },
    ])
  })
})

describe('GET /api/reports.xlsx and the HTML page', () => {
  it('downloads a workbook with one sheet per table, audited; refused to other roles', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addCase({ ageBand: 'under40' })
    const hq = await city.as('headquarters')
    const res = await hq.get(URL.replace('/api/reports', '/api/reports.xlsx'))
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="report_2020-09-01_2021-08-31.xlsx"',
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    const names = book.worksheets.map((s) => s.name)
    expect(names).toContain('表2')
    expect(names).toContain('表3 延べ対応回数')
    const t2 = book.getWorksheet('表2')!
    expect(t2.getCell('A1').value).toBe('表2 相談件数（年齢区分別）')
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'report.view')))
    expect(rows[0]!.detail).toMatchObject({ format: 'xlsx' })
    const counsellor = await city.as('window_counsellor')
    expect((await counsellor.get('/api/reports.xlsx?from=2020-09-01&to=2021-08-31')).statusCode).toBe(403)
    expect((await hq.get('/api/reports.xlsx?from=2021-09-01&to=2021-08-31')).statusCode).toBe(400)
  })

  it('renders a standalone Japanese page with captioned, scoped tables', async () => {
    const city = await ctx.newCity()
    const report = (await (await city.as('admin')).get(URL)).json()
    const html = renderReportHtml(reportSchema.parse(report))
    expect(html).toContain('<html lang="ja">')
    expect(html).toContain(
      '<caption id="t0">表1 取組検証の手法<span class="note">この期間の検証手法は記録されていません。</span></caption>',
    )
    expect(html).toContain('<caption id="t1">表2 相談件数（年齢区分別）</caption>')
    expect(html).toContain('<th scope="col">')
    expect(html).toContain('<th scope="row">39歳以下</th>')
    expect(html).not.toMatch(/<script|<link|https?:\/\//)
  })
})
