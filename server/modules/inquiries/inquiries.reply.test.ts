import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, inquiryThreads, mailOutbox } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { insertThread, reply } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const outboxOf = (threadId: string) =>
  ctx.db.select().from(mailOutbox).where(eq(mailOutbox.threadId, threadId))

describe('replying to a resident', () => {
  it('appends the staff message, claims the thread, stops the overdue clock and queues a content-free notice', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor', { name: '窓口 一郎' })
    const thread = await insertThread(ctx.db, city.tenantId, {
      noticeAddress: 'resident@example.jp',
      messages: [{ body: '相談したいです', at: new Date('2026-11-20T00:00:00Z') }],
    })
    expect((await me.get('/api/inquiries')).json().counts.overdue).toBe(1)

    const answered = await reply(me, thread.id, {
      body: '窓口の相談員です。\nお話を聞かせてください。',
      minutes: 25,
    })
    expect(answered).toMatchObject({
      claimedBy: { id: me.user.id, name: '窓口 一郎' },
      awaitingSince: null,
      overdue: false,
      lastMessageAt: '2026-11-24T01:00:00.000Z',
    })
    expect(answered.messages.map((m) => m.author)).toEqual(['resident', 'staff'])
    expect(answered.messages[1]).toMatchObject({
      staffName: '窓口 一郎',
      body: '窓口の相談員です。\nお話を聞かせてください。',
      minutes: 25,
      counted: false,
    })
    expect((await me.get('/api/inquiries')).json().counts).toMatchObject({ overdue: 0, new: 0, mine: 1 })

    const mails = await outboxOf(thread.id)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({
      tenantId: city.tenantId,
      kind: 'inquiry_reply_waiting',
      toAddress: 'resident@example.jp',
      status: 'pending',
    })
    // The outbox row holds no content and no name: only the kind picks the text.
    expect(JSON.stringify(mails[0])).not.toMatch(/窓口の相談員|さくら|一郎/)

    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'inquiry.reply')))
    expect(audit!.detail).toMatchObject({ notice: true, contacts: 0 })
    expect(JSON.stringify(audit)).not.toMatch(/resident@example|お話/)
  })

  it('queues no mail without a notice address; a colleague’s thread and a spam or closed one refuse a reply', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const colleague = await city.as('window_counsellor', { name: '同僚' })
    const plain = await insertThread(ctx.db, city.tenantId)
    await reply(me, plain.id)
    await reply(me, plain.id, { minutes: null })
    expect(await outboxOf(plain.id)).toEqual([])

    const theirs = await insertThread(ctx.db, city.tenantId, { claimedBy: colleague.user.id })
    const refused = await me.post(`/api/inquiries/${theirs.id}/replies`, { body: '返信' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toBe('同僚さんが既に担当しています')

    const spam = await insertThread(ctx.db, city.tenantId, { spam: true, noticeAddress: 'x@example.jp' })
    expect((await me.post(`/api/inquiries/${spam.id}/replies`, { body: '返信' })).statusCode).toBe(409)
    const closed = await insertThread(ctx.db, city.tenantId, { status: 'closed' })
    expect((await me.post(`/api/inquiries/${closed.id}/replies`, { body: '返信' })).statusCode).toBe(409)
    expect(await outboxOf(spam.id)).toEqual([])
    const messages = (await me.get(`/api/inquiries/${theirs.id}`)).json().messages
    expect(messages).toHaveLength(1)
  })

  it('refuses bad input with a Japanese field message and writes nothing', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const thread = await insertThread(ctx.db, city.tenantId, { noticeAddress: 'resident@example.jp' })
    const cases: [unknown, string, string][] = [
      [{ body: '返信\u0000です' }, 'body', '制御文字（NUL など）は使えません'],
      [{ body: '返信\uD800です' }, 'body', '壊れた文字（対になっていないサロゲート）は使えません'],
      [{ body: '\u200B\u200B' }, 'body', '返信を入力してください'],
      [{ body: ' \u3000 ' }, 'body', '返信を入力してください'],
      [{ body: 'あ'.repeat(4001) }, 'body', '4000文字以内で入力してください'],
      [{ body: '返信', minutes: '３０' }, 'minutes', '所要時間は半角数字で入力してください'],
      [{ body: '返信', minutes: 1441 }, 'minutes', '所要時間は1440分以内で入力してください'],
      [{ body: '返信', minutes: 2.5 }, 'minutes', '所要時間は整数で入力してください'],
      [{}, 'body', '返信を入力してください'],
    ]
    for (const [payload, field, message] of cases) {
      const res = await me.post(`/api/inquiries/${thread.id}/replies`, payload)
      expect([JSON.stringify(payload).slice(0, 40), res.statusCode]).toEqual([
        JSON.stringify(payload).slice(0, 40),
        400,
      ])
      expect(res.json().errors).toContainEqual({ field, message })
    }
    expect((await me.post('/api/inquiries/not-a-uuid/replies', { body: '返信' })).statusCode).toBe(400)
    // Zero-width characters inside real text are text, and full-width digits in the body too.
    await reply(me, thread.id, { body: '返信\u200Bです　３０分ほどお話しできます', minutes: '30' })
    const messages = (await me.get(`/api/inquiries/${thread.id}`)).json().messages
    expect(messages).toHaveLength(2)
    expect(await outboxOf(thread.id)).toHaveLength(1)
    const [row] = await ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.id, thread.id))
    expect(row!.awaitingSince).toBeNull()
  })
})

