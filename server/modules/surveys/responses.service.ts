import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { invalid, notFound } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/surveys.ts'
import { tokyoDate } from '#shared/dates.ts'
import { countInvitations } from './invitations.repository.ts'
import { summarise } from './survey-results.ts'
import { answersToStore } from './survey-rules.ts'
import { requireSurveyManager } from './surveys.policy.ts'
import * as repo from './surveys.repository.ts'

type PaperInput = z.output<NonNullable<typeof contract.addPaperResponse.body>>
type RedactInput = z.output<NonNullable<typeof contract.redactSurveyText.body>>

async function results(db: Db, tenantId: string, id: string) {
  const survey = await repo.findSurvey(db, tenantId, id)
  if (!survey) throw notFound()
  return summarise(
    id,
    survey.targetCount,
    await repo.countRespondents(db, tenantId, id),
    await repo.findQuestions(db, tenantId, id),
    await repo.findAnswers(db, tenantId, id),
    await countInvitations(db, tenantId, id),
  )
}

export function createSurveyResponsesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    /**
     * A paper answer as staff type it in, numbered P-0001… per survey and marked 紙. It carries
     * nothing about who wrote it: the survey is anonymous, the paper stays with the city.
     */
    async addPaper(actor: Actor, surveyId: string, input: PaperInput) {
      requireSurveyManager(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const survey = await repo.findSurvey(tx, actor.tenantId, surveyId)
        if (!survey) throw notFound()
        if (input.answeredOn > tokyoDate(now))
          throw invalid([{ field: 'answeredOn', message: '回答日に未来の日付は入力できません' }])
        const questions = await repo.findQuestions(tx, actor.tenantId, surveyId)
        const answers = answersToStore(questions, input.answers)
        let respondentNo = ''
        while (!respondentNo) {
          const n = await repo.nextSequence(tx, actor.tenantId, `survey_paper:${surveyId}`)
          const candidate = `P-${String(n).padStart(4, '0')}`
          if (!(await repo.respondentNoTaken(tx, actor.tenantId, surveyId, candidate)))
            respondentNo = candidate
        }
        await repo.insertResponse(
          tx,
          { tenantId: actor.tenantId, surveyId, respondentNo, answeredOn: input.answeredOn, source: 'paper' },
          answers,
        )
        await writeAudit(tx, actor, now, {
          action: 'survey.paper_response',
          recordType: 'survey',
          recordId: surveyId,
          detail: { respondentNo, answers: answers.length },
        })
        return { respondentNo, source: 'paper' as const }
      })
    },

    /** Free texts may say who wrote them, so reading the results is audited. */
    async results(actor: Actor, surveyId: string) {
      requireSurveyManager(actor)
      const out = await results(db, actor.tenantId, surveyId)
      await writeAudit(db, actor, clock.now(), {
        action: 'survey.results',
        recordType: 'survey',
        recordId: surveyId,
        detail: { respondents: out.respondents },
      })
      return out
    },

    async redact(actor: Actor, surveyId: string, input: RedactInput) {
      requireSurveyManager(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        if (!(await repo.findSurvey(tx, actor.tenantId, surveyId))) throw notFound()
        const question = (await repo.findQuestions(tx, actor.tenantId, surveyId)).find(
          (q) => q.questionNo === input.questionNo,
        )
        const done =
          question &&
          (await repo.redactText(
            tx,
            actor.tenantId,
            {
              surveyId,
              respondentNo: input.respondentNo,
              questionNo: input.questionNo,
              freeText: question.kind === 'text',
            },
            now,
          ))
        if (!done) throw notFound('消せる自由記述が見つかりません')
        await writeAudit(tx, actor, now, {
          action: 'survey.redact',
          recordType: 'survey',
          recordId: surveyId,
          detail: { respondentNo: input.respondentNo, questionNo: input.questionNo },
        })
        return results(tx, actor.tenantId, surveyId)
      })
    },
  }
}

export type SurveyResponsesService = ReturnType<typeof createSurveyResponsesService>
