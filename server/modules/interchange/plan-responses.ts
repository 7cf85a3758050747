// The `responses` sheet: one row per respondent and question. A respondent's rows in the file
// are their whole set of answers; answers are checked against the question's options.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { surveyAnswers, surveyRespondents } from '#server/db/schema/index.ts'
import { OTHER_LABEL } from '#shared/contracts/surveys.ts'
import { unguardFormula } from '#shared/interchange/formula-guard.ts'
import { quote } from '#shared/interchange/quote.ts'
import { splitMulti } from '#shared/interchange/values.ts'
import { arrayLiteral, BULK_ROWS, type BulkRow, bulkInsert, fromExcluded } from './bulk-write.ts'
import { chunks, hasBadCell, type Issues, num, type ParsedLedger, rowsOf, same, str } from './import-model.ts'
import type { Stored } from './load-stored.ts'
import type { Question, SurveyRef } from './plan-surveys.ts'
import type { ImportContext, SheetPlan } from './write-support.ts'

interface Respondent {
  surveyId: string
  respondentNo: string
  row: number
  answeredOn: string | null | undefined
  answers: Map<number, { row: number; answer: string[]; otherText: string | null }>
  bad: boolean
}

/**
 * The answer as stored (option labels, or the text as one item); a reason when it does not fit.
 * An export guards each item against formulas, so the quotes come off per item (formula-guard.ts).
 */
function readAnswer(q: Question, text: string): string[] | string {
  if (q.kind === 'text') return [unguardFormula(text)]
  const whole = unguardFormula(text.trim())
  const given = q.options.includes(whole) ? [whole] : splitMulti(text).map(unguardFormula)
  const unknown = given.filter((g) => !q.options.includes(g))
  if (unknown.length) return `回答が設問${q.questionNo}の選択肢にありません`
  if (q.kind === 'single' && given.length !== 1)
    return `設問${q.questionNo}は単一回答です（回答が複数あります）`
  return given
}

export function planResponses(
  ledger: ParsedLedger,
  stored: Stored,
  surveyRefs: Map<string, SurveyRef>,
  issues: Issues,
  ctx: ImportContext,
): SheetPlan {
  const hasDate = ledger.get('responses')?.present.has('answered_on') ?? false
  const people = new Map<string, Respondent>()
  for (const r of rowsOf(ledger, 'responses')) {
    const e = (column: string, reason: string) => issues.error('responses', r.row, column, reason)
    const surveyNo = str(r, 'survey_id')
    const respondentNo = str(r, 'respondent_id')
    const questionNo = num(r, 'question_no')
    const survey = surveyNo ? surveyRefs.get(surveyNo) : undefined
    if (surveyNo && !survey) e('survey_id', `アンケート番号${quote(surveyNo)}のアンケートがありません`)
    if (!survey || !respondentNo) continue
    const question = questionNo != null ? survey.questions.get(questionNo) : undefined
    if (questionNo != null && !question)
      e('question_no', `アンケート${quote(surveyNo)}に設問${questionNo}がありません`)
    const key = `${survey.id}|${respondentNo}`
    let p = people.get(key)
    if (!p) {
      p = {
        surveyId: survey.id,
        respondentNo,
        row: r.row,
        answeredOn: str(r, 'answered_on'),
        answers: new Map(),
        bad: false,
      }
      people.set(key, p)
    } else if (hasDate && !same(p.answeredOn, str(r, 'answered_on')))
      e('answered_on', `回答者番号${quote(respondentNo)}の回答日が${p.row}行目と異なります`)
    if (questionNo != null && p.answers.has(questionNo)) {
      const first = p.answers.get(questionNo)!.row
      e(
        'respondent_id',
        `回答者番号${quote(respondentNo)}が重複しています（設問${questionNo}への回答は${first}行目にもあります）`,
      )
      p.bad = true
      continue
    }
    const text = str(r, 'answer')
    let answer: string[] = []
    if (question && text) {
      const read = readAnswer(question, text)
      if (typeof read === 'string') e('answer', read)
      else answer = read
    }
    const otherText = str(r, 'other_text') ?? null
    if (question && otherText && !(question.allowOther && answer.includes(OTHER_LABEL))) {
      e(
        'other_text',
        '「その他」の内容は、「その他（自由記述）」のある設問で「その他」を選んだ回答にだけ書けます',
      )
      p.bad = true
    }
    if (hasBadCell(r) || !question) p.bad = true
    else p.answers.set(question.questionNo, { row: r.row, answer, otherText })
  }

  const respondents: BulkRow<typeof surveyRespondents>[] = []
  const answers: BulkRow<typeof surveyAnswers>[] = []
  const replaced: { surveyId: string; respondentNo: string }[] = []
  const counts = { added: 0, updated: 0 }
  for (const [key, p] of people) {
    if (p.bad) continue
    const existing = stored.respondents.get(key)
    const answeredOn = hasDate ? (p.answeredOn ?? null) : (existing?.answeredOn ?? null)
    const given = [...p.answers].filter(([, a]) => a.answer.length > 0)
    const sameAnswers =
      existing?.answers.size === given.length &&
      given.every(
        ([no, a]) =>
          same(existing.answers.get(no), a.answer) && (existing.otherTexts.get(no) ?? null) === a.otherText,
      )
    if (existing && existing.answeredOn === answeredOn && sameAnswers) continue
    if (existing) counts.updated++
    else counts.added++
    respondents.push({ surveyId: p.surveyId, respondentNo: p.respondentNo, answeredOn })
    if (existing) replaced.push({ surveyId: p.surveyId, respondentNo: p.respondentNo })
    for (const [questionNo, a] of given)
      answers.push({
        surveyId: p.surveyId,
        respondentNo: p.respondentNo,
        questionNo,
        answer: a.answer,
        otherText: a.otherText,
      })
  }

  return {
    counts,
    async write(tx: Db) {
      await bulkInsert(tx, surveyRespondents, respondents, {
        columns: ['surveyId', 'respondentNo', 'answeredOn'],
        fixed: { tenantId: ctx.tenantId },
        onConflict: {
          target: [surveyRespondents.tenantId, surveyRespondents.surveyId, surveyRespondents.respondentNo],
          set: fromExcluded(surveyRespondents, ['answeredOn']),
        },
      })
      for (const batch of chunks(replaced, BULK_ROWS)) {
        const pairs = sql`select * from unnest(${arrayLiteral(batch.map((b) => b.surveyId))}::uuid[], ${arrayLiteral(batch.map((b) => b.respondentNo))}::text[])`
        await tx
          .delete(surveyAnswers)
          .where(
            and(
              eq(surveyAnswers.tenantId, ctx.tenantId),
              sql`(${surveyAnswers.surveyId}, ${surveyAnswers.respondentNo}) in (${pairs})`,
            ),
          )
      }
      await bulkInsert(tx, surveyAnswers, answers, {
        columns: ['surveyId', 'respondentNo', 'questionNo', 'answer', 'otherText'],
        fixed: { tenantId: ctx.tenantId },
      })
    },
  }
}
