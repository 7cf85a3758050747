import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { supportActivities, supportPlans } from '#server/db/schema/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import { addActivity, ledCase, makeLead } from './test-support.ts'

let ctx: TestContext
let city: TestCity
const who = {} as Record<Who, Session>

type Who =
  | 'lead'
  | 'otherWorker'
  | 'sakyoCoordinator'
  | 'sakyoStaff'
  | 'kitaCoordinator'
  | 'kitaStaff'
  | 'window'
  | 'agency'
  | 'headquarters'
  | 'admin'

const ROLES: [Who, Role, string?][] = [
  ['lead', 'accompaniment_worker'],
  ['otherWorker', 'accompaniment_worker'],
  ['sakyoCoordinator', 'ward_coordinator', 'sakyo'],
  ['sakyoStaff', 'ward_staff', 'sakyo'],
  ['kitaCoordinator', 'ward_coordinator', 'kita'],
  ['kitaStaff', 'ward_staff', 'kita'],
  ['window', 'window_counsellor'],
  ['agency', 'agency_member'],
  ['headquarters', 'headquarters'],
  ['admin', 'admin'],
]

let caseId: string
let activityId: string

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  for (const [key, role, ward] of ROLES) who[key] = await city.as(role, ward ? { ward } : {})
  const c = await ledCase(ctx, city, who.window, { lead: 'accompaniment', accountId: who.lead.user.id })
  caseId = c.id
  activityId = (await addActivity(who.lead, caseId)).id
})
afterAll(() => ctx.close())

async function planVersion(): Promise<number> {
  const [row] = await ctx.db
    .select({ version: supportPlans.version })
    .from(supportPlans)
    .where(and(eq(supportPlans.tenantId, city.tenantId), eq(supportPlans.caseId, caseId)))
  return row?.version ?? 0
}

type Call = (s: Session) => ReturnType<Session['get']>
const READS: Record<string, Call> = {
  'GET support-plan': (s) => s.get(`/api/cases/${caseId}/support-plan`),
  'GET activities': (s) => s.get(`/api/cases/${caseId}/activities`),
  'GET observed-changes': (s) => s.get(`/api/cases/${caseId}/observed-changes`),
}
const WRITES: Record<string, Call> = {
  'PUT support-plan': async (s) =>
    s.put(`/api/cases/${caseId}/support-plan`, {
      goals: ['rhythm'],
      progressSummary: `経過 ${s.user.loginId}`,
      version: await planVersion(),
    }),
  'POST activities': (s) =>
    s.post(`/api/cases/${caseId}/activities`, { doneOn: '2026-11-21', kind: 'approach', minutes: 30 }),
  'PATCH activities/:id': (s) =>
    s.patch(`/api/cases/${caseId}/activities/${activityId}`, {
      minutes: Math.floor(Math.random() * 1000),
      reason: '時間の記入誤り',
    }),
  'POST observed-changes': (s) =>
    s.post(`/api/cases/${caseId}/observed-changes`, { observedOn: '2026-11-22', note: '外出が増えた' }),
}

// The case: opened at the window, handed over to 左京区, led by `lead` (an accompaniment worker).
const READ_STATUS: Record<Who, number> = {
  lead: 200,
  otherWorker: 404,
  sakyoCoordinator: 200,
  sakyoStaff: 200,
  kitaCoordinator: 404,
  kitaStaff: 404,
  window: 200, // the window took the case in and still reads it
  agency: 404,
  headquarters: 404,
  admin: 404,
}
const WRITE_OK = new Set<Who>(['lead', 'sakyoCoordinator', 'sakyoStaff'])
const writeStatus = (w: Who, ok: number) => (WRITE_OK.has(w) ? ok : w === 'window' ? 403 : 404)

