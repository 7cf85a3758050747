import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { caseEvents } from '#server/db/schema/index.ts'

/** History rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const EVENTS_PER_INSERT = 1000

/** A case whose current decision was just rewritten: its values before and after, and the deciding meeting. */
export interface DecidedCase {
  caseId: string
  meetingNo: string
  before: DecisionColumns
  after: DecisionColumns
}

interface DecisionColumns extends Record<string, unknown> {
  wardState: string | null
  lead: string | null
  leadUnitId: string | null
  leadAccountId: string | null
  nextReviewOn: string | null
}

interface Row {
  case_id: string
  meeting_no: string
  old_ward_state: string | null
  old_lead: string | null
  old_lead_unit_id: string | null
  old_lead_account_id: string | null
  old_next_review_on: string | null
  ward_state: string | null
  lead: string | null
  lead_unit_id: string | null
  lead_account_id: string | null
  next_review_on: string | null
}

/**
 * One UPDATE: each case (of `caseIds`, or every case of the city) takes the decision of its
 * latest review of a held meeting (the latest meeting date; of one date, the review written last).
 * 再協議 (rediscuss) leaves no lead and puts the case back as ready for a meeting. Only cases whose
 * values differ are written, with version + 1; the FROM's second `cases` sees the rows as they
 * were before, so the old values come back for the history.
 */
export async function writeLatestDecisions(
  tx: Db,
  tenantId: string,
  caseIds: readonly string[] | 'all',
  at: Date,
): Promise<DecidedCase[]> {
  // Of a list of cases, the cases' rows too are restricted to it (not only through the join): the
  // planner then needs no statistics to keep to them, as after an import, whose rows have none.
  const among = (column: SQL) =>
    caseIds === 'all'
      ? sql`true`
      : caseIds.length === 0
        ? sql`false`
        : sql`${column} in (${sql.join(
            caseIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
  const onlyThese = among(sql`r.case_id`)
  const result = (await tx.execute(sql`
    update cases c set
      lead = d.lead,
      lead_unit_id = d.lead_unit_id,
      lead_account_id = d.lead_account_id,
      next_review_on = d.next_review_on,
      ward_state = case when d.rediscuss then 'ready' else c.ward_state end,
      version = c.version + 1,
      updated_at = ${at.toISOString()}::timestamptz
    from (
      select distinct on (r.case_id)
        r.case_id,
        m.meeting_no,
        r.lead = 'rediscuss' as rediscuss,
        case when r.lead = 'rediscuss' then null else r.lead end as lead,
        case when r.lead = 'rediscuss' then null else r.lead_unit_id end as lead_unit_id,
        case when r.lead = 'rediscuss' then null else r.lead_account_id end as lead_account_id,
        r.next_review_on
      from reviews r
      join meetings m on m.tenant_id = r.tenant_id and m.id = r.meeting_id and m.status = 'held'
      where r.tenant_id = ${tenantId} and ${onlyThese}
      -- The latest: the latest meeting date, the review recorded last, then (reviews of one day
      -- recorded at once, as an import records them) the later start and the greater meeting
      -- number, as the report reads a case's lead (docs/report-rules.md, ledAtEnd).
      order by r.case_id, m.held_on desc, r.updated_at desc,
        m.start_time collate "C" desc nulls last, m.meeting_no collate "C" desc
    ) d, cases old
    where c.tenant_id = ${tenantId} and c.id = d.case_id and ${among(sql`c.id`)}
      and old.tenant_id = c.tenant_id and old.id = c.id and ${among(sql`old.id`)}
      and (c.lead, c.lead_unit_id, c.lead_account_id, c.next_review_on, c.ward_state)
        is distinct from (d.lead, d.lead_unit_id, d.lead_account_id, d.next_review_on,
          case when d.rediscuss then 'ready' else c.ward_state end)
    returning c.id as case_id, d.meeting_no,
      old.ward_state as old_ward_state, old.lead as old_lead, old.lead_unit_id::text as old_lead_unit_id,
      old.lead_account_id::text as old_lead_account_id, old.next_review_on::text as old_next_review_on,
      c.ward_state, c.lead, c.lead_unit_id::text as lead_unit_id,
      c.lead_account_id::text as lead_account_id, c.next_review_on::text as next_review_on`)) as unknown as {
    rows: Row[]
  }
  return result.rows.map((r) => ({
    caseId: r.case_id,
    meetingNo: r.meeting_no,
    before: {
      wardState: r.old_ward_state,
      lead: r.old_lead,
      leadUnitId: r.old_lead_unit_id,
      leadAccountId: r.old_lead_account_id,
      nextReviewOn: r.old_next_review_on,
    },
    after: {
      wardState: r.ward_state,
      lead: r.lead,
      leadUnitId: r.lead_unit_id,
      leadAccountId: r.lead_account_id,
      nextReviewOn: r.next_review_on,
    },
  }))
}

/** Many history entries at once (an import may decide thousands of cases). */
export async function insertCaseEvents(tx: Db, events: (typeof caseEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
    await tx.insert(caseEvents).values(events.slice(i, i + EVENTS_PER_INSERT))
  }
}
