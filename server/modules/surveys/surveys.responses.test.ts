import { and, eq, getTableColumns } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, surveyAnswers, surveyRespondents } from '#server/db/schema/index.ts'
import { exportRows } from '#server/modules/interchange/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addPaper, createSurvey } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let hq: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  hq = await city.as('headquarters')
})
afterAll(() => ctx.close())

describe('paper answers', () => {
  it('are numbered per survey, marked paper, and keep choices in the survey’s order', async () => {
    const s = await createSurvey(hq)
    const first = await addPaper(hq, s.id, [
      { questionNo: 1, choices: ['やや満足'] },
      { questionNo: 2, choices: ['場所', 'その他', '雰囲気'], text: '送迎があること' },
      { questionNo: 4, text: 'また来たい' },
    ])
    const second = await addPaper(hq, s.id, [{ questionNo: 1, choices: ['満足'] }])
    expect([first.respondentNo, second.respondentNo]).toEqual(['P-0001', 'P-0002'])
    const people = await ctx.db.select().from(surveyRespondents).where(eq(surveyRespondents.surveyId, s.id))
    expect(people.map((p) => [p.respondentNo, p.source, p.answeredOn])).toEqual([
      ['P-0001', 'paper', '2026-11-20'],
      ['P-0002', 'paper', '2026-11-20'],
    ])
    const [q2] = await ctx.db
      .select()
      .from(surveyAnswers)
      .where(
        and(
          eq(surveyAnswers.surveyId, s.id),
          eq(surveyAnswers.respondentNo, 'P-0001'),
          eq(surveyAnswers.questionNo, 2),
        ),
      )
    expect(q2).toMatchObject({ answer: ['雰囲気', '場所', 'その他'], otherText: '送迎があること' })
    const audits = await ctx.db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, s.id), eq(auditLog.action, 'survey.paper_response')))
    expect(audits).toHaveLength(2)
    // The audit names the respondent number, never what was written.
    expect(JSON.stringify(audits)).not.toContain('送迎')
  })

  it('refuses answers that do not fit the questions, with Japanese messages, writing nothing', async () => {
    const s = await createSurvey(hq)
    const res = await hq.post(`/api/surveys/${s.id}/paper-responses`, {
      answeredOn: '2026-11-20',
      answers: [
        { questionNo: 2, choices: ['雰囲気'], text: 'その他を選んでいない' },
        { questionNo: 3, choices: ['はい', 'いいえ'] },
        { questionNo: 4, choices: ['はい'] },
        { questionNo: 9, choices: [] },
      ],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'answers.9', message: 'この設問はありません' },
      { field: 'answers.1', message: 'この設問は回答が必要です' },
      { field: 'answers.2', message: '文章は「その他」を選んだときに入力できます' },
      { field: 'answers.3', message: '選べるのは1つです' },
      { field: 'answers.4', message: '自由記述の設問です。文章で入力してください' },
    ])
    const notInList = await hq.post(`/api/surveys/${s.id}/paper-responses`, {
      answeredOn: '2026-11-20',
      answers: [{ questionNo: 1, choices: ['最高'] }],
    })
    expect(notInList.json().errors).toEqual([{ field: 'answers.1', message: '選択肢の中から選んでください' }])
    const future = await hq.post(`/api/surveys/${s.id}/paper-responses`, {
      answeredOn: '2026-12-24',
      answers: [{ questionNo: 1, choices: ['満足'] }],
    })
    expect(future.json().errors).toEqual([
      { field: 'answeredOn', message: '回答日に未来の日付は入力できません' },
    ])
    expect((await hq.get(`/api/surveys/${s.id}`)).json().responses.total).toBe(0)
  })
  it('takes “today” as the date in Tokyo, so a paper dated today is accepted just after midnight there', async () => {
    const s = await createSurvey(hq)
    const before = ctx.clock.now()
    // 01:30 on 25 November in Tokyo is still 24 November in UTC.
    ctx.clock.set(new Date('2026-11-24T16:30:00Z'))
    try {
      const late = await city.as('headquarters')
      const paper = await addPaper(late, s.id, [{ questionNo: 1, choices: ['満足'] }], '2026-11-25')
      expect(paper.respondentNo).toBe('P-0001')
      const tomorrow = await late.post(`/api/surveys/${s.id}/paper-responses`, {
        answeredOn: '2026-11-26',
        answers: [{ questionNo: 1, choices: ['満足'] }],
      })
      expect(tomorrow.json().errors).toEqual([
        { field: 'answeredOn', message: '回答日に未来の日付は入力できません' },
      ])
    } finally {
      ctx.clock.set(before)
    }
  })
})

