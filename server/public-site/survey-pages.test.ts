import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, surveyInvitations, surveyRespondents } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { closedCaseLinks } from '#server/modules/surveys/test-support.ts'
import { buildPublicApp } from '#server/public-app.ts'
import {
  createTestContext,
  type Session,
  type TestCity,
  type TestContext,
  testAppConfig,
} from '#server/test/harness.ts'
import { createPublicRole, type PublicRole } from '#server/test/public-role.ts'
import { LANGS } from './i18n/i18n.ts'
import { browser } from './test-support.ts'

// A resident answers a published survey on the residents' pages, without JavaScript or an account.
let ctx: TestContext
let city: TestCity
let hq: Session
let surveyId: string
let publicRole: PublicRole
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  publicRole = await createPublicRole(ctx)
  city = await ctx.newCity()
  hq = await city.as('headquarters')
  const survey = (await hq.post('/api/survey-templates/copy', { key: 'agencies' })).json()
  surveyId = survey.id
  // Free text required, so that leaving it empty is refused.
  const questions = survey.questions.map((q: Record<string, unknown>, i: number) => ({
    ...q,
    required: i === 1,
  }))
  expect(
    (
      await hq.put(`/api/surveys/${surveyId}`, {
        ...survey,
        questions,
        introduction: 'ご協力を<お願い>します',
      })
    ).statusCode,
  ).toBe(200)
  await hq.post(`/api/surveys/${surveyId}/status`, { status: 'published' })
})
// The role goes last: the database objects it was granted on belong to the context.
afterAll(async () => {
  await publicRole?.close()
  await ctx.close()
  await publicRole?.drop()
})

const webRespondents = () =>
  withTenant(city.tenantId, () =>
    ctx.db
      .select()
      .from(surveyRespondents)
      .where(and(eq(surveyRespondents.surveyId, surveyId), eq(surveyRespondents.source, 'web'))),
  )

describe('answering a survey on the residents’ pages', () => {
  it('shows the questions, refuses a missing required answer, stores an anonymous web answer that counts', async () => {
    const b = browser(ctx.app)
    const url = `/soudan/${city.tenantId}/surveys/${surveyId}`
    const form = await b.get(url)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('支援調整会議について良いと思う点')
    expect(form.body).toContain('ご協力を&lt;お願い&gt;します')
    expect(form.body).not.toContain('<script')

    const refused = await b.post(url, { 'q1-0': '1', 'q1-5': '1', 'q1-other': '研修の案内' })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('この質問に答えてください')
    // What was ticked and typed comes back.
    expect(refused.body).toContain('value="研修の案内"')
    expect(await webRespondents()).toHaveLength(0)

    const sent = await b.post(url, { 'q1-0': '1', 'q1-5': '1', 'q1-other': '研修の案内', q2: '助かりました' })
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
    const done = await b.follow(sent)
    expect(done.body).toContain('回答を受け付けました')
    const [stored] = await webRespondents()
    expect(stored!.respondentNo).toMatch(/^W-[0-9a-f]{12}$/)
    expect(stored!.answeredOn).toBe('2026-11-24')

    const results = (await hq.get(`/api/surveys/${surveyId}/results`)).json()
    expect(results.questions[0].options[0]).toMatchObject({ count: 1, percent: 100 })
    expect(results.questions[0].texts[0]).toMatchObject({ label: 'その他', text: '研修の案内' })
    // The audit of a resident's answer carries no address.
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, surveyId), eq(auditLog.action, 'survey.web_response')))
    expect(audit).toMatchObject({ clientAddress: null, actorId: null, actorLogin: null })
  })

  it('keeps no 「その他」 text when その他 was not ticked', async () => {
    const b = browser(ctx.app)
    const url = `/soudan/${city.tenantId}/surveys/${surveyId}`
    await b.get(url)
    const tampered = await b.post(url, { q2: 'x', 'q1-0': '1', 'q1-other': 'その他を選ばずに書いた' })
    expect(tampered.statusCode).toBe(303)
    const results = (await hq.get(`/api/surveys/${surveyId}/results`)).json()
    // 「その他」 not ticked: its text is not kept.
    expect(JSON.stringify(results)).not.toContain('その他を選ばずに書いた')
  })

  it('shows the closed page for a draft, a closed or an unknown survey, and refuses a post to it', async () => {
    const draft = (await hq.post('/api/survey-templates/copy', { key: 'window' })).json()
    const b = browser(ctx.app)
    for (const id of [draft.id, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await b.get(`/soudan/${city.tenantId}/surveys/${id}`)
      expect(res.statusCode).toBe(404)
      expect(res.body).toContain('このアンケートは受け付けていません')
    }
    const other = await ctx.newCity()
    // Another city's address for this city's survey: not found there.
    expect((await b.get(`/soudan/${other.tenantId}/surveys/${surveyId}`)).statusCode).toBe(404)
  })

  it('stays under 30 KB with its stylesheet in every language, errors included', async () => {
    const url = `/soudan/${city.tenantId}/surveys/${surveyId}`
    for (const lang of LANGS) {
      // A browser per language: each comes from its own address, inside the per-address limit.
      const b = browser(ctx.app)
      const page = await b.get(`${url}?lang=${lang}`)
      const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!
      const cssBytes = Buffer.byteLength((await b.get(css)).body)
      const errors = await b.post(`${url}?lang=${lang}`, {})
      expect(errors.statusCode).toBe(400)
      for (const res of [page, errors]) expect(Buffer.byteLength(res.body) + cssBytes).toBeLessThan(30 * 1024)
    }
  })
})

