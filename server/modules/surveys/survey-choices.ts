// What another module may know of the city's surveys: their ids, titles and states, so that a
// seminar can name its follow-up survey (issue 12). No questions, no answers.
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { surveys } from '#server/db/schema/index.ts'

export interface SurveyChoice {
  id: string
  title: string
  status: string
}

/** The city's surveys, the newest first; `ids` narrows to those (for showing a chosen one). */
export async function surveyChoices(db: Db, tenantId: string, ids?: string[]): Promise<SurveyChoice[]> {
  if (ids && ids.length === 0) return []
  return db
    .select({ id: surveys.id, title: surveys.title, status: surveys.status })
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), ids ? inArray(surveys.id, ids) : undefined))
    .orderBy(desc(surveys.createdAt))
}
