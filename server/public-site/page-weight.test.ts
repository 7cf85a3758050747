import { afterAll, beforeAll, expect, it } from 'vitest'
import { inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { closedCaseLinks } from '#server/modules/surveys/test-support.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { LANGS } from './i18n/i18n.ts'
import { browser, consultation, openConsultation } from './test-support.ts'

// Old phones on slow lines: every public page, with its one stylesheet, in every language, must
// stay within 30 KB as sent (measured uncompressed, the worst case: no gzip on the way).
const BUDGET = 30 * 1024

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

it('keeps every public page with its stylesheet under 30 KB in every language', async () => {
  const city = await ctx.newCity('寄添市')
  await writeSetting(ctx.db, city.tenantId, 'windowInfo', {
    hours: '平日 8:30〜17:15（祝日・年末年始を除く）',
    phone: '075-000-1111',
    crisisLines: [
      { name: 'いのちの電話', phone: '0570-783-556', hours: '10時〜22時' },
      { name: 'こころの健康相談統一ダイヤル', phone: '0570-064-556', hours: null },
    ],
    version: 1,
  })
  const b = browser(ctx.app)
  await openConsultation(b, city.tenantId, { body: '死にたいと思うことがあります。'.repeat(20) })
  const [thread] = await withTenant(city.tenantId, () => ctx.db.select().from(inquiryThreads))
  await withTenant(city.tenantId, () =>
    ctx.db.insert(inquiryMessages).values({
      tenantId: city.tenantId,
      threadId: thread!.id,
      author: 'staff',
      body: '書いてくださってありがとうございます。'.repeat(20),
      createdAt: ctx.clock.now(),
    }),
  )
  const base = `/soudan/${city.tenantId}`
  // The longest of the three ready-made surveys, every question required and its answers tied to
  // cases when the respondent agrees (one more field), so its pages are the heaviest a survey has.
  const hq = await city.as('headquarters')
  const copied = (await hq.post('/api/survey-templates/copy', { key: 'supported' })).json()
  const questions = copied.questions.map((q: object) => ({ ...q, required: true }))
  await hq.put(`/api/surveys/${copied.id}`, {
    ...copied,
    questions,
    linkToCase: true,
    introduction: 'よりそい支援員の支援についてお聞かせください。'.repeat(10),
  })
  expect((await hq.post(`/api/surveys/${copied.id}/status`, { status: 'published' })).statusCode).toBe(200)
  const [token] = (await closedCaseLinks(ctx.db, hq, city.tenantId, copied.id, ['重さ一郎'])).values()
  const survey = `${base}/surveys/${copied.id}`
  const sizes: Record<string, number> = {}
  let css = 0
  for (const lang of LANGS) {
    const sb = browser(ctx.app)
    const pages: [
      string,
      () => Promise<{ body: string; headers: Record<string, unknown>; statusCode: number }>,
    ][] = [
      ['about', () => b.get(`${base}/?lang=${lang}`)],
      ['write', () => b.get(`${base}/write?lang=${lang}`)],
      // The form back with an error on every field it can have at once.
      [
        'write-errors',
        () =>
          b.post(
            `${base}/write?lang=${lang}`,
            consultation({ who: '', body: '', call: 'yes', age: 'x', nickname: '\u200b', passphrase: 'a' }),
          ),
      ],
      ['done', () => b.get(`${base}/done?lang=${lang}`)],
      ['thread', () => b.get(`${base}/thread?lang=${lang}`)],
      ['return', () => b.get(`${base}/return?lang=${lang}`)],
      ['return-failed', () => b.post(`${base}/return?lang=${lang}`, { code: 'AAAA-2222', passphrase: 'x' })],
      ['not-found', () => b.get(`/soudan/nowhere/?lang=${lang}`)],
      // A survey's pages, in a browser of their own (the posts stay within the per-address limit).
      ['survey', () => sb.get(`${survey}?lang=${lang}`)],
      ['survey-errors', () => sb.post(`${survey}?lang=${lang}`, {})],
      ['survey-done', () => sb.get(`${survey}/done?lang=${lang}`)],
      // The one-time link's page: read, and sent back with every question unanswered (not used).
      ['survey-link', () => sb.get(`${base}/surveys/a/${token}?lang=${lang}`)],
      ['survey-link-errors', () => sb.post(`${base}/surveys/a?lang=${lang}`, { link: token! })],
      ['survey-link-used', () => sb.get(`${base}/surveys/a/${'x'.repeat(43)}?lang=${lang}`)],
    ]
    for (const [name, load] of pages) {
      const res = await load()
      const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(res.body)?.[1]
      expect(cssHref, `${lang} ${name} links the stylesheet`).toBeDefined()
      css = Buffer.byteLength((await b.get(cssHref!)).body)
      sizes[`${lang} ${name}`] = Buffer.byteLength(res.body) + css
      if (name === 'done') expect(res.body).toContain('class="code"')
      if (name === 'thread') expect(res.body).toContain('<ol class="thread">')
      if (name === 'survey-link') expect(res.body).toContain('name="agree"')
      if (name.endsWith('-errors') && name.startsWith('survey')) expect(res.statusCode).toBe(400)
      if (name === 'survey-link-used') expect(res.statusCode).toBe(404)
    }
  }
  const byWeight = Object.entries(sizes).sort((x, y) => y[1] - x[1])
  const heaviest = byWeight[0]!
  const surveyPage = byWeight.find(([name]) => name.includes(' survey'))!
  console.log(
    `public pages: ${Object.keys(sizes).length} measured, stylesheet ${css} B, heaviest ${heaviest[0]} ${heaviest[1]} B, heaviest survey page ${surveyPage[0]} ${surveyPage[1]} B`,
  )
  expect(Object.entries(sizes).filter(([, size]) => size > BUDGET)).toEqual([])
})