describe('results', () => {
  it('counts and percentages per option with the report’s rounding, free texts, response rate; redaction', async () => {
    const s = await createSurvey(hq, { targetCount: 7 })
    const scale = ['満足', '満足', 'やや満足']
    for (const [i, choice] of scale.entries())
      await addPaper(hq, s.id, [
        { questionNo: 1, choices: [choice] },
        ...(i === 0 ? [{ questionNo: 2, choices: ['その他'], text: '名前の書かれた感想' }] : []),
        ...(i === 1 ? [{ questionNo: 4, text: '職員の〇〇さんに感謝' }] : []),
      ])
    const res = await hq.get(`/api/surveys/${s.id}/results`)
    expect(res.statusCode).toBe(200)
    const r = res.json()
    expect(r).toMatchObject({ respondents: 3, targetCount: 7, responseRate: 42.9 })
    // 2/3 and 1/3 by the largest remainder: 66.7 + 33.3 = 100.0.
    expect(r.questions[0].options.slice(0, 2)).toEqual([
      { label: '満足', count: 2, percent: 66.7 },
      { label: 'やや満足', count: 1, percent: 33.3 },
    ])
    expect(r.questions[1]).toMatchObject({ answered: 1 })
    expect(r.questions[1].options.at(-1)).toEqual({ label: 'その他', count: 1, percent: 33.3 })
    expect(r.questions[1].texts).toEqual([
      { respondentNo: 'P-0001', label: 'その他', text: '名前の書かれた感想', redacted: false },
    ])
    expect(r.questions[3].texts).toEqual([
      { respondentNo: 'P-0002', label: null, text: '職員の〇〇さんに感謝', redacted: false },
    ])

    const redacted = await hq.post(`/api/surveys/${s.id}/redactions`, {
      respondentNo: 'P-0002',
      questionNo: 4,
    })
    expect(redacted.statusCode, redacted.body).toBe(200)
    expect(redacted.json().questions[3].texts).toEqual([
      { respondentNo: 'P-0002', label: null, text: null, redacted: true },
    ])
    const other = await hq.post(`/api/surveys/${s.id}/redactions`, { respondentNo: 'P-0001', questionNo: 2 })
    // The 「その他」 choice stays counted; only its text is gone, in the database too.
    expect(other.json().questions[1].options.at(-1)).toEqual({ label: 'その他', count: 1, percent: 33.3 })
    expect(other.json().questions[1].texts[0]).toMatchObject({ text: null, redacted: true })
    const stored = await ctx.db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, s.id))
    expect(JSON.stringify(stored)).not.toMatch(/感謝|名前の書かれた/)
    const again = await hq.post(`/api/surveys/${s.id}/redactions`, { respondentNo: 'P-0002', questionNo: 4 })
    expect(again.statusCode).toBe(404)
    expect(again.json().detail).toBe('消せる自由記述が見つかりません')
  })

  it('the report’s 表 counts in-product paper answers, a 5-point scale as single choice', async () => {
    const other = await ctx.newCity()
    const hq2 = await other.as('headquarters')
    const s = (await hq2.post('/api/survey-templates/copy', { key: 'window' })).json()
    for (const choice of ['満足', '満足', '普通'])
      await addPaper(hq2, s.id, [{ questionNo: 1, choices: [choice] }])
    const report = await hq2.get('/api/reports?from=2026-04-01&to=2027-03-31')
    expect(report.statusCode, report.body).toBe(200)
    const [table] = report.json().surveys
    expect(table).toMatchObject({
      title: '「よりそい・つなぐ」相談窓口アンケート',
      audience: 'consulters',
      respondents: 3,
    })
    expect(table.questions[0].kind).toBe('single')
    expect(table.questions[0].options).toEqual([
      { label: '満足', count: 2, percent: 66.7 },
      { label: 'やや満足', count: 0, percent: 0 },
      { label: '普通', count: 1, percent: 33.3 },
      { label: 'やや不満', count: 0, percent: 0 },
      { label: '不満', count: 0, percent: 0 },
    ])
  })
})

describe('the ledger export', () => {
  it('holds in-product answers like imported ones; free texts only with personal columns, redacted ones never', async () => {
    const other = await ctx.newCity()
    const hq2 = await other.as('headquarters')
    const s = await createSurvey(hq2)
    await addPaper(hq2, s.id, [
      { questionNo: 1, choices: ['満足'] },
      { questionNo: 4, text: '残す感想' },
    ])
    await addPaper(hq2, s.id, [
      { questionNo: 1, choices: ['不満'] },
      { questionNo: 4, text: '消す感想' },
    ])
    await hq2.post(`/api/surveys/${s.id}/redactions`, { respondentNo: 'P-0002', questionNo: 4 })
    const rowsOf = async (personal: boolean) =>
      ((await exportRows(ctx.db, other.tenantId, personal)).get('responses') ?? []) as {
        survey_id: string
        respondent_id: string
        question_no: number
        answer: string[] | null
      }[]
    const withText = await rowsOf(true)
    expect(withText.map((r) => [r.survey_id, r.respondent_id, r.question_no, r.answer])).toEqual([
      [s.surveyNo, 'P-0001', 1, ['満足']],
      [s.surveyNo, 'P-0001', 4, ['残す感想']],
      [s.surveyNo, 'P-0002', 1, ['不満']],
      [s.surveyNo, 'P-0002', 4, []],
    ])
    expect(JSON.stringify(await rowsOf(false))).not.toContain('残す感想')
  })
})

describe('anonymity', () => {
  it('no column of a respondent or an answer can hold a case, a person or an account', () => {
    const columns = [
      ...Object.keys(getTableColumns(surveyRespondents)),
      ...Object.keys(getTableColumns(surveyAnswers)),
    ]
    expect(columns.sort()).toEqual(
      [
        'tenantId',
        'surveyId',
        'respondentNo',
        'answeredOn',
        'source',
        'tenantId',
        'surveyId',
        'respondentNo',
        'questionNo',
        'answer',
        'otherText',
        'redactedAt',
      ].sort(),
    )
  })

  it('the results name respondents by number only', async () => {
    const s = await createSurvey(hq)
    await addPaper(hq, s.id, [
      { questionNo: 1, choices: ['満足'] },
      { questionNo: 4, text: '感想' },
    ])
    const body = (await hq.get(`/api/surveys/${s.id}/results`)).body
    expect(body).not.toMatch(/caseId|personId|accountId|case_id/)
    expect(body).not.toContain(hq.user.id)
  })
})
