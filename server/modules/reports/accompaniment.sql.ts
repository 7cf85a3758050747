// よりそい支援員の活動, つなぎ and the city-wide network meetings (docs/report-rules.md
// "Accompaniment"). With a ward, a case's ward is the one it was handed over to or taken in by
// (as in the caseloads): よりそい支援員 work on cases the ward centres hold.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { caseHalves, filter8050, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

const wardOfCase = sql`coalesce(c.handed_over_to, case when c.intake_unit <> 'window' then c.intake_unit end)`

/** The case `c` joined on a row aliased `x` with a case_id, within the ward and the 8050 filter. */
function onCases(tenantId: string, o: ReportOptions) {
  return sql`join cases c on c.tenant_id = x.tenant_id and c.id = x.case_id
    where x.tenant_id = ${tenantId} ${wardFilter(wardOfCase, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}`
}

/** 支援内容 dated in the period by kind, and over all kinds (kind null): activities and distinct cases. */
export async function countActivities(db: Db, tenantId: string, o: ReportOptions) {
  return rowsOf<{ kind: string | null; count: number; cases: number }>(
    db,
    sql`select x.kind, count(*)::int as count, count(distinct x.case_id)::int as cases
      from support_activities x ${onCases(tenantId, o)}
        and x.done_on between ${o.from}::date and ${o.to}::date
      group by grouping sets ((x.kind), ())`,
  )
}

/** 本人の変化 observed in the period: changes and distinct cases. */
export async function countObservedChanges(db: Db, tenantId: string, o: ReportOptions) {
  const [row] = await rowsOf<{ count: number; cases: number }>(
    db,
    sql`select count(*)::int as count, count(distinct x.case_id)::int as cases
      from observed_changes x ${onCases(tenantId, o)}
        and x.observed_on between ${o.from}::date and ${o.to}::date`,
  )
  return row!
}

/**
 * Cases open at the end whose lead then was よりそい支援員: the lead of the latest review at a
 * meeting held by `to` (later decisions are not yet known at the end), with each such case's
 * support-plan goals (a goal counts the cases naming it). Reviews at two meetings held the same
 * day and recorded at the same moment (an import writes every review at one time) are told
 * apart by the later start, then the greater meeting number, in byte order: without that the
 * "latest" one was whichever the sort met last, and the figure differed between PostgreSQL and
 * PGlite on the same ledger (15,330 and 15,329 at 20 times the bench city).
 *
 * The reviews carry their meeting's date, status, start time and number (migration 0042), so
 * reviews_last_idx lists each case's reviews in exactly this order, and the first entry of a
 * case at a meeting held by `to` is its lead: no join with the meetings and no sort (joining and
 * sorting every review was ~180 ms of work in each report at 20 times the bench city).
 *
 * On a pool the cases are counted in two halves by id side by side (caseHalves): each case's
 * reviews are all in one half, and the halves' counts, per goal and in all, are summed.
 */
export async function countLedAtEnd(db: Db, tenantId: string, o: ReportOptions) {
  const statement = (half: SQL) =>
    rowsOf<{ goal: string | null; cases: number }>(
      db,
      sql`with last_lead as (
          select distinct on (r.case_id) r.case_id, r.lead
          from reviews r
          where r.tenant_id = ${tenantId} and r.meeting_status = 'held' and r.meeting_held_on <= ${o.to}::date ${half}
          order by r.case_id, r.meeting_held_on desc nulls last, r.created_at desc nulls last,
            r.meeting_start_time collate "C" desc nulls last, r.meeting_no collate "C" desc),
        led as (
          select c.id from last_lead l
          join cases c on c.tenant_id = ${tenantId} and c.id = l.case_id
          where l.lead = 'accompaniment' and c.opened_on <= ${o.to}::date
            and not coalesce(c.closed_on <= ${o.to}::date, false)
            ${wardFilter(wardOfCase, o.ward)} ${filter8050(sql`c.id`, tenantId, o)})
        select null as goal, count(*)::int as cases from led
        union all
        select g.goal, count(*)::int from led
          join support_plans p on p.tenant_id = ${tenantId} and p.case_id = led.id
          cross join lateral unnest(p.goals) as g(goal)
          group by g.goal`,
    )
  const halves = await Promise.all(caseHalves(db, sql`r.case_id`).map(statement))
  const byGoal = new Map<string | null, number>()
  for (const row of halves.flat()) byGoal.set(row.goal, (byGoal.get(row.goal) ?? 0) + row.cases)
  return [...byGoal].map(([goal, cases]) => ({ goal, cases }))
}

/**
 * Referrals made in the period by their outcome at the end: the recorded outcome once dated by
 * `to` (or undated, as imported), else still 調整中.
 */
export async function countReferrals(db: Db, tenantId: string, o: ReportOptions) {
  return rowsOf<{ outcome: string; n: number }>(
    db,
    sql`select case when x.outcome <> 'arranging' and coalesce(x.outcome_on <= ${o.to}::date, true)
          then x.outcome else 'arranging' end as outcome, count(*)::int as n
      from referrals x ${onCases(tenantId, o)}
        and x.referred_on between ${o.from}::date and ${o.to}::date
      group by 1`,
  )
}

/**
 * City-wide meetings held in the period by kind, and the cases shared to them. They are the
 * whole city's; with a ward, the meetings still count and the shares are that ward's.
 */
export async function countNetworkMeetings(db: Db, tenantId: string, o: ReportOptions) {
  const [held, shares] = [
    await rowsOf<{ kind: string; n: number }>(
      db,
      sql`select kind, count(*)::int as n from network_meetings
        where tenant_id = ${tenantId} and held_on between ${o.from}::date and ${o.to}::date group by kind`,
    ),
    await rowsOf<{ n: number }>(
      db,
      sql`select count(distinct s.case_id)::int as n from case_study_shares s
        join network_meetings m on m.tenant_id = s.tenant_id and m.id = s.meeting_id
        where s.tenant_id = ${tenantId} and m.held_on between ${o.from}::date and ${o.to}::date
          ${wardFilter(sql`s.ward`, o.ward)} ${filter8050(sql`s.case_id`, tenantId, o)}`,
    ),
  ]
  return { held, casesShared: shares[0]!.n }
}
