// Meetings entered in the app are the same records as imported ones: the report counts the held
// meeting, its reviews, routes, leads and present agencies, and the ledger export writes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportRows } from '#server/modules/interchange/index.ts'
import { computeReport } from '#server/modules/reports/index.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import {
  decide,
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
let held: { id: string; meetingNo: string }
let caseNo: string

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  who = await meetingCast(ctx, city)

  // Held today: a new case from the window, led by an accompaniment worker; the agency came,
  // the other agency was invited but did not.
  const c = await readyCase(ctx, who.window)
  caseNo = c.caseNo
  held = await schedule(who.coordinator)
  await putOnAgenda(who.coordinator, held.id, c.id)
  await invite(who.coordinator, held.id, [
    { unitId: who.section, attended: true },
    { unitId: who.agencyUnit, attended: true },
    { unitId: who.otherAgencyUnit, attended: false },
  ])
  await decide(who.coordinator, held.id, c.id, {
    policy: '支援員が訪問',
    lead: 'accompaniment',
    leadAccountId: who.worker.user.id,
    assignments: [{ unitId: who.team, task: '訪問' }],
    nextReviewOn: '2027-01-20',
  })

  // Scheduled in the same month and not held: nothing of it counts yet.
  const other = await readyCase(ctx, who.window)
  const scheduled = await schedule(who.coordinator, { heldOn: '2026-11-30' })
  await putOnAgenda(who.coordinator, scheduled.id, other.id, { route: 'agency' })
  await invite(who.coordinator, scheduled.id, [{ unitId: who.otherAgencyUnit }])
})
afterAll(() => ctx.close())

describe('the report', () => {
  it('counts the held meeting, its review, route, lead and present agency; not the scheduled meeting', async () => {
    const report = await computeReport(ctx.db, city.tenantId, { from: '2026-11-01', to: '2026-11-30' })
    expect(report.meetings).toEqual({
      held: 1,
      casesReviewed: 1,
      reviews: 1,
      newCaseRoutes: { window: 1, ward_section: 0, agency: 0 },
      newCaseLeads: { ward_section: 0, accompaniment: 1, specialist: 0, rediscuss: 0 },
      agencies: 1,
    })
    const ward = await computeReport(ctx.db, city.tenantId, {
      from: '2026-11-01',
      to: '2026-11-30',
      ward: 'kita',
    })
    expect(ward.meetings.held).toBe(0)
  })

  it('through the API for headquarters too', async () => {
    const res = await who.headquarters.get('/api/reports?from=2026-11-01&to=2026-11-30')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().meetings).toMatchObject({ held: 1, reviews: 1, agencies: 1 })
  })
})

describe('the ledger export', () => {
  it('writes the held meeting with its present attendees, and its review', async () => {
    const rows = await exportRows(ctx.db, city.tenantId, false)
    const meetingRows = rows.get('meetings')!
    expect(meetingRows).toEqual([
      {
        meeting_id: held.meetingNo,
        ward: 'sakyo',
        held_on: '2026-11-24',
        agencies: [expect.any(String)],
        sections: ['健康長寿推進課'],
      },
    ])
    const agencyName = (await who.coordinator.get(`/api/meetings/${held.id}`))
      .json()
      .attendees.find((a: { unitId: string }) => a.unitId === who.agencyUnit).name
    expect(meetingRows[0]!.agencies).toEqual([agencyName])
    expect(rows.get('reviews')).toEqual([
      expect.objectContaining({
        meeting_id: held.meetingNo,
        case_id: caseNo,
        kind: 'new',
        route: 'window',
        lead: 'accompaniment',
        lead_unit: 'よりそい支援員',
        next_review_on: '2027-01-20',
      }),
    ])
  })
})
