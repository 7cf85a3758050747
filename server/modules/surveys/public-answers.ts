// Answering a published survey on the residents' pages: the survey as they see it, and one
// anonymous response stored like a paper one but marked ウェブ. Nothing about the person is
// kept: no address, no cookie, no case; the respondent number is random, not a sequence that
// could be matched against the time of a visit.
import { randomBytes } from 'node:crypto'
import type { Db } from '#server/db/client.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { linkTokenHash } from '#server/platform/link-token.ts'
import type { AnswerInput } from '#shared/contracts/surveys.ts'
import { tokyoDate } from '#shared/dates.ts'
import * as links from './invitations.repository.ts'
import { answersToStore, type StoredQuestion } from './survey-rules.ts'
import * as repo from './surveys.repository.ts'

export interface PublicSurvey {
  id: string
  title: string
  introduction: string | null
  questions: StoredQuestion[]
  /** The survey asks one-time links' respondents whether their answer may join their case. */
  linkToCase: boolean
}

/** The survey when it takes answers today: published, and inside its period if it has one. */
export async function openSurvey(
  db: Db,
  clock: Clock,
  tenantId: string,
  id: string,
): Promise<PublicSurvey | null> {
  const row = await repo.findSurvey(db, tenantId, id)
  if (!row || row.status !== 'published') return null
  const today = tokyoDate(clock.now())
  if ((row.periodFrom && today < row.periodFrom) || (row.periodTo && today > row.periodTo)) return null
  return {
    id: row.id,
    title: row.title,
    introduction: row.introduction,
    questions: await repo.findQuestions(db, tenantId, id),
    linkToCase: row.linkToCase,
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
  return db.transaction(async (tx) => {
    const survey = await openSurvey(tx, clock, tenantId, id)
    if (!survey) return false
    await storeWebAnswer(tx, clock.now(), tenantId, survey, input, newRespondentNo())
    return true
  })
}

/** The survey a one-time link opens, while the link is unused and the survey takes answers. */
export async function openInvitation(db: Db, clock: Clock, tenantId: string, token: string) {
  const link = await links.findUnusedByHash(db, tenantId, linkTokenHash(token))
  return link ? openSurvey(db, clock, tenantId, link.surveyId) : null
}

/**
 * Answers through a one-time link: the link is used by the same transaction that stores the
 * answer, with one conditional UPDATE, so of concurrent posts exactly one is stored ('used' for
 * the others). The answer is anonymous like any web answer; it joins the invited case only when
 * the survey asks and the respondent agreed (`agreed`): the link then keeps the answer's number
 * beside its case; otherwise the link forgets its case. The answer's rows never name either.
 */
export async function answerInvitation(
  db: Db,
  clock: Clock,
  tenantId: string,
  token: string,
  input: AnswerInput[],
  agreed: boolean,
): Promise<'stored' | 'used' | 'closed'> {
  return db.transaction(async (tx) => {
    const now = clock.now()
    const link = await links.findUnusedByHash(tx, tenantId, linkTokenHash(token))
    const survey = link && (await openSurvey(tx, clock, tenantId, link.surveyId))
    if (!survey) return link ? 'closed' : 'used'
    const respondentNo = newRespondentNo()
    const agreedAnswer = agreed && survey.linkToCase ? respondentNo : null
    if (!(await links.claimInvitation(tx, tenantId, linkTokenHash(token), now, agreedAnswer))) return 'used'
    await storeWebAnswer(tx, now, tenantId, survey, input, respondentNo)
    return 'stored'
  })
}

const newRespondentNo = () => `W-${randomBytes(6).toString('hex')}`

async function storeWebAnswer(
  tx: Db,
  now: Date,
  tenantId: string,
  survey: PublicSurvey,
  input: AnswerInput[],
  respondentNo: string,
) {
  const id = survey.id
  const answers = answersToStore(survey.questions, input)
  await repo.insertResponse(
    tx,
    { tenantId, surveyId: id, respondentNo, answeredOn: tokyoDate(now), source: 'web' },
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
}
