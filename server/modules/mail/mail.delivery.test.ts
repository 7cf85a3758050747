// Notices delivered through a real SMTP server: the right recipient, the fixed text in the right
// language, and nothing of the consultation (no words, no name, no code, no passphrase).
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountMailPreferences, accounts, inquiryMessages, mailOutbox } from '#server/db/schema/index.ts'
import { enqueueMail, enqueueStaffNotices } from '#server/platform/mail-outbox.ts'
import { createMailer, type Mailer } from '#server/platform/mailer.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { captureLog, insertThread, startTestRelay, type TestRelay } from './mail.fixtures.ts'
import { NOTICE_LANGS } from './mail.texts.ts'
import { sendDueMail } from './send-due.ts'

const SECRET_WORDS = [
  '山田花子',
  'K7QX2F9M',
  'ひみつの合言葉',
  '死にたいと思うことがあります',
  'お返事をお待ちしていました',
]
const RESIDENT = 'resident.person@example.test'

let ctx: TestContext
let relay: TestRelay
let mailer: Mailer

beforeAll(async () => {
  ctx = await createTestContext()
  relay = await startTestRelay()
  mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' })
})
afterAll(async () => {
  mailer.close()
  await relay.close()
  await ctx?.close()
})
beforeEach(() => {
  relay.mode = 'accept'
  relay.received.length = 0
})

function deps(log = captureLog()) {
  return { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'https://yorisoi.example.lg.jp', log }
}

/** What a staff reply does: the message and its notice, in one transaction. */
async function replyWithNotice(tenantId: string, threadId: string, address = RESIDENT) {
  await ctx.db.transaction(async (tx) => {
    await tx.insert(inquiryMessages).values({
      tenantId,
      threadId,
      author: 'staff',
      body: SECRET_WORDS[4],
      createdAt: ctx.clock.now(),
    })
    await enqueueMail(tx, {
      tenantId,
      kind: 'inquiry_reply_waiting',
      toAddress: address,
      threadId,
      now: ctx.clock.now(),
    })
  })
}

describe('a resident’s notice', () => {
  it('reaches the notice address, in the thread’s language, with the window’s URL and nothing of the consultation', async () => {
    const city = await ctx.newCity()
    const threadId = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      code: SECRET_WORDS[1],
      nickname: SECRET_WORDS[0],
      noticeAddress: RESIDENT,
      lang: 'vi',
      body: SECRET_WORDS[3],
      now: ctx.clock.now(),
    })
    await replyWithNotice(city.tenantId, threadId)

    const result = await sendDueMail(deps())

    expect(result).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(relay.received).toHaveLength(1)
    const mail = relay.received[0]!
    expect(mail.to).toEqual([RESIDENT])
    expect(mail.subject).toBe('Đã có trả lời cho nội dung tư vấn của bạn')
    expect(mail.text).toContain(`https://yorisoi.example.lg.jp/soudan/${city.tenantId}/return?lang=vi`)
    for (const word of [...SECRET_WORDS, RESIDENT]) {
      expect(mail.text).not.toContain(word)
      expect(mail.subject).not.toContain(word)
    }
    const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.threadId, threadId))
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: ctx.clock.now() })
  })

  it('has a text of its own in each of the seven languages of the public pages', async () => {
    const city = await ctx.newCity()
    for (const lang of NOTICE_LANGS) {
      const threadId = await insertThread(ctx.db, { tenantId: city.tenantId, lang, now: ctx.clock.now() })
      await replyWithNotice(city.tenantId, threadId, `${lang}@example.test`)
    }
    await sendDueMail(deps())
    const byLang = new Map(relay.received.map((m) => [m.to[0]!.split('@')[0], m]))
    expect(byLang.size).toBe(NOTICE_LANGS.length)
    expect(new Set(relay.received.map((m) => m.subject)).size).toBe(NOTICE_LANGS.length)
    expect(byLang.get('ja')!.subject).toBe('ご相談に返事があります')
    expect(byLang.get('ja-easy')!.text).toContain('うけつけばんごうと あいことば')
    expect(byLang.get('pt')!.text).toContain('?lang=pt')
  })
})

describe('staff notices', () => {
  it('go to the opted-in window counsellors only, in Japanese, with a link to the inbox and no content', async () => {
    const city = await ctx.newCity()
    const wanting = await city.user('window_counsellor')
    const notWanting = await city.user('window_counsellor')
    const elsewhere = await city.user('ward_staff')
    const gone = await city.user('window_counsellor')
    const prefs = [
      { accountId: wanting.id, address: 'wants@city.example.lg.jp', newInquiries: true },
      { accountId: notWanting.id, address: 'quiet@city.example.lg.jp', newInquiries: false },
      { accountId: elsewhere.id, address: 'moved@city.example.lg.jp', newInquiries: true },
      { accountId: gone.id, address: 'gone@city.example.lg.jp', newInquiries: true },
    ]
    for (const p of prefs)
      await ctx.db.insert(accountMailPreferences).values({ tenantId: city.tenantId, ...p })
    await ctx.db
      .update(accounts)
      .set({ active: false })
      .where(and(eq(accounts.tenantId, city.tenantId), eq(accounts.id, gone.id)))
    const threadId = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      nickname: SECRET_WORDS[0],
      code: SECRET_WORDS[1],
      body: SECRET_WORDS[3],
      now: ctx.clock.now(),
    })
    const queued = await ctx.db.transaction((tx) =>
      enqueueStaffNotices(tx, {
        tenantId: city.tenantId,
        kind: 'staff_new_inquiry',
        threadId,
        now: ctx.clock.now(),
      }),
    )
    expect(queued).toBe(1)

    await sendDueMail(deps())

    expect(relay.received.map((m) => m.to)).toEqual([['wants@city.example.lg.jp']])
    const mail = relay.received[0]!
    expect(mail.subject).toBe('【よりそい】ウェブ相談に新しいメッセージがあります')
    expect(mail.text).toContain('https://yorisoi.example.lg.jp/inquiries')
    for (const word of SECRET_WORDS) expect(mail.text).not.toContain(word)
  })
})

describe('the log', () => {
  it('holds counts and row ids, never an address, a code or a name', async () => {
    const city = await ctx.newCity()
    const log = captureLog()
    const threadId = await insertThread(ctx.db, {
      tenantId: city.tenantId,
      code: SECRET_WORDS[1],
      nickname: SECRET_WORDS[0],
      now: ctx.clock.now(),
    })
    await replyWithNotice(city.tenantId, threadId)
    await sendDueMail(deps(log))
    relay.mode = 'refuse'
    await replyWithNotice(city.tenantId, threadId)
    await sendDueMail(deps(log))

    expect(log.lines.length).toBeGreaterThanOrEqual(2)
    expect(log.lines.join('\n')).toContain('Relay access denied')
    for (const line of log.lines) {
      expect(line).not.toMatch(/@/)
      for (const word of SECRET_WORDS) expect(line).not.toContain(word)
    }
  })
})
