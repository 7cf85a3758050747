// 表1 取組検証の手法 kept as records: headquarters records, changes and removes the methods of a
// report period (audited, versioned), whoever may see the report reads them, and the report
// prints them as its 表1. Bad input is a 400 with a Japanese message and writes nothing.
import { and, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, reportVerifications, surveys } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { verificationList, verificationRecord } from '#shared/contracts/report-verification.ts'
import { reportSchema } from '#shared/contracts/reports.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2020-09-01', to: '2021-08-31' }
const LIST = `/api/reports/verification?from=${PERIOD.from}&to=${PERIOD.to}`
const SURVEY = {
  ...PERIOD,
  kind: 'survey',
  method: '「よりそい・つなぐ」相談窓口アンケート',
  heldFrom: 'R3.5.1',
  heldTo: '2021/9/30',
  target: '相談窓口への相談者',
  sortOrder: 2,
}

const rowsOf = (tenantId: string) =>
  ctx.db.select().from(reportVerifications).where(eq(reportVerifications.tenantId, tenantId))

describe('表1 verification records', () => {
  it('headquarters records, changes and removes them; the report prints them as 表1; all audited', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addSurvey(
      'S1',
      [{ no: 1, kind: 'single', options: ['はい', 'いいえ'] }],
      [
        ['1', '2021-06-01', { 1: ['はい'] }],
        ['2', '2021-06-02', { 1: ['いいえ'] }],
      ],
    )
    const [survey] = await ctx.db.select().from(surveys).where(eq(surveys.tenantId, city.tenantId))
    const hq = await city.as('headquarters')

    const created = await hq.post('/api/reports/verification', { ...SURVEY, surveyId: survey!.id })
    expect(created.statusCode, created.body).toBe(201)
    const record = verificationRecord.parse(created.json())
    expect(record).toMatchObject({
      heldFrom: '2021-05-01',
      heldTo: '2021-09-30',
      responses: null,
      version: 1,
    })
    const objective = await hq.post('/api/reports/verification', {
      ...PERIOD,
      kind: 'objective_data',
      method: '相談支援実績等の客観データ',
      heldFrom: '2020-09-01',
      heldTo: '2021-08-31',
      target: '相談件数、会議の開催実績',
      sortOrder: 1,
    })
    expect(objective.statusCode, objective.body).toBe(201)

    const listed = verificationList.parse((await hq.get(LIST)).json())
    expect(listed.items.map((i) => i.method)).toEqual(['相談支援実績等の客観データ', SURVEY.method])
    const report = reportSchema.parse(
      (await hq.get(`/api/reports?from=${PERIOD.from}&to=${PERIOD.to}`)).json(),
    )
    expect(report.verification[1]).toEqual({
      kind: 'survey',
      method: SURVEY.method,
      heldFrom: '2021-05-01',
      heldTo: '2021-09-30',
      target: '相談窓口への相談者',
      responses: '2件',
    })

    const changed = await hq.put(`/api/reports/verification/${record.id}`, {
      ...SURVEY,
      surveyId: survey!.id,
      responses: '23件',
      version: 1,
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ responses: '23件', version: 2 })
    const stale = await hq.put(`/api/reports/verification/${record.id}`, { ...SURVEY, version: 1 })
    expect(stale.statusCode).toBe(409)

    const removed = await hq.request({ method: 'DELETE', url: `/api/reports/verification/${record.id}` })
    expect(removed.statusCode).toBe(204)
    const again = await hq.request({ method: 'DELETE', url: `/api/reports/verification/${record.id}` })
    expect(again.statusCode).toBe(404)
    expect(verificationList.parse((await hq.get(LIST)).json()).items).toHaveLength(1)

    const audit = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), like(auditLog.action, 'report.verification.%')))
    expect(audit.map((a) => a.action).sort()).toEqual([
      'report.verification.create',
      'report.verification.create',
      'report.verification.delete',
      'report.verification.update',
    ])
  })

  it('whoever sees the report reads them; only headquarters writes; another city sees nothing', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const id = verificationRecord.parse((await hq.post('/api/reports/verification', SURVEY)).json()).id
    for (const role of ['admin', 'ward_coordinator'] as const) {
      const reader = await city.as(role)
      expect((await reader.get(LIST)).json().items).toHaveLength(1)
      expect((await reader.post('/api/reports/verification', SURVEY)).statusCode).toBe(403)
      expect(
        (await reader.put(`/api/reports/verification/${id}`, { ...SURVEY, version: 1 })).statusCode,
      ).toBe(403)
    }
    expect((await (await city.as('window_counsellor')).get(LIST)).statusCode).toBe(403)
    const other = await (await ctx.newCity('別の市')).as('headquarters')
    expect((await other.get(LIST)).json().items).toEqual([])
    expect((await other.put(`/api/reports/verification/${id}`, { ...SURVEY, version: 1 })).statusCode).toBe(
      404,
    )
    expect(
      (await other.request({ method: 'DELETE', url: `/api/reports/verification/${id}` })).statusCode,
    ).toBe(404)
    expect(await rowsOf(city.tenantId)).toHaveLength(1)
  })

  it('keeps zero-width and full-width text; refuses NUL, lone surrogates, bad dates and surveys, writing nothing', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const odd = 'ヒアリング\u200b（ＡＢＣ）'
    const kept = await hq.post('/api/reports/verification', { ...SURVEY, kind: 'interview', method: odd })
    expect(kept.statusCode, kept.body).toBe(201)
    expect(kept.json().method).toBe(odd)

    const refused = [
      { method: 'a\u0000b' },
      { target: 'x\ud800y' },
      { responses: '\udc00' },
      { method: '' },
      { kind: 'other' },
      { heldFrom: '2021-09-30', heldTo: '2021-05-01' },
      { heldFrom: '', heldTo: '2021-05-01' },
      { heldFrom: '2021-02-30' },
      { surveyId: '00000000-0000-4000-8000-000000000000' },
      { to: '2020-08-31' },
    ]
    for (const change of refused) {
      const res = await hq.post('/api/reports/verification', { ...SURVEY, ...change })
      expect(res.statusCode, JSON.stringify(change)).toBe(400)
      expect(res.json().errors[0].message).toMatch(/[ぁ-んァ-ヶ一-龠]/u)
    }
    expect(await rowsOf(city.tenantId)).toHaveLength(1)
  })

  it('of many changes made at once on the same version, exactly one is kept', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const id = verificationRecord.parse((await hq.post('/api/reports/verification', SURVEY)).json()).id
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        hq.put(`/api/reports/verification/${id}`, { ...SURVEY, responses: `${i}件`, version: 1 }),
      ),
    )
    const codes = results.map((res) => res.statusCode).sort()
    expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409])
    const [row] = await rowsOf(city.tenantId)
    expect(row!.version).toBe(2)
    const winner = results.find((res) => res.statusCode === 200)!.json()
    expect(row!.responses).toBe(winner.responses)
  })
})
