// The meeting's decisions: validation, what a decision writes (review, assignments, the case's
// lead, its history), and the lead scope it opens for the named worker or organisation.
import { and, count, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  caseEvents,
  meetings,
  orgUnits,
  reviewAssignments,
  reviews,
} from '#server/db/schema/index.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import {
  decide,
  invite,
  type MeetingCast,
  meetingCast,
  putOnAgenda,
  readCase,
  readyCase,
  schedule,
  sectionOf,
  TEST_NOW,
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
afterEach(() => ctx.clock.set(TEST_NOW))

async function onAgenda(heldOn = '2026-11-24') {
  const c = await readyCase(ctx, who.window)
  const m = await schedule(who.coordinator, { heldOn })
  await putOnAgenda(who.coordinator, m.id, c.id)
  return { meeting: m, caseId: c.id }
}

/** What a decision writes, counted in the store. */
async function written(caseId: string, meetingId: string) {
  const t = city.tenantId
  const [r] = await ctx.db
    .select({ n: count() })
    .from(reviews)
    .where(and(eq(reviews.tenantId, t), eq(reviews.caseId, caseId)))
  const [a] = await ctx.db
    .select({ n: count() })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.tenantId, t))
  const [e] = await ctx.db
    .select({ n: count() })
    .from(caseEvents)
    .where(and(eq(caseEvents.tenantId, t), eq(caseEvents.caseId, caseId)))
  const [m] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, t), eq(meetings.id, meetingId)))
  const c = await readCase(ctx, t, caseId)
  return {
    reviews: r!.n,
    assignments: a!.n,
    events: e!.n,
    status: m!.status,
    version: c.version,
    lead: c.lead,
  }
}

const itemOf = (m: MeetingDetail, caseId: string) => m.agenda.find((i) => i.caseId === caseId)!

describe('validating a decision', () => {
  it('reports every invalid field with a Japanese message and writes nothing', async () => {
    const { meeting, caseId } = await onAgenda()
    const windowUnit = (
      await ctx.db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.tenantId, city.tenantId), eq(orgUnits.kind, 'window')))
    )[0]!
    const before = await written(caseId, meeting.id)
    const url = `/api/meetings/${meeting.id}/decisions/${caseId}`
    const kita = await sectionOf(ctx, city.tenantId, 'kita')

    const cases: [Record<string, unknown>, { field: string; message: string }[]][] = [
      [{ assignments: [] }, [{ field: 'lead', message: '主担当を選択してください' }]],
      [
        { lead: 'ward_section', assignments: [] },
        [{ field: 'leadUnitId', message: '主担当の課を、この区の保健福祉センターの課から選択してください' }],
      ],
      [
        { lead: 'ward_section', leadUnitId: kita, assignments: [] },
        [{ field: 'leadUnitId', message: '主担当の課を、この区の保健福祉センターの課から選択してください' }],
      ],
      [
        {
          lead: 'ward_section',
          leadUnitId: who.section,
          leadAccountId: who.otherStaff.user.id,
          assignments: [],
        },
        [{ field: 'leadAccountId', message: '担当者は、主担当の課の職員から選択してください' }],
      ],
      [
        { lead: 'accompaniment', assignments: [] },
        [{ field: 'leadAccountId', message: '主担当のよりそい支援員を選択してください' }],
      ],
      [
        { lead: 'accompaniment', leadAccountId: who.staff.user.id, assignments: [] },
        [{ field: 'leadAccountId', message: '主担当のよりそい支援員を選択してください' }],
      ],
      [
        { lead: 'specialist', leadUnitId: who.section, assignments: [] },
        [{ field: 'leadUnitId', message: '主担当の専門機関・NPO等を、関係機関の一覧から選択してください' }],
      ],
      [
        { lead: 'rediscuss', nextReviewOn: '2026-11-24', assignments: [] },
        [{ field: 'nextReviewOn', message: '次回確認日は、開催日より後の日付を入力してください' }],
      ],
      [
        { lead: 'rediscuss', nextReviewOn: '2026-02-30' },
        [{ field: 'nextReviewOn', message: INVALID_DATE_MESSAGE }],
      ],
      [
        { lead: 'rediscuss', assignments: [{ unitId: who.section, task: '  ' }] },
        [{ field: 'assignments.0.task', message: '役割を入力してください' }],
      ],
      [
        {
          lead: 'rediscuss',
          assignments: [
            { unitId: who.section, task: '訪問' },
            { unitId: windowUnit.id, task: '連絡' },
          ],
        },
        [{ field: 'assignments.1.unitId', message: '役割を担う課・機関を一覧から選択してください' }],
      ],
      [
        {
          lead: 'specialist',
          nextReviewOn: '2026-11-01',
          assignments: [{ unitId: kita, task: '訪問' }],
        },
        [
          { field: 'leadUnitId', message: '主担当の専門機関・NPO等を、関係機関の一覧から選択してください' },
          { field: 'nextReviewOn', message: '次回確認日は、開催日より後の日付を入力してください' },
          { field: 'assignments.0.unitId', message: '役割を担う課・機関を一覧から選択してください' },
        ],
      ],
    ]
    for (const [body, errors] of cases) {
      const res = await who.coordinator.put(url, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().errors, JSON.stringify(body)).toEqual(errors)
    }
    expect(await written(caseId, meeting.id)).toEqual(before)
  })

  it('refuses a decision before the meeting date (409) and for a case not on the agenda (404)', async () => {
    const future = await onAgenda('2026-11-25')
    const res = await who.coordinator.put(`/api/meetings/${future.meeting.id}/decisions/${future.caseId}`, {
      lead: 'rediscuss',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toBe('開催日より前に、検討ケースの決定は記録できません')
    expect((await written(future.caseId, future.meeting.id)).status).toBe('scheduled')

    const { meeting } = await onAgenda()
    const elsewhere = await readyCase(ctx, who.window)
    const off = await who.coordinator.put(`/api/meetings/${meeting.id}/decisions/${elsewhere.id}`, {
      lead: 'rediscuss',
    })
    expect(off.statusCode).toBe(404)
  })
})

