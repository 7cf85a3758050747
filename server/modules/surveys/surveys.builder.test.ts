import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, surveyQuestions, surveys } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { ROLES } from '#shared/codes.ts'
import { addPaper, aSurvey, createSurvey } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let hq: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  hq = await city.as('headquarters')
})
afterAll(() => ctx.close())

async function storedSurveys() {
  const [row] = await ctx.db.select({ n: count() }).from(surveys).where(eq(surveys.tenantId, city.tenantId))
  return row!.n
}

describe('building a survey', () => {
  it('stores the details and the questions in order, その他 as a flag, a 5-point scale with default steps', async () => {
    const s = await createSurvey(hq)
    expect(s.surveyNo).toMatch(/^Q-\d{4}$/)
    expect(s.status).toBe('draft')
    expect(s.locked).toBe(false)
    expect(s.questions).toEqual([
      {
        no: 1,
        kind: 'scale',
        question: '居場所への満足度',
        options: ['満足', 'やや満足', '普通', 'やや不満', '不満'],
        required: true,
        allowOther: false,
      },
      {
        no: 2,
        kind: 'multiple',
        question: '良かった点',
        options: ['雰囲気', '時間帯', '場所'],
        required: false,
        allowOther: true,
      },
      {
        no: 3,
        kind: 'single',
        question: '次回も利用したいですか',
        options: ['はい', 'いいえ'],
        required: false,
        allowOther: false,
      },
      { no: 4, kind: 'text', question: 'ご意見', options: [], required: false, allowOther: false },
    ])
    // Stored with その他 as the last option, so the report and the ledger count it like any other.
    const [q2] = await ctx.db
      .select({ options: surveyQuestions.options })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.surveyId, s.id), eq(surveyQuestions.questionNo, 2)))
    expect(q2!.options).toEqual(['雰囲気', '時間帯', '場所', 'その他'])
    const audits = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, s.id)))
    expect(audits.map((a) => a.action)).toContain('survey.create')
  })

  it('refuses bad questions with Japanese field errors and writes nothing', async () => {
    const before = await storedSurveys()
    const res = await hq.post(
      '/api/surveys',
      aSurvey({
        title: ' ',
        periodFrom: '2026-12-01',
        periodTo: '2026-11-01',
        questions: [
          { kind: 'single', question: '一つだけ', options: ['はい'] },
          { kind: 'text', question: '自由', options: ['a'] },
          { kind: 'scale', question: '満足度', options: ['1', '2', '3'] },
          { kind: 'multiple', question: '重複', options: ['a', 'a'] },
        ],
      }),
    )
    expect(res.statusCode).toBe(400)
    const fields = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    )
    expect(fields.title).toBe('タイトルを入力してください')
    expect(await storedSurveys()).toBe(before)
    const service = await hq.post(
      '/api/surveys',
      aSurvey({
        questions: [
          { kind: 'single', question: '一つだけ', options: ['はい'] },
          { kind: 'text', question: '自由', options: ['a'] },
          { kind: 'scale', question: '満足度', options: ['1', '2', '3'] },
          { kind: 'multiple', question: '重複', options: ['a', 'a'] },
          { kind: 'single', question: 'その他が重なる', options: ['a', 'その他'], allowOther: true },
        ],
      }),
    )
    expect(service.statusCode).toBe(400)
    expect(service.json().errors).toEqual([
      { field: 'questions.0.options', message: '選択肢を2つ以上入力してください' },
      { field: 'questions.1.options', message: '自由記述の設問に選択肢は置けません' },
      { field: 'questions.2.options', message: '5段階評価の選択肢はちょうど5つ入力してください' },
      { field: 'questions.3.options', message: '同じ選択肢が重なっています' },
      {
        field: 'questions.4.options',
        message: '「その他」は「その他（自由記述）」を置くと自動で最後に付きます',
      },
    ])
    const period = await hq.post(
      '/api/surveys',
      aSurvey({ periodFrom: '2026-12-01', periodTo: '2026-11-01' }),
    )
    expect(period.json().errors).toEqual([
      { field: 'periodTo', message: '終了日は開始日以降の日付を入力してください' },
    ])
    expect(await storedSurveys()).toBe(before)
  })

  it('changes questions freely while nobody has answered', async () => {
    const s = await createSurvey(hq)
    const res = await hq.put(
      `/api/surveys/${s.id}`,
      aSurvey({ title: '改題', questions: [{ kind: 'text', question: '感想' }] }),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().title).toBe('改題')
    expect(res.json().questions.map((q: { question: string }) => q.question)).toEqual(['感想'])
  })

  it('locks the questions once a response exists; details still change; a copy is a new unlocked version', async () => {
    const s = await createSurvey(hq)
    await addPaper(hq, s.id, [{ questionNo: 1, choices: ['満足'] }])
    const got = (await hq.get(`/api/surveys/${s.id}`)).json()
    expect(got.locked).toBe(true)
    expect(got.responses).toEqual({ total: 1, paper: 1, web: 0 })

    const changed = aSurvey({ questions: [{ kind: 'text', question: '別の設問' }] })
    const refused = await hq.put(`/api/surveys/${s.id}`, changed)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toBe(
      '回答があるアンケートの設問は変更できません。コピーして新しい版を作成してください',
    )
    expect((await hq.get(`/api/surveys/${s.id}`)).json().questions).toEqual(got.questions)

    const sameQuestions = await hq.put(
      `/api/surveys/${s.id}`,
      aSurvey({ title: '題だけ変える', targetCount: 30 }),
    )
    expect(sameQuestions.statusCode, sameQuestions.body).toBe(200)
    expect(sameQuestions.json()).toMatchObject({ title: '題だけ変える', targetCount: 30, locked: true })

    const copy = await hq.post(`/api/surveys/${s.id}/copy`)
    expect(copy.statusCode).toBe(201)
    expect(copy.json()).toMatchObject({
      title: '題だけ変える（コピー）',
      status: 'draft',
      locked: false,
      copiedFrom: s.id,
      responses: { total: 0, paper: 0, web: 0 },
      questions: got.questions,
    })
    expect(copy.json().surveyNo).not.toBe(s.surveyNo)
    const edited = await hq.put(`/api/surveys/${copy.json().id}`, changed)
    expect(edited.statusCode).toBe(200)
  })

  it('publishes and closes', async () => {
    const s = await createSurvey(hq)
    const pub = await hq.post(`/api/surveys/${s.id}/status`, { status: 'published' })
    expect(pub.json().status).toBe('published')
    const closed = await hq.post(`/api/surveys/${s.id}/status`, { status: 'closed' })
    expect(closed.json().status).toBe('closed')
    const bad = await hq.post(`/api/surveys/${s.id}/status`, { status: 'gone' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].message).toBe('状態を選択してください')
  })
})

