// The counsellor's own notice settings and a thread's notice status, through the HTTP API.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountMailPreferences, auditLog } from '#server/db/schema/index.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { createMailer } from '#server/platform/mailer.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { MAIL_MESSAGES } from '#shared/contracts/mail.ts'
import { captureLog, insertThread, startTestRelay, type TestRelay } from './mail.fixtures.ts'
import { MAIL_DISABLED_MESSAGE } from './mail.service.ts'
import { sendDueMail } from './send-due.ts'

const PATH = '/api/account/mail-preferences'
let ctx: TestContext
let relay: TestRelay

beforeAll(async () => {
  relay = await startTestRelay('refuse')
  ctx = await createTestContext({ config: { smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' } })
})
afterAll(async () => {
  await ctx?.close()
  await relay.close()
})

async function auditOf(tenantId: string, action: string) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
}

describe('a counsellor’s own mail notices', () => {
  it('start off, are set with an address and the two opt-ins, and are audited without the address', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    expect((await me.get(PATH)).json()).toEqual({
      mailEnabled: true,
      address: null,
      newInquiries: false,
      overdueInquiries: false,
    })

    const put = await me.put(PATH, {
      address: ' ｍｅ@city.example.lg.jp ',
      newInquiries: true,
      overdueInquiries: false,
    })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toEqual({
      mailEnabled: true,
      address: 'me@city.example.lg.jp',
      newInquiries: true,
      overdueInquiries: false,
    })
    expect((await me.get(PATH)).json().address).toBe('me@city.example.lg.jp')

    const [audit] = await auditOf(city.tenantId, 'mail_preferences.update')
    expect(audit!.detail).toEqual({ address: 'set', newInquiries: true, overdueInquiries: false })
    expect(JSON.stringify(audit)).not.toContain('@')
  })

  it('are removed with an empty address and no opt-in', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    await me.put(PATH, { address: 'me@city.example.lg.jp', newInquiries: true, overdueInquiries: true })
    const off = await me.put(PATH, { address: '', newInquiries: false, overdueInquiries: false })
    expect(off.json()).toMatchObject({ address: null, newInquiries: false, overdueInquiries: false })
    const rows = await ctx.db
      .select()
      .from(accountMailPreferences)
      .where(eq(accountMailPreferences.tenantId, city.tenantId))
    expect(rows).toHaveLength(0)
  })

  it('refuse an opt-in without an address and a malformed address, in Japanese, writing nothing', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const missing = await me.put(PATH, { address: '', newInquiries: false, overdueInquiries: true })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors).toEqual([{ field: 'address', message: MAIL_MESSAGES.addressNeeded }])
    const malformed = await me.put(PATH, {
      address: 'me at city',
      newInquiries: true,
      overdueInquiries: false,
    })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().errors).toEqual([{ field: 'address', message: MAIL_MESSAGES.address }])
    const rows = await ctx.db
      .select()
      .from(accountMailPreferences)
      .where(eq(accountMailPreferences.tenantId, city.tenantId))
    expect(rows).toHaveLength(0)
    expect(await auditOf(city.tenantId, 'mail_preferences.update')).toHaveLength(0)
  })

  it('are for the window’s counsellors only', async () => {
    const city = await ctx.newCity()
    const ward = await city.as('ward_staff')
    expect((await ward.get(PATH)).statusCode).toBe(403)
    const put = await ward.put(PATH, {
      address: 'w@city.example.lg.jp',
      newInquiries: true,
      overdueInquiries: true,
    })
    expect(put.statusCode).toBe(403)
  })
})

describe('a thread’s notice status', () => {
  it('shows a refused notice as pending with its attempts and error, no address, for the window’s counsellors of the city only', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const threadId = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      noticeAddress: 'resident@example.test',
      now: ctx.clock.now(),
    })
    await enqueueMail(ctx.db, {
      tenantId: city.tenantId,
      kind: 'inquiry_reply_waiting',
      toAddress: 'resident@example.test',
      threadId,
      now: ctx.clock.now(),
    })
    const mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' })
    try {
      await sendDueMail({
        db: ctx.db,
        clock: ctx.clock,
        mailer,
        publicUrl: 'http://localhost',
        log: captureLog(),
      })
    } finally {
      mailer.close()
    }

    const res = await me.get(`/api/inquiries/${threadId}/notices`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.mailEnabled).toBe(true)
    expect(body.notices).toHaveLength(1)
    expect(body.notices[0]).toMatchObject({
      kind: 'inquiry_reply_waiting',
      recipient: 'resident',
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(ctx.clock.now().getTime() + 60_000).toISOString(),
      sentAt: null,
    })
    expect(body.notices[0].lastError).toContain('Relay access denied')
    expect(res.body).not.toContain('@')
    expect(await auditOf(city.tenantId, 'inquiry.notices_read')).toHaveLength(1)

    const ward = await city.as('ward_staff')
    expect((await ward.get(`/api/inquiries/${threadId}/notices`)).statusCode).toBe(403)
    const other = await (await ctx.newCity()).as('window_counsellor')
    expect((await other.get(`/api/inquiries/${threadId}/notices`)).statusCode).toBe(404)
  })
})

describe('without an SMTP relay', () => {
  it('says mail is off and refuses opt-ins', async () => {
    const off = await createTestContext()
    try {
      const me = await (await off.newCity()).as('window_counsellor')
      expect((await me.get(PATH)).json().mailEnabled).toBe(false)
      const put = await me.put(PATH, {
        address: 'me@city.example.lg.jp',
        newInquiries: true,
        overdueInquiries: false,
      })
      expect(put.statusCode).toBe(400)
      expect(put.json().detail).toBe(MAIL_DISABLED_MESSAGE)
    } finally {
      await off.close()
    }
  })
})