describe('behind the public role', () => {
  it('answers with the role’s grants', async () => {
    const before = (await webRespondents()).length
    const config = testAppConfig({ defaultCity: city.tenantId })
    await publicRole.inCity(city.tenantId, async (db) => {
      const app = await buildPublicApp({ db, clock: ctx.clock, config })
      try {
        const b = browser(app)
        const url = `/soudan/${city.tenantId}/surveys/${surveyId}`
        expect((await b.get(url)).statusCode).toBe(200)
        const sent = await b.post(url, { 'q1-1': '1', q2: '公開側から' })
        expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
      } finally {
        await app.close()
      }
    })
    expect(await webRespondents()).toHaveLength(before + 1)
  })

  it('answers through one-time links with the role’s grants: once each, the case kept only with the agreement', async () => {
    const copied = (await hq.post('/api/survey-templates/copy', { key: 'window' })).json()
    const linked = await hq.put(`/api/surveys/${copied.id}`, { ...copied, linkToCase: true })
    expect(linked.statusCode, linked.body).toBe(200)
    await hq.post(`/api/surveys/${copied.id}/status`, { status: 'published' })
    const tokens = await closedCaseLinks(ctx.db, hq, city.tenantId, copied.id, ['公開一郎', '公開二郎'])
    const config = testAppConfig({ defaultCity: city.tenantId })
    await publicRole.inCity(city.tenantId, async (db) => {
      const app = await buildPublicApp({ db, clock: ctx.clock, config })
      try {
        for (const [name, agree] of [
          ['公開一郎', { agree: '1' }],
          ['公開二郎', {}],
        ] as const) {
          const b = browser(app)
          const link = `/soudan/${city.tenantId}/surveys/a/${tokens.get(name)}`
          const page = await b.get(link)
          expect(page.statusCode, page.body.slice(0, 300)).toBe(200)
          expect(page.body).toContain('name="agree"')
          const answer = { link: tokens.get(name)!, q1: '1', ...agree }
          const sent = await b.post(`/soudan/${city.tenantId}/surveys/a`, answer)
          expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
          expect((await b.follow(sent)).body).toContain('回答を受け付けました')
          // Single-use under the role too.
          expect((await b.get(link)).statusCode).toBe(404)
          expect((await b.post(`/soudan/${city.tenantId}/surveys/a`, answer)).statusCode).toBe(404)
        }
      } finally {
        await app.close()
      }
    })
    const results = (await hq.get(`/api/surveys/${copied.id}/results`)).json()
    expect(results.respondents).toBe(2)
    expect(results.targetList).toEqual({ invited: 2, answered: 2, rate: 100 })
    const links = await withTenant(city.tenantId, () =>
      ctx.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, copied.id)),
    )
    // The one who agreed keeps the case beside the answer's number; the other's link forgot it.
    expect(links.map((l) => [l.caseId !== null, l.respondentNo !== null, l.usedAt !== null]).sort()).toEqual([
      [false, false, true],
      [true, true, true],
    ])
  })
})
