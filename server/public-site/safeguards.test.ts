import { eq } from 'drizzle-orm'
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, inquiryMessages, inquiryThreads, mailOutbox } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestContext, testAppConfig } from '#server/test/harness.ts'
import { INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import { publicSite } from './index.ts'
import { browser, consultation, csrfOf, openConsultation } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function stored(tenantId: string) {
  return withTenant(tenantId, async () => ({
    threads: await ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.tenantId, tenantId)),
    messages: await ctx.db.select().from(inquiryMessages).where(eq(inquiryMessages.tenantId, tenantId)),
    mail: await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.tenantId, tenantId)),
    audit: await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, tenantId)),
  }))
}

const CRISIS_LINES = {
  hours: null,
  phone: null,
  crisisLines: [{ name: 'いのちの電話', phone: '0570-783-556', hours: '10時〜22時' }],
  version: 1,
}

describe('spam', () => {
  it('stores nothing when the honeypot is filled, and answers as if it had', async () => {
    const city = await ctx.newCity()
    const { code, done } = await openConsultation(browser(ctx.app), city.tenantId, {
      website: 'http://spam.example',
    })
    expect(done.statusCode).toBe(200)
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    const { threads, messages, mail, audit } = await stored(city.tenantId)
    expect([threads.length, messages.length, mail.length, audit.length]).toEqual([0, 0, 0, 0])
  })

  it('limits new consultations per address (YORISOI_PUBLIC_SEND_LIMIT); the refused one keeps its text and writes nothing', async () => {
    const city = await ctx.newCity()
    const app = Fastify()
    await publicSite(app, { db: ctx.db, clock: ctx.clock, config: testAppConfig({ publicSendLimit: 2 }) })
    await app.ready()
    try {
      const b = browser(app, '192.0.2.50')
      await b.get(`/soudan/${city.tenantId}/write`)
      const statuses = []
      for (const n of [1, 2, 3]) {
        const res = await b.post(
          `/soudan/${city.tenantId}/write`,
          consultation({ body: `${n}通目の相談です` }),
        )
        statuses.push(res.statusCode)
        if (n === 3) {
          expect(res.body).toContain('短い時間にたくさん送信されたため')
          expect(res.body).toContain('3通目の相談です')
        }
      }
      expect(statuses).toEqual([303, 303, 429])
      expect((await stored(city.tenantId)).threads).toHaveLength(2)
    } finally {
      await app.close()
    }
  })
})

describe('the crisis flag', () => {
  it('marks message and thread 緊急 despite invisible characters and spaces, and shows the city’s crisis lines', async () => {
    const city = await ctx.newCity()
    await writeSetting(ctx.db, city.tenantId, 'windowInfo', CRISIS_LINES)
    const b = browser(ctx.app)
    const { done } = await openConsultation(b, city.tenantId, {
      body: 'もう 死\u200bに たい と思う日があります',
    })
    const { threads, messages } = await stored(city.tenantId)
    expect(threads[0]!.urgent).toBe(true)
    expect(messages[0]!.urgent).toBe(true)
    // The crisis lines come first on the page right after sending.
    const crisisAt = done.body.indexOf('いのちの電話')
    expect(crisisAt).toBeGreaterThan(-1)
    expect(crisisAt).toBeLessThan(done.body.indexOf('class="code"'))
    expect(done.body).toContain('返事にはしばらく時間がかかることがあります')
    expect(done.body).toContain('<a href="tel:0570783556">0570-783-556</a>')
    // Nothing answers on a person's behalf.
    expect(messages.every((m) => m.author === 'resident')).toBe(true)
  })

  it('uses the city’s own word list (full-width typing folded) and flags a follow-up too', async () => {
    const city = await ctx.newCity()
    await writeSetting(ctx.db, city.tenantId, INQUIRY_SETTING_KEYS.crisisWords, ['ODする'])
    const b = browser(ctx.app)
    const { done } = await openConsultation(b, city.tenantId, { body: '死にたいとは書いていません' })
    expect((await stored(city.tenantId)).threads[0]!.urgent).toBe(false)
    expect(done.body).not.toContain('返事にはしばらく時間がかかることがあります')
    await b.get(`/soudan/${city.tenantId}/thread`)
    const again = await b.post(`/soudan/${city.tenantId}/thread`, { body: '今夜ＯＤする　かもしれない' })
    const page = await b.follow(again)
    expect(page.body).toContain('いますぐ誰かと話したいとき')
    const { threads, messages } = await stored(city.tenantId)
    expect(threads[0]!.urgent).toBe(true)
    expect(messages.map((m) => m.urgent)).toEqual([false, true])
  })
})

