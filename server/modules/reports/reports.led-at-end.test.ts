import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresPool } from '#server/db/client.ts'
import { meetings, reviews, supportPlans } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { computeReport } from './compute-report.ts'
import { caseIdAt, recordsFor } from './test-support.ts'

// ledAtEnd's "latest review" when two meetings of one day reviewed a case and the reviews were
// recorded at the same moment, as an import records them (docs/report-rules.md, よりそい支援員).
// It was whichever the sort met last, and differed between PostgreSQL and PGlite on one ledger.

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2021-03-01', to: '2021-04-30' }
const DAY = '2021-04-10'
const RECORDED = new Date('2021-04-12T01:00:00Z')

type Review = { meetingNo: string; startTime: string | null; lead: string; recorded?: Date }

describe('the lead at the end between reviews of one day', () => {
  it('goes by the later start, a meeting without one counting as earlier, then the greater meeting number, once recorded at the same moment', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const caseReviewedAt = async (...reviews: Review[]) => {
      const caseId = await r.addCase()
      for (const review of reviews) {
        const [m] = await ctx.db
          .insert(meetings)
          .values({
            tenantId: city.tenantId,
            meetingNo: review.meetingNo,
            ward: 'kita',
            heldOn: DAY,
            startTime: review.startTime,
          })
          .returning({ id: meetings.id })
        await r.addReview(m!.id, caseId, { lead: review.lead, createdAt: review.recorded ?? RECORDED })
      }
    }
    // Led: the 14:00 meeting's decision is the later one, whichever was entered first.
    await caseReviewedAt(
      { meetingNo: 'A-2', startTime: '14:00', lead: 'accompaniment' },
      { meetingNo: 'A-1', startTime: '10:00', lead: 'ward_section' },
    )
    // Not led: the afternoon meeting handed it to the ward section.
    await caseReviewedAt(
      { meetingNo: 'B-1', startTime: '09:00', lead: 'accompaniment' },
      { meetingNo: 'B-2', startTime: '13:30', lead: 'ward_section' },
    )
    // Led: no start times; 'K-2' is after 'K-10' character by character.
    await caseReviewedAt(
      { meetingNo: 'K-10', startTime: null, lead: 'ward_section' },
      { meetingNo: 'K-2', startTime: null, lead: 'accompaniment' },
    )
    // Not led: a meeting with a start time is later than one without.
    await caseReviewedAt(
      { meetingNo: 'D-2', startTime: null, lead: 'accompaniment' },
      { meetingNo: 'D-1', startTime: '10:00', lead: 'ward_section' },
    )
    // Led: recorded later wins before any start time is compared.
    await caseReviewedAt(
      { meetingNo: 'E-1', startTime: '16:00', lead: 'ward_section' },
      {
        meetingNo: 'E-2',
        startTime: '09:00',
        lead: 'accompaniment',
        recorded: new Date(RECORDED.getTime() + 60_000),
      },
    )

    const pooled = await computeReport(ctx.db, city.tenantId, PERIOD)
    expect(pooled.accompaniment.ledAtEnd).toBe(3)
    const inTransaction = await ctx.db.transaction((tx) => computeReport(tx, city.tenantId, PERIOD))
    expect(inTransaction.accompaniment.ledAtEnd).toBe(3)
  })
})

