// Every endpoint of the meetings module, called by every role: who may, who is refused (403, the
// meeting is known to them) and to whom the meeting does not exist (404).
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import {
  decide,
  del,
  invite,
  type MeetingCast,
  meetingCast,
  putOnAgenda,
  readyCase,
  schedule,
} from './test-support.ts'

let ctx: TestContext
let city: TestCity
let who: MeetingCast

const ROLES = [
  'coordinator',
  'otherCoordinator',
  'staff',
  'otherStaff',
  'window',
  'worker',
  'agency',
  'otherAgency',
  'headquarters',
  'admin',
] as const
type RoleName = (typeof ROLES)[number]

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  who = await meetingCast(ctx, city)
})
afterAll(() => ctx.close())

/** A meeting of sakyo today with one ready case on its agenda and the agency and a section invited. */
async function aMeeting() {
  const c = await readyCase(ctx, who.window)
  const m = await schedule(who.coordinator)
  await putOnAgenda(who.coordinator, m.id, c.id)
  await invite(who.coordinator, m.id, [{ unitId: who.section }, { unitId: who.agencyUnit }])
  return { meeting: m, caseId: c.id }
}

/**
 * Calls the endpoint as each role, refused roles first (they must not change anything the
 * allowed ones then rely on), and checks each status.
 */
async function expectStatuses(
  call: (s: Session, role: RoleName) => Promise<LightMyRequestResponse>,
  allowed: Partial<Record<RoleName, number>>,
  refused: Partial<Record<RoleName, number>>,
  otherwise: number,
) {
  const order = [...ROLES].sort((a, b) => Number(a in allowed) - Number(b in allowed))
  for (const role of order) {
    const res = await call(who[role], role)
    const expected = allowed[role] ?? refused[role] ?? otherwise
    expect(res.statusCode, `${role}: ${res.body}`).toBe(expected)
    if (expected >= 400) {
      expect(res.json().status).toBe(expected)
      expect(res.body).not.toContain('山田')
    }
  }
}

const READERS_REFUSED = { staff: 403, agency: 403 } as const

