// 対象リスト: who a survey's one-time links go to, drawn from the records for a period. Like the
// report (reports/*.sql.ts), it reads the cases', people's and meetings' tables in SQL: a city-wide,
// read-only list for headquarters, whose scope is the whole city. One row per recipient; the case
// id comes along only so the survey can tie a consented answer to it (link_to_case).
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import type { SurveyTargetKind } from '#shared/codes.ts'

export interface Recipient {
  caseId: string | null
  name: string | null
  address: string | null
  mail: string | null
}

/**
 * The people of a case a kind writes to: every 相談者 (consulter) of a closed case, the 本人 of a
 * case led by よりそい支援員. A case without such a person still gets one letter, to the name on
 * the case, so nobody on the list is dropped for a missing record.
 */
function peopleOf(cases: SQL, who: SQL): SQL {
  return sql`with picked as (${cases})
    select p.case_id as "caseId", p.name, p.address, nullif(trim(p.mail), '') as mail
      from picked join case_people p on p.tenant_id = picked.tenant_id and p.case_id = picked.id
      where ${who}
    union all
    select picked.id, picked.name, null, null from picked
      where not exists (select 1 from case_people p
        where p.tenant_id = picked.tenant_id and p.case_id = picked.id and ${who})`
}

function query(tenantId: string, kind: SurveyTargetKind, from: string, to: string): SQL {
  if (kind === 'closed_consulters')
    return peopleOf(
      sql`select c.tenant_id, c.id, c.name from cases c
        where c.tenant_id = ${tenantId} and c.closed_on between ${from}::date and ${to}::date`,
      sql`p.consulter`,
    )
  if (kind === 'accompaniment_supported')
    // Led by よりそい支援員 at some time in the period: a held meeting decided so on or before its
    // last day, and the case was not closed before its first.
    return peopleOf(
      sql`select c.tenant_id, c.id, c.name from cases c
        where c.tenant_id = ${tenantId}
          and (c.closed_on is null or c.closed_on >= ${from}::date)
          and exists (select 1 from reviews r join meetings m
              on m.tenant_id = r.tenant_id and m.id = r.meeting_id
            where r.tenant_id = c.tenant_id and r.case_id = c.id and r.lead = 'accompaniment'
              and m.status = 'held' and m.held_on <= ${to}::date)`,
      sql`p.relationship = 'self'`,
    )
  // 関係機関 that attended a held meeting in the period; no address is recorded for them.
  return sql`select null as "caseId", u.name, null as address, null as mail from org_units u
    where u.tenant_id = ${tenantId} and u.kind = 'agency'
      and exists (select 1 from meeting_attendees a join meetings m
          on m.tenant_id = a.tenant_id and m.id = a.meeting_id
        where a.tenant_id = u.tenant_id and a.unit_id = u.id and a.attended
          and m.status = 'held' and m.held_on between ${from}::date and ${to}::date)`
}

export async function findRecipients(
  db: Db,
  tenantId: string,
  kind: SurveyTargetKind,
  from: string,
  to: string,
): Promise<Recipient[]> {
  const result = (await db.execute(
    sql`select * from (${query(tenantId, kind, from, to)}) t order by t.name nulls last`,
  )) as unknown as { rows: Recipient[] }
  return result.rows
}
