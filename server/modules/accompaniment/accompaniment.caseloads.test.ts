import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accounts, auditLog, cases } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addActivity, ledCase, recordReview, sectionOf } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

interface Worker {
  kind: string
  id: string | null
  name: string
  openCases: number
  noRecentActivity: number
  reviewsOverdue: number
  openCasesInWard: number | null
  threshold: number
  overloaded: boolean
}
const workerNamed = (body: { workers: Worker[] }, name: string) => body.workers.find((w) => w.name === name)

/** A city where 支援員A leads three cases (two in 左京区, one in 北区), a section and an agency one each. */
async function cityWithLoads() {
  const city = await ctx.newCity()
  const window = await city.as('window_counsellor')
  const a = await city.as('accompaniment_worker', { name: '支援員A' })
  const b = await city.as('accompaniment_worker', { name: '支援員B' })
  const agency = await city.as('agency_member')
  const [agencyAccount] = await ctx.db.select().from(accounts).where(eq(accounts.id, agency.user.id))
  const shogai = await sectionOf(ctx, city, 'sakyo', 'shogai')
  const byA = { lead: 'accompaniment' as const, accountId: a.user.id }
  // Overdue review (before today) and an activity exactly 30 days ago: both flagged.
  const a1 = await ledCase(ctx, city, window, byA, { nextReviewOn: '2026-11-23' })
  await addActivity(a, a1.id, { doneOn: '2026-10-25' })
  // Review due today is not overdue; activity 29 days ago is recent.
  const a2 = await ledCase(ctx, city, window, byA, { nextReviewOn: '2026-11-24' })
  await addActivity(a, a2.id, { doneOn: '2026-10-26' })
  // No activity, decided 29 days ago: recent. In 北区.
  const a3 = await ledCase(ctx, city, window, byA, { ward: 'kita' })
  await recordReview(ctx, city, a3.id, '2026-10-26', { ward: 'kita', lead: 'accompaniment' })
  await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: b.user.id }, { ward: 'kita' })
  // No activity and no meeting: counted from the opening (2026-09-01), so flagged.
  await ledCase(ctx, city, window, { lead: 'ward_section', unitId: shogai.id })
  await ledCase(ctx, city, window, { lead: 'specialist', unitId: agencyAccount!.unitId })
  // Neither a closed case nor one sent back to discuss again counts.
  const closed = await ledCase(ctx, city, window, byA)
  await ctx.db
    .update(cases)
    .set({ status: 'closed', closedOn: '2026-11-20' })
    .where(and(eq(cases.tenantId, city.tenantId), eq(cases.id, closed.id)))
  await ledCase(ctx, city, window, { lead: 'rediscuss' })
  return { city, a, b, shogai, agencyUnitId: agencyAccount!.unitId }
}

async function setThresholds(city: TestCity, thresholds: Record<string, number>) {
  const admin = await city.as('admin')
  const res = await admin.put('/api/settings', { caseloadThresholds: thresholds })
  expect(res.statusCode, res.body).toBe(200)
}

