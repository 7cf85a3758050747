// After the reviews sheet is written: each case's current decision (主担当, its unit and worker,
// 次回確認日) follows its latest review of a held meeting, whether that review was imported or
// decided in the app. The meetings module copies a decision onto the case when it is made; an
// imported review must do the same, or the case would stay in the ward's inbox, out of the
// caseloads and out of the next meeting's continuing candidates.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'

export async function refreshCaseDecisions(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`
    update cases c set
      lead = d.lead,
      lead_unit_id = d.lead_unit_id,
      lead_account_id = d.lead_account_id,
      next_review_on = d.next_review_on
    from (
      select distinct on (r.case_id)
        r.case_id,
        case when r.lead = 'rediscuss' then null else r.lead end as lead,
        case when r.lead = 'rediscuss' then null else r.lead_unit_id end as lead_unit_id,
        case when r.lead = 'rediscuss' then null else r.lead_account_id end as lead_account_id,
        r.next_review_on
      from reviews r
      join meetings m on m.tenant_id = r.tenant_id and m.id = r.meeting_id and m.status = 'held'
      where r.tenant_id = ${tenantId}
      order by r.case_id, m.held_on desc, r.updated_at desc
    ) d
    where c.tenant_id = ${tenantId} and c.id = d.case_id
      and (c.lead, c.lead_unit_id, c.lead_account_id, c.next_review_on)
        is distinct from (d.lead, d.lead_unit_id, d.lead_account_id, d.next_review_on)`)
}
