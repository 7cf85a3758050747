import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, meetingAgenda, meetings } from '#server/db/schema/index.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { ledCase } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

/** A scheduled meeting of `ward` on `heldOn` with `caseIds` on its agenda, straight in the store. */
async function meetingWith(
  city: TestCity,
  ward: string,
  heldOn: string,
  caseIds: string[],
  no: string,
  status: 'scheduled' | 'held' = 'scheduled',
) {
  const [m] = await ctx.db
    .insert(meetings)
    .values({
      tenantId: city.tenantId,
      meetingNo: no,
      ward,
      heldOn,
      status,
      startTime: '14:00',
      place: '第1会議室',
    })
    .returning()
  if (caseIds.length > 0) {
    await ctx.db.insert(meetingAgenda).values(
      caseIds.map((caseId, i) => ({
        tenantId: city.tenantId,
        meetingId: m!.id,
        caseId,
        kind: 'continuing',
        position: i + 1,
      })),
    )
  }
  return m!.id
}

describe('the meetings ahead where my cases are discussed', () => {
  it('lists upcoming meetings with the caller’s cases on the agenda, naming only those cases, audited', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const me = await city.as('accompaniment_worker')
    const other = await city.as('accompaniment_worker')
    const mine = { lead: 'accompaniment' as const, accountId: me.user.id }
    const a = await ledCase(ctx, city, window, mine)
    const b = await ledCase(ctx, city, window, mine)
    const theirs = await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: other.user.id })
    const theirsToo = await ledCase(ctx, city, window, { lead: 'accompaniment', accountId: other.user.id })
    // Today is 2026-11-24 (Tokyo): a meeting today counts, yesterday's does not.
    const later = await meetingWith(city, 'sakyo', '2026-12-08', [theirs.id, b.id], 'sakyo-20261208')
    const today = await meetingWith(city, 'kita', '2026-11-24', [a.id], 'kita-20261124')
    await meetingWith(city, 'sakyo', '2026-11-23', [a.id], 'sakyo-20261123', 'held')
    await meetingWith(city, 'sakyo', '2026-12-15', [theirsToo.id], 'sakyo-20261215')

    const res = await me.get('/api/my-cases/meetings')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      today: '2026-11-24',
      items: [
        {
          meetingId: today,
          heldOn: '2026-11-24',
          startTime: '14:00',
          place: '第1会議室',
          wardName: '北区',
          cases: [{ id: a.id, caseNo: a.caseNo, name: '山田 太郎' }],
        },
        {
          meetingId: later,
          heldOn: '2026-12-08',
          startTime: '14:00',
          place: '第1会議室',
          wardName: '左京区',
          // The other worker's case on the same agenda is not named, nor counted.
          cases: [{ id: b.id, caseNo: b.caseNo, name: '山田 太郎' }],
        },
      ],
    })
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'my_cases.meetings')))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: me.user.id, detail: { meetings: 2, cases: 2 } })

    // The other worker sees their own cases, never this worker's.
    const theirView = (await other.get('/api/my-cases/meetings')).json()
    expect(theirView.items.map((m: { cases: { id: string }[] }) => m.cases.map((c) => c.id))).toEqual([
      [theirs.id],
      [theirsToo.id],
    ])
  })

  it('answers an empty list when nothing is ahead, and refuses roles without cases of their own', async () => {
    const city = await ctx.newCity()
    const me = await city.as('accompaniment_worker')
    expect((await me.get('/api/my-cases/meetings')).json()).toEqual({ today: '2026-11-24', items: [] })
    for (const role of ['window_counsellor', 'headquarters', 'admin'] as const) {
      expect((await (await city.as(role)).get('/api/my-cases/meetings')).statusCode, role).toBe(403)
    }
  })
})
