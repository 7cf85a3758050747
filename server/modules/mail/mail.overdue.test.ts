// A resident's message waiting past the city's overdue hours tells the opted-in staff once per
// wait; spam, closed threads and threads with nothing waiting tell nobody.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountMailPreferences, inquiryThreads, mailOutbox } from '#server/db/schema/index.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import { insertThread } from './mail.fixtures.ts'
import { enqueueOverdueNotices } from './overdue-scan.ts'

const HOUR = 3_600_000
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx?.close()
})

async function cityWithWatcher(): Promise<TestCity> {
  const city = await ctx.newCity()
  const counsellor = await city.user('window_counsellor')
  await ctx.db.insert(accountMailPreferences).values({
    tenantId: city.tenantId,
    accountId: counsellor.id,
    address: 'watch@city.example.lg.jp',
    overdueInquiries: true,
  })
  return city
}

async function overdueRows(tenantId: string) {
  return ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.kind, 'staff_overdue')))
}

describe('the overdue scan', () => {
  it('queues one notice when a wait passes the default 48 hours, and not again for the same wait', async () => {
    const city = await cityWithWatcher()
    const now = ctx.clock.now()
    const late = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      awaitingSince: new Date(now.getTime() - 49 * HOUR),
      now,
    })
    await insertThread(ctx.db, {
      tenantId: city.tenantId,
      awaitingSince: new Date(now.getTime() - 47 * HOUR),
      now,
    })
    await insertThread(ctx.db, { tenantId: city.tenantId, awaitingSince: null, now })
    const spam = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      awaitingSince: new Date(now.getTime() - 100 * HOUR),
      now,
    })
    await ctx.db.update(inquiryThreads).set({ spam: true }).where(eq(inquiryThreads.id, spam))

    await enqueueOverdueNotices(ctx)
    await enqueueOverdueNotices(ctx)

    const rows = await overdueRows(city.tenantId)
    expect(rows.map((r) => [r.threadId, r.toAddress])).toEqual([[late, 'watch@city.example.lg.jp']])
  })

  it('follows the city’s own overdue hours', async () => {
    const city = await cityWithWatcher()
    await writeSetting(ctx.db, city.tenantId, INQUIRY_SETTING_KEYS.overdueHours, 72)
    const now = ctx.clock.now()
    await insertThread(ctx.db, {
      tenantId: city.tenantId,
      awaitingSince: new Date(now.getTime() - 49 * HOUR),
      now,
    })
    await enqueueOverdueNotices(ctx)
    expect(await overdueRows(city.tenantId)).toHaveLength(0)
    ctx.clock.advance(24 * HOUR)
    try {
      await enqueueOverdueNotices(ctx)
      expect(await overdueRows(city.tenantId)).toHaveLength(1)
    } finally {
      ctx.clock.advance(-24 * HOUR)
    }
  })

  it('tells again about a new wait that began after the last notice', async () => {
    const city = await cityWithWatcher()
    const now = ctx.clock.now()
    const threadId = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      awaitingSince: new Date(now.getTime() - 60 * HOUR),
      now,
    })
    await enqueueOverdueNotices(ctx)
    // Staff replied, the resident wrote again 50 hours ago and waits again.
    await ctx.db
      .update(inquiryThreads)
      .set({ awaitingSince: new Date(now.getTime() + HOUR) })
      .where(eq(inquiryThreads.id, threadId))
    ctx.clock.advance(50 * HOUR)
    try {
      await enqueueOverdueNotices(ctx)
      expect(await overdueRows(city.tenantId)).toHaveLength(2)
    } finally {
      ctx.clock.advance(-50 * HOUR)
    }
  })
})
