// A relay that refuses or never answers: the reply stays saved, the notice stays in the outbox and
// is tried again after 1 min, 5 min, 30 min and 2 h, then given up with the relay's error kept
// (without addresses) for staff to see.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inquiryMessages, mailOutbox } from '#server/db/schema/index.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { createMailer } from '#server/platform/mailer.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { captureLog, insertThread, startSilentServer, startTestRelay } from './mail.fixtures.ts'
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, sendDueMail } from './send-due.ts'

const RESIDENT = 'resident.person@example.test'
const QUICK = { connectionMs: 500, greetingMs: 300, socketMs: 300 }

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx?.close()
})

async function threadWithReply() {
  const city = await ctx.newCity()
  const threadId = await insertThread(ctx.db, {
    tenantId: city.tenantId,
    noticeAddress: RESIDENT,
    now: ctx.clock.now(),
  })
  await ctx.db.transaction(async (tx) => {
    await tx.insert(inquiryMessages).values({
      tenantId: city.tenantId,
      threadId,
      author: 'staff',
      body: '返信です',
      createdAt: ctx.clock.now(),
    })
    await enqueueMail(tx, {
      tenantId: city.tenantId,
      kind: 'inquiry_reply_waiting',
      toAddress: RESIDENT,
      threadId,
      now: ctx.clock.now(),
    })
  })
  return threadId
}

async function outboxOf(threadId: string) {
  const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.threadId, threadId))
  return row!
}

describe('a relay that refuses (5xx)', () => {
  it('keeps the notice, retries it with growing pauses, finally gives up with the error, and the reply stays', async () => {
    const relay = await startTestRelay('refuse')
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' }, QUICK)
    const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'http://localhost', log: captureLog() }
    try {
      const threadId = await threadWithReply()
      const start = ctx.clock.now().getTime()

      expect(await sendDueMail(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 })
      let row = await outboxOf(threadId)
      expect(row).toMatchObject({ status: 'pending', attempts: 1 })
      expect(row.nextAttemptAt.getTime()).toBe(start + 60_000)
      expect(row.lastError).toMatch(/554/)
      expect(row.lastError).toContain('Relay access denied')
      expect(row.lastError).not.toContain('@')

      // Not yet due: nothing is tried.
      ctx.clock.advance(59_000)
      expect(await sendDueMail(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 })

      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        ctx.clock.set(row.nextAttemptAt)
        const before = ctx.clock.now().getTime()
        await sendDueMail(deps)
        row = await outboxOf(threadId)
        expect(row.attempts).toBe(attempt)
        if (attempt < MAX_ATTEMPTS) {
          expect(row.status).toBe('pending')
          expect(row.nextAttemptAt.getTime() - before).toBe(RETRY_DELAYS_MS[attempt - 1])
        }
      }
      expect(row).toMatchObject({ status: 'failed', attempts: 5, sentAt: null })
      expect(row.lastError).toContain('Relay access denied')
      expect(relay.received).toHaveLength(0)

      // Given up is given up: a relay that works again later does not resurrect it.
      relay.mode = 'accept'
      ctx.clock.advance(24 * 3_600_000)
      expect(await sendDueMail(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 })

      const messages = await ctx.db
        .select()
        .from(inquiryMessages)
        .where(eq(inquiryMessages.threadId, threadId))
      expect(messages.map((m) => m.author)).toEqual(['resident', 'staff'])
    } finally {
      mailer.close()
      await relay.close()
    }
  })

  it('sends on a later attempt once the relay takes it, clearing the error', async () => {
    const relay = await startTestRelay('refuse')
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' }, QUICK)
    const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'http://localhost', log: captureLog() }
    try {
      const threadId = await threadWithReply()
      await sendDueMail(deps)
      relay.mode = 'accept'
      ctx.clock.advance(60_000)
      expect(await sendDueMail(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 })
      expect(await outboxOf(threadId)).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
      expect(relay.received.map((m) => m.to)).toEqual([[RESIDENT]])
    } finally {
      mailer.close()
      await relay.close()
    }
  })
})

describe('a relay that never answers', () => {
  it('times out after the message was handed over (no reply to DATA), and the notice waits for its retry', async () => {
    const relay = await startTestRelay('hang')
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' }, QUICK)
    const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'http://localhost', log: captureLog() }
    try {
      const threadId = await threadWithReply()
      const started = Date.now()
      expect(await sendDueMail(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 })
      expect(Date.now() - started).toBeLessThan(5_000)
      const row = await outboxOf(threadId)
      expect(row).toMatchObject({ status: 'pending', attempts: 1 })
      expect(row.lastError).toMatch(/ETIMEDOUT|timeout/i)
    } finally {
      mailer.close()
      await relay.close()
    }
  })

  it('times out when the server never greets, and the notice waits for its retry', async () => {
    const silent = await startSilentServer()
    const mailer = createMailer({ smtpUrl: silent.url, mailFrom: 'soudan@city.example.lg.jp' }, QUICK)
    const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'http://localhost', log: captureLog() }
    try {
      const threadId = await threadWithReply()
      expect(await sendDueMail(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 })
      const row = await outboxOf(threadId)
      expect(row).toMatchObject({ status: 'pending', attempts: 1 })
      expect(row.lastError).toMatch(/ETIMEDOUT|timeout/i)
    } finally {
      mailer.close()
      await silent.close()
    }
  })
})