describe('the lead at the end on the last day', () => {
  it('counts a decision of a meeting held on `to`, not a case closed on `to` or opened after it', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const onTheLastDay = await r.addMeeting('kita', PERIOD.to)
    const before = await r.addMeeting('kita', '2021-03-20')
    // Led: handed to the ward section before, to よりそい支援員 by the meeting held on the last day.
    const decidedOnTheLastDay = await r.addCase({ openedOn: '2021-03-01' })
    await r.addReview(before, decidedOnTheLastDay, { lead: 'ward_section' })
    await r.addReview(onTheLastDay, decidedOnTheLastDay, { lead: 'accompaniment' })
    // Not led: closed on the last day, so not open at the end.
    const closedOnTheLastDay = await r.addCase({ openedOn: '2021-03-01', closedOn: PERIOD.to })
    await r.addReview(before, closedOnTheLastDay)
    // Not led: reviewed (as a ledger may record it) but opened only after the end.
    const openedAfter = await r.addCase({ openedOn: '2021-05-01' })
    await r.addReview(before, openedAfter)
    // Led: the plain case.
    await r.addReview(before, await r.addCase({ openedOn: '2021-03-01' }))

    const pooled = await computeReport(ctx.db, city.tenantId, PERIOD)
    expect(pooled.accompaniment.ledAtEnd).toBe(2)
    const inTransaction = await ctx.db.transaction((tx) => computeReport(tx, city.tenantId, PERIOD))
    expect(inTransaction.accompaniment.ledAtEnd).toBe(2)
  })
})

// On a PostgreSQL pool the cases are counted in two halves of their ids side by side
// (accompaniment.sql.ts, caseHalves); in a transaction, and on PGlite, in one statement.
describe('the lead at the end counted in halves of the cases', () => {
  it('gives the figures of one statement: cases led and their goals summed over both halves', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const caseAt = (first: string) =>
      r.addCase({ id: caseIdAt(city.tenantId, first), openedOn: '2021-03-01' })
    const [low, middle, high, lastLow] = [
      await caseAt('00000000'),
      await caseAt('80000000'),
      await caseAt('f0000000'),
      await caseAt('7fffffff'),
    ]
    const march = await r.addMeeting('kita', '2021-03-20')
    const april = await r.addMeeting('kita', '2021-04-10')
    for (const id of [low, middle, high]) await r.addReview(march, id)
    // The last lead of the low half's last case is the ward section's.
    await r.addReview(march, lastLow)
    await r.addReview(april, lastLow, { lead: 'ward_section' })
    await ctx.db.insert(supportPlans).values([
      { tenantId: city.tenantId, caseId: low, goals: ['employment', 'ibasho'] },
      { tenantId: city.tenantId, caseId: middle, goals: ['ibasho'] },
      { tenantId: city.tenantId, caseId: high, goals: ['ibasho'] },
      { tenantId: city.tenantId, caseId: lastLow, goals: ['employment'] },
    ])

    const pooled = await computeReport(ctx.db, city.tenantId, PERIOD)
    const inOneStatement = await ctx.db.transaction((tx) => computeReport(tx, city.tenantId, PERIOD))
    expect(pooled).toEqual(inOneStatement)
    expect(pooled.accompaniment.ledAtEnd).toBe(3)
    expect(pooled.accompaniment.goals).toMatchObject({ employment: 1, ibasho: 3 })
  })
})

