import { Writable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  casePeople,
  cases,
  mailOutbox,
  meetingAttendees,
  meetings,
  orgUnits,
  reviews,
  surveyAnswers,
  surveyInvitations,
  surveyRespondents,
} from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { sendDueMail } from '#server/modules/mail/index.ts'
import { browser } from '#server/public-site/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { answerInvitation } from './public-answers.ts'
import { createSurvey } from './test-support.ts'

// One-time links for a target list drawn from the records (issue 12): counted, made once per
// kind and period, mailed or printed, single-use, and anonymous unless the survey asks and the
// respondent agrees.
const SECRET = 'a-session-secret-of-this-test-file-only-0123456789'
const lines: string[] = []
let ctx: TestContext
let city: TestCity
let hq: Session
const caseIds: Record<string, string> = {}

async function seed(tenantId: string) {
  await withTenant(tenantId, async () => {
    const db = ctx.db
    const base = {
      tenantId,
      intakeUnit: 'window',
      ageBand: 'unknown',
      firstConsulter: 'self',
      openedOn: '2026-01-10',
    }
    const rows = await db
      .insert(cases)
      .values([
        // Closed in October: its mother (mail) and the person (no mail) consulted.
        { ...base, caseNo: 'C-1', closedOn: '2026-10-05', closureReason: 'resolved', name: '終結一郎' },
        // Closed in October, no people recorded: one letter to the case's name.
        { ...base, caseNo: 'C-2', closedOn: '2026-10-20', closureReason: 'resolved', name: '終結二郎' },
        // Closed in September: not in October's list.
        { ...base, caseNo: 'C-3', closedOn: '2026-09-30', closureReason: 'resolved', name: '九月三郎' },
        // Led by よりそい支援員 since a meeting in September, still open.
        { ...base, caseNo: 'C-4', name: '支援四郎' },
      ])
      .returning({ id: cases.id, caseNo: cases.caseNo })
    for (const r of rows) caseIds[r.caseNo] = r.id
    await db.insert(casePeople).values([
      {
        tenantId,
        caseId: caseIds['C-1']!,
        personNo: 1,
        relationship: 'self',
        name: '終結一郎',
        address: '京都市北区1-1',
      },
      {
        tenantId,
        caseId: caseIds['C-1']!,
        personNo: 2,
        relationship: 'mother',
        name: '終結花子',
        mail: 'hanako@example.test',
      },
      {
        tenantId,
        caseId: caseIds['C-1']!,
        personNo: 3,
        relationship: 'father',
        consulter: false,
        name: '相談なし父',
      },
      {
        tenantId,
        caseId: caseIds['C-4']!,
        personNo: 1,
        relationship: 'self',
        name: '支援四郎',
        mail: 'shiro@example.test',
      },
    ])
    const [agency, other] = await db
      .insert(orgUnits)
      .values([
        { tenantId, kind: 'agency', name: '北区社会福祉協議会' },
        { tenantId, kind: 'agency', name: '出席しなかった機関' },
      ])
      .returning({ id: orgUnits.id })
    const [meeting] = await db
      .insert(meetings)
      .values({ tenantId, meetingNo: 'M-1', ward: 'kita', heldOn: '2026-09-15', status: 'held' })
      .returning({ id: meetings.id })
    await db.insert(meetingAttendees).values([
      { tenantId, meetingId: meeting!.id, unitId: agency!.id, attended: true },
      { tenantId, meetingId: meeting!.id, unitId: other!.id, attended: false },
    ])
    await db.insert(reviews).values({
      tenantId,
      meetingId: meeting!.id,
      caseId: caseIds['C-4']!,
      kind: 'new',
      lead: 'accompaniment',
    })
  })
}

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  ctx = await createTestContext({ logStream, config: { sessionSecret: SECRET } })
  city = await ctx.newCity()
  hq = await city.as('headquarters')
  await seed(city.tenantId)
})
afterAll(() => ctx?.close())

const inCity = <T>(f: () => Promise<T>) => withTenant(city.tenantId, f)
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' }

