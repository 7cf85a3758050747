import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { contacts, inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { buildPublicApp } from '#server/public-app.ts'
import { createTestContext, type TestContext, testAppConfig } from '#server/test/harness.ts'
import { createPublicRole, type PublicRole } from '#server/test/public-role.ts'
import { browser, openConsultation } from './test-support.ts'

// Behind `npm run public` the database role may not write contacts (server/db/public-role.ts):
// a resident's follow-up to a thread that belongs to a case must still be kept — uncounted, for
// the staff server's upkeep to count — and the resident must not see an error.
let ctx: TestContext
let publicRole: PublicRole
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  publicRole = await createPublicRole(ctx)
})
afterAll(async () => {
  await publicRole?.close()
  await ctx.close()
  await publicRole?.drop()
})

it('keeps a follow-up to a case’s thread, uncounted, when the public role may not write contacts', async () => {
  const city = await ctx.newCity()
  const counsellor = await city.as('window_counsellor')
  const config = testAppConfig({ defaultCity: city.tenantId })
  // On PGlite the one connection is the public role inside inCity: staff act outside it.
  const asPublic = <T>(fn: (app: Awaited<ReturnType<typeof buildPublicApp>>) => Promise<T>) =>
    publicRole.inCity(city.tenantId, async (db) => {
      const app = await buildPublicApp({ db, clock: ctx.clock, config })
      try {
        return await fn(app)
      } finally {
        await app.close()
      }
    })
  const cookie = await asPublic(async (app) => {
    const b = browser(app)
    await openConsultation(b, city.tenantId, { who: 'self' })
    return b.cookie
  })
  const [thread] = await withTenant(city.tenantId, () =>
    ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.tenantId, city.tenantId)),
  )
  const opened = await counsellor.post(`/api/inquiries/${thread!.id}/case`, {
    urgency: 'early',
    concerns: ['work'],
  })
  expect(opened.statusCode, opened.body).toBe(201)

  ctx.clock.advance(60_000)
  await asPublic(async (app) => {
    const b = browser(app)
    b.cookie = cookie
    await b.get(`/soudan/${city.tenantId}/thread`)
    const again = await b.post(`/soudan/${city.tenantId}/thread`, { body: '続きを書きます。' })
    expect(again.statusCode).toBe(303)
    expect((await b.follow(again)).body).toContain('続きを書きます。')
  })
  const messages = await withTenant(city.tenantId, () =>
    ctx.db
      .select()
      .from(inquiryMessages)
      .where(eq(inquiryMessages.threadId, thread!.id))
      .orderBy(inquiryMessages.createdAt),
  )
  expect(messages.map((m) => [m.body, m.contactId === null])).toEqual([
    [expect.any(String), false],
    ['続きを書きます。', true],
  ])
  const counted = await withTenant(city.tenantId, () =>
    ctx.db.select().from(contacts).where(eq(contacts.caseId, opened.json().caseId)),
  )
  expect(counted).toHaveLength(1)
})
