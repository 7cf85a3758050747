// Preparing next month's meeting (issue 14): the form starts from the ward's last meeting, a
// second meeting on one date needs a confirmation, a case sits on at most one open agenda (moved,
// never copied; the database refuses a planted duplicate, and many concurrent adds leave one),
// and the coordinator's 方針案 is kept on the server and counts nowhere until the meeting decides.
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, meetingAgenda, meetings } from '#server/db/schema/index.ts'
import { computeReport } from '#server/modules/reports/index.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import { suggestNextMeetingDate } from './next-meeting.ts'
import {
  decide,
  invite,
  type MeetingCast,
  meetingCast,
  putOnAgenda,
  readCase,
  readyCase,
  schedule,
} from './test-support.ts'

let ctx: TestContext
let city: TestCity
let who: MeetingCast

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  who = await meetingCast(ctx, city)
})
afterAll(() => ctx.close())

async function meetingCount() {
  const [row] = await ctx.db.select({ n: count() }).from(meetings).where(eq(meetings.tenantId, city.tenantId))
  return row!.n
}

async function agendaRowsOf(caseId: string) {
  return ctx.db
    .select({ meetingId: meetingAgenda.meetingId, open: meetingAgenda.open })
    .from(meetingAgenda)
    .where(and(eq(meetingAgenda.tenantId, city.tenantId), eq(meetingAgenda.caseId, caseId)))
}

describe('the next meeting date', () => {
  it('keeps the week and weekday a month on, and never suggests a past date', () => {
    // 2026-11-24 is the fourth Tuesday; December's is the 22nd.
    expect(suggestNextMeetingDate('2026-11-24', '2026-11-24')).toBe('2026-12-22')
    // A fifth Thursday the next month lacks becomes its last Thursday.
    expect(suggestNextMeetingDate('2026-10-29', '2026-10-01')).toBe('2026-11-26')
    // Across the year end.
    expect(suggestNextMeetingDate('2026-12-15', '2026-12-15')).toBe('2027-01-19')
    // A ward that has not met for months gets a date from today on.
    expect(suggestNextMeetingDate('2026-01-20', '2026-11-24')).toBe('2026-12-15')
  })
})

describe('scheduling the next meeting', () => {
  it('starts from the ward’s latest meeting: its place, chair and start time; nothing before any', async () => {
    const kita = await who.otherCoordinator.get('/api/meetings/defaults')
    expect(kita.statusCode, kita.body).toBe(200)
    expect(kita.json()).toEqual({ previous: null, heldOn: null, startTime: null, place: null, chair: null })

    const last = await schedule(who.coordinator, {
      heldOn: '2026-11-24',
      startTime: '13:30',
      place: '左京区役所 ４階　会議室\u200b',
      chair: '左京区保健福祉センター長',
    })
    const res = await who.coordinator.get('/api/meetings/defaults')
    expect(res.json()).toEqual({
      previous: { meetingId: last.id, meetingNo: last.meetingNo, heldOn: '2026-11-24' },
      heldOn: '2026-12-22',
      startTime: '13:30',
      place: '左京区役所 ４階　会議室\u200b',
      chair: '左京区保健福祉センター長',
    })
    // Another ward's coordinator still sees only their own ward; readers are refused.
    expect((await who.otherCoordinator.get('/api/meetings/defaults')).json().previous).toBeNull()
    expect((await who.staff.get('/api/meetings/defaults')).statusCode).toBe(403)
    expect((await who.agency.get('/api/meetings/defaults')).statusCode).toBe(403)
  })

  it('refuses a second meeting of the ward on one date (409) until confirmed; other wards are free', async () => {
    const first = await schedule(who.coordinator, { heldOn: '2027-01-19' })
    const before = await meetingCount()
    const res = await who.coordinator.post('/api/meetings', { heldOn: '2027/1/19', confirmSameDate: false })
    expect(res.statusCode).toBe(409)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().detail).toContain(first.meetingNo)
    expect(res.json().detail).toContain('令和9年1月19日')
    expect(await meetingCount()).toBe(before)

    const kita = await who.otherCoordinator.post('/api/meetings', { heldOn: '2027-01-19' })
    expect(kita.statusCode, kita.body).toBe(201)
    const second = await who.coordinator.post('/api/meetings', {
      heldOn: '2027-01-19',
      confirmSameDate: true,
    })
    expect(second.statusCode, second.body).toBe(201)
    expect(second.json().meetingNo).toBe(`${first.meetingNo}-2`)
  })
})

