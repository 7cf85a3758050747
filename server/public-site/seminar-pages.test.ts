import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mailOutbox, seminarRegistrations } from '#server/db/schema/index.ts'
import { scheduleSeminar } from '#server/modules/seminars/test-support.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { SeminarDetail } from '#shared/contracts/seminars.ts'
import { LANGS } from './i18n/i18n.ts'
import { type Browser, browser, csrfOf } from './test-support.ts'

// A family registers on the residents' pages without an account and without JavaScript.
let ctx: TestContext
let city: TestCity
let seminarId: string
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  const hq = await city.as('headquarters')
  seminarId = (await scheduleSeminar(hq, { capacity: 2, title: '定員2の家族向け研修会' })).id
})
afterAll(() => ctx.close())

const registrations = async () => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(seminarRegistrations)
    .where(eq(seminarRegistrations.tenantId, city.tenantId))
  return row!.n
}

async function register(b: Browser, fields: Record<string, string>) {
  const form = await b.get(`/soudan/${city.tenantId}/seminars/${seminarId}`)
  expect(form.statusCode).toBe(200)
  const sent = await b.post(`/soudan/${city.tenantId}/seminars/${seminarId}`, {
    name: '家族',
    attendees: '1',
    email: '',
    phone: '',
    note: '',
    ...fields,
  })
  expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
  const page = await b.follow(sent)
  return { url: String(sent.headers.location), page }
}

describe('seminar registration on the residents’ pages', () => {
  it('lists the coming seminar, the third registration waits, moves up when one cancels, and is told', async () => {
    const about = await browser(ctx.app).get(`/soudan/${city.tenantId}/`)
    expect(about.body).toContain(`<a href="/soudan/${city.tenantId}/seminars">家族向けの研修会・家族教室</a>`)
    const list = await browser(ctx.app).get(`/soudan/${city.tenantId}/seminars`)
    expect(list.body).toContain('定員2の家族向け研修会')
    expect(list.body).toContain('定員2人（残り2人）')

    const first = await register(browser(ctx.app), { name: 'あおぞら', childcare: 'yes' })
    expect(first.page.body).toContain('参加が決まっています。')
    expect(first.url).toMatch(new RegExp(`^/soudan/${city.tenantId}/seminars/r/[A-Za-z0-9_-]{40,}$`))
    await register(browser(ctx.app), { name: 'ひだまり', attendees: '１' })
    const thirdBrowser = browser(ctx.app)
    const third = await register(thirdBrowser, { name: 'こもれび', email: 'komorebi@example.jp' })
    expect(third.page.body).toContain('キャンセル待ちです（1番目）')

    const firstBrowser = browser(ctx.app)
    await firstBrowser.get(first.url)
    const cancelled = await firstBrowser.follow(await firstBrowser.post(first.url, {}))
    expect(cancelled.body).toContain('この申込みは取り消されています。')
    expect((await thirdBrowser.get(third.url)).body).toContain('参加が決まっています。')
    const mail = await ctx.db
      .select({ to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, city.tenantId), eq(mailOutbox.kind, 'seminar_moved_up')))
    expect(mail).toEqual([{ to: 'komorebi@example.jp' }])

    // The organiser sees what the families gave.
    const detail = (
      await (await city.as('headquarters')).get(`/api/seminars/${seminarId}`)
    ).json() as SeminarDetail
    expect(detail.registrations.map((r) => [r.name, r.status, r.needsChildcare])).toEqual([
      ['あおぞら', 'cancelled', true],
      ['ひだまり', 'confirmed', false],
      ['こもれび', 'confirmed', false],
    ])
  })

  it('refuses bad input in the page’s language and writes nothing', async () => {
    const before = await registrations()
    const b = browser(ctx.app)
    await b.get(`/soudan/${city.tenantId}/seminars/${seminarId}`)
    const res = await b.post(`/soudan/${city.tenantId}/seminars/${seminarId}`, {
      name: ' ',
      attendees: '0',
      email: 'not-an-address',
      phone: '',
      note: '',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('お名前かニックネームを書いてください')
    expect(res.body).toContain('人数は1人から10人までの数字で書いてください')
    expect(res.body).toContain('aria-invalid="true"')
    const missingCsrf = await b.post(`/soudan/${city.tenantId}/seminars/${seminarId}`, {
      name: 'あおぞら',
      attendees: '1',
      _csrf: '',
    })
    expect(missingCsrf.statusCode).toBe(403)
    expect(await registrations()).toBe(before)
  })

  it('an expired form is shown again in Japanese with what was typed, and sending it again registers', async () => {
    const b = browser(ctx.app)
    await b.get(`/soudan/${city.tenantId}/seminars/${seminarId}`)
    const before = await registrations()
    const stale = await b.post(`/soudan/${city.tenantId}/seminars/${seminarId}`, {
      name: 'ほしぞら',
      attendees: '2',
      email: '',
      phone: '',
      note: '手話をお願いします',
      _csrf: 'expired-token',
    })
    expect(stale.statusCode).toBe(403)
    expect(stale.headers['content-type']).toContain('text/html')
    expect(stale.body).toContain(
      'ページの有効期限が切れていました。内容を確かめて、もう一度送信してください。',
    )
    expect(stale.body).toContain('value="ほしぞら"')
    expect(stale.body).toContain('手話をお願いします')
    expect(csrfOf(stale.body)).not.toBe('')
    expect(await registrations()).toBe(before)
    // The page's fresh token lets the same browser send it again.
    const again = await b.post(`/soudan/${city.tenantId}/seminars/${seminarId}`, {
      name: 'ほしぞら',
      attendees: '2',
      email: '',
      phone: '',
      note: '',
    })
    expect(again.statusCode, again.body.slice(0, 300)).toBe(303)
    expect(await registrations()).toBe(before + 1)

    // The registration's own page: an expired cancel form explains and keeps the registration.
    const mine = String(again.headers.location)
    await b.get(mine)
    const staleCancel = await b.post(mine, { _csrf: 'expired-token' })
    expect(staleCancel.statusCode).toBe(403)
    expect(staleCancel.body).toContain('ページの有効期限が切れていました。')
    expect(staleCancel.body).not.toContain('この申込みは取り消されています。')
    const cancelled = await b.follow(await b.post(mine, {}))
    expect(cancelled.body).toContain('この申込みは取り消されています。')
  })

  it('answers an unknown seminar or link with the not-found page', async () => {
    const b = browser(ctx.app)
    expect((await b.get(`/soudan/${city.tenantId}/seminars/${crypto.randomUUID()}`)).statusCode).toBe(404)
    expect((await b.get(`/soudan/${city.tenantId}/seminars/r/${'x'.repeat(43)}`)).statusCode).toBe(404)
  })

  it('keeps the seminar pages with the stylesheet under 30 KB in every language', async () => {
    const b = browser(ctx.app)
    const css = await b.get('/soudan/style.css')
    const { url } = await register(browser(ctx.app), { name: 'ながれぼし' })
    for (const lang of LANGS) {
      for (const path of [
        `/soudan/${city.tenantId}/seminars`,
        `/soudan/${city.tenantId}/seminars/${seminarId}`,
        url,
      ]) {
        const page = await b.get(`${path}?lang=${lang}`)
        expect(page.statusCode).toBe(200)
        expect(page.rawPayload.length + css.rawPayload.length, `${path} ${lang}`).toBeLessThanOrEqual(
          30 * 1024,
        )
      }
    }
  })
})