describe('定型文 (reply templates)', () => {
  it('are listed in order, created, edited and deactivated by the window; bad input is refused', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const post = (payload: unknown) => me.post('/api/inquiry-templates', payload)
    const first = await post({ title: '初回の返信', body: 'ご相談ありがとうございます。', sortOrder: 2 })
    expect(first.statusCode, first.body).toBe(201)
    const second = await post({ title: '電話のご案内', body: 'お電話でもお話を伺えます。', sortOrder: '1' })
    expect(second.statusCode, second.body).toBe(201)
    const titles = async (q = '') =>
      ((await me.get(`/api/inquiry-templates${q}`)).json() as { title: string }[]).map((t) => t.title)
    expect(await titles()).toEqual(['電話のご案内', '初回の返信'])

    const edited = await me.patch(`/api/inquiry-templates/${first.json().id}`, {
      body: '改めてご連絡します。',
    })
    expect(edited.json()).toMatchObject({ title: '初回の返信', body: '改めてご連絡します。', active: true })
    const off = await me.patch(`/api/inquiry-templates/${second.json().id}`, { active: false })
    expect(off.json().active).toBe(false)
    expect(await titles()).toEqual(['初回の返信'])
    expect(await titles('?includeInactive=true')).toEqual(['電話のご案内', '初回の返信'])

    const bad: [unknown, string, string][] = [
      [{ title: '', body: '本文' }, 'title', '件名を入力してください'],
      [{ title: '\u200B', body: '本文' }, 'title', '件名を入力してください'],
      [{ title: '件名\n改行', body: '本文' }, 'title', 'この項目には改行やタブは使えません'],
      [{ title: 'あ'.repeat(61), body: '本文' }, 'title', '60文字以内で入力してください'],
      [{ title: '件名', body: '\u0000' }, 'body', '制御文字（NUL など）は使えません'],
      [{ title: '件名', body: '本文', sortOrder: '１' }, 'sortOrder', '表示順は半角数字で入力してください'],
    ]
    for (const [payload, field, message] of bad) {
      const res = await post(payload)
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toContainEqual({ field, message })
    }
    expect(await titles('?includeInactive=true')).toHaveLength(2)
    expect(
      (await me.patch(`/api/inquiry-templates/${crypto.randomUUID()}`, { active: false })).statusCode,
    ).toBe(404)

    const hq = await city.as('headquarters')
    expect((await hq.get('/api/inquiry-templates')).statusCode).toBe(403)
    expect((await hq.post('/api/inquiry-templates', { title: '件名', body: '本文' })).statusCode).toBe(403)
    const other = await (await ctx.newCity('隣市')).as('window_counsellor')
    expect(await (await other.get('/api/inquiry-templates')).json()).toEqual([])
    const theirs = await other.patch(`/api/inquiry-templates/${first.json().id}`, { title: '乗っ取り' })
    expect(theirs.statusCode).toBe(404)
    expect(await titles()).toEqual(['初回の返信'])
  })
})
