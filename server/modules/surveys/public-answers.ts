// Answering a published survey on the residents' pages: the survey as they see it, and one
// anonymous response stored like a paper one but marked ウェブ. Nothing about the person is
// kept: no address, no cookie, no case; the respondent number is random, not a sequence that
// could be matched against the time of a visit.
import { randomBytes } from 'node:crypto'
import type { Db } from '#server/db/client.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import type { AnswerInput } from '#shared/contracts/surveys.ts'
import { answersToStore, type StoredQuestion } from './survey-rules.ts'
import * as repo from './surveys.repository.ts'

export interface PublicSurvey {
  id: string
  title: string
  introduction: string | null
  questions: StoredQuestion[]
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** The survey when it takes answers today: published, and inside its period if it has one. */
export async function openSurvey(
  db: Db,
  clock: Clock,
  tenantId: string,
  id: string,
): Promise<PublicSurvey | null> {
  const row = await repo.findSurvey(db, tenantId, id)
  if (!row || row.status !== 'published') return null
  const today = isoDay(clock.now())
  if ((row.periodFrom && today < row.periodFrom) || (row.periodTo && today > row.periodTo)) return null
  return {
    id: row.id,
    title: row.title,
    introduction: row.introduction,
    questions: await repo.findQuestions(db, tenantId, id),
  }
}

/** Stores one web response (answers already read from the form); false when the survey is not open. */
export async function answerSurvey(
  db: Db,
  clock: Clock,
  tenantId: string,
  id: string,
  input: AnswerInput[],
): Promise<boolean> {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const survey = await openSurvey(tx, clock, tenantId, id)
    if (!survey) return false
    const answers = answersToStore(survey.questions, input)
    const respondentNo = `W-${randomBytes(6).toString('hex')}`
    await repo.insertResponse(
      tx,
      { tenantId, surveyId: id, respondentNo, answeredOn: isoDay(now), source: 'web' },
      answers,
    )
    await writeAnonymousAudit(
      tx,
      tenantId,
      now,
      { loginId: null, accountId: null, clientAddress: null },
      {
        action: 'survey.web_response',
        recordType: 'survey',
        recordId: id,
        detail: { answers: answers.length },
      },
    )
    return true
  })
}