describe('meetings: each endpoint × each role', () => {
  it('GET /api/meetings lists the ward’s or the invited agency’s meetings; 403 for roles without meetings', async () => {
    const { meeting } = await aMeeting()
    const sees: Partial<Record<RoleName, boolean>> = { coordinator: true, staff: true, agency: true }
    for (const role of ROLES) {
      const res = await who[role].get('/api/meetings')
      if (['window', 'worker', 'headquarters', 'admin'].includes(role)) {
        expect(res.statusCode, role).toBe(403)
        continue
      }
      expect(res.statusCode, role).toBe(200)
      const ids = res.json().items.map((i: { id: string }) => i.id)
      expect(ids.includes(meeting.id), role).toBe(sees[role] === true)
    }
  })

  it('POST /api/meetings: coordinators only, for their own ward', async () => {
    await expectStatuses(
      (s) => s.post('/api/meetings', { heldOn: '2026-12-10' }),
      { coordinator: 201, otherCoordinator: 201 },
      {},
      403,
    )
    const mine = (await who.otherCoordinator.post('/api/meetings', { heldOn: '2026-12-11' })).json()
    expect(mine.ward).toBe('kita')
  })

  it('GET /api/meetings/:id: the ward’s coordinator and staff, the invited agency; 404 for everyone else', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.get(`/api/meetings/${meeting.id}`),
      { coordinator: 200, staff: 200, agency: 200 },
      {},
      404,
    )
  })

  it('PATCH /api/meetings/:id: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.patch(`/api/meetings/${meeting.id}`, { place: '第2会議室' }),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('DELETE /api/meetings/:id: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => del(s, `/api/meetings/${meeting.id}`),
      { coordinator: 204 },
      READERS_REFUSED,
      404,
    )
  })

  it('GET /api/meetings/:id/candidates: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.get(`/api/meetings/${meeting.id}/candidates`),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('POST /api/meetings/:id/agenda: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    const c = await readyCase(ctx, who.window)
    await expectStatuses(
      (s) => s.post(`/api/meetings/${meeting.id}/agenda`, { caseId: c.id, kind: 'new' }),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('GET /api/meetings/:id/agenda/:caseId: the ward; the agency once acknowledged; 404 for everyone else', async () => {
    const { meeting, caseId } = await aMeeting()
    // Before the acknowledgement the invited agency is one of "everyone else".
    await expectStatuses(
      (s) => s.get(`/api/meetings/${meeting.id}/agenda/${caseId}`),
      { coordinator: 200, staff: 200 },
      {},
      404,
    )
    await who.agency.post(`/api/meetings/${meeting.id}/acknowledgement`, { confirm: true })
    expect((await who.agency.get(`/api/meetings/${meeting.id}/agenda/${caseId}`)).statusCode).toBe(200)
  })

  it('DELETE /api/meetings/:id/agenda/:caseId: the coordinator; readers 403; others 404', async () => {
    const { meeting, caseId } = await aMeeting()
    await expectStatuses(
      (s) => del(s, `/api/meetings/${meeting.id}/agenda/${caseId}`),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('PUT /api/meetings/:id/agenda/order: the coordinator; readers 403; others 404', async () => {
    const { meeting, caseId } = await aMeeting()
    await expectStatuses(
      (s) => s.put(`/api/meetings/${meeting.id}/agenda/order`, { caseIds: [caseId] }),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('GET /api/meetings/:id/invitable: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.get(`/api/meetings/${meeting.id}/invitable`),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('POST /api/agencies: coordinators and headquarters; 403 for everyone else', async () => {
    await expectStatuses(
      (s, role) => s.post('/api/agencies', { name: `NPO法人 ${role}` }),
      { coordinator: 201, otherCoordinator: 201, headquarters: 201 },
      {},
      403,
    )
  })

  it('PUT /api/meetings/:id/attendees: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) =>
        s.put(`/api/meetings/${meeting.id}/attendees`, {
          attendees: [
            { unitId: who.section, attended: true },
            { unitId: who.agencyUnit, attended: true },
          ],
        }),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('POST /api/meetings/:id/acknowledgement: the invited agency and the ward’s members; 404 for others', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.post(`/api/meetings/${meeting.id}/acknowledgement`, { confirm: true }),
      { coordinator: 200, staff: 200, agency: 200 },
      {},
      404,
    )
  })

  it('PUT /api/meetings/:id/decisions/:caseId: the coordinator; readers 403; others 404', async () => {
    const { meeting, caseId } = await aMeeting()
    await expectStatuses(
      (s) =>
        s.put(`/api/meetings/${meeting.id}/decisions/${caseId}`, {
          lead: 'ward_section',
          leadUnitId: who.section,
          assignments: [{ unitId: who.section, task: '家庭訪問' }],
        }),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('POST /api/meetings/:id/held: the coordinator; readers 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.post(`/api/meetings/${meeting.id}/held`),
      { coordinator: 200 },
      READERS_REFUSED,
      404,
    )
  })

  it('GET /api/meetings/:id/minutes.xlsx: the ward’s coordinator and staff; the agency 403; others 404', async () => {
    const { meeting } = await aMeeting()
    await expectStatuses(
      (s) => s.get(`/api/meetings/${meeting.id}/minutes.xlsx`),
      { coordinator: 200, staff: 200 },
      { agency: 403 },
      404,
    )
  })

  it('GET /api/cases/:id/reviews: whoever may read the case (the ward, the window, the lead); 404 otherwise', async () => {
    const { meeting, caseId } = await aMeeting()
    await decide(who.coordinator, meeting.id, caseId, {
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      assignments: [],
    })
    await expectStatuses(
      (s) => s.get(`/api/cases/${caseId}/reviews`),
      { coordinator: 200, staff: 200, window: 200, worker: 200 },
      {},
      404,
    )
  })

  it('answers the same 404 for a meeting that does not exist as for one out of scope', async () => {
    const { meeting } = await aMeeting()
    const missing = await who.coordinator.get('/api/meetings/00000000-0000-4000-8000-000000000000')
    const hidden = await who.otherCoordinator.get(`/api/meetings/${meeting.id}`)
    expect(missing.statusCode).toBe(404)
    expect(hidden.json()).toEqual(missing.json())
  })
})

describe('two cities', () => {
  it('keeps each city’s meetings, agencies and cases apart', async () => {
    const { meeting, caseId } = await aMeeting()
    const other = await ctx.newCity('別の市')
    const coordinator = await other.as('ward_coordinator', { ward: 'sakyo' })
    const agency = await other.as('agency_member')
    expect((await coordinator.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404)
    expect((await agency.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404)
    expect((await coordinator.get('/api/meetings')).json().total).toBe(0)
    const theirs: MeetingDetail = (await coordinator.post('/api/meetings', { heldOn: '2026-11-24' })).json()
    // The same ward and date is numbered independently in each city.
    expect(theirs.meetingNo).toBe('sakyo-20261124')
    expect(meeting.meetingNo).toMatch(/^sakyo-20261124(-\d+)?$/)
    const add = await coordinator.post(`/api/meetings/${theirs.id}/agenda`, {
      caseId,
      kind: 'new',
      route: 'window',
    })
    expect(add.statusCode).toBe(404)
    const attendees = await coordinator.put(`/api/meetings/${theirs.id}/attendees`, {
      attendees: [{ unitId: who.agencyUnit, attended: false }],
    })
    expect(attendees.statusCode).toBe(400)
    const invitable = (await coordinator.get(`/api/meetings/${theirs.id}/invitable`)).json()
    expect(invitable.agencies.map((a: { unitId: string }) => a.unitId)).not.toContain(who.agencyUnit)
    expect(
      (await who.coordinator.get('/api/meetings')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(theirs.id)
  })
})