describe('caseloads', () => {
  it('gives headquarters every worker’s load and every ward’s, counts and names only', async () => {
    const { city, a, shogai } = await cityWithLoads()
    const hq = await city.as('headquarters')
    const res = await hq.get('/api/caseloads')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      today: '2026-11-24',
      ward: null,
      noActivityDays: 30,
      thresholds: { accompaniment_worker: 15, ward_staff: 20, agency_member: 20 },
    })
    expect(workerNamed(body, '支援員A')).toEqual({
      kind: 'accompaniment_worker',
      id: a.user.id,
      name: '支援員A',
      ward: null,
      role: 'accompaniment_worker',
      openCases: 3,
      noRecentActivity: 1,
      reviewsOverdue: 1,
      openCasesInWard: null,
      threshold: 15,
      overloaded: false,
    })
    expect(workerNamed(body, shogai.name)).toMatchObject({
      kind: 'ward_section',
      id: shogai.id,
      ward: 'sakyo',
      role: 'ward_staff',
      openCases: 1,
      noRecentActivity: 1,
      threshold: 20,
    })
    expect(body.workers.find((w: Worker) => w.kind === 'agency')).toMatchObject({
      openCases: 1,
      noRecentActivity: 1,
      threshold: 20,
    })
    expect(body.wards).toHaveLength(14)
    expect(body.wards.find((w: { ward: string }) => w.ward === 'sakyo')).toEqual({
      ward: 'sakyo',
      wardName: '左京区',
      openCases: 4,
      noRecentActivity: 3,
      reviewsOverdue: 1,
      workers: 3,
      overloadedWorkers: 0,
    })
    expect(body.wards.find((w: { ward: string }) => w.ward === 'kita')).toMatchObject({
      openCases: 2,
      workers: 2,
    })
    expect(body.wards.find((w: { ward: string }) => w.ward === 'minami')).toMatchObject({
      openCases: 0,
      workers: 0,
    })
    expect(res.body).not.toContain('山田')
    expect(res.body).not.toContain(a.user.loginId)
  })

  it('flags a worker over the role’s threshold, not at it', async () => {
    const { city } = await cityWithLoads()
    const hq = await city.as('headquarters')
    await setThresholds(city, { accompaniment_worker: 3, agency_member: 1 })
    let body = (await hq.get('/api/caseloads')).json()
    expect(workerNamed(body, '支援員A')).toMatchObject({ openCases: 3, threshold: 3, overloaded: false })
    await setThresholds(city, { accompaniment_worker: 2, ward_staff: 1 })
    body = (await hq.get('/api/caseloads')).json()
    expect(body.thresholds).toEqual({ accompaniment_worker: 2, ward_staff: 1, agency_member: 1 })
    expect(workerNamed(body, '支援員A')).toMatchObject({ threshold: 2, overloaded: true })
    expect(workerNamed(body, '支援員B')).toMatchObject({ openCases: 1, overloaded: false })
    // Overloaded workers come first.
    expect(body.workers[0].name).toBe('支援員A')
    expect(body.wards.find((w: { ward: string }) => w.ward === 'sakyo').overloadedWorkers).toBe(1)
    expect(body.wards.find((w: { ward: string }) => w.ward === 'kita').overloadedWorkers).toBe(1)
  })

  it('shows a ward coordinator the workers leading their ward’s cases with their whole load', async () => {
    const { city } = await cityWithLoads()
    const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
    const res = await sakyo.get('/api/caseloads')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.ward).toBe('sakyo')
    expect(body.wards.map((w: { ward: string }) => w.ward)).toEqual(['sakyo'])
    expect(body.workers.map((w: Worker) => w.name)).not.toContain('支援員B')
    expect(workerNamed(body, '支援員A')).toMatchObject({ openCases: 3, openCasesInWard: 2 })
    expect(body.workers).toHaveLength(3)
    expect((await sakyo.get('/api/caseloads?ward=sakyo')).statusCode).toBe(200)
    expect((await sakyo.get('/api/caseloads?ward=kita')).statusCode).toBe(403)
  })

  it('lets headquarters pick a ward by code or name, and rejects an unknown one', async () => {
    const { city } = await cityWithLoads()
    const hq = await city.as('headquarters')
    const kita = (await hq.get(`/api/caseloads?ward=${encodeURIComponent('北区')}`)).json()
    expect(kita.ward).toBe('kita')
    expect(kita.workers.map((w: Worker) => w.name).sort()).toEqual(['支援員A', '支援員B'])
    expect(workerNamed(kita, '支援員B')).toMatchObject({ openCasesInWard: 1 })
    const bad = await hq.get('/api/caseloads?ward=atlantis')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([
      { field: 'ward', message: '区が見つかりません。一覧から選択してください' },
    ])
  })

  it('is refused (403) to everyone but ward coordinators and headquarters', async () => {
    const city = await ctx.newCity()
    const roles = [
      'ward_staff',
      'window_counsellor',
      'accompaniment_worker',
      'agency_member',
      'admin',
    ] as const
    for (const role of roles) {
      const s: Session = await city.as(role, { ward: 'sakyo' })
      expect((await s.get('/api/caseloads')).statusCode, role).toBe(403)
      expect((await s.get('/api/caseloads?ward=nowhere')).statusCode, role).toBe(403)
    }
  })

  it('audits each view with the ward and the number of workers', async () => {
    const { city } = await cityWithLoads()
    const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
    await sakyo.get('/api/caseloads')
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'caseloads.view')))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actorId: sakyo.user.id, detail: { ward: 'sakyo', workers: 3 } })
  })
})
