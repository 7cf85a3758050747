import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accountMailPreferences,
  auditLog,
  contacts,
  inquiryMessages,
  inquiryThreads,
  mailOutbox,
} from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { browser, consultation, GOOD_PASSPHRASE, openConsultation } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function threadsOf(tenantId: string) {
  return withTenant(tenantId, () =>
    ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.tenantId, tenantId)),
  )
}
async function messagesOf(tenantId: string) {
  return withTenant(tenantId, () =>
    ctx.db.select().from(inquiryMessages).where(eq(inquiryMessages.tenantId, tenantId)),
  )
}

describe('the public pages of a city', () => {
  it('show what the window is, with its hours, phone and crisis lines, and a 404 page for an unknown city', async () => {
    const city = await ctx.newCity('寄添市')
    await writeSetting(ctx.db, city.tenantId, 'windowInfo', {
      hours: '平日 9:00〜17:00',
      phone: '075-000-1111',
      crisisLines: [{ name: 'こころの電話', phone: '0570-000-000', hours: '24時間' }],
      version: 1,
    })
    const b = browser(ctx.app)
    const about = await b.get(`/soudan/${city.tenantId}/`)
    expect(about.statusCode).toBe(200)
    expect(about.headers['content-type']).toMatch(/text\/html/)
    expect(about.headers['cache-control']).toBe('no-store')
    expect(about.body).toContain('寄添市 ウェブ相談')
    expect(about.body).toContain('平日 9:00〜17:00')
    expect(about.body).toContain('<a href="tel:0750001111">075-000-1111</a>')
    expect(about.body).toContain('こころの電話')
    expect(about.body).not.toContain('<script')

    const unknown = await b.get('/soudan/no-such-city/')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).toContain('ページが見つかりません')
    expect((await b.get('/soudan/no-such-city/write')).statusCode).toBe(404)
    expect((await b.get('/soudan/..%2Fapi/write')).statusCode).toBe(404)
  })

  it('without crisis lines set up, say no "call these lines" over an empty list: only 119/110', async () => {
    const city = await ctx.newCity()
    const about = await browser(ctx.app).get(`/soudan/${city.tenantId}/?lang=ja`)
    expect(about.statusCode).toBe(200)
    expect(about.body).toContain('119番')
    expect(about.body).not.toContain('次の窓口に電話してください')
    expect(about.body).not.toContain('<ul></ul>')
  })

  it('redirect /soudan to the default city and /soudan/<city> to its page', async () => {
    const b = browser(ctx.app)
    const root = await b.get('/soudan')
    expect(root.statusCode).toBe(302)
    expect(root.headers.location).toBe('/soudan/unused/')
    expect((await b.get('/soudan/kyoto')).headers.location).toBe('/soudan/kyoto/')
  })
})

describe('the page language', () => {
  it('is chosen by a link, remembered, used for errors, and stored with the thread', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    const chosen = await b.get(`/soudan/${city.tenantId}/write?lang=vi`)
    expect(chosen.body).toContain('<html lang="vi">')
    expect(chosen.body).toContain(
      `<a href="/soudan/${city.tenantId}/write?lang=ko" lang="ko" hreflang="ko">한국어</a>`,
    )
    // The next page, without ?lang=, is still in Vietnamese (cookie), the errors too.
    const refused = await b.post(`/soudan/${city.tenantId}/write`, consultation({ body: 'xin chào\u0000' }))
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Có ký tự không dùng được (ký tự điều khiển)')
    const sent = await b.post(`/soudan/${city.tenantId}/write`, consultation())
    expect((await b.follow(sent)).body).toContain('Mã số tiếp nhận của bạn')
    expect((await threadsOf(city.tenantId))[0]!.lang).toBe('vi')
    // やさしい日本語: ruby on the kanji; a browser asking for Portuguese gets Portuguese.
    expect((await b.get(`/soudan/${city.tenantId}/?lang=ja-easy`)).body).toContain(
      '<ruby>相談<rp>(</rp><rt>そうだん</rt><rp>)</rp></ruby>',
    )
    const pt = await browser(ctx.app).get(`/soudan/${city.tenantId}/`, {
      'accept-language': 'pt-BR,pt;q=0.9',
    })
    expect(pt.body).toContain('<html lang="pt">')
  })
})