async function publishedSurvey(overrides: Record<string, unknown> = {}) {
  const s = await createSurvey(hq, { periodFrom: null, periodTo: null, ...overrides })
  expect((await hq.post(`/api/surveys/${s.id}/status`, { status: 'published' })).statusCode).toBe(200)
  return s
}
const tokenOf = (url: string) => url.split('/').at(-1)!
/** Answers a survey with the test survey's one required question. */
const ANSWERS = [{ questionNo: 1, choices: ['満足'], text: null }]

describe('the target list', () => {
  it('counts consulters of cases closed in the period, agencies at its meetings, people led by よりそい支援員', async () => {
    const s = await publishedSurvey()
    const count = async (kind: string, p = OCTOBER) => {
      const res = await hq.get(`/api/surveys/${s.id}/targets?kind=${kind}&from=${p.from}&to=${p.to}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json()
    }
    // C-1's two consulters (not its father) and C-2's name; C-3 closed in September.
    expect(await count('closed_consulters')).toMatchObject({
      total: 3,
      mail: 1,
      letters: 2,
      alreadyMade: false,
    })
    expect(await count('meeting_agencies', { from: '2026-09-01', to: '2026-09-30' })).toMatchObject({
      total: 1,
      mail: 0,
      letters: 1,
    })
    expect(await count('meeting_agencies')).toMatchObject({ total: 0 })
    expect(await count('accompaniment_supported')).toMatchObject({ total: 1, mail: 1, letters: 0 })
    // Before the deciding meeting, nobody was led.
    expect(await count('accompaniment_supported', { from: '2026-08-01', to: '2026-08-31' })).toMatchObject({
      total: 0,
    })
    const bad = await hq.get(
      `/api/surveys/${s.id}/targets?kind=closed_consulters&from=2026-10-31&to=2026-10-01`,
    )
    expect(bad.statusCode).toBe(400)
  })

  it('is headquarters’ alone, and only for a published survey', async () => {
    const draft = await createSurvey(hq)
    const made = await hq.post(`/api/surveys/${draft.id}/invitations`, {
      kind: 'closed_consulters',
      ...OCTOBER,
    })
    expect(made.statusCode).toBe(409)
    const ward = await city.as('ward_coordinator', { ward: 'kita' })
    expect(
      (
        await ward.get(
          `/api/surveys/${draft.id}/targets?kind=closed_consulters&from=2026-10-01&to=2026-10-31`,
        )
      ).statusCode,
    ).toBe(403)
    expect(
      (await ward.post(`/api/surveys/${draft.id}/invitations`, { kind: 'closed_consulters', ...OCTOBER }))
        .statusCode,
    ).toBe(403)
  })
})

describe('one-time links', () => {
  it('mails where an address is known, returns letters with a QR code otherwise, once per kind and period', async () => {
    const s = await publishedSurvey()
    const res = await hq.post(`/api/surveys/${s.id}/invitations`, { kind: 'closed_consulters', ...OCTOBER })
    expect(res.statusCode, res.body).toBe(201)
    const { batch, letters } = res.json()
    expect(batch).toMatchObject({ kind: 'closed_consulters', mail: 1, letters: 2, answered: 0 })
    expect(letters.map((l: { addressee: string }) => l.addressee).sort()).toEqual(['終結一郎', '終結二郎'])
    expect(letters.find((l: { addressee: string }) => l.addressee === '終結一郎').address).toBe(
      '京都市北区1-1',
    )
    for (const l of letters) {
      expect(l.url).toMatch(
        new RegExp(`^http://localhost/soudan/${city.tenantId}/surveys/a/[A-Za-z0-9_-]{43}$`),
      )
      expect(l.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s)
    }
    // Only hashes are stored; no token in the outbox either.
    const stored = await inCity(() =>
      ctx.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, s.id)),
    )
    expect(stored).toHaveLength(3)
    const outbox = await inCity(() =>
      ctx.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'survey_invitation')),
    )
    const dump = JSON.stringify([stored, outbox])
    for (const l of letters) expect(dump).not.toContain(tokenOf(l.url))
    const mine = outbox.filter((o) => stored.some((i) => i.id === o.invitationId))
    expect(mine.map((o) => o.toAddress)).toEqual(['hanako@example.test'])

    // The same kind and period again: refused, nobody is asked twice.
    const again = await hq.post(`/api/surveys/${s.id}/invitations`, { kind: 'closed_consulters', ...OCTOBER })
    expect(again.statusCode).toBe(409)
    const count = await hq.get(
      `/api/surveys/${s.id}/targets?kind=closed_consulters&from=2026-10-01&to=2026-10-31`,
    )
    expect(count.json().alreadyMade).toBe(true)
    expect((await hq.get(`/api/surveys/${s.id}/invitations`)).json()).toHaveLength(1)
  })

  it('mails the link through the outbox; the link opens the survey once', async () => {
    const s = await publishedSurvey()
    expect(
      (await hq.post(`/api/surveys/${s.id}/invitations`, { kind: 'accompaniment_supported', ...OCTOBER }))
        .statusCode,
    ).toBe(201)
    const sent: { to: string; subject: string; text: string }[] = []
    const mailer = { send: async (m: (typeof sent)[number]) => void sent.push(m), close() {} }
    const log = { info() {}, warn() {} }
    await sendDueMail({
      db: ctx.db,
      clock: ctx.clock,
      mailer,
      publicUrl: 'https://yorisoi.example.lg.jp',
      log,
      linkSecret: SECRET,
    })
    const mail = sent.find((m) => m.to === 'shiro@example.test')
    expect(mail, JSON.stringify(sent)).toBeDefined()
    expect(mail!.subject).toBe('アンケートへのご協力のお願い')
    expect(mail!.text).not.toContain('支援四郎')
    const url = /https:\/\/\S+\/surveys\/a\/([A-Za-z0-9_-]{43})/.exec(mail!.text)
    expect(url).not.toBeNull()
    const b = browser(ctx.app)
    const page = await b.get(`/soudan/${city.tenantId}/surveys/a/${url![1]}`)
    expect(page.statusCode, page.body.slice(0, 200)).toBe(200)
  })

  it('answers once on the residents’ pages; the token stays out of the log and of the answer’s path', async () => {
    const s = await publishedSurvey()
    const { letters } = (
      await hq.post(`/api/surveys/${s.id}/invitations`, {
        kind: 'meeting_agencies',
        from: '2026-09-01',
        to: '2026-09-30',
      })
    ).json()
    const token = tokenOf(letters[0].url)
    const b = browser(ctx.app)
    const page = await b.get(`/soudan/${city.tenantId}/surveys/a/${token}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`action="/soudan/${city.tenantId}/surveys/a"`)
    expect(page.body).toContain(`name="link" value="${token}"`)
    // No agreement asked: this survey does not tie answers to cases.
    expect(page.body).not.toContain('name="agree"')
    const sent = await b.post(`/soudan/${city.tenantId}/surveys/a`, { link: token, q1: '0' })
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
    expect(sent.headers.location).toBe(`/soudan/${city.tenantId}/surveys/${s.id}/done`)
    const reused = await b.get(`/soudan/${city.tenantId}/surveys/a/${token}`)
    expect(reused.statusCode).toBe(404)
    expect(reused.body).toContain('この回答用ページは使えません')
    const again = await b.post(`/soudan/${city.tenantId}/surveys/a`, { link: token, q1: '0' })
    expect(again.statusCode).toBe(404)
    const results = (await hq.get(`/api/surveys/${s.id}/results`)).json()
    expect(results.respondents).toBe(1)
    expect(results.targetList).toEqual({ invited: 1, answered: 1, rate: 100 })
    expect(lines.join('')).toContain('/surveys/a/:redacted')
    expect(lines.join('')).not.toContain(token)
  })

  it('of 20 concurrent answers through one link exactly one is stored', async () => {
    const s = await publishedSurvey()
    const { letters } = (
      await hq.post(`/api/surveys/${s.id}/invitations`, { kind: 'closed_consulters', ...OCTOBER })
    ).json()
    const token = tokenOf(letters[0].url)
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        inCity(() => answerInvitation(ctx.db, ctx.clock, city.tenantId, token, ANSWERS, false)),
      ),
    )
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1)
    expect(outcomes.filter((o) => o !== 'stored').every((o) => o === 'used')).toBe(true)
    const respondents = await inCity(() =>
      ctx.db.select().from(surveyRespondents).where(eq(surveyRespondents.surveyId, s.id)),
    )
    expect(respondents).toHaveLength(1)
    const results = (await hq.get(`/api/surveys/${s.id}/results`)).json()
    expect(results.targetList).toEqual({ invited: 3, answered: 1, rate: 33.3 })
  })
})

describe('anonymity', () => {
  async function everythingOf(surveyId: string) {
    return inCity(async () => ({
      respondents: await ctx.db
        .select()
        .from(surveyRespondents)
        .where(eq(surveyRespondents.surveyId, surveyId)),
      answers: await ctx.db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, surveyId)),
      links: await ctx.db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, surveyId)),
      audit: await ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, surveyId), eq(auditLog.action, 'survey.web_response'))),
    }))
  }
  const caseMarks = () => [
    ...Object.values(caseIds),
    ...Object.keys(caseIds),
    '終結',
    '支援四郎',
    'example.test',
  ]

  it('no case id is reachable from an answer through a link, in the rows or the API', async () => {
    const s = await publishedSurvey()
    const { letters } = (
      await hq.post(`/api/surveys/${s.id}/invitations`, { kind: 'closed_consulters', ...OCTOBER })
    ).json()
    for (const l of letters)
      expect(
        await inCity(() => answerInvitation(ctx.db, ctx.clock, city.tenantId, tokenOf(l.url), ANSWERS, true)),
      ).toBe('stored')
    const rows = await everythingOf(s.id)
    expect(rows.respondents).toHaveLength(2)
    expect(rows.respondents.every((r) => r.source === 'web')).toBe(true)
    // The links name no case either (the survey does not ask), nor the answers given through them.
    expect(rows.links.every((l) => l.caseId === null && l.respondentNo === null)).toBe(true)
    const api = [
      (await hq.get(`/api/surveys/${s.id}`)).body,
      (await hq.get(`/api/surveys/${s.id}/results`)).body,
      (await hq.get(`/api/surveys/${s.id}/invitations`)).body,
    ]
    const text = JSON.stringify([rows.respondents, rows.answers, rows.audit]) + api.join('')
    for (const mark of caseMarks()) expect(text).not.toContain(mark)
    for (const l of rows.links) expect(text).not.toContain(l.id)
  })

  it('ties an answer to its case only when the survey asks and the respondent agrees', async () => {
    const s = await publishedSurvey({ linkToCase: true })
    expect(s.linkToCase).toBe(true)
    const { letters } = (
      await hq.post(`/api/surveys/${s.id}/invitations`, { kind: 'closed_consulters', ...OCTOBER })
    ).json()
    const before = await everythingOf(s.id)
    expect(
      before.links
        .filter((l) => l.caseId)
        .map((l) => l.caseId)
        .sort(),
    ).toEqual([caseIds['C-1'], caseIds['C-1'], caseIds['C-2']].sort())
    const byName = (n: string) => tokenOf(letters.find((l: { addressee: string }) => l.addressee === n).url)
    // The form asks.
    const page = await browser(ctx.app).get(`/soudan/${city.tenantId}/surveys/a/${byName('終結二郎')}`)
    expect(page.body).toContain('name="agree"')
    expect(
      await inCity(() =>
        answerInvitation(ctx.db, ctx.clock, city.tenantId, byName('終結二郎'), ANSWERS, true),
      ),
    ).toBe('stored')
    expect(
      await inCity(() =>
        answerInvitation(ctx.db, ctx.clock, city.tenantId, byName('終結一郎'), ANSWERS, false),
      ),
    ).toBe('stored')
    const after = await everythingOf(s.id)
    const used = after.links.filter((l) => l.usedAt)
    // The one who agreed: their link keeps its case beside their answer's number.
    const agreed = used.find((l) => l.caseId)!
    expect(agreed.caseId).toBe(caseIds['C-2'])
    expect(after.respondents.map((r) => r.respondentNo)).toContain(agreed.respondentNo)
    // The one who did not: their link forgot its case as it was used, and names no answer.
    expect(used.filter((l) => !l.caseId)).toMatchObject([{ caseId: null, respondentNo: null }])
    // The answers' own rows name no case either way.
    for (const id of Object.values(caseIds)) expect(JSON.stringify(after.respondents)).not.toContain(id)
  })
})
