// The server's own log (the app's pino logger, as serve.ts hands it to the worker) while notices
// go out, are refused and give up: counts, ids and relay errors, never an address, a code, a
// nickname or a passphrase.
import { Writable } from 'node:stream'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailOutbox } from '#server/db/schema/index.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { createMailer } from '#server/platform/mailer.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { insertThread, startTestRelay, type TestRelay } from './mail.fixtures.ts'
import { claimDueMail, markAttemptFailed } from './outbox.repository.ts'
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS, sendDueMail } from './send-due.ts'

const RESIDENT = 'resident.person@example.test'
const SECRETS = [RESIDENT, 'K7QX2F9M', '山田花子', 'ひみつの合言葉']
const lines: string[] = []
let ctx: TestContext
let relay: TestRelay

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  ctx = await createTestContext({ logStream })
  relay = await startTestRelay()
})
afterAll(async () => {
  await relay.close()
  await ctx?.close()
})

/** A thread with the secrets on it; each call queues one more "reply waiting" notice for it. */
async function residentThread(tenantId: string) {
  const threadId = await insertThread(ctx.db, {
    tenantId,
    code: SECRETS[1],
    nickname: SECRETS[2],
    noticeAddress: RESIDENT,
    now: ctx.clock.now(),
  })
  return () => queueNotice(tenantId, threadId)
}

async function queueNotice(tenantId: string, threadId: string) {
  await enqueueMail(ctx.db, {
    tenantId,
    kind: 'inquiry_reply_waiting',
    toAddress: RESIDENT,
    threadId,
    now: ctx.clock.now(),
  })
}

describe('the server log', () => {
  it('never holds an address, code, nickname or passphrase, whether mail goes out, is refused or gives up', async () => {
    const city = await ctx.newCity()
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' })
    const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'http://localhost', log: ctx.app.log }
    try {
      const queue = await residentThread(city.tenantId)
      await queue()
      await sendDueMail(deps)
      relay.mode = 'refuse'
      await queue()
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await sendDueMail(deps)
        ctx.clock.advance(RETRY_DELAYS_MS[attempt - 1] ?? 0)
      }
    } finally {
      relay.mode = 'accept'
      mailer.close()
    }
    const log = lines.join('')
    expect(log).toContain('mail: outbox pass')
    expect(log).toContain('mail: not sent, will retry')
    expect(log).toContain('mail: not sent, given up')
    expect(log).toContain('Relay access denied')
    expect(log).not.toContain('@')
    for (const secret of SECRETS) expect(log).not.toContain(secret)
  })
})

describe('a worker that died mid-send', () => {
  it('leaves its rows to others once the lease runs out; its late "sent" changes nothing', async () => {
    const city = await ctx.newCity()
    await (await residentThread(city.tenantId))()
    // A worker claims the row and is never heard of again.
    const now = ctx.clock.now()
    const [stale] = await claimDueMail(ctx.db, now, new Date(now.getTime() + CLAIM_LEASE_MS), 10)
    expect(stale).toBeDefined()
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' })
    const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'http://localhost', log: ctx.app.log }
    try {
      relay.received.length = 0
      expect((await sendDueMail(deps)).sent).toBe(0)
      ctx.clock.advance(CLAIM_LEASE_MS)
      expect((await sendDueMail(deps)).sent).toBe(1)
      expect(relay.received).toHaveLength(1)
      // The first worker wakes up and reports a failure: the row someone else sent stays sent.
      await markAttemptFailed(ctx.db, stale!, 'ETIMEDOUT', null)
      const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.id, stale!.id))
      expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    } finally {
      mailer.close()
    }
  })
})