describe('what residents type', () => {
  async function refused(fields: Record<string, string>, message: string, raw?: string) {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    const form = await b.get(`/soudan/${city.tenantId}/write`)
    const res = raw
      ? await ctx.app.inject({
          method: 'POST',
          url: `/soudan/${city.tenantId}/write`,
          remoteAddress: '192.0.2.99',
          headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: raw.replace('CSRF', encodeURIComponent(csrfOf(form.body))),
        })
      : await b.post(`/soudan/${city.tenantId}/write`, consultation(fields))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain(message)
    expect(res.body).toContain('入力内容を確認してください')
    const { threads, messages, audit } = await stored(city.tenantId)
    expect([threads.length, messages.length, audit.length]).toEqual([0, 0, 0])
    return res
  }

  it('refuses NUL, broken characters, invisible characters in one-line fields and text too long', async () => {
    await refused({ body: 'こんにちは\u0000' }, '使えない文字（制御文字）が入っています')
    // A lone surrogate cannot travel in UTF-8: a browser sends U+FFFD, raw bytes decode to it.
    await refused({ body: 'こんにちは\uFFFD' }, 'こわれた文字が入っています')
    const base = new URLSearchParams(consultation()).toString().replace(/&?body=[^&]*/, '')
    await refused({}, 'こわれた文字が入っています', `_csrf=CSRF&${base}&body=%ED%A0%80abc`)
    await refused({ nickname: 'ひま\u200bわり' }, '見えない文字（ゼロ幅スペースなど）が入っています')
    await refused({ passphrase: 'みかん\u200b じてんしゃ ゆうやけ' }, '見えない文字')
    const res = await refused({ body: 'あ'.repeat(4001) }, '4000文字以内にしてください（いま4001文字です）')
    // The form comes back with the text, and with the error tied to its field.
    expect(res.body).toContain('aria-describedby="f-body-hint f-body-error" aria-invalid="true"')
    await refused({ nickname: 'な'.repeat(31) }, '30文字以内にしてください')
    await refused({ who: 'admin' }, '「あなたは」を選んでください')
    await refused({ body: '   ' }, '相談したいことを書いてください')
  })

  it('refuses weak or mismatched passphrases, with the rule', async () => {
    await refused({ passphrase: 'みかん', passphrase2: 'みかん' }, '合言葉は8文字以上にしてください')
    await refused(
      { passphrase: '12345678', passphrase2: '12345678' },
      'この合言葉は当てられやすいので使えません',
    )
    await refused(
      { passphrase: 'password', passphrase2: 'password' },
      'この合言葉は当てられやすいので使えません',
    )
    await refused(
      { passphrase2: 'ちがう あいことば です' },
      '確認の合言葉が、はじめの合言葉と同じではありません',
    )
  })

  it('keeps zero-width characters inside the consultation text, and folds full-width passphrases', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    const family = '家族\u{1F468}\u200D\u{1F469}\u200D\u{1F467}のこと'
    const { code } = await openConsultation(b, city.tenantId, {
      body: family,
      passphrase: 'ＭＩＫＡＮ　ｂｉｋｅ　２０２６',
      passphrase2: 'ＭＩＫＡＮ　ｂｉｋｅ　２０２６',
    })
    expect((await stored(city.tenantId)).messages[0]!.body).toBe(family)
    const other = browser(ctx.app)
    await other.get(`/soudan/${city.tenantId}/return`)
    const opened = await other.post(`/soudan/${city.tenantId}/return`, {
      code,
      passphrase: 'MIKAN bike 2026',
    })
    expect(opened.statusCode).toBe(303)
  })

  it('refuses a follow-up that is empty or too long, and writes nothing', async () => {
    const city = await ctx.newCity()
    const b = browser(ctx.app)
    await openConsultation(b, city.tenantId)
    await b.get(`/soudan/${city.tenantId}/thread`)
    const long = await b.post(`/soudan/${city.tenantId}/thread`, { body: 'い'.repeat(4001) })
    expect(long.statusCode).toBe(400)
    expect(long.body).toContain('4000文字以内にしてください')
    const nul = await b.post(`/soudan/${city.tenantId}/thread`, { body: 'あ\u0000' })
    expect(nul.body).toContain('使えない文字（制御文字）が入っています')
    expect((await stored(city.tenantId)).messages).toHaveLength(1)
  })
})
