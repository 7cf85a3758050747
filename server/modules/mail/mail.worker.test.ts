// Workers that run at the same time — two in one process, and on PostgreSQL two with their own
// connections as two processes would — send each mail exactly once. The server's periodic worker
// sends on its own and stops when told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#server/db/client.ts'
import { mailOutbox } from '#server/db/schema/index.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { createMailer } from '#server/platform/mailer.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { captureLog, startTestRelay, type TestRelay } from './mail.fixtures.ts'
import { startMailWorker } from './mail-worker.ts'
import { sendDueMail } from './send-due.ts'

let ctx: TestContext
let relay: TestRelay
beforeAll(async () => {
  ctx = await createTestContext()
  relay = await startTestRelay()
})
afterAll(async () => {
  await relay.close()
  await ctx?.close()
})

async function queue(tenantId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await enqueueMail(ctx.db, {
      tenantId,
      kind: 'staff_new_inquiry',
      toAddress: `staff${i}@${tenantId}.example.test`,
      threadId: null,
      now: ctx.clock.now(),
    })
  }
}

describe('concurrent workers', () => {
  it('send every due mail exactly once', async () => {
    relay.received.length = 0
    const city = await ctx.newCity()
    await queue(city.tenantId, 45)
    // On PostgreSQL a second connection pool, as a second process (`mail send-due` beside the server) has.
    const other = ctx.databaseUrl ? await openDatabase({ url: ctx.databaseUrl }) : null
    const mailers = [0, 1, 2].map(() =>
      createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' }),
    )
    try {
      const dbs = [ctx.db, ctx.db, other?.db ?? ctx.db]
      const results = await Promise.all(
        dbs.map((db, i) =>
          sendDueMail({
            db,
            clock: ctx.clock,
            mailer: mailers[i]!,
            publicUrl: 'http://localhost',
            log: captureLog(),
          }),
        ),
      )
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(45)
      const recipients = relay.received.map((m) => m.to[0]!)
      expect(recipients).toHaveLength(45)
      expect(new Set(recipients).size).toBe(45)
      const rows = await ctx.db.select().from(mailOutbox)
      const ours = rows.filter((r) => r.tenantId === city.tenantId)
      expect(ours.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true)
    } finally {
      for (const m of mailers) m.close()
      await other?.close()
    }
  })
})

describe('the server’s worker', () => {
  it('sends on its interval until stopped, and nothing after', async () => {
    relay.received.length = 0
    const city = await ctx.newCity()
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' })
    const worker = startMailWorker({
      db: ctx.db,
      clock: ctx.clock,
      mailer,
      publicUrl: 'http://localhost',
      log: captureLog(),
      intervalMs: 20,
    })
    try {
      await queue(city.tenantId, 2)
      await expect.poll(() => relay.received.length, { timeout: 5_000 }).toBe(2)
      await worker.stop()
      await queue(city.tenantId, 1)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(relay.received).toHaveLength(2)
    } finally {
      await worker.stop()
      mailer.close()
    }
  })
})
