// The `surveys` sheet: a survey per survey number, its questions replaced by the file's.
import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { surveyQuestions, surveys } from '#server/db/schema/index.ts'
import { OTHER_LABEL } from '#shared/contracts/surveys.ts'
import { quote } from '#shared/interchange/quote.ts'
import {
  chunks,
  hasBadCell,
  type Issues,
  list,
  num,
  type ParsedLedger,
  rowsOf,
  same,
  str,
} from './import-model.ts'
import type { Stored } from './load-stored.ts'
import { duplicateReason, excludedSet, type ImportContext, type SheetPlan } from './write-support.ts'

export interface Question {
  questionNo: number
  question: string
  kind: string
  options: string[]
  required: boolean
  allowOther: boolean
}
export interface SurveyRef {
  id: string
  questions: Map<number, Question>
}

interface Draft {
  row: number
  no: string
  title: string | null
  audience: string | null
  questions: Question[]
  bad: boolean
}

export function planSurveys(ledger: ParsedLedger, stored: Stored, issues: Issues, ctx: ImportContext) {
  const refs = new Map<string, SurveyRef>()
  for (const [no, s] of stored.surveys)
    refs.set(no, { id: s.id, questions: new Map(s.questions.map((q) => [q.questionNo, q])) })
  const drafts = new Map<string, Draft>()
  const present = ledger.get('surveys')?.present
  /** A flag the file gives, or the stored question's when its column is missing (older ledgers). */
  const flag = (
    r: Parameters<typeof str>[0],
    key: 'required' | 'allow_other',
    stored: boolean | undefined,
  ) => (present?.has(key) ? r.v[key] === true : (stored ?? false))
  for (const r of rowsOf(ledger, 'surveys')) {
    const e = (column: string, reason: string) => issues.error('surveys', r.row, column, reason)
    const no = str(r, 'survey_id')
    if (!no) continue
    let d = drafts.get(no)
    if (!d) {
      d = { row: r.row, no, title: str(r, 'title') ?? null, audience: null, questions: [], bad: false }
      drafts.set(no, d)
      if (r.v.title === null) e('title', 'アンケートの最初の行には名称が必要です')
    }
    d.audience ??= str(r, 'audience') ?? null
    const questionNo = num(r, 'question_no')
    const kind = str(r, 'kind')
    const options = list(r, 'options') ?? []
    if ((kind === 'single' || kind === 'multiple') && options.length === 0)
      e('options', '単一回答・複数回答の設問には選択肢が必要です')
    const first = d.questions.find((q) => q.questionNo === questionNo)
    if (questionNo != null && first) {
      e('question_no', duplicateReason(`アンケート${quote(no)}の設問番号`, String(questionNo), d.row))
    }
    if (hasBadCell(r) || questionNo == null || !kind) {
      d.bad = true
      continue
    }
    const before = stored.surveys.get(no)?.questions.find((q) => q.questionNo === questionNo)
    const allowOther = flag(r, 'allow_other', before?.allowOther)
    if (allowOther && kind !== 'single' && kind !== 'multiple') {
      e('allow_other', '「その他（自由記述）」は単一回答・複数回答の設問にだけ置けます')
      d.bad = true
      continue
    }
    // 「その他」 is the last option of such a question (survey-rules.ts); an older ledger may omit it.
    const withOther = allowOther && options.at(-1) !== OTHER_LABEL ? [...options, OTHER_LABEL] : options
    d.questions.push({
      questionNo,
      question: str(r, 'question')!,
      kind,
      options: kind === 'text' ? [] : withOther,
      required: flag(r, 'required', before?.required),
      allowOther,
    })
  }

  const upserts: (typeof surveys.$inferInsert)[] = []
  const replaced: string[] = []
  const questions: (typeof surveyQuestions.$inferInsert)[] = []
  const counts = { added: 0, updated: 0 }
  for (const d of drafts.values()) {
    const existing = stored.surveys.get(d.no)
    const id = existing?.id ?? randomUUID()
    const sorted = [...d.questions].sort((a, b) => a.questionNo - b.questionNo)
    refs.set(d.no, { id, questions: new Map(sorted.map((q) => [q.questionNo, q])) })
    if (d.bad || !d.title) continue
    const audience = d.audience ?? 'other'
    const before = [...(existing?.questions ?? [])].sort((a, b) => a.questionNo - b.questionNo)
    const sameQuestions =
      before.length === sorted.length &&
      before.every((q, i) => {
        const n = sorted[i]!
        return (
          q.questionNo === n.questionNo &&
          q.question === n.question &&
          q.kind === n.kind &&
          q.required === n.required &&
          q.allowOther === n.allowOther &&
          same(q.options, n.options)
        )
      })
    if (existing && existing.title === d.title && existing.audience === audience && sameQuestions) continue
    if (existing) counts.updated++
    else counts.added++
    upserts.push({ tenantId: ctx.tenantId, id, surveyNo: d.no, title: d.title, audience, createdAt: ctx.now })
    if (existing) replaced.push(id)
    questions.push(...sorted.map((q) => ({ tenantId: ctx.tenantId, surveyId: id, ...q })))
  }

  const plan: SheetPlan & { refs: Map<string, SurveyRef> } = {
    counts,
    refs,
    async write(tx: Db) {
      for (const batch of chunks(upserts))
        await tx
          .insert(surveys)
          .values(batch)
          .onConflictDoUpdate({
            target: [surveys.tenantId, surveys.surveyNo],
            set: excludedSet(surveys, ['title', 'audience']),
          })
      for (const batch of chunks(replaced, 1000))
        await tx
          .delete(surveyQuestions)
          .where(and(eq(surveyQuestions.tenantId, ctx.tenantId), inArray(surveyQuestions.surveyId, batch)))
      for (const batch of chunks(questions)) await tx.insert(surveyQuestions).values(batch)
    },
  }
  return plan
}
