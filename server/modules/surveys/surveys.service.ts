import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, invalid, notFound } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/surveys.ts'
import { questionsToStore, type StoredQuestion, sameQuestions } from './survey-rules.ts'
import { countsBySurvey, noResponses, toSurvey } from './surveys.dto.ts'
import { requireSurveyManager } from './surveys.policy.ts'
import * as repo from './surveys.repository.ts'
import { SURVEY_TEMPLATES } from './templates.ts'

type SurveyInput = z.output<NonNullable<typeof contract.createSurvey.body>>
type Status = z.output<NonNullable<typeof contract.setSurveyStatus.body>>['status']

export const LOCKED_MESSAGE =
  '回答があるアンケートの設問は変更できません。コピーして新しい版を作成してください'

async function view(db: Db, tenantId: string, id: string) {
  const row = await repo.findSurvey(db, tenantId, id)
  if (!row) throw notFound()
  const counts = countsBySurvey(await repo.countResponses(db, tenantId))
  return toSurvey(row, await repo.findQuestions(db, tenantId, id), counts.get(id) ?? noResponses())
}

function checkPeriod(input: Pick<SurveyInput, 'periodFrom' | 'periodTo'>) {
  if (input.periodFrom && input.periodTo && input.periodTo < input.periodFrom)
    throw invalid([{ field: 'periodTo', message: '終了日は開始日以降の日付を入力してください' }])
}

/** A new survey numbered Q-0001…, skipping numbers an imported ledger already uses. */
async function insertNew(
  tx: Db,
  actor: Actor,
  now: Date,
  fields: Omit<repo.SurveyRow, 'tenantId' | 'id' | 'surveyNo' | 'createdAt' | 'updatedAt' | 'status'>,
  questions: StoredQuestion[],
) {
  let surveyNo = ''
  while (!surveyNo) {
    const candidate = `Q-${String(await repo.nextSequence(tx, actor.tenantId, 'survey_no')).padStart(4, '0')}`
    if (!(await repo.surveyNoTaken(tx, actor.tenantId, candidate))) surveyNo = candidate
  }
  const row = await repo.insertSurvey(tx, {
    ...fields,
    tenantId: actor.tenantId,
    surveyNo,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  })
  await repo.replaceQuestions(tx, actor.tenantId, row.id, questions)
  return row
}

export function createSurveysService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async list(actor: Actor) {
      requireSurveyManager(actor)
      const rows = await repo.findSurveys(db, actor.tenantId)
      const counts = countsBySurvey(await repo.countResponses(db, actor.tenantId))
      return Promise.all(
        rows.map(async (r) =>
          toSurvey(r, await repo.findQuestions(db, actor.tenantId, r.id), counts.get(r.id) ?? noResponses()),
        ),
      )
    },

    async get(actor: Actor, id: string) {
      requireSurveyManager(actor)
      return view(db, actor.tenantId, id)
    },

    async templates(actor: Actor) {
      requireSurveyManager(actor)
      return SURVEY_TEMPLATES
    },

    async create(actor: Actor, input: SurveyInput) {
      requireSurveyManager(actor)
      checkPeriod(input)
      const questions = questionsToStore(input.questions)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { questions: _q, ...fields } = input
        const row = await insertNew(tx, actor, now, { ...fields, copiedFrom: null }, questions)
        await writeAudit(tx, actor, now, {
          action: 'survey.create',
          recordType: 'survey',
          recordId: row.id,
          detail: { surveyNo: row.surveyNo, questions: questions.length },
        })
        return view(tx, actor.tenantId, row.id)
      })
    },

    /** Details always; questions only while nobody has answered (the answers refer to them). */
    async update(actor: Actor, id: string, input: SurveyInput) {
      requireSurveyManager(actor)
      checkPeriod(input)
      const questions = questionsToStore(input.questions)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const before = await repo.findSurvey(tx, actor.tenantId, id)
        if (!before) throw notFound()
        const stored = await repo.findQuestions(tx, actor.tenantId, id)
        const changed = !sameQuestions(stored, questions)
        if (changed && (await repo.countRespondents(tx, actor.tenantId, id)) > 0)
          throw conflict(LOCKED_MESSAGE)
        const { questions: _q, ...fields } = input
        await repo.updateSurveyRow(tx, actor.tenantId, id, { ...fields, updatedAt: now })
        if (changed) await repo.replaceQuestions(tx, actor.tenantId, id, questions)
        await writeAudit(tx, actor, now, {
          action: 'survey.update',
          recordType: 'survey',
          recordId: id,
          detail: { questionsChanged: changed },
        })
        return view(tx, actor.tenantId, id)
      })
    },

    async setStatus(actor: Actor, id: string, status: Status) {
      requireSurveyManager(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const before = await repo.findSurvey(tx, actor.tenantId, id)
        if (!before) throw notFound()
        await repo.updateSurveyRow(tx, actor.tenantId, id, { status, updatedAt: now })
        await writeAudit(tx, actor, now, {
          action: 'survey.status',
          recordType: 'survey',
          recordId: id,
          detail: { from: before.status, to: status },
        })
        return view(tx, actor.tenantId, id)
      })
    },

    /** A new version: same details and questions, 作成中, no responses. */
    async copy(actor: Actor, id: string) {
      requireSurveyManager(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const from = await repo.findSurvey(tx, actor.tenantId, id)
        if (!from) throw notFound()
        const questions = await repo.findQuestions(tx, actor.tenantId, id)
        const row = await insertNew(
          tx,
          actor,
          now,
          {
            title: `${from.title}（コピー）`.slice(0, 200),
            audience: from.audience,
            introduction: from.introduction,
            periodFrom: null,
            periodTo: null,
            targetCount: null,
            copiedFrom: from.id,
            linkToCase: from.linkToCase,
          },
          questions,
        )
        await writeAudit(tx, actor, now, {
          action: 'survey.copy',
          recordType: 'survey',
          recordId: row.id,
          detail: { from: from.id },
        })
        return view(tx, actor.tenantId, row.id)
      })
    },

    async copyTemplate(actor: Actor, key: string) {
      requireSurveyManager(actor)
      const template = SURVEY_TEMPLATES.find((t) => t.key === key)
      if (!template) throw invalid([{ field: 'key', message: 'ひな形を一覧から選択してください' }])
      const questions = questionsToStore(template.questions)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await insertNew(
          tx,
          actor,
          now,
          {
            title: template.title,
            audience: template.audience,
            introduction: null,
            periodFrom: null,
            periodTo: null,
            targetCount: null,
            copiedFrom: null,
            linkToCase: false,
          },
          questions,
        )
        await writeAudit(tx, actor, now, {
          action: 'survey.copy_template',
          recordType: 'survey',
          recordId: row.id,
          detail: { template: key },
        })
        return view(tx, actor.tenantId, row.id)
      })
    },
  }
}

export type SurveysService = ReturnType<typeof createSurveysService>
