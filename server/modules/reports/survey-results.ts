import type { Db } from '#server/db/client.ts'
import { SURVEY_AUDIENCES } from '#shared/codes.ts'
import type { SurveyResult } from '#shared/contracts/reports.ts'
import { percentHalfUp, percentsLargestRemainder } from '#shared/percent.ts'
import type { ReportOptions } from './report-period.ts'
import { countOptionAnswers, findSurveysWithResponses, type OptionRow } from './surveys.sql.ts'

type Audience = SurveyResult['audience']
const audienceOf = (code: string): Audience =>
  SURVEY_AUDIENCES.some((a) => a.code === code) ? (code as Audience) : 'other'

/**
 * Percent of respondents per option (docs/report-rules.md): multiple choice rounds half up each; single
 * choice uses the largest remainder when every respondent answered (so it adds up to 100.0),
 * and half up when some did not.
 */
function percentsOf(kind: OptionRow['kind'], counts: number[], respondents: number, answered: number) {
  if (kind !== 'multiple' && answered === respondents) return percentsLargestRemainder(counts, respondents)
  return counts.map((n) => percentHalfUp(n, respondents))
}

/** The surveys answered in the period; or, given `only` (survey ids), those surveys with all their answers. */
export async function summariseSurveys(
  db: Db,
  tenantId: string,
  o: ReportOptions,
  only?: string[],
): Promise<SurveyResult[]> {
  if (only?.length === 0) return []
  const surveys = await findSurveysWithResponses(db, tenantId, o, only)
  const options = await countOptionAnswers(db, tenantId, o, only)
  return surveys.map((s) => {
    const rows = options.filter((r) => r.surveyId === s.id)
    const numbers = [...new Set(rows.map((r) => r.questionNo))].sort((a, b) => a - b)
    return {
      surveyId: s.surveyNo,
      title: s.title,
      audience: audienceOf(s.audience),
      respondents: s.respondents,
      questions: numbers.map((no) => {
        const q = rows.filter((r) => r.questionNo === no).sort((a, b) => a.ord - b.ord)
        const first = q[0]!
        const percents = percentsOf(
          first.kind,
          q.map((r) => r.count),
          s.respondents,
          first.answered,
        )
        return {
          no,
          question: first.question,
          // A 5-point scale is one answer of five: the report counts it as single choice.
          kind: first.kind === 'multiple' ? 'multiple' : 'single',
          options: q.map((r, i) => ({ label: r.label, count: r.count, percent: percents[i]! })),
        }
      }),
    }
  })
}