describe('writing a consultation', () => {
  it('opens a thread, shows its code, wakes opted-in staff and audits without personal data', async () => {
    const city = await ctx.newCity()
    const counsellor = await city.user('window_counsellor')
    await withTenant(city.tenantId, () =>
      ctx.db.insert(accountMailPreferences).values({
        tenantId: city.tenantId,
        accountId: counsellor.id,
        address: 'counsellor@city.example',
        newInquiries: true,
      }),
    )
    const b = browser(ctx.app)
    const { code, done } = await openConsultation(b, city.tenantId, {
      who: 'family',
      age: '40plus',
      nickname: 'ひまわり',
    })
    expect(done.statusCode).toBe(200)
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    expect(done.body).toContain('送信しました')

    const [thread] = await threadsOf(city.tenantId)
    expect(thread).toMatchObject({
      code: code.replace('-', ''),
      senderRole: 'family',
      subjectAgeBand: '40plus',
      nickname: 'ひまわり',
      acceptsCall: false,
      phone: null,
      noticeAddress: null,
      lang: 'ja',
      urgent: false,
      status: 'open',
    })
    expect(thread!.passphraseHash).toMatch(/^\$argon2id\$/)
    expect(thread!.awaitingSince).toEqual(ctx.clock.now())
    const messages = await messagesOf(city.tenantId)
    // Only the resident's message: nothing automatic pretends to be a reply.
    expect(messages.map((m) => m.author)).toEqual(['resident'])

    const mail = await withTenant(city.tenantId, () =>
      ctx.db.select().from(mailOutbox).where(eq(mailOutbox.tenantId, city.tenantId)),
    )
    expect(mail.map((m) => [m.kind, m.toAddress, m.threadId])).toEqual([
      ['staff_new_inquiry', 'counsellor@city.example', thread!.id],
    ])

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'inquiry.opened')))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ recordId: thread!.id, clientAddress: null, actorId: null })
    expect(JSON.stringify(audit[0]!.detail)).not.toMatch(/ひまわり|外に出られ|203\.0\.113/)
  })

  it('keeps a call request with its phone number, and refuses "yes" without a number', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    await b.get(`/soudan/${city.tenantId}/write`)
    const missing = await b.post(`/soudan/${city.tenantId}/write`, consultation({ call: 'yes' }))
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('電話してもよいときは、電話番号を書いてください')
    expect(await threadsOf(city.tenantId)).toHaveLength(0)
    const sent = await b.post(
      `/soudan/${city.tenantId}/write`,
      consultation({ call: 'yes', phone: '０７５－１２３－４５６７' }),
    )
    expect(sent.statusCode).toBe(303)
    const [thread] = await threadsOf(city.tenantId)
    expect(thread).toMatchObject({ acceptsCall: true, phone: '075-123-4567' })
  })

  it('offers no notice address without SMTP and ignores one posted anyway', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    const form = await b.get(`/soudan/${city.tenantId}/write`)
    expect(form.body).not.toContain('name="notice"')
    await b.post(`/soudan/${city.tenantId}/write`, consultation({ notice: 'me@example.jp' }))
    const [thread] = await threadsOf(city.tenantId)
    expect(thread!.noticeAddress).toBeNull()
  })

  it('refuses a post without the page’s CSRF token, keeps what was typed and writes nothing', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    await b.get(`/soudan/${city.tenantId}/write`)
    const res = await b.post(`/soudan/${city.tenantId}/write`, consultation({ _csrf: 'forged' }))
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('ページの有効期限が切れていました')
    expect(res.body).toContain('外に出られなくなって3年になります')
    expect(res.body).not.toContain(GOOD_PASSPHRASE)
    expect(await threadsOf(city.tenantId)).toHaveLength(0)
    // The page that came back carries a fresh token: sending again works.
    expect((await b.post(`/soudan/${city.tenantId}/write`, consultation())).statusCode).toBe(303)
  })
})

