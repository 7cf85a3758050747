// Outside agencies at a ward's meeting: the agenda's cases only after the confidentiality
// acknowledgement, only the fields the discussion needs, and only until N days after the meeting.
import { and, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, meetingAcknowledgements, supportPlans } from '#server/db/schema/index.ts'
import { fieldsOf } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import {
  invite,
  type MeetingCast,
  meetingCast,
  putOnAgenda,
  READY_FIELDS,
  readyCase,
  schedule,
  setAgencyViewDays,
  TEST_NOW,
} from './test-support.ts'

let ctx: TestContext
let city: TestCity
let who: MeetingCast
const DAY = 86_400_000

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  who = await meetingCast(ctx, city)
})
afterAll(() => ctx.close())
afterEach(() => ctx.clock.set(TEST_NOW))

/** Sakyo's meeting today, the agency and a section invited, one case (with a plan) on the agenda. */
async function agencyMeeting() {
  const c = await readyCase(ctx, who.window, 'sakyo', { name: '山田 花子', kana: 'やまだ はなこ', age: 44 })
  await ctx.db.insert(supportPlans).values({
    tenantId: city.tenantId,
    caseId: c.id,
    progressSummary: '週1回の訪問で会話が増えた',
  })
  const m = await schedule(who.coordinator)
  await putOnAgenda(who.coordinator, m.id, c.id)
  await invite(who.coordinator, m.id, [{ unitId: who.section }, { unitId: who.agencyUnit }])
  return { meeting: m, caseId: c.id }
}

