import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseEvents, cases } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { fieldsOf, intake, openCase } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function rowCounts(tenantId: string) {
  const [c] = await ctx.db.select({ n: count() }).from(cases).where(eq(cases.tenantId, tenantId))
  const [e] = await ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.tenantId, tenantId))
  return { cases: c!.n, events: e!.n }
}

async function history(s: Session, id: string) {
  const res = await s.get(`/api/cases/${id}/history`)
  expect(res.statusCode).toBe(200)
  return res.json() as {
    action: string
    reason: string | null
    changes: { field: string; from: string | null; to: string | null }[]
  }[]
}

describe('opening a case', () => {
  let city: TestCity
  let window: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor', { name: '窓口 一郎' })
  })

  it('numbers cases per city and fiscal year, at the caller’s unit, with the caller as staff', async () => {
    const first = await openCase(window, { openedOn: '2026/11/1' })
    const second = await openCase(window)
    const lastFy = await openCase(window, { openedOn: '2026-03-31' })
    expect(first.caseNo).toBe('2026-00001')
    expect(second.caseNo).toBe('2026-00002')
    expect(lastFy.caseNo).toBe('2025-00001')
    expect(first).toMatchObject({
      openedOn: '2026-11-01',
      intakeUnit: 'window',
      status: 'open',
      staffId: window.user.id,
      staffName: '窓口 一郎',
      version: 1,
      contactCount: 0,
      lastContactOn: null,
    })
    const ward = await city.as('ward_coordinator', { ward: 'sakyo' })
    expect((await openCase(ward)).intakeUnit).toBe('sakyo')
  })

  it('accepts a ward by its Japanese name and stores its code', async () => {
    expect((await openCase(window, { ward: '左京区' })).ward).toBe('sakyo')
    expect((await openCase(window, { ward: '醍醐' })).ward).toBe('daigo')
  })

  it('derives the age band from the age or the birth year at the opening date', async () => {
    expect((await openCase(window, { age: 39 })).ageBand).toBe('under40')
    expect((await openCase(window, { age: 40 })).ageBand).toBe('40plus')
    const byYear = await openCase(window, { age: null, birthYear: 1986, openedOn: '2026-11-10' })
    expect(byYear.ageBand).toBe('40plus')
    expect((await openCase(window, { age: null, ageBand: 'under40' })).ageBand).toBe('under40')
    expect((await openCase(window, { age: null })).ageBand).toBe('unknown')
  })

  it('records the fields set in the history as "created"', async () => {
    const c = await openCase(window, { route: 'unknown', concerns: ['poverty', 'work'] })
    const [created] = await history(window, c.id)
    expect(created!.action).toBe('created')
    const fields = Object.fromEntries(created!.changes.map((ch) => [ch.field, ch.to]))
    expect(fields).toMatchObject({
      openedOn: '2026-11-10',
      ward: 'sakyo',
      concerns: 'poverty;work',
      age: '35',
    })
    expect(created!.changes.every((ch) => ch.from === null)).toBe(true)
  })
})

describe('opening a case at a ward centre (新規ケース経路)', () => {
  let city: TestCity
  beforeAll(async () => {
    city = await ctx.newCity()
  })

  it('records the route, starts the additional assessment, and writes both in the history', async () => {
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    const staff = await city.as('ward_staff', { ward: 'sakyo' })
    const bySection = await openCase(coordinator, { wardRoute: 'ward_section' })
    const byAgency = await openCase(staff, { wardRoute: 'agency' })
    expect(bySection).toMatchObject({
      intakeUnit: 'sakyo',
      status: 'open',
      wardRoute: 'ward_section',
      wardState: 'assessing',
      wardAssessment: null,
      consentOn: null,
      lead: null,
      nextReviewOn: null,
    })
    expect(byAgency).toMatchObject({ wardRoute: 'agency', wardState: 'assessing' })
    const [created] = await history(coordinator, bySection.id)
    expect(created!.changes).toEqual(
      expect.arrayContaining([
        { field: 'wardRoute', from: null, to: 'ward_section' },
        { field: 'wardState', from: null, to: 'assessing' },
      ]),
    )
  })

  it('requires the route at a ward, with the other intake errors at once, and writes nothing', async () => {
    const coordinator = await city.as('ward_coordinator', { ward: 'kita' })
    const before = await rowCounts(city.tenantId)
    const res = await coordinator.post('/api/cases', intake({ openedOn: '2026-11-25' }))
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'wardRoute', message: '新規ケース経路を選択してください' },
        { field: 'openedOn', message: '未来の日付は入力できません' },
      ]),
    )
    // 'window' is the route of a handover, not of a ward's own intake.
    const windowRoute = await coordinator.post('/api/cases', intake({ wardRoute: 'window' }))
    expect(windowRoute.statusCode).toBe(400)
    expect(windowRoute.json().errors).toEqual([
      { field: 'wardRoute', message: '新規ケース経路を選択してください' },
    ])
    expect(await rowCounts(city.tenantId)).toEqual(before)
  })

  it('leaves the window’s intake without a route or ward state, and refuses one', async () => {
    const window = await city.as('window_counsellor')
    const c = await openCase(window)
    expect(c).toMatchObject({ intakeUnit: 'window', wardRoute: null, wardState: null })
    const before = await rowCounts(city.tenantId)
    const res = await window.post('/api/cases', intake({ wardRoute: 'agency' }))
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'wardRoute', message: '新規ケース経路は、区役所・支所で受け付けたケースに記録します' },
    ])
    expect(await rowCounts(city.tenantId)).toEqual(before)
    expect((await window.post('/api/cases', intake({ wardRoute: null }))).statusCode).toBe(201)
  })
})