describe('recording a decision', () => {
  it('writes the review, its assignments, the case’s lead, a history entry, and marks the meeting held', async () => {
    const { meeting, caseId } = await onAgenda()
    const before = await written(caseId, meeting.id)
    const detail = await decide(who.coordinator, meeting.id, caseId, {
      policy: '支援員の定期訪問で関係をつくる',
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      assignments: [
        { unitId: who.team, task: '週1回の訪問' },
        { unitId: who.section, task: '家族への助言' },
      ],
      nextReviewOn: '2027-01-20',
    })
    expect(detail.status).toBe('held')
    expect(itemOf(detail, caseId).decision).toMatchObject({
      policy: '支援員の定期訪問で関係をつくる',
      lead: 'accompaniment',
      leadUnitId: who.team,
      leadUnitName: 'よりそい支援員',
      leadAccountId: who.worker.user.id,
      leadAccountName: '支援員 一郎',
      assignments: [
        { unitId: who.team, unitName: 'よりそい支援員', task: '週1回の訪問' },
        { unitId: who.section, task: '家族への助言' },
      ],
      nextReviewOn: '2027-01-20',
    })

    const [review] = await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.tenantId, city.tenantId), eq(reviews.caseId, caseId)))
    expect(review).toMatchObject({
      meetingId: meeting.id,
      kind: 'new',
      route: 'window',
      lead: 'accompaniment',
      leadUnit: 'よりそい支援員',
      leadUnitId: who.team,
      leadAccountId: who.worker.user.id,
      policy: '支援員の定期訪問で関係をつくる',
      nextReviewOn: '2027-01-20',
    })
    const after = await written(caseId, meeting.id)
    expect(after).toMatchObject({
      reviews: 1,
      assignments: before.assignments + 2,
      events: before.events + 1,
      status: 'held',
      version: before.version + 1,
      lead: 'accompaniment',
    })
    const theCase = await readCase(ctx, city.tenantId, caseId)
    expect(theCase).toMatchObject({
      leadUnitId: who.team,
      leadAccountId: who.worker.user.id,
      nextReviewOn: '2027-01-20',
      status: 'handed_over',
      wardState: 'ready',
    })

    const history = (await who.coordinator.get(`/api/cases/${caseId}/history`)).json()
    const event = history.find((e: { action: string }) => e.action === 'meeting_decision')
    expect(event).toMatchObject({ actorName: '左京 係長', reason: `支援調整会議 ${meeting.meetingNo}` })
    expect(event.changes).toEqual([
      { field: 'lead', from: null, to: 'accompaniment' },
      { field: 'leadUnitId', from: null, to: who.team },
      { field: 'leadAccountId', from: null, to: who.worker.user.id },
      { field: 'nextReviewOn', from: null, to: '2027-01-20' },
    ])
    const caseDetail = (await who.coordinator.get(`/api/cases/${caseId}`)).json()
    expect(caseDetail).toMatchObject({ lead: 'accompaniment', leadAccountName: '支援員 一郎' })

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, city.tenantId),
          eq(auditLog.action, 'meeting.decision'),
          eq(auditLog.recordId, meeting.id),
        ),
      )
    expect(audit).toHaveLength(1)
    expect(audit[0]!.detail).toMatchObject({ caseId, lead: 'accompaniment', corrected: false })
    expect(JSON.stringify(audit)).not.toContain('定期訪問')
  })

  it('opens the case to the named accompaniment worker only (the lead scope)', async () => {
    const { meeting, caseId } = await onAgenda()
    expect((await who.worker.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    await decide(who.coordinator, meeting.id, caseId, {
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      assignments: [{ unitId: who.team, task: '訪問' }],
    })
    expect((await who.worker.get(`/api/cases/${caseId}`)).statusCode).toBe(200)
    expect((await who.otherWorker.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    const reviewsSeen = await who.worker.get(`/api/cases/${caseId}/reviews`)
    expect(reviewsSeen.statusCode).toBe(200)
    expect(reviewsSeen.json()).toMatchObject([
      {
        meetingId: meeting.id,
        meetingNo: meeting.meetingNo,
        heldOn: '2026-11-24',
        ward: 'sakyo',
        kind: 'new',
      },
    ])
    expect((await who.otherWorker.get(`/api/cases/${caseId}/reviews`)).statusCode).toBe(404)
  })

  it('opens the case to a specialist agency’s members, and not to other agencies', async () => {
    const { meeting, caseId } = await onAgenda()
    await invite(who.coordinator, meeting.id, [{ unitId: who.agencyUnit, attended: true }])
    expect((await who.agency.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    await decide(who.coordinator, meeting.id, caseId, {
      lead: 'specialist',
      leadUnitId: who.agencyUnit,
      leadAccountId: who.worker.user.id,
      assignments: [{ unitId: who.agencyUnit, task: '居場所の紹介' }],
    })
    const theCase = await readCase(ctx, city.tenantId, caseId)
    // A specialist lead names the organisation, not a worker.
    expect(theCase).toMatchObject({ lead: 'specialist', leadUnitId: who.agencyUnit, leadAccountId: null })
    expect((await who.agency.get(`/api/cases/${caseId}`)).statusCode).toBe(200)
    expect((await who.otherAgency.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    expect((await who.worker.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
  })

  it('names a section and, optionally, one of its staff', async () => {
    const { meeting, caseId } = await onAgenda()
    const invitable = (await who.coordinator.get(`/api/meetings/${meeting.id}/invitable`)).json()
    const staff = invitable.sectionStaff.find((s: { accountId: string }) => s.accountId === who.staff.user.id)
    expect(staff).toBeDefined()
    const detail = await decide(who.coordinator, meeting.id, caseId, {
      lead: 'ward_section',
      leadUnitId: staff.unitId,
      leadAccountId: who.staff.user.id,
      assignments: [{ unitId: staff.unitId, task: '継続面談' }],
    })
    expect(itemOf(detail, caseId).decision).toMatchObject({
      lead: 'ward_section',
      leadUnitId: staff.unitId,
      leadAccountId: who.staff.user.id,
    })
  })

  it('corrects a decision in place: one review, assignments replaced, the change in the history', async () => {
    const { meeting, caseId } = await onAgenda()
    await decide(who.coordinator, meeting.id, caseId, {
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      assignments: [
        { unitId: who.team, task: '訪問' },
        { unitId: who.section, task: '助言' },
      ],
    })
    // History lists by time: the correction comes a minute later.
    ctx.clock.advance(60_000)
    const corrected = await decide(who.coordinator, meeting.id, caseId, {
      lead: 'accompaniment',
      leadAccountId: who.otherWorker.user.id,
      assignments: [{ unitId: who.team, task: '電話での傾聴' }],
    })
    expect(itemOf(corrected, caseId).decision!.assignments).toEqual([
      { unitId: who.team, unitName: 'よりそい支援員', task: '電話での傾聴' },
    ])
    expect((await written(caseId, meeting.id)).reviews).toBe(1)
    const history = (await who.coordinator.get(`/api/cases/${caseId}/history`)).json()
    const decisions = history.filter((e: { action: string }) => e.action === 'meeting_decision')
    expect(decisions).toHaveLength(2)
    expect(decisions[1].changes).toEqual([
      { field: 'leadAccountId', from: who.worker.user.id, to: who.otherWorker.user.id },
    ])
    expect((await who.worker.get(`/api/cases/${caseId}`)).statusCode).toBe(404)
    expect((await who.otherWorker.get(`/api/cases/${caseId}`)).statusCode).toBe(200)
  })

  it('a held meeting’s date cannot move onto or past a decision’s next review date', async () => {
    const { meeting, caseId } = await onAgenda('2026-11-10')
    await decide(who.coordinator, meeting.id, caseId, {
      lead: 'rediscuss',
      assignments: [],
      nextReviewOn: '2026-11-20',
    })
    const late = await who.coordinator.patch(`/api/meetings/${meeting.id}`, { heldOn: '2026-11-20' })
    expect(late.statusCode).toBe(400)
    expect(late.json().errors).toEqual([
      {
        field: 'heldOn',
        message:
          '記録した決定の次回確認日より前の開催日にしてください（先に決定の次回確認日を修正してください）',
      },
    ])
    const earlier = await who.coordinator.patch(`/api/meetings/${meeting.id}`, { heldOn: '2026-11-09' })
    expect(earlier.statusCode).toBe(200)
    expect(earlier.json().heldOn).toBe('2026-11-09')
  })

  it('再協議 clears the lead, keeps the case ready for a later meeting, and still shows in the history', async () => {
    const { meeting, caseId } = await onAgenda()
    await decide(who.coordinator, meeting.id, caseId, { lead: 'rediscuss', policy: '情報を集めて次回再協議' })
    const theCase = await readCase(ctx, city.tenantId, caseId)
    expect(theCase).toMatchObject({ lead: null, leadUnitId: null, leadAccountId: null, wardState: 'ready' })
    const history = (await who.coordinator.get(`/api/cases/${caseId}/history`)).json()
    expect(history.filter((e: { action: string }) => e.action === 'meeting_decision')).toEqual([
      expect.objectContaining({ changes: [{ field: 'review.lead', from: null, to: 'rediscuss' }] }),
    ])
    const next = await schedule(who.coordinator, { heldOn: '2026-12-15' })
    const candidates = (await who.coordinator.get(`/api/meetings/${next.id}/candidates`)).json()
    expect(candidates.new.map((c: { caseId: string }) => c.caseId)).toContain(caseId)
  })

  it('a later meeting follows up: the continuing item shows the previous decision; correcting the older one keeps the newer lead', async () => {
    const first = await onAgenda('2026-11-10')
    await decide(who.coordinator, first.meeting.id, first.caseId, {
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      nextReviewOn: '2026-11-20',
    })
    const second = await schedule(who.coordinator, { heldOn: '2026-11-24' })
    const candidates = (await who.coordinator.get(`/api/meetings/${second.id}/candidates`)).json()
    expect(candidates.continuing.map((c: { caseId: string }) => c.caseId)).toContain(first.caseId)
    expect(candidates.new.map((c: { caseId: string }) => c.caseId)).not.toContain(first.caseId)
    const withItem = await putOnAgenda(who.coordinator, second.id, first.caseId, { kind: 'continuing' })
    const item = itemOf(withItem, first.caseId)
    expect(item).toMatchObject({ kind: 'continuing', route: null, decision: null })
    expect(item.case.previousDecision).toMatchObject({
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
    })

    await decide(who.coordinator, second.id, first.caseId, { lead: 'ward_section', leadUnitId: who.section })
    await decide(who.coordinator, first.meeting.id, first.caseId, {
      lead: 'accompaniment',
      leadAccountId: who.otherWorker.user.id,
      nextReviewOn: '2026-11-20',
    })
    const theCase = await readCase(ctx, city.tenantId, first.caseId)
    expect(theCase).toMatchObject({ lead: 'ward_section', leadUnitId: who.section, leadAccountId: null })
    const reviewsOfCase = (await who.coordinator.get(`/api/cases/${first.caseId}/reviews`)).json()
    expect(reviewsOfCase.map((r: { meetingId: string }) => r.meetingId)).toEqual([
      second.id,
      first.meeting.id,
    ])
    expect(reviewsOfCase[1].decision.leadAccountId).toBe(who.otherWorker.user.id)
  })
})