describe('the ready-made templates', () => {
  it('are the evaluation’s three surveys with the report’s wordings, copied as new surveys', async () => {
    const list = (await hq.get('/api/survey-templates')).json()
    expect(list.map((t: { title: string }) => t.title)).toEqual([
      '「よりそい・つなぐ」相談窓口アンケート',
      '関係機関アンケート',
      'よりそい支援員アンケート',
    ])
    const window = list[0]
    expect(window.questions[0]).toMatchObject({
      kind: 'scale',
      options: ['満足', 'やや満足', '普通', 'やや不満', '不満'],
    })
    const agencies = list[1]
    expect(agencies.questions[0].options[0]).toBe('支援について、多角的に考える場ができた。')
    expect(agencies.questions[0].allowOther).toBe(true)

    const res = await hq.post('/api/survey-templates/copy', { key: 'window' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ title: window.title, audience: 'consulters', status: 'draft' })
    expect(res.json().questions).toEqual(window.questions)
    const unknown = await hq.post('/api/survey-templates/copy', { key: 'nothing' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([{ field: 'key', message: 'ひな形を一覧から選択してください' }])
  })
})

describe('who may', () => {
  it.each(ROLES.map((r) => r.code).filter((r) => r !== 'headquarters'))(
    '%s may not build or read surveys',
    async (role) => {
      const s = await createSurvey(hq)
      const other = await city.as(role, { ward: 'sakyo' })
      for (const res of [
        await other.get('/api/surveys'),
        await other.get(`/api/surveys/${s.id}`),
        await other.post('/api/surveys', aSurvey()),
        await other.get(`/api/surveys/${s.id}/results`),
        await other.post('/api/survey-templates/copy', { key: 'window' }),
        await other.post(`/api/surveys/${s.id}/paper-responses`, { answeredOn: '2026-11-20', answers: [] }),
      ])
        expect(res.statusCode).toBe(403)
    },
  )
})
