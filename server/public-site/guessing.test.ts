import { and, eq } from 'drizzle-orm'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, inquiryThreads } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { createTestContext, type TestContext, testAppConfig } from '#server/test/harness.ts'
import { publicSite } from './index.ts'
import { browser, GOOD_PASSPHRASE, openConsultation } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function threadOf(tenantId: string) {
  const [row] = await withTenant(tenantId, () =>
    ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.tenantId, tenantId)),
  )
  return row!
}

describe('guessing a passphrase', () => {
  it('holds at five wrong tries per code, however many arrive at once, then refuses even the right one', async () => {
    const city = await ctx.newCity()
    const { code } = await openConsultation(browser(ctx.app), city.tenantId)
    const start = ctx.clock.now()

    // 30 tries at once, each from its own address, so only the per-code limit can stop them.
    const tries = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const b = browser(ctx.app, `192.0.2.${i + 1}`)
        await b.get(`/soudan/${city.tenantId}/return`)
        return b.post(`/soudan/${city.tenantId}/return`, { code, passphrase: `まちがい その ${i}` })
      }),
    )
    expect(tries.every((r) => r.statusCode === 401 && r.body.includes('受付番号か合言葉がちがいます'))).toBe(
      true,
    )
    const locked = await threadOf(city.tenantId)
    expect(locked.failedAttempts).toBe(5)
    expect(locked.lockedUntil).toEqual(new Date(start.getTime() + 15 * 60_000))
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'inquiry.code_locked')))
    expect(audits).toHaveLength(1)

    // Locked: the right passphrase gets the same answer as a wrong one, and counts nothing.
    const owner = browser(ctx.app)
    await owner.get(`/soudan/${city.tenantId}/return`)
    const refused = await owner.post(`/soudan/${city.tenantId}/return`, { code, passphrase: GOOD_PASSPHRASE })
    expect(refused.statusCode).toBe(401)
    expect((await threadOf(city.tenantId)).failedAttempts).toBe(5)

    // Once the lock has passed, one more wrong try locks it again, for twice as long.
    ctx.clock.set(new Date(start.getTime() + 16 * 60_000))
    await owner.post(`/soudan/${city.tenantId}/return`, { code, passphrase: 'まだ まちがい です' })
    const relocked = await threadOf(city.tenantId)
    expect(relocked.failedAttempts).toBe(6)
    expect(relocked.lockedUntil).toEqual(new Date(start.getTime() + (16 + 30) * 60_000))

    // After that, the right passphrase opens the thread and the count starts again.
    ctx.clock.set(new Date(start.getTime() + 47 * 60_000))
    const opened = await owner.post(`/soudan/${city.tenantId}/return`, { code, passphrase: GOOD_PASSPHRASE })
    expect(opened.statusCode).toBe(303)
    const reset = await threadOf(city.tenantId)
    expect(reset.failedAttempts).toBe(0)
    expect(reset.lockedUntil).toBeNull()
  })

  it('limits code + passphrase tries per address across codes (public entry point, its own cookies and CSRF)', async () => {
    const city = await ctx.newCity()
    const app = Fastify()
    await publicSite(
      app,
      { db: ctx.db, clock: ctx.clock, config: testAppConfig({ defaultCity: city.tenantId }) },
      { limits: { comeBack: 3 }, redirectRoot: true },
    )
    await app.ready()
    try {
      expect((await app.inject({ method: 'GET', url: '/' })).headers.location).toBe(
        `/soudan/${city.tenantId}/`,
      )
      const b = browser(app, '192.0.2.200')
      await b.get(`/soudan/${city.tenantId}/return`)
      const answers = []
      for (const code of ['AAAA-2222', 'BBBB-3333', 'CCCC-4444', 'DDDD-5555']) {
        answers.push(await b.post(`/soudan/${city.tenantId}/return`, { code, passphrase: GOOD_PASSPHRASE }))
      }
      expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 429])
      expect(answers[3]!.body).toContain('短い時間にたくさん送信されたため')
      // Another address is not held back.
      const other = browser(app, '192.0.2.201')
      await other.get(`/soudan/${city.tenantId}/return`)
      expect(
        (await other.post(`/soudan/${city.tenantId}/return`, { code: 'EEEE-6666', passphrase: 'x' }))
          .statusCode,
      ).toBe(401)
    } finally {
      await app.close()
    }
  })
})