async function view(s: Session, id: string): Promise<MeetingDetail> {
  const res = await s.get(`/api/meetings/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const acknowledge = (s: Session, id: string) =>
  s.post(`/api/meetings/${id}/acknowledgement`, { confirm: true })

async function auditOf(s: Session, action: string) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, s.user.id), eq(auditLog.action, action)),
    )
}

describe('an invited agency before its acknowledgement', () => {
  it('sees the meeting’s facts and attendees but no agenda, and no per-case data', async () => {
    const { meeting, caseId } = await agencyMeeting()
    const seen = await view(who.agency, meeting.id)
    expect(seen).toMatchObject({
      heldOn: '2026-11-24',
      startTime: '14:00',
      place: '左京区役所 第1会議室',
      acknowledgement: { required: true, acknowledgedAt: null },
      access: { canEdit: false, canReadAgenda: false, agendaVisibleUntil: '2026-12-24' },
      agenda: [],
    })
    expect(seen.attendees.map((a) => a.unitId).sort()).toEqual([who.agencyUnit, who.section].sort())
    expect(JSON.stringify(seen)).not.toContain('山田')
    expect((await who.agency.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    expect((await who.agency.get(`/api/cases/${caseId}/reviews`)).statusCode).toBe(404)
    const list = (await who.agency.get('/api/meetings')).json()
    expect(list.items.find((i: { id: string }) => i.id === meeting.id)).toMatchObject({
      acknowledgedAt: null,
      agendaCount: 1,
    })
  })

  it('must confirm: anything but confirm=true is a field error and records nothing', async () => {
    const { meeting } = await agencyMeeting()
    for (const body of [{ confirm: false }, {}]) {
      const res = await who.agency.post(`/api/meetings/${meeting.id}/acknowledgement`, body)
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toEqual([
        { field: 'confirm', message: '守秘義務の内容を確認し、確認欄にチェックしてください' },
      ])
    }
    const rows = await ctx.db
      .select()
      .from(meetingAcknowledgements)
      .where(
        and(
          eq(meetingAcknowledgements.tenantId, city.tenantId),
          eq(meetingAcknowledgements.meetingId, meeting.id),
        ),
      )
    expect(rows).toEqual([])
  })

  it('an agency that is not invited cannot acknowledge (404) nor see the meeting', async () => {
    const { meeting } = await agencyMeeting()
    expect((await acknowledge(who.otherAgency, meeting.id)).statusCode).toBe(404)
    expect((await who.otherAgency.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404)
    expect((await who.otherAgency.get('/api/meetings')).json().items).toEqual([])
  })
})

describe('an invited agency after its acknowledgement', () => {
  it('reads the agenda’s cases with only the discussion’s fields: never the name, kana or age', async () => {
    const { meeting, caseId } = await agencyMeeting()
    const res = await acknowledge(who.agency, meeting.id)
    expect(res.statusCode).toBe(200)
    const seen = await view(who.agency, meeting.id)
    expect(seen.acknowledgement.acknowledgedAt).toBe(TEST_NOW.toISOString())
    expect(seen.access.canReadAgenda).toBe(true)
    expect(seen.agenda).toHaveLength(1)
    const item = seen.agenda[0]!
    expect(item.name).toBeNull()
    expect(item).toMatchObject({
      caseId,
      kind: 'new',
      route: 'window',
      case: {
        ageBand: '40plus',
        gender: 'male',
        firstConsulter: 'family',
        concerns: ['work', 'family_relations'],
        urgency: 'normal',
        wardRoute: 'window',
        handoverSummary: '家族との面談を重ね、区での支援が必要と判断',
        wardAssessment: READY_FIELDS.wardAssessment,
        consentOn: READY_FIELDS.consentOn,
        consentNote: READY_FIELDS.consentNote,
        progressSummary: '週1回の訪問で会話が増えた',
        previousDecision: null,
      },
      decision: null,
    })
    expect(Object.keys(item.case).sort()).toEqual(
      [
        'ageBand',
        'concerns',
        'consentNote',
        'consentOn',
        'firstConsulter',
        'gender',
        'handoverSummary',
        'previousDecision',
        'progressSummary',
        'urgency',
        'wardAssessment',
        'wardRoute',
      ].sort(),
    )
    const body = JSON.stringify(seen)
    for (const secret of ['山田', 'やまだ', '"age"', '"birthYear"', '"kana"'])
      expect(body).not.toContain(secret)
    // Per-case reads stay closed: the agenda is the only way in.
    expect((await who.agency.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    expect((await who.agency.get(`/api/cases/${caseId}/history`)).statusCode).toBe(404)
    expect((await who.agency.get(`/api/cases/${caseId}/contacts`)).statusCode).toBe(404)
  })

  it('the ward’s staff read the agenda with names without any acknowledgement', async () => {
    const { meeting } = await agencyMeeting()
    const seen = await view(who.staff, meeting.id)
    expect(seen.acknowledgement).toMatchObject({ required: false, acknowledgedAt: null })
    expect(seen.access).toEqual({ canEdit: false, canReadAgenda: true, agendaVisibleUntil: null })
    expect(seen.agenda[0]!.name).toBe('山田 花子')
    expect((await view(who.coordinator, meeting.id)).access.canEdit).toBe(true)
  })

  it('audits every agency view of the agenda with the meeting and the number of cases, no personal data', async () => {
    const { meeting } = await agencyMeeting()
    await view(who.agency, meeting.id)
    const before = await auditOf(who.agency, 'meeting.read')
    expect(before.some((r) => r.recordId === meeting.id && (r.detail as { cases: number }).cases === 0)).toBe(
      true,
    )
    await acknowledge(who.agency, meeting.id)
    await view(who.agency, meeting.id)
    const views = (await auditOf(who.agency, 'meeting.agency_view')).filter((r) => r.recordId === meeting.id)
    // The acknowledgement's answer shows the agenda too: two views.
    expect(views).toHaveLength(2)
    for (const v of views) expect(v).toMatchObject({ recordType: 'meeting', detail: { cases: 1 } })
    const acks = (await auditOf(who.agency, 'meeting.acknowledge')).filter((r) => r.recordId === meeting.id)
    expect(acks).toHaveLength(1)
    expect(JSON.stringify([...views, ...acks])).not.toMatch(/山田|やまだ|家族との面談/)
  })

  it('acknowledges once per meeting: a second confirmation keeps the first time, another meeting needs its own', async () => {
    const { meeting } = await agencyMeeting()
    await acknowledge(who.agency, meeting.id)
    ctx.clock.advance(60_000)
    const again = (await acknowledge(who.agency, meeting.id)).json()
    expect(again.acknowledgement.acknowledgedAt).toBe(TEST_NOW.toISOString())
    const next = await agencyMeeting()
    const seen = await view(who.agency, next.meeting.id)
    expect(seen.access.canReadAgenda).toBe(false)
    expect(seen.agenda).toEqual([])
  })

  it('loses the meeting when its organisation is no longer invited', async () => {
    const { meeting } = await agencyMeeting()
    await acknowledge(who.agency, meeting.id)
    await invite(who.coordinator, meeting.id, [{ unitId: who.section }])
    expect((await who.agency.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404)
  })
})

describe('how long an agency may read the agenda', () => {
  // Requests a month later let the session store sweep every session expired by then, the
  // cast's too: the tests after these get fresh ones.
  afterAll(async () => {
    ctx.clock.set(TEST_NOW)
    const fresh: Record<string, unknown> = { ...who }
    for (const [key, value] of Object.entries(who)) {
      if (typeof value === 'object' && 'user' in value) fresh[key] = await city.login(value.user)
    }
    who = fresh as MeetingCast
  })

  it('until 30 days after the meeting date; on the 31st day the agenda is hidden again', async () => {
    const { meeting } = await agencyMeeting()
    await acknowledge(who.agency, meeting.id)
    ctx.clock.set(new Date(TEST_NOW.getTime() + 30 * DAY))
    let agency = await city.login(who.agency.user)
    const day30 = await view(agency, meeting.id)
    expect(day30.access).toMatchObject({ canReadAgenda: true, agendaVisibleUntil: '2026-12-24' })
    expect(day30.agenda).toHaveLength(1)

    ctx.clock.set(new Date(TEST_NOW.getTime() + 31 * DAY))
    agency = await city.login(who.agency.user)
    const day31 = await view(agency, meeting.id)
    expect(day31.access.canReadAgenda).toBe(false)
    expect(day31.agenda).toEqual([])
    expect(day31.acknowledgement.acknowledgedAt).toBe(TEST_NOW.toISOString())
    // The ward keeps its record.
    const coordinator = await city.login(who.coordinator.user)
    expect((await view(coordinator, meeting.id)).agenda).toHaveLength(1)
  })

  it('follows the city’s agencyViewDays setting', async () => {
    const other = await ctx.newCity('設定の市')
    const cast = await meetingCast(ctx, other)
    await setAgencyViewDays(ctx, other.tenantId, 45)
    const c = await readyCase(ctx, cast.window)
    const m = await schedule(cast.coordinator)
    await putOnAgenda(cast.coordinator, m.id, c.id)
    await invite(cast.coordinator, m.id, [{ unitId: cast.agencyUnit }])
    await acknowledge(cast.agency, m.id)

    ctx.clock.set(new Date(TEST_NOW.getTime() + 31 * DAY))
    let agency = await other.login(cast.agency.user)
    const day31 = await view(agency, m.id)
    expect(day31.access).toMatchObject({ canReadAgenda: true, agendaVisibleUntil: '2027-01-08' })

    ctx.clock.set(new Date(TEST_NOW.getTime() + 46 * DAY))
    agency = await other.login(cast.agency.user)
    expect((await view(agency, m.id)).agenda).toEqual([])

    await setAgencyViewDays(ctx, other.tenantId, 7)
    ctx.clock.set(new Date(TEST_NOW.getTime() + 8 * DAY))
    agency = await other.login(cast.agency.user)
    const day8 = await view(agency, m.id)
    expect(day8.access).toMatchObject({ canReadAgenda: false, agendaVisibleUntil: '2026-12-01' })
  })
})

describe('acknowledgement form validation', () => {
  it('names the field for the web form', async () => {
    const { meeting } = await agencyMeeting()
    const res = await who.agency.post(`/api/meetings/${meeting.id}/acknowledgement`, { confirm: 'yes' })
    expect(fieldsOf(res.json())).toEqual(['confirm'])
  })
})

describe('one agenda case (GET /api/meetings/:id/agenda/:caseId)', () => {
  const agendaCase = (s: Session, meetingId: string, caseId: string) =>
    s.get(`/api/meetings/${meetingId}/agenda/${caseId}`)

  it('answers an agency 404 before the acknowledgement, 200 after it, and 404 on the 31st day', async () => {
    const { meeting, caseId } = await agencyMeeting()
    const before = await agendaCase(who.agency, meeting.id, caseId)
    expect(before.statusCode).toBe(404)
    expect(before.body).not.toContain(caseId)

    await acknowledge(who.agency, meeting.id)
    const after = await agendaCase(who.agency, meeting.id, caseId)
    expect(after.statusCode).toBe(200)
    expect(after.json()).toMatchObject({ caseId, name: null, kind: 'new' })
    expect(after.body).not.toContain('山田')
    expect(await auditOf(who.agency, 'meeting.agency_case_view')).toEqual([
      expect.objectContaining({ recordType: 'case', recordId: caseId, detail: { meetingId: meeting.id } }),
    ])

    ctx.clock.set(new Date(TEST_NOW.getTime() + 30 * DAY))
    expect((await agendaCase(await city.login(who.agency.user), meeting.id, caseId)).statusCode).toBe(200)
    ctx.clock.set(new Date(TEST_NOW.getTime() + 31 * DAY))
    expect((await agendaCase(await city.login(who.agency.user), meeting.id, caseId)).statusCode).toBe(404)
  })

  it('answers the ward 200 with the name, another ward’s coordinator and others 404, and a case off the agenda 404', async () => {
    const { meeting, caseId } = await agencyMeeting()
    const ward = await agendaCase(who.coordinator, meeting.id, caseId)
    expect(ward.statusCode).toBe(200)
    expect(ward.json().name).toBe('山田 花子')
    for (const s of [who.otherCoordinator, who.window, who.worker, who.otherAgency, who.headquarters])
      expect((await agendaCase(s, meeting.id, caseId)).statusCode).toBe(404)
    const elsewhere = await readyCase(ctx, who.window, 'sakyo')
    expect((await agendaCase(who.coordinator, meeting.id, elsewhere.id)).statusCode).toBe(404)
  })
})
