import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveyAnswers, surveyQuestions } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { addPaper, createSurvey } from '#server/modules/surveys/test-support.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { exportLedger } from './export-ledger.ts'
import { importDir, NOW, tempDir, writeCsv } from './test-ledger.ts'

// A survey built in the product goes out and comes back whole (issue 12): which questions are
// required, which carry 「その他（自由記述）」, and the text written with その他.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const csvFiles = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

async function questionsOf(tenantId: string) {
  const rows = await withTenant(tenantId, () =>
    ctx.db.select().from(surveyQuestions).where(eq(surveyQuestions.tenantId, tenantId)),
  )
  return rows
    .map((q) => ({ no: q.questionNo, required: q.required, allowOther: q.allowOther, options: q.options }))
    .sort((a, b) => a.no - b.no)
}

describe('survey flags and その他 texts in the ledger', () => {
  it('export → import into another city → export gives the same files, flags and texts', async () => {
    const a = await ctx.newCity()
    const hq = await a.as('headquarters')
    const s = await createSurvey(hq)
    await addPaper(hq, s.id, [
      { questionNo: 1, choices: ['満足'] },
      { questionNo: 2, choices: ['雰囲気', 'その他'], text: '=送迎があった' },
    ])
    const outA = tempDir()
    await exportLedger(ctx.db, a.tenantId, { out: outA, personal: true, actor: null, now: NOW })
    const filesA = csvFiles(outA)
    expect(filesA['surveys.csv']).toContain('その他（自由記述）')
    expect(filesA['responses.csv']).toContain("'=送迎があった")

    const b = await ctx.newCity()
    expect((await importDir(ctx.db, b.tenantId, [outA])).errors).toEqual([])
    expect(await questionsOf(b.tenantId)).toEqual(await questionsOf(a.tenantId))
    expect((await questionsOf(b.tenantId)).find((q) => q.no === 2)).toMatchObject({
      allowOther: true,
      required: false,
      options: ['雰囲気', '時間帯', '場所', 'その他'],
    })
    expect((await questionsOf(b.tenantId)).find((q) => q.no === 1)?.required).toBe(true)
    const answers = await withTenant(b.tenantId, () =>
      ctx.db
        .select()
        .from(surveyAnswers)
        .where(and(eq(surveyAnswers.tenantId, b.tenantId), eq(surveyAnswers.questionNo, 2))),
    )
    expect(answers.map((x) => x.otherText)).toEqual(['=送迎があった'])

    const outB = tempDir()
    await exportLedger(ctx.db, b.tenantId, { out: outB, personal: true, actor: null, now: NOW })
    expect(csvFiles(outB)).toEqual(filesA)
    // Without personal columns the その他 text stays home, like free-text answers.
    const plain = tempDir()
    await exportLedger(ctx.db, a.tenantId, { out: plain, personal: false, actor: null, now: NOW })
    expect(csvFiles(plain)['responses.csv']).not.toContain('送迎')
  })

  it('refuses a その他 text where その他 was not chosen or the question has none', async () => {
    const c = await ctx.newCity()
    const dir = tempDir()
    writeCsv(dir, 'surveys', [
      ['survey_id', 'title', 'question_no', 'question', 'kind', 'options', 'required', 'allow_other'],
      ['S-1', '利用者アンケート', '1', '良かった点', 'multiple', '雰囲気;場所', 'いいえ', 'はい'],
      ['S-1', '', '2', '満足度', 'single', 'はい;いいえ', 'はい', 'いいえ'],
    ])
    writeCsv(dir, 'responses', [
      ['survey_id', 'respondent_id', 'question_no', 'answer', 'other_text'],
      ['S-1', 'R-1', '1', '雰囲気', '選んでいないのに書いた'],
      ['S-1', 'R-2', '2', 'はい', 'その他のない設問'],
      ['S-1', 'R-3', '1', 'その他', '送迎'],
    ])
    const result = await importDir(ctx.db, c.tenantId, [dir])
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'other_text'],
      [3, 'other_text'],
    ])
  })
})
