import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  counters,
  surveyAnswers,
  surveyQuestions,
  surveyRespondents,
  surveys,
} from '#server/db/schema/index.ts'
import type { StoredQuestion } from './survey-rules.ts'

export type SurveyRow = typeof surveys.$inferSelect

export async function findSurvey(db: Db, tenantId: string, id: string): Promise<SurveyRow | undefined> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, id)))
  return row
}

export async function findSurveys(db: Db, tenantId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.tenantId, tenantId))
    .orderBy(desc(surveys.createdAt), desc(surveys.surveyNo))
}

export async function findQuestions(db: Db, tenantId: string, surveyId: string): Promise<StoredQuestion[]> {
  return db
    .select({
      questionNo: surveyQuestions.questionNo,
      question: surveyQuestions.question,
      kind: surveyQuestions.kind,
      options: surveyQuestions.options,
      required: surveyQuestions.required,
      allowOther: surveyQuestions.allowOther,
    })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.tenantId, tenantId), eq(surveyQuestions.surveyId, surveyId)))
    .orderBy(asc(surveyQuestions.questionNo))
}

/** Respondents per source for each of the given surveys (all of the city's when ids is omitted). */
export async function countResponses(db: Db, tenantId: string) {
  return db
    .select({ surveyId: surveyRespondents.surveyId, source: surveyRespondents.source, n: count() })
    .from(surveyRespondents)
    .where(eq(surveyRespondents.tenantId, tenantId))
    .groupBy(surveyRespondents.surveyId, surveyRespondents.source)
}

export async function insertSurvey(db: Db, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await db.insert(surveys).values(values).returning()
  return row!
}

export async function updateSurveyRow(db: Db, tenantId: string, id: string, values: Partial<SurveyRow>) {
  await db
    .update(surveys)
    .set(values)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, id)))
}

export async function replaceQuestions(db: Db, tenantId: string, surveyId: string, qs: StoredQuestion[]) {
  await db
    .delete(surveyQuestions)
    .where(and(eq(surveyQuestions.tenantId, tenantId), eq(surveyQuestions.surveyId, surveyId)))
  if (qs.length > 0) await db.insert(surveyQuestions).values(qs.map((q) => ({ ...q, tenantId, surveyId })))
}

/** The next number of a city-wide or a per-survey sequence (Q-0001 surveys, P-0001 paper answers). */
export async function nextSequence(db: Db, tenantId: string, name: string): Promise<number> {
  const [row] = await db
    .insert(counters)
    .values({ tenantId, name, value: 1 })
    .onConflictDoUpdate({
      target: [counters.tenantId, counters.name],
      set: { value: sql`${counters.value} + 1` },
    })
    .returning({ value: counters.value })
  return row!.value
}

export async function surveyNoTaken(db: Db, tenantId: string, surveyNo: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.surveyNo, surveyNo)))
  return (row?.n ?? 0) > 0
}

export async function respondentNoTaken(db: Db, tenantId: string, surveyId: string, no: string) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyRespondents)
    .where(
      and(
        eq(surveyRespondents.tenantId, tenantId),
        eq(surveyRespondents.surveyId, surveyId),
        eq(surveyRespondents.respondentNo, no),
      ),
    )
  return (row?.n ?? 0) > 0
}

export async function insertResponse(
  db: Db,
  r: {
    tenantId: string
    surveyId: string
    respondentNo: string
    answeredOn: string
    source: string
  },
  answers: { questionNo: number; answer: string[]; otherText: string | null }[],
) {
  await db.insert(surveyRespondents).values(r)
  if (answers.length > 0)
    await db.insert(surveyAnswers).values(
      answers.map((a) => ({
        tenantId: r.tenantId,
        surveyId: r.surveyId,
        respondentNo: r.respondentNo,
        ...a,
      })),
    )
}

export async function findAnswers(db: Db, tenantId: string, surveyId: string) {
  return db
    .select({
      respondentNo: surveyAnswers.respondentNo,
      questionNo: surveyAnswers.questionNo,
      answer: surveyAnswers.answer,
      otherText: surveyAnswers.otherText,
      redactedAt: surveyAnswers.redactedAt,
    })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.tenantId, tenantId), eq(surveyAnswers.surveyId, surveyId)))
    .orderBy(asc(surveyAnswers.respondentNo), asc(surveyAnswers.questionNo))
}

export async function countRespondents(db: Db, tenantId: string, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(surveyRespondents)
    .where(and(eq(surveyRespondents.tenantId, tenantId), eq(surveyRespondents.surveyId, surveyId)))
  return row?.n ?? 0
}

/**
 * Removes one free text: a free-text question's answer becomes empty, a 「その他」 keeps its choice
 * (still counted) and loses its text. Returns false when there was no such text to remove.
 */
export async function redactText(
  db: Db,
  tenantId: string,
  key: { surveyId: string; respondentNo: string; questionNo: number; freeText: boolean },
  at: Date,
): Promise<boolean> {
  const where = and(
    eq(surveyAnswers.tenantId, tenantId),
    eq(surveyAnswers.surveyId, key.surveyId),
    eq(surveyAnswers.respondentNo, key.respondentNo),
    eq(surveyAnswers.questionNo, key.questionNo),
    isNull(surveyAnswers.redactedAt),
  )
  const rows = await db
    .update(surveyAnswers)
    .set(key.freeText ? { answer: [], otherText: null, redactedAt: at } : { otherText: null, redactedAt: at })
    .where(key.freeText ? where : and(where, sql`${surveyAnswers.otherText} is not null`))
    .returning({ q: surveyAnswers.questionNo })
  return rows.length > 0
}
