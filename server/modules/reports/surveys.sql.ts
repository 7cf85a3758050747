// 表4–表8: survey answers counted per option. Percentages are computed by the caller.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { type ReportOptions, rowsOf } from './report-period.ts'

/**
 * The respondents a report counts: those who answered in the period; for a survey whose
 * respondents carry no dates at all, every respondent. (In a dated survey, a respondent
 * without a date is not "in the period" and is left out.)
 */
function includedRespondents(tenantId: string, o: ReportOptions, only?: string[]) {
  // Named surveys (a seminar's follow-up survey): all their respondents, whenever they answered.
  if (only)
    return sql`select r.survey_id, r.respondent_no from survey_respondents r
      where r.tenant_id = ${tenantId} and r.survey_id in (${sql.join(
        only.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
  return sql`select r.survey_id, r.respondent_no
    from survey_respondents r
    where r.tenant_id = ${tenantId}
      and (r.answered_on between ${o.from}::date and ${o.to}::date
        or not exists (select 1 from survey_respondents d
          where d.tenant_id = r.tenant_id and d.survey_id = r.survey_id and d.answered_on is not null))`
}

export interface SurveyRow {
  id: string
  surveyNo: string
  title: string
  audience: string
  respondents: number
}

/** Surveys with at least one counted respondent, in survey-number order. */
export async function findSurveysWithResponses(db: Db, tenantId: string, o: ReportOptions, only?: string[]) {
  return rowsOf<SurveyRow>(
    db,
    sql`with resp as (${includedRespondents(tenantId, o, only)})
      select s.id, s.survey_no as "surveyNo", s.title, s.audience, count(*)::int as respondents
      from surveys s join resp on resp.survey_id = s.id
      where s.tenant_id = ${tenantId}
      group by s.id, s.survey_no, s.title, s.audience
      order by s.survey_no`,
  )
}

export interface OptionRow {
  surveyId: string
  questionNo: number
  question: string
  kind: 'single' | 'multiple' | 'scale'
  /** Respondents who gave any answer to the question. */
  answered: number
  ord: number
  label: string
  count: number
}

/**
 * Every option of every single-choice, multiple-choice or scale question, in the survey's order, with the
 * number of counted respondents who chose it (zero included).
 */
export async function countOptionAnswers(db: Db, tenantId: string, o: ReportOptions, only?: string[]) {
  return rowsOf<OptionRow>(
    db,
    sql`with resp as (${includedRespondents(tenantId, o, only)}),
      ans as (
        select a.survey_id, a.question_no, a.answer
        from survey_answers a
        join resp on resp.survey_id = a.survey_id and resp.respondent_no = a.respondent_no
        where a.tenant_id = ${tenantId} and cardinality(a.answer) > 0),
      answered as (
        select survey_id, question_no, count(*)::int as n from ans group by survey_id, question_no)
      select q.survey_id as "surveyId", q.question_no as "questionNo", q.question, q.kind,
        coalesce(max(answered.n), 0)::int as answered,
        opt.ord::int as ord, opt.label, count(ans.answer)::int as count
      from survey_questions q
      cross join lateral unnest(q.options) with ordinality as opt(label, ord)
      left join answered on answered.survey_id = q.survey_id and answered.question_no = q.question_no
      left join ans on ans.survey_id = q.survey_id and ans.question_no = q.question_no
        and opt.label = any(ans.answer)
      where q.tenant_id = ${tenantId} and q.kind in ('single', 'multiple', 'scale')
        and q.survey_id in (select survey_id from resp)
      group by q.survey_id, q.question_no, q.question, q.kind, opt.ord, opt.label
      order by q.survey_id, q.question_no, opt.ord`,
  )
}