// The reviews carry their meeting's date, status, start time and number (migration 0042's
// triggers), which is what the lead at the end is read by: a meeting changed after its reviews
// were written must move them.
describe('the lead at the end after a meeting changes', () => {
  it('follows a meeting rescheduled, not yet held, renumbered or given a start time; a review moved to another meeting; a write that names other values', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const ledAtEnd = async () => {
      const pooled = await computeReport(ctx.db, city.tenantId, PERIOD)
      const inTransaction = await ctx.db.transaction((tx) => computeReport(tx, city.tenantId, PERIOD))
      expect(inTransaction.accompaniment.ledAtEnd).toBe(pooled.accompaniment.ledAtEnd)
      return pooled.accompaniment.ledAtEnd
    }
    const meeting = (id: string) => and(eq(meetings.tenantId, city.tenantId), eq(meetings.id, id))
    const caseId = await r.addCase({ openedOn: '2021-03-01' })
    const early = await r.addMeeting('kita', '2021-03-20')
    const late = await r.addMeeting('kita', '2021-04-10')
    await r.addReview(early, caseId, { lead: 'accompaniment', createdAt: RECORDED })
    await r.addReview(late, caseId, { lead: 'ward_section', createdAt: RECORDED })
    expect(await ledAtEnd()).toBe(0)

    // Rescheduled before the other: the other's decision is now the latest.
    await ctx.db.update(meetings).set({ heldOn: '2021-03-10' }).where(meeting(late))
    expect(await ledAtEnd()).toBe(1)
    // Back after it, then not yet held: a meeting only scheduled decides nothing.
    await ctx.db.update(meetings).set({ heldOn: '2021-04-10' }).where(meeting(late))
    expect(await ledAtEnd()).toBe(0)
    await ctx.db.update(meetings).set({ status: 'scheduled' }).where(meeting(late))
    expect(await ledAtEnd()).toBe(1)
    // Held on the same day as the other: the later start decides, then the greater number.
    await ctx.db.update(meetings).set({ status: 'held', heldOn: '2021-03-20' }).where(meeting(late))
    await ctx.db.update(meetings).set({ startTime: '10:00' }).where(meeting(early))
    expect(await ledAtEnd()).toBe(1)
    await ctx.db.update(meetings).set({ startTime: '10:00' }).where(meeting(late))
    await ctx.db.update(meetings).set({ meetingNo: 'Z-1' }).where(meeting(early))
    expect(await ledAtEnd()).toBe(1)
    await ctx.db.update(meetings).set({ meetingNo: 'ZZ-1' }).where(meeting(late))
    expect(await ledAtEnd()).toBe(0)

    // A review moved to a meeting after the end decides nothing at the end.
    const after = await r.addMeeting('kita', '2021-06-01')
    await ctx.db
      .update(reviews)
      .set({ meetingId: after })
      .where(and(eq(reviews.tenantId, city.tenantId), eq(reviews.meetingId, late)))
    expect(await ledAtEnd()).toBe(1)
    // What a write puts in the meeting's columns is replaced by the meeting's own.
    await ctx.db
      .update(reviews)
      .set({ meetingHeldOn: '2021-04-30', meetingStatus: 'held', meetingNo: 'ZZZ' })
      .where(and(eq(reviews.tenantId, city.tenantId), eq(reviews.meetingId, after)))
    expect(await ledAtEnd()).toBe(1)
    const [moved] = await ctx.db
      .select({ heldOn: reviews.meetingHeldOn, status: reviews.meetingStatus, no: reviews.meetingNo })
      .from(reviews)
      .where(and(eq(reviews.tenantId, city.tenantId), eq(reviews.meetingId, after)))
    const [own] = await ctx.db
      .select({ heldOn: meetings.heldOn, status: meetings.status, no: meetings.meetingNo })
      .from(meetings)
      .where(meeting(after))
    expect(moved).toEqual(own)
  })
})

/** A statement waiting for a lock, in this test's database (other files run beside it). */
const WAITING = sql`select 1 from pg_stat_activity
  where datname = current_database() and wait_event_type = 'Lock'`

describe('a review written while its meeting changes', () => {
  it('takes the meeting as it is once the change commits', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const caseId = await r.addCase({ openedOn: '2021-03-01' })
    const meetingId = await r.addMeeting('kita', '2021-04-10')
    let written: Promise<void> | undefined
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(meetings)
        .set({ heldOn: '2021-03-05' })
        .where(and(eq(meetings.tenantId, city.tenantId), eq(meetings.id, meetingId)))
      // Another request records a decision of that meeting before the change commits. On
      // PostgreSQL it is seen waiting for the change's lock before the commit; on
      // PGlite, one connection, it runs after the transaction anyway.
      written = r.addReview(meetingId, caseId)
      if (postgresPool(ctx.db))
        await expect
          .poll(async () => ((await tx.execute(WAITING)) as unknown as { rows: unknown[] }).rows.length, {
            timeout: 10_000,
          })
          .toBe(1)
    })
    await written
    const [copy] = await ctx.db
      .select({ heldOn: reviews.meetingHeldOn })
      .from(reviews)
      .where(and(eq(reviews.tenantId, city.tenantId), eq(reviews.meetingId, meetingId)))
    expect(copy).toEqual({ heldOn: '2021-03-05' })
  })
})