describe('who may read and write a led case’s support records', () => {
  for (const [name, call] of Object.entries(READS)) {
    it(`${name}: the lead, the case’s ward and the window read; others get 404`, async () => {
      for (const [w] of ROLES) {
        const res = await call(who[w])
        expect(res.statusCode, `${name} as ${w}`).toBe(READ_STATUS[w])
      }
    })
  }

  for (const [name, call] of Object.entries(WRITES)) {
    it(`${name}: the lead and the case’s ward write; the window 403; others 404`, async () => {
      const ok = name.startsWith('POST') ? 201 : 200
      for (const [w] of ROLES) {
        const res = await call(who[w])
        expect(res.statusCode, `${name} as ${w}: ${res.body}`).toBe(writeStatus(w, ok))
      }
    })
  }

  it('tells each reader whether they may write', async () => {
    const canWrite = async (w: Who) => (await who[w].get(`/api/cases/${caseId}/support-plan`)).json().canWrite
    expect(await canWrite('lead')).toBe(true)
    expect(await canWrite('sakyoStaff')).toBe(true)
    expect(await canWrite('sakyoCoordinator')).toBe(true)
    expect(await canWrite('window')).toBe(false)
  })

  it('lets the members of a leading agency read and write; another agency gets 404', async () => {
    const leadAgency = await city.as('agency_member')
    const other = await city.as('agency_member')
    const member = await ctx.db.query.accounts.findFirst({
      where: (a, { eq }) => eq(a.id, leadAgency.user.id),
    })
    const c = await ledCase(ctx, city, who.window, { lead: 'specialist', unitId: member!.unitId })
    expect((await leadAgency.get(`/api/cases/${c.id}/activities`)).statusCode).toBe(200)
    expect((await other.get(`/api/cases/${c.id}/activities`)).statusCode).toBe(404)
    await addActivity(leadAgency, c.id, { kind: 'accompany' })
    const res = await other.post(`/api/cases/${c.id}/activities`, { doneOn: '2026-11-20', kind: 'other' })
    expect(res.statusCode).toBe(404)
    // The accompaniment worker who led before no longer sees it once the agency leads.
    expect((await who.lead.get(`/api/cases/${c.id}/activities`)).statusCode).toBe(404)
  })

  it('lets the ward write on a case it opened itself and led by one of its sections', async () => {
    const c = await openCase(who.sakyoCoordinator, { openedOn: '2026-10-01' })
    const section = await city.unitOf('ward_section', 'sakyo')
    await makeLead(ctx, city, c.id, { lead: 'ward_section', unitId: section.id })
    await addActivity(who.sakyoStaff, c.id)
    expect((await who.kitaStaff.get(`/api/cases/${c.id}/support-plan`)).statusCode).toBe(404)
    expect((await who.lead.get(`/api/cases/${c.id}/support-plan`)).statusCode).toBe(404)
  })
})

describe('cases without a lead, and closed cases', () => {
  it('shows an empty plan nobody may write, and refuses records with 409 until a meeting names a lead', async () => {
    const c = await ledCase(ctx, city, who.window, { lead: 'rediscuss' }, { nextReviewOn: null })
    const plan = (await who.sakyoCoordinator.get(`/api/cases/${c.id}/support-plan`)).json()
    expect(plan).toMatchObject({ lead: 'rediscuss', canWrite: false, goals: [], version: 0 })
    const res = await who.sakyoCoordinator.post(`/api/cases/${c.id}/activities`, {
      doneOn: '2026-11-20',
      kind: 'approach',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toMatch(/主担当が決まっていない/)
    const put = await who.sakyoCoordinator.put(`/api/cases/${c.id}/support-plan`, { goals: [], version: 0 })
    expect(put.statusCode).toBe(409)
    const [n] = await ctx.db
      .select({ id: supportActivities.id })
      .from(supportActivities)
      .where(and(eq(supportActivities.tenantId, city.tenantId), eq(supportActivities.caseId, c.id)))
    expect(n).toBeUndefined()
  })

  it('refuses changes on a closed case with 409 but still shows the records', async () => {
    const c = await ledCase(ctx, city, who.window, { lead: 'accompaniment', accountId: who.lead.user.id })
    await addActivity(who.lead, c.id)
    const version = (await who.sakyoCoordinator.get(`/api/cases/${c.id}`)).json().version
    const closed = await who.sakyoCoordinator.post(`/api/cases/${c.id}/close`, {
      version,
      closedOn: '2026-11-23',
      closureReason: 'introduced',
    })
    expect(closed.statusCode, closed.body).toBe(200)
    const res = await who.lead.post(`/api/cases/${c.id}/observed-changes`, {
      observedOn: '2026-11-23',
      note: '表情が明るい',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toMatch(/終結したケース/)
    expect((await who.lead.get(`/api/cases/${c.id}/activities`)).json()).toHaveLength(1)
    expect((await who.lead.get(`/api/cases/${c.id}/support-plan`)).json().canWrite).toBe(false)
  })
})
