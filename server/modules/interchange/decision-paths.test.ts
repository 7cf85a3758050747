// One rule, two ways in: a case's current decision written by the meeting's decision in the app
// and by the ledger's reviews sheet must come out the same — the case's values and ward state, one
// new version, one history entry with the same changes and the meeting named as the reason.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseEvents, cases } from '#server/db/schema/index.ts'
import {
  decide,
  type MeetingCast,
  meetingCast,
  putOnAgenda,
  readCase,
  readyCase,
  schedule,
  sectionOf,
  setCase,
} from '#server/modules/meetings/test-support.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { baseLedger, importDir, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
let inApp: TestCity
let who: MeetingCast

beforeAll(async () => {
  ctx = await createTestContext()
  inApp = await ctx.newCity()
  who = await meetingCast(ctx, inApp)
})
afterAll(() => ctx.close())

type Decision = { lead: 'ward_section' | 'rediscuss'; nextReviewOn: string }

/** What the decision did to the case: its values, its version's step, its one decision entry. */
async function outcome(tenantId: string, caseId: string, versionBefore: number) {
  const row = await readCase(ctx, tenantId, caseId)
  const events = await ctx.db
    .select()
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.tenantId, tenantId),
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.action, 'meeting_decision'),
      ),
    )
  return {
    wardState: row.wardState,
    lead: row.lead,
    leadUnitId: row.leadUnitId,
    leadAccountId: row.leadAccountId,
    nextReviewOn: row.nextReviewOn,
    versionStep: row.version - versionBefore,
    events: events.map((e) => ({
      action: e.action,
      reason: e.reason,
      changes: e.changes as { field: string; from: string | null; to: string | null }[],
    })),
  }
}

/** In the app: a ward case on a meeting's agenda (in `wardState`), decided by the coordinator. */
async function decidedInApp(decision: Decision, wardState: string) {
  const c = await readyCase(ctx, who.window)
  const m = await schedule(who.coordinator, { heldOn: '2026-11-20' })
  await putOnAgenda(who.coordinator, m.id, c.id)
  await setCase(ctx, inApp.tenantId, c.id, { wardState })
  const before = await readCase(ctx, inApp.tenantId, c.id)
  const unit = decision.lead === 'ward_section' ? { leadUnitId: who.section } : {}
  await decide(who.coordinator, m.id, c.id, { ...decision, ...unit, assignments: [] })
  const result = await outcome(inApp.tenantId, c.id, before.version)
  return { result, meetingNo: m.meetingNo }
}

/** From the ledger: the case imported first, then the meeting and its review. */
async function decidedByImport(decision: Decision, wardState: string, leadUnit = '健康長寿推進課') {
  const city = await ctx.newCity()
  const dir = baseLedger(tempDir())
  rmSync(join(dir, 'meetings.csv'))
  rmSync(join(dir, 'reviews.csv'))
  expect((await importDir(ctx.db, city.tenantId, [dir])).ok).toBe(true)
  const [row] = await ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, city.tenantId), eq(cases.caseNo, '2021-00002')))
  await setCase(ctx, city.tenantId, row!.id, { wardState })
  const before = await readCase(ctx, city.tenantId, row!.id)

  writeCsv(dir, 'meetings', [
    ['meeting_id', 'ward', 'held_on', 'agencies', 'sections'],
    ['M-1', 'sakyo', '2026-11-20', '', ''],
  ])
  writeCsv(dir, 'reviews', [
    ['meeting_id', 'case_id', 'kind', 'route', 'lead', 'lead_unit', 'policy', 'next_review_on'],
    ['M-1', '2021-00002', '新規', '相談窓口', decision.lead, leadUnit, '', decision.nextReviewOn],
  ])
  const imported = await importDir(ctx.db, city.tenantId, [dir])
  expect(imported.ok).toBe(true)
  const result = await outcome(city.tenantId, row!.id, before.version)
  return { result, tenantId: city.tenantId, warnings: imported.warnings }
}

describe("a case's current decision, from the meeting and from the ledger", () => {
  it('a lead (主担当): the same values, one new version and the same history entry', async () => {
    const decision: Decision = { lead: 'ward_section', nextReviewOn: '2027-01-20' }
    const app = await decidedInApp(decision, 'ready')
    const ledger = await decidedByImport(decision, 'ready')

    expect(app.result).toEqual({
      wardState: 'ready',
      lead: 'ward_section',
      leadUnitId: who.section,
      leadAccountId: null,
      nextReviewOn: '2027-01-20',
      versionStep: 1,
      events: [
        {
          action: 'meeting_decision',
          reason: `支援調整会議 ${app.meetingNo}`,
          changes: [
            { field: 'lead', from: null, to: 'ward_section' },
            { field: 'leadUnitId', from: null, to: who.section },
            { field: 'nextReviewOn', from: null, to: '2027-01-20' },
          ],
        },
      ],
    })
    // The ledger names the lead's unit as text (lead_unit 健康長寿推進課): the importer resolves it
    // to that section of the meeting's ward, as the meeting's decision in the app names it.
    const section = await sectionOf(ctx, ledger.tenantId, 'sakyo')
    expect(ledger.result.leadUnitId).toBe(section)
    const sameShape = (r: typeof app.result, meetingNo: string, unit: string) =>
      JSON.parse(JSON.stringify(r).replaceAll(meetingNo, 'NO').replaceAll(unit, 'UNIT'))
    expect(sameShape(ledger.result, 'M-1', section)).toEqual(
      sameShape(app.result, app.meetingNo, who.section),
    )
  })

  it('a lead unit the organisation does not have: kept as text, a warning, no lead unit', async () => {
    const ledger = await decidedByImport(
      { lead: 'ward_section', nextReviewOn: '2027-01-20' },
      'ready',
      '架空課',
    )
    expect(ledger.result.leadUnitId).toBeNull()
    expect(ledger.warnings).toContainEqual(
      expect.objectContaining({
        sheet: 'reviews',
        column: 'lead_unit',
        reason: expect.stringContaining('架空課'),
      }),
    )
  })

  it('再協議: no lead, and the case back in the ward as ready for a meeting, either way', async () => {
    const decision: Decision = { lead: 'rediscuss', nextReviewOn: '2027-01-20' }
    const app = await decidedInApp(decision, 'assessing')
    const { result: ledger } = await decidedByImport(decision, 'assessing')

    expect(app.result).toMatchObject({
      wardState: 'ready',
      lead: null,
      leadUnitId: null,
      versionStep: 1,
      events: [
        {
          changes: [
            { field: 'wardState', from: 'assessing', to: 'ready' },
            { field: 'nextReviewOn', from: null, to: '2027-01-20' },
          ],
        },
      ],
    })
    expect(ledger.events[0]!.reason).toBe('支援調整会議 M-1')
    expect({ ...ledger, events: ledger.events.map((e) => e.changes) }).toEqual({
      ...app.result,
      events: app.result.events.map((e) => e.changes),
    })
  })
})