describe('one open agenda per case', () => {
  let december: MeetingDetail
  let january: MeetingDetail

  beforeAll(async () => {
    december = await schedule(who.coordinator, { heldOn: '2026-12-08' })
    january = await schedule(who.coordinator, { heldOn: '2027-01-12' })
  })

  it('offers a case on another open agenda to be moved, not among the candidates', async () => {
    const c = await readyCase(ctx, who.window)
    await putOnAgenda(who.coordinator, december.id, c.id)
    const res = await who.coordinator.get(`/api/meetings/${january.id}/candidates`)
    const body = res.json()
    expect(body.new.map((x: { caseId: string }) => x.caseId)).not.toContain(c.id)
    expect(body.elsewhere).toContainEqual(
      expect.objectContaining({
        caseId: c.id,
        onMeeting: { meetingId: december.id, meetingNo: december.meetingNo, heldOn: '2026-12-08' },
      }),
    )
  })

  it('refuses to add it elsewhere (409, nothing written) and moves it with its draft when asked', async () => {
    const c = await readyCase(ctx, who.window)
    await putOnAgenda(who.coordinator, december.id, c.id)
    const draft = await who.coordinator.put(`/api/meetings/${december.id}/drafts/${c.id}`, {
      policy: '支援員が訪問する案',
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
    })
    expect(draft.statusCode, draft.body).toBe(200)

    const refused = await who.coordinator.post(`/api/meetings/${january.id}/agenda`, {
      caseId: c.id,
      kind: 'new',
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.headers['content-type']).toContain('application/problem+json')
    expect(refused.json().detail).toContain(december.meetingNo)
    expect(await agendaRowsOf(c.id)).toEqual([{ meetingId: december.id, open: true }])

    const moved = await putOnAgenda(who.coordinator, january.id, c.id, { move: true })
    const item = moved.agenda.find((a) => a.caseId === c.id)!
    expect(item.draft).toMatchObject({ policy: '支援員が訪問する案', leadAccountName: '支援員 一郎' })
    expect(await agendaRowsOf(c.id)).toEqual([{ meetingId: january.id, open: true }])
    const dec = (await who.coordinator.get(`/api/meetings/${december.id}`)).json() as MeetingDetail
    expect(dec.agenda.map((a) => a.caseId)).not.toContain(c.id)
    const [audit] = await ctx.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'meeting.agenda_move')))
    expect(audit!.detail).toEqual({ caseId: c.id, kind: 'new', from: december.id })
  })

  it('frees the case once its meeting is held: the next meeting may take it', async () => {
    const c = await readyCase(ctx, who.window)
    const today = await schedule(who.coordinator, { heldOn: '2026-11-24' })
    await putOnAgenda(who.coordinator, today.id, c.id)
    expect((await who.coordinator.post(`/api/meetings/${today.id}/held`, {})).statusCode).toBe(200)
    await putOnAgenda(who.coordinator, december.id, c.id)
    expect(await agendaRowsOf(c.id)).toEqual(
      expect.arrayContaining([
        { meetingId: today.id, open: false },
        { meetingId: december.id, open: true },
      ]),
    )
  })

  it('refuses a planted duplicate in the database itself; a held meeting’s row is no duplicate', async () => {
    const c = await readyCase(ctx, who.window)
    await putOnAgenda(who.coordinator, december.id, c.id)
    const plant = ctx.db
      .insert(meetingAgenda)
      .values({ tenantId: city.tenantId, meetingId: january.id, caseId: c.id, kind: 'new', position: 99 })
    await expect(plant).rejects.toThrow()
    expect(await agendaRowsOf(c.id)).toEqual([{ meetingId: december.id, open: true }])

    // A row written for a held meeting (as the demo seed and imports do) is history: it is closed.
    const [heldMeeting] = await ctx.db
      .insert(meetings)
      .values({ tenantId: city.tenantId, meetingNo: 'sakyo-planted', ward: 'sakyo', heldOn: '2026-10-20' })
      .returning()
    await ctx.db
      .insert(meetingAgenda)
      .values({ tenantId: city.tenantId, meetingId: heldMeeting!.id, caseId: c.id, kind: 'new', position: 1 })
    expect(await agendaRowsOf(c.id)).toEqual(
      expect.arrayContaining([
        { meetingId: december.id, open: true },
        { meetingId: heldMeeting!.id, open: false },
      ]),
    )
  })

  it('many concurrent adds of one case to two meetings: exactly one wins, the rest are 409', async () => {
    const c = await readyCase(ctx, who.window)
    const targets = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? december.id : january.id))
    const results = await Promise.all(
      targets.map((meetingId) =>
        who.coordinator.post(`/api/meetings/${meetingId}/agenda`, { caseId: c.id, kind: 'new' }),
      ),
    )
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes.filter((s) => s === 200)).toHaveLength(1)
    expect(codes.filter((s) => s === 409)).toHaveLength(11)
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.headers['content-type']).toContain('application/problem+json')
    }
    expect(await agendaRowsOf(c.id)).toHaveLength(1)
  })
})