describe('coming back with 受付番号 and 合言葉', () => {
  it('reads the staff reply and writes again: the thread waits for staff again, audited', async () => {
    const city = await ctx.newCity()
    const first = browser(ctx.app)
    const { code } = await openConsultation(first, city.tenantId)
    const [thread] = await threadsOf(city.tenantId)
    // Staff reply (the staff app's part): the thread no longer waits.
    await withTenant(city.tenantId, async () => {
      await ctx.db.insert(inquiryMessages).values({
        tenantId: city.tenantId,
        threadId: thread!.id,
        author: 'staff',
        body: '書いてくださってありがとうございます。<b>ゆっくりで</b>大丈夫です。',
        createdAt: new Date(ctx.clock.now().getTime() + 60_000),
      })
      await ctx.db
        .update(inquiryThreads)
        .set({ awaitingSince: null })
        .where(eq(inquiryThreads.id, thread!.id))
    })

    // Another device: nothing but the code (typed in lower case, full width) and the passphrase.
    const other = browser(ctx.app, '198.51.100.7')
    const typedCode = code
      .toLowerCase()
      .replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    await other.get(`/soudan/${city.tenantId}/return`)
    const opened = await other.post(`/soudan/${city.tenantId}/return`, {
      code: typedCode,
      passphrase: GOOD_PASSPHRASE,
    })
    expect(opened.statusCode).toBe(303)
    const page = await other.follow(opened)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`受付番号：${code}`)
    expect(page.body).toContain('外に出られなくなって3年になります')
    expect(page.body).toContain('&lt;b&gt;ゆっくりで&lt;/b&gt;大丈夫です')

    const later = new Date(ctx.clock.now().getTime() + 10 * 60_000)
    ctx.clock.set(later)
    const again = await other.post(`/soudan/${city.tenantId}/thread`, {
      body: 'ありがとうございます。続きです。',
    })
    expect(again.statusCode).toBe(303)
    expect(again.headers.location).toBe(`/soudan/${city.tenantId}/thread?sent=1`)
    const after = await other.follow(again)
    expect(after.body).toContain('送信しました。')
    expect(after.body).toContain('続きです。')
    const [updated] = await threadsOf(city.tenantId)
    expect(updated!.awaitingSince).toEqual(later)
    expect(updated!.lastMessageAt).toEqual(later)
    const audit = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.tenantId, city.tenantId))
    expect(audit.map((a) => a.action).sort()).toEqual([
      'inquiry.opened',
      'inquiry.resident_opened',
      'inquiry.resident_wrote',
    ])
  })

  it('answers an unknown code and a wrong passphrase alike, and shows no thread without the pass', async () => {
    const city = await ctx.newCity()
    const { code } = await openConsultation(browser(ctx.app), city.tenantId)
    const b = browser(ctx.app)
    await b.get(`/soudan/${city.tenantId}/return`)
    const wrong = await b.post(`/soudan/${city.tenantId}/return`, {
      code,
      passphrase: 'まちがい あいことば です',
    })
    const unknown = await b.post(`/soudan/${city.tenantId}/return`, {
      code: 'ZZZZ-ZZZZ',
      passphrase: GOOD_PASSPHRASE,
    })
    const malformed = await b.post(`/soudan/${city.tenantId}/return`, {
      code: 'not a code',
      passphrase: GOOD_PASSPHRASE,
    })
    for (const res of [wrong, unknown, malformed]) {
      expect(res.statusCode).toBe(401)
      expect(res.body).toContain('受付番号か合言葉がちがいます')
    }
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '')
    expect(strip(wrong.body)).toEqual(strip(unknown.body).replace('ZZZZ-ZZZZ', code))
    const thread = await b.get(`/soudan/${city.tenantId}/thread`)
    expect(thread.body).not.toContain('外に出られなくなって')
    expect(thread.body).toContain('もう一度、受付番号と合言葉を入力してください')
  })

  it('does not let a pass of one city open another city’s page', async () => {
    const a = await ctx.newCity()
    const other = await ctx.newCity()
    const b = browser(ctx.app)
    await openConsultation(b, a.tenantId)
    const cookie = b.cookie.replace(`/soudan/${a.tenantId}`, '')
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/soudan/${other.tenantId}/thread`,
      headers: { cookie },
    })
    expect(res.body).not.toContain('外に出られなくなって')
  })

  it('closes the thread page on this device when asked', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    await openConsultation(b, city.tenantId)
    await b.get(`/soudan/${city.tenantId}/thread`)
    const left = await b.post(`/soudan/${city.tenantId}/leave`, {})
    expect(left.statusCode).toBe(303)
    const page = await b.follow(left)
    expect(page.body).toContain('相談の画面を閉じました')
    expect((await b.get(`/soudan/${city.tenantId}/thread`)).body).not.toContain('外に出られなくなって')
  })

  it('counts a follow-up to a thread that has a case as a メール contact of that case', async () => {
    const city = await ctx.newCity()
    const counsellor = await city.as('window_counsellor')
    const b = browser(ctx.app)
    await openConsultation(b, city.tenantId, { who: 'family' })
    const [thread] = await threadsOf(city.tenantId)
    const opened = await counsellor.post(`/api/inquiries/${thread!.id}/case`, {
      urgency: 'early',
      concerns: ['work'],
    })
    expect(opened.statusCode, opened.body).toBe(201)

    await b.get(`/soudan/${city.tenantId}/thread`)
    expect(
      (await b.post(`/soudan/${city.tenantId}/thread`, { body: '母です。続きを書きます。' })).statusCode,
    ).toBe(303)
    const messages = await messagesOf(city.tenantId)
    expect(messages).toHaveLength(2)
    expect(messages.every((m) => m.contactId !== null)).toBe(true)
    const caseContacts = await withTenant(city.tenantId, () =>
      ctx.db.select().from(contacts).where(eq(contacts.caseId, opened.json().caseId)),
    )
    expect(caseContacts.map((c) => [c.method, c.counterpart])).toEqual([
      ['mail', 'family'],
      ['mail', 'family'],
    ])
  })
})
