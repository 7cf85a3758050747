// The report for 8050 households only (flag8050=true, `report --8050`): the same JSON shape, with
// the cases counted restricted by the case list's 8050 rule (household-8050.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openStore } from '#server/db/open-store.ts'
import { auditLog } from '#server/db/schema/index.ts'
import { loadConfig } from '#server/platform/config.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { type Report, reportSchema } from '#shared/contracts/reports.ts'
import { runReport } from './report.cli.ts'
import { reportForOperator } from './reports.service.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2020-09-01', to: '2021-08-31' }

/**
 * Window cases: A (45, mother of 75 at home) and D (50, father of 60 with care needs at home)
 * are 8050; B (mother of 65, no care), C (under 40, father of 80), G (mother of 80 living
 * apart) are not. At the kita centre: E is 8050, F is not.
 */
async function households(city: TestCity) {
  const r = recordsFor(ctx.db, city.tenantId)
  const a = await r.addCase({ ageBand: '40plus', age: 45, route: 'web' })
  await r.addPerson(a, { relationship: 'mother', age: 75, livesWith: true })
  await r.addContacts(
    a,
    { contactedOn: '2020-10-01' },
    { contactedOn: '2020-11-02', method: 'in_person', counterpart: 'self' },
  )
  const b = await r.addCase({ ageBand: '40plus' })
  await r.addPerson(b, { relationship: 'mother', age: 65, livesWith: true })
  await r.addContacts(b, { contactedOn: '2020-10-05' })
  const c = await r.addCase({ ageBand: 'under40' })
  await r.addPerson(c, { relationship: 'father', age: 80, livesWith: true })
  await r.addContacts(c, { contactedOn: '2020-10-06' }, { contactedOn: '2020-10-07' })
  const d = await r.addCase({ ageBand: '40plus', openedOn: '2021-01-10', firstConsulter: 'self' })
  await r.addPerson(d, { relationship: 'father', age: 60, livesWith: true, care: ['care_needs'] })
  const g = await r.addCase({ ageBand: '40plus' })
  await r.addPerson(g, { relationship: 'mother', age: 80, livesWith: false })
  const e = await r.addCase({ ageBand: '40plus', intakeUnit: 'kita' })
  await r.addPerson(e, { relationship: 'mother', age: 72, livesWith: true })
  await r.addCase({ ageBand: '40plus', intakeUnit: 'kita' })
  const meeting = await r.addMeeting('kita', '2020-12-01')
  await r.addReview(meeting, a, { kind: 'new', route: 'window', lead: 'accompaniment' })
  await r.addReview(meeting, b, { kind: 'new', route: 'window', lead: 'specialist' })
  await r.addReview(meeting, c)
}

/** Every key of a JSON value, paths included, for comparing shapes. */
const shapeOf = (value: unknown, path = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => [
        `${path}.${Array.isArray(value) ? '#' : k}`,
        ...shapeOf(v, `${path}.${Array.isArray(value) ? '#' : k}`),
      ])
    : []

describe('the report for 8050 households only', () => {
  it('counts only the 8050 cases, their contacts and reviews, in the same JSON shape', async () => {
    const city = await ctx.newCity()
    await households(city)
    const all = await reportForOperator(ctx.db, ctx.clock, city.tenantId, PERIOD, 'json')
    const only = await reportForOperator(
      ctx.db,
      ctx.clock,
      city.tenantId,
      { ...PERIOD, flag8050: true },
      'json',
    )
    expect(reportSchema.parse(only)).toEqual(only)
    expect([...new Set(shapeOf(only))]).toEqual([...new Set(shapeOf(all))])
    expect(only.period).toEqual({ ...PERIOD, ward: null })

    expect(all.consultations.total).toBe(5)
    expect(only.consultations.total).toBe(2)
    expect(only.consultations.byAgeBand.current).toEqual({ under40: 0, '40plus': 2, unknown: 0, total: 2 })
    expect(only.consultations.byContactCount).toEqual({ single: 1, continuing: 1 })
    expect(only.consultations.contacts.total.total).toBe(2)
    expect(only.consultations.contacts.byMethod.in_person).toMatchObject({ self: 1, total: 1 })
    expect(all.consultations.contacts.total.total).toBe(5)
    expect(only.consultations.byFirstConsulter.self).toEqual({ count: 1, percent: 50 })
    expect(only.consultations.monthlyNewCases.filter((m) => m.count > 0)).toEqual([
      { month: '2020-10', count: 1 },
      { month: '2021-01', count: 1 },
    ])
    expect(only.consultations.monthlyInPerson.find((m) => m.month === '2020-11')?.count).toBe(1)
    const kita = (r: Report) => r.wardIntake.find((w) => w.ward === 'kita')?.count
    expect([kita(all), kita(only)]).toEqual([2, 1])
    // Reviews are of cases; the meeting itself was held either way.
    expect(all.meetings).toMatchObject({ held: 1, reviews: 3, casesReviewed: 3 })
    expect(only.meetings).toMatchObject({ held: 1, reviews: 1, casesReviewed: 1 })
    expect(only.meetings.newCaseLeads).toMatchObject({ accompaniment: 1, specialist: 0 })
  })

  it('GET /api/reports?flag8050=true: the filtered report, audited; a bad value is a field error', async () => {
    const city = await ctx.newCity()
    await households(city)
    const hq = await city.as('headquarters')
    const url = `/api/reports?from=${PERIOD.from}&to=${PERIOD.to}`
    const res = await hq.get(`${url}&flag8050=true`)
    expect(res.statusCode).toBe(200)
    expect(res.json().consultations.total).toBe(2)
    expect((await hq.get(`${url}&flag8050=false`)).json().consultations.total).toBe(5)
    const bad = await hq.get(`${url}&flag8050=yes`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([
      { field: 'flag8050', message: '「true」か「false」を指定してください' },
    ])
    const xlsx = await hq.get(`/api/reports.xlsx?from=${PERIOD.from}&to=${PERIOD.to}&flag8050=true`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-disposition']).toContain('_8050.xlsx')
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'report.view')))
    expect(rows.map((r) => (r.detail as { flag8050: boolean }).flag8050)).toEqual([true, false, true])
  })

  it('`report --8050` asks for it from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-report-8050-'))
    const saved = { ...process.env }
    Object.assign(process.env, { YORISOI_DATA_DIR: dir, DATABASE_URL: '', YORISOI_CITY: 'testcity' })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const out = join(dir, 'report.json')
    try {
      await runReport(['--from', PERIOD.from, '--8050', '--to', PERIOD.to, '--format', 'json', '--out', out])
      expect(process.exitCode).toBeUndefined()
      expect(reportSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).consultations.total).toBe(0)
      const store = await openStore(loadConfig(), () => {})
      try {
        const [row] = await store.db.select().from(auditLog).where(eq(auditLog.action, 'report.view'))
        expect(row!.detail).toMatchObject({ flag8050: true, format: 'json' })
      } finally {
        await store.close()
      }
    } finally {
      process.exitCode = undefined
      errors.mockRestore()
      process.env = saved
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