describe('drafts (方針案)', () => {
  let meeting: MeetingDetail
  let caseId: string

  beforeAll(async () => {
    const c = await readyCase(ctx, who.window)
    caseId = c.id
    meeting = await schedule(who.coordinator, { heldOn: '2026-11-24' })
    await putOnAgenda(who.coordinator, meeting.id, caseId)
    await invite(who.coordinator, meeting.id, [{ unitId: who.agencyUnit }, { unitId: who.section }])
  })

  const draftUrl = () => `/api/meetings/${meeting.id}/drafts/${caseId}`

  it('saves a partial draft before the meeting day and shows it to the ward after a reload', async () => {
    const future = await schedule(who.coordinator, { heldOn: '2026-12-01' })
    const c = await readyCase(ctx, who.window)
    await putOnAgenda(who.coordinator, future.id, c.id)
    const res = await who.coordinator.put(`/api/meetings/${future.id}/drafts/${c.id}`, {
      policy: '　家族面談を続ける\u200b（案）',
      lead: '',
      assignments: [],
      nextReviewOn: '',
    })
    expect(res.statusCode, res.body).toBe(200)
    const again = (await who.coordinator.get(`/api/meetings/${future.id}`)).json() as MeetingDetail
    expect(again.agenda[0]!.draft).toMatchObject({
      policy: '家族面談を続ける\u200b（案）',
      lead: null,
      leadUnitId: null,
      assignments: [],
      nextReviewOn: null,
      savedAt: expect.any(String),
    })
    expect(again.agenda[0]!.decision).toBeNull()
    // The ward's staff read it too; the decision before the day is still refused.
    expect((await who.staff.get(`/api/meetings/${future.id}`)).json().agenda[0].draft.policy).toContain(
      '家族面談',
    )
    const early = await who.coordinator.put(`/api/meetings/${future.id}/decisions/${c.id}`, {
      lead: 'rediscuss',
    })
    expect(early.statusCode).toBe(409)
  })

  it('refuses bad drafts with field errors and writes nothing; readers may not draft', async () => {
    const bad = await who.coordinator.put(draftUrl(), {
      policy: 'a\u0000b',
      lead: 'ward_section',
      leadUnitId: who.agencyUnit,
      assignments: [{ unitId: who.otherAgencyUnit, task: '' }],
      nextReviewOn: '2026-11-24',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('policy')
    const lone = await who.coordinator.put(draftUrl(), { policy: 'x\ud800y' })
    expect(lone.statusCode).toBe(400)
    const refs = await who.coordinator.put(draftUrl(), {
      lead: 'ward_section',
      leadUnitId: who.agencyUnit,
      nextReviewOn: '2026-11-24',
    })
    expect(refs.statusCode).toBe(400)
    expect(
      refs
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['leadUnitId', 'nextReviewOn'])
    const detail = (await who.coordinator.get(`/api/meetings/${meeting.id}`)).json() as MeetingDetail
    expect(detail.agenda[0]!.draft).toBeNull()
    expect((await who.staff.put(draftUrl(), { policy: '案' })).statusCode).toBe(403)
    expect((await who.otherCoordinator.put(draftUrl(), { policy: '案' })).statusCode).toBe(404)
  })

  it('counts nowhere: not in the report, not as the case’s lead, not in the worker’s caseload', async () => {
    expect((await who.coordinator.post(`/api/meetings/${meeting.id}/held`, {})).statusCode).toBe(200)
    const period = { from: '2026-11-01', to: '2026-11-30' }
    const reportBefore = await computeReport(ctx.db, city.tenantId, period)
    const caseloadsBefore = (await who.coordinator.get('/api/caseloads')).json()
    const res = await who.coordinator.put(draftUrl(), {
      policy: '支援員が訪問する案',
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      assignments: [{ unitId: who.section, task: '家族面談' }],
      nextReviewOn: '2027-01-20',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().agenda[0].draft).toMatchObject({
      lead: 'accompaniment',
      leadAccountName: '支援員 一郎',
    })

    expect(await computeReport(ctx.db, city.tenantId, period)).toEqual(reportBefore)
    expect((await who.coordinator.get('/api/caseloads')).json()).toEqual(caseloadsBefore)
    const theCase = await readCase(ctx, city.tenantId, caseId)
    expect(theCase.lead).toBeNull()
    expect(theCase.leadAccountId).toBeNull()
    expect(theCase.nextReviewOn).toBeNull()
    // The worker it names gets no access from a draft.
    expect((await who.worker.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    // Agencies never see drafts, even after acknowledging.
    await who.agency.post(`/api/meetings/${meeting.id}/acknowledgement`, { confirm: true })
    const agencyView = (await who.agency.get(`/api/meetings/${meeting.id}`)).json() as MeetingDetail
    expect(agencyView.agenda[0]!.draft).toBeNull()
  })

  it('the meeting confirms it as the decision, which then counts and replaces the draft', async () => {
    const detail = await decide(who.coordinator, meeting.id, caseId, {
      policy: '支援員が訪問する',
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      nextReviewOn: '2027-01-20',
    })
    expect(detail.agenda[0]!.draft).toBeNull()
    expect(detail.agenda[0]!.decision?.lead).toBe('accompaniment')
    expect((await readCase(ctx, city.tenantId, caseId)).leadAccountId).toBe(who.worker.user.id)
    const report = await computeReport(ctx.db, city.tenantId, { from: '2026-11-01', to: '2026-11-30' })
    expect(report.meetings.newCaseLeads.accompaniment).toBeGreaterThanOrEqual(1)
    // A decided case's draft is not reopened.
    expect((await who.coordinator.put(draftUrl(), { policy: '別案' })).statusCode).toBe(409)
  })
})

describe('会議資料 (papers) for each reader', () => {
  let meeting: MeetingDetail
  let name: string

  beforeAll(async () => {
    const c = await readyCase(ctx, who.window)
    meeting = await schedule(who.coordinator, { heldOn: '2026-12-03' })
    await putOnAgenda(who.coordinator, meeting.id, c.id)
    await invite(who.coordinator, meeting.id, [{ unitId: who.agencyUnit }, { unitId: who.section }])
    await who.coordinator.put(`/api/meetings/${meeting.id}/drafts/${c.id}`, { policy: '方針の案' })
    name = (await readCase(ctx, city.tenantId, c.id)).name!
  })

  it('the ward’s copy has names and the 方針案', async () => {
    const res = await who.coordinator.get(`/api/meetings/${meeting.id}/papers`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.audience).toMatchObject({ kind: 'ward', acknowledged: true })
    expect(body.agenda[0].name).toBe(name)
    expect(body.agenda[0].draft.policy).toBe('方針の案')
  })

  it('an agency’s copy: no cases before its acknowledgement, then no names and no drafts', async () => {
    const url = `/api/meetings/${meeting.id}/papers?for=${who.agencyUnit}`
    const before = (await who.coordinator.get(url)).json()
    expect(before).toMatchObject({
      audience: { kind: 'agency', acknowledged: false },
      agenda: [],
      agendaCount: 1,
    })
    await who.agency.post(`/api/meetings/${meeting.id}/acknowledgement`, { confirm: true })
    const after = await who.coordinator.get(url)
    const body = after.json()
    expect(body.audience).toMatchObject({ kind: 'agency', unitId: who.agencyUnit, acknowledged: true })
    expect(body.agenda).toHaveLength(1)
    expect(body.agenda[0].name).toBeNull()
    expect(body.agenda[0].draft).toBeNull()
    expect(after.body).not.toContain(name)
  })

  it('only for invited agencies, only by the coordinator', async () => {
    const other = await who.coordinator.get(`/api/meetings/${meeting.id}/papers?for=${who.otherAgencyUnit}`)
    expect(other.statusCode).toBe(400)
    expect(other.json().errors[0].field).toBe('for')
    expect((await who.coordinator.get(`/api/meetings/${meeting.id}/papers?for=x`)).statusCode).toBe(400)
    expect((await who.staff.get(`/api/meetings/${meeting.id}/papers`)).statusCode).toBe(403)
    expect((await who.agency.get(`/api/meetings/${meeting.id}/papers`)).statusCode).toBe(403)
    expect((await who.otherCoordinator.get(`/api/meetings/${meeting.id}/papers`)).statusCode).toBe(404)
  })
})
