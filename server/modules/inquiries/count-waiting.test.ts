import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { fixedClock } from '#server/platform/clock.ts'
import { buildPublicApp } from '#server/public-app.ts'
import { browser, GOOD_PASSPHRASE, openConsultation } from '#server/public-site/test-support.ts'
import { createTestContext, type TestCity, type TestContext, testAppConfig } from '#server/test/harness.ts'
import { createPublicRole, type PublicRole } from '#server/test/public-role.ts'
import { countWaitingResidentMessages } from './count-waiting.ts'

// Behind `npm run public` the resident's follow-up to a thread that belongs to a case is stored
// uncounted (the public role may not write contacts); the staff server's upkeep counts it.
let ctx: TestContext
let city: TestCity
let publicRole: PublicRole
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  city = await ctx.newCity()
  publicRole = await createPublicRole(ctx)
})
afterAll(async () => {
  await publicRole?.close()
  await ctx.close()
  await publicRole?.drop()
})

const clock = fixedClock(new Date('2026-11-24T01:00:00Z'))

/** A resident's visit to the public entry point, running as the public role. */
function onPublicSite<T>(fn: (app: Awaited<ReturnType<typeof buildPublicApp>>) => Promise<T>) {
  return publicRole.inCity(city.tenantId, async (db) => {
    const app = await buildPublicApp({ db, clock, config: testAppConfig({ defaultCity: city.tenantId }) })
    try {
      return await fn(app)
    } finally {
      await app.close()
    }
  })
}

async function writeAgain(code: string, body: string) {
  await onPublicSite(async (app) => {
    const b = browser(app)
    await b.get(`/soudan/${city.tenantId}/return`)
    await b.follow(await b.post(`/soudan/${city.tenantId}/return`, { code, passphrase: GOOD_PASSPHRASE }))
    const sent = await b.post(`/soudan/${city.tenantId}/thread`, { body })
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
  })
}

const messagesOf = (threadId: string) =>
  withTenant(city.tenantId, () =>
    ctx.db
      .select({ body: inquiryMessages.body, contactId: inquiryMessages.contactId })
      .from(inquiryMessages)
      .where(eq(inquiryMessages.threadId, threadId)),
  )

describe("counting the public entry point's messages as メール contacts", () => {
  it('keeps a follow-up the public role could not count, and the staff server counts it once', async () => {
    const { code } = await onPublicSite((app) => openConsultation(browser(app), city.tenantId))
    const [thread] = await withTenant(city.tenantId, () =>
      ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.tenantId, city.tenantId)),
    )
    const me = await city.as('window_counsellor')
    const c = await openCase(me)
    const linked = await me.post(`/api/inquiries/${thread!.id}/case-link`, { caseId: c.id })
    expect(linked.statusCode, linked.body).toBe(200)
    const mailContacts = async () =>
      ((await me.get(`/api/cases/${c.id}/contacts`)).json() as { method: string }[]).filter(
        (x) => x.method === 'mail',
      ).length
    expect(await mailContacts()).toBe(1)

    clock.advance(60_000)
    await writeAgain(code, '続きを書きます。')
    const stored = await messagesOf(thread!.id)
    expect(stored.find((m) => m.body === '続きを書きます。')?.contactId).toBeNull()
    expect(await mailContacts()).toBe(1)

    expect(await countWaitingResidentMessages(ctx.db, clock)).toBe(1)
    expect((await messagesOf(thread!.id)).every((m) => m.contactId !== null)).toBe(true)
    expect(await mailContacts()).toBe(2)
    expect(await countWaitingResidentMessages(ctx.db, clock)).toBe(0)

    // Two runs at once (two staff servers, or one and a staff reply) make one contact of it.
    clock.advance(60_000)
    await writeAgain(code, 'もうひとつ。')
    const runs = await Promise.all([
      countWaitingResidentMessages(ctx.db, clock),
      countWaitingResidentMessages(ctx.db, clock),
    ])
    expect(runs[0] + runs[1]).toBe(1)
    expect(await mailContacts()).toBe(3)
  })

  it('leaves threads without a case, and spam, uncounted', async () => {
    const { code } = await onPublicSite((app) => openConsultation(browser(app), city.tenantId))
    await writeAgain(code, 'ケースのないスレッドです。')
    expect(await countWaitingResidentMessages(ctx.db, clock)).toBe(0)

    // A thread of a case that staff then marked as spam: kept, never counted.
    const { code: spamCode } = await onPublicSite((app) => openConsultation(browser(app), city.tenantId))
    const [spam] = await withTenant(city.tenantId, () =>
      ctx.db
        .select()
        .from(inquiryThreads)
        .where(eq(inquiryThreads.code, spamCode.replace('-', ''))),
    )
    const me = await city.as('window_counsellor')
    const c = await openCase(me)
    expect((await me.post(`/api/inquiries/${spam!.id}/case-link`, { caseId: c.id })).statusCode).toBe(200)
    await withTenant(city.tenantId, () =>
      ctx.db.update(inquiryThreads).set({ spam: true }).where(eq(inquiryThreads.id, spam!.id)),
    )
    await writeAgain(spamCode, '宣伝です。')
    expect(await countWaitingResidentMessages(ctx.db, clock)).toBe(0)
    expect((await messagesOf(spam!.id)).filter((m) => m.contactId === null)).toHaveLength(1)
  })
})
