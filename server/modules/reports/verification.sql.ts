// 表1 取組検証の手法: the verification records headquarters keeps for exactly this period.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { type ReportOptions, rowsOf } from './report-period.ts'

/**
 * The period's methods in their order. 回答数 is what was written, or else, for a linked survey,
 * its respondents in the product as 「23件」 (every respondent: a survey runs on its own dates).
 */
export async function findVerification(db: Db, tenantId: string, o: ReportOptions) {
  return rowsOf<Report['verification'][number]>(
    db,
    sql`select v.kind, v.method, to_char(v.held_from, 'YYYY-MM-DD') as "heldFrom",
        to_char(v.held_to, 'YYYY-MM-DD') as "heldTo", v.target,
        coalesce(nullif(v.responses, ''), case when v.survey_id is not null then
          (select count(*) from survey_respondents r
            where r.tenant_id = v.tenant_id and r.survey_id = v.survey_id)::text || '件' end) as responses
      from report_verifications v
      where v.tenant_id = ${tenantId} and v.period_from = ${o.from}::date and v.period_to = ${o.to}::date
      order by v.sort_order, v.method, v.id`,
  )
}
