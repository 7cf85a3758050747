import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inquiryThreads } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { insertThread } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('claiming a thread happens once', () => {
  it('of many counsellors claiming at the same moment, exactly one wins and the others get 409', async () => {
    const city = await ctx.newCity()
    const counsellors = []
    for (let i = 1; i <= 12; i++)
      counsellors.push(await city.as('window_counsellor', { name: `相談員 ${i}` }))
    for (let round = 0; round < 3; round++) {
      const thread = await insertThread(ctx.db, city.tenantId)
      const answers = await Promise.all(counsellors.map((s) => s.post(`/api/inquiries/${thread.id}/claim`)))
      const won = answers.flatMap((r, i) => (r.statusCode === 200 ? [i] : []))
      expect(won).toHaveLength(1)
      const winner = counsellors[won[0]!]!
      const lost = answers.filter((r) => r.statusCode !== 200)
      expect(lost.map((r) => r.statusCode)).toEqual(Array(11).fill(409))
      for (const r of lost) expect(r.json().detail).toBe(`相談員 ${won[0]! + 1}さんが既に担当しています`)
      const [row] = await ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.id, thread.id))
      expect(row!.claimedBy).toBe(winner.user.id)
      // One update: the version moved once.
      expect(row!.version).toBe(2)
    }
  })

  it('a reply and a claim racing for an unclaimed thread leave it with one counsellor', async () => {
    const city = await ctx.newCity()
    const a = await city.as('window_counsellor')
    const b = await city.as('window_counsellor')
    const thread = await insertThread(ctx.db, city.tenantId)
    const [replied, claimed] = await Promise.all([
      a.post(`/api/inquiries/${thread.id}/replies`, { body: 'お返事します', minutes: 5 }),
      b.post(`/api/inquiries/${thread.id}/claim`),
    ])
    const [row] = await ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.id, thread.id))
    if (replied.statusCode === 201) {
      expect(claimed.statusCode).toBe(409)
      expect(row!.claimedBy).toBe(a.user.id)
    } else {
      expect([replied.statusCode, claimed.statusCode]).toEqual([409, 200])
      expect(row!.claimedBy).toBe(b.user.id)
    }
  })
})