describe('intake validation (nothing is written on error)', () => {
  let city: TestCity
  let window: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
  })

  async function rejects(overrides: Record<string, unknown>, field: string, message?: RegExp) {
    const before = await rowCounts(city.tenantId)
    const res = await window.post('/api/cases', intake(overrides))
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(fieldsOf(res.json())).toContain(field)
    if (message) expect(JSON.stringify(res.json().errors)).toMatch(message)
    expect(await rowCounts(city.tenantId)).toEqual(before)
  }

  it('rejects an impossible date', () => rejects({ openedOn: '2021-02-30' }, 'openedOn', /実在する年月日/))
  it('rejects a future opening date (Tokyo today is 2026-11-24)', async () => {
    await rejects({ openedOn: '2026-11-25' }, 'openedOn', /未来の日付は入力できません/)
    expect((await window.post('/api/cases', intake({ openedOn: '2026-11-24' }))).statusCode).toBe(201)
  })
  it('rejects an age band that contradicts the age', () =>
    rejects({ age: 45, ageBand: 'under40' }, 'ageBand', /年齢区分が年齢（生まれ年）と合いません/))
  it('rejects an age and birth year more than a year apart', () =>
    rejects({ age: 35, birthYear: 1970 }, 'birthYear'))
  it('rejects a ward the city does not have', () => rejects({ ward: '存在しない区' }, 'ward'))
  it('rejects an unknown staff member, one of another role, and one of another city', async () => {
    await rejects({ staffId: '00000000-0000-4000-8000-000000000000' }, 'staffId')
    const hq = await city.user('headquarters')
    await rejects({ staffId: hq.id }, 'staffId')
    const otherCity = await ctx.newCity()
    const stranger = await otherCity.user('window_counsellor')
    await rejects({ staffId: stranger.id }, 'staffId')
    const colleague = await city.user('ward_staff', { ward: 'kita' })
    expect((await openCase(window, { staffId: colleague.id })).staffId).toBe(colleague.id)
  })
  it('refuses roles without case access', async () => {
    const hq = await city.as('headquarters')
    expect((await hq.post('/api/cases', intake())).statusCode).toBe(403)
  })
})

describe('audit', () => {
  it('writes case.read with the actor and client address, and never the name', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const c = await openCase(window, { name: '監査 対象', kana: 'かんさ たいしょう' })
    expect((await window.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
    await window.get(`/api/cases?q=${encodeURIComponent('監査')}&status=open`)
    await window.patch(`/api/cases/${c.id}`, { version: 1, name: '監査 訂正' })
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, window.user.id)))
    const read = rows.find((r) => r.action === 'case.read')!
    expect(read).toMatchObject({ recordType: 'case', recordId: c.id, actorLogin: window.user.loginId })
    expect(read.clientAddress).toBe('127.0.0.1')
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['case.create', 'case.read', 'case.list', 'case.update']),
    )
    expect(rows.find((r) => r.action === 'case.list')!.detail).toEqual({ filters: ['status', 'q'], count: 1 })
    expect(rows.find((r) => r.action === 'case.update')!.detail).toEqual({ fields: ['name'] })
    const all = JSON.stringify(rows)
    for (const personal of ['監査', 'かんさ']) expect(all).not.toContain(personal)
  })
})
