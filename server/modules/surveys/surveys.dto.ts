import type { Survey } from '#shared/contracts/surveys.ts'
import { type StoredQuestion, toQuestion } from './survey-rules.ts'
import type { SurveyRow } from './surveys.repository.ts'

export type ResponseCounts = Survey['responses']
export const noResponses = (): ResponseCounts => ({ total: 0, paper: 0, web: 0 })

/** Respondent counts per survey from rows of (survey, source, n). */
export function countsBySurvey(rows: { surveyId: string; source: string; n: number }[]) {
  const out = new Map<string, ResponseCounts>()
  for (const r of rows) {
    const c = out.get(r.surveyId) ?? noResponses()
    c.total += r.n
    if (r.source === 'paper') c.paper += r.n
    if (r.source === 'web') c.web += r.n
    out.set(r.surveyId, c)
  }
  return out
}

export function toSurvey(row: SurveyRow, questions: StoredQuestion[], responses: ResponseCounts): Survey {
  return {
    id: row.id,
    surveyNo: row.surveyNo,
    title: row.title,
    audience: row.audience as Survey['audience'],
    status: row.status as Survey['status'],
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    introduction: row.introduction,
    targetCount: row.targetCount,
    copiedFrom: row.copiedFrom,
    linkToCase: row.linkToCase,
    responses,
    locked: responses.total > 0,
    questions: questions.map(toQuestion),
    updatedAt: row.updatedAt.toISOString(),
  }
}
