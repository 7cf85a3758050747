import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm'
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import { accounts, cases, contacts } from '#server/db/schema/index.ts'
import type { CaseScope } from './cases.policy.ts'
import { activeCondition } from './cases.search.repository.ts'
import { scopeCondition } from './scope-condition.ts'

const later = alias(contacts, 'later_contacts')

// A contact's place in its case's timeline: by date, then time (an untimed contact counts as
// the day's earliest, as the timeline shows it), then when it was recorded.
const placeOf = (c: Record<'contactedOn' | 'time' | 'createdAt' | 'id', AnyPgColumn>) =>
  sql`(${c.contactedOn}, coalesce(${c.time}, ''), ${c.createdAt}, ${c.id})`

export interface DueStepRow {
  caseId: string
  caseNo: string
  name: string | null
  staffName: string | null
  mine: boolean
  nextStep: string | null
  dueOn: string
  dueTime: string | null
}

/**
 * Each active case in scope whose current next step — that of its latest contact — is due on or
 * before `until`: the caller's own cases first, then by due date and time (untimed last within a
 * day). Starts from the due-date index and keeps a contact only when none comes after it in its
 * case, so a step superseded by a later contact is no longer due.
 */
export async function findDueSteps(
  db: Db,
  tenantId: string,
  scope: CaseScope,
  q: { accountId: string; mineOnly: boolean; until: string; limit: number },
): Promise<DueStepRow[]> {
  const mine = sql<boolean>`coalesce(${cases.staffId} = ${q.accountId}, false)`
  return db
    .select({
      caseId: cases.id,
      caseNo: cases.caseNo,
      name: cases.name,
      staffName: accounts.name,
      mine,
      nextStep: contacts.nextStep,
      dueOn: sql<string>`${contacts.nextStepDueOn}::text`,
      dueTime: contacts.nextStepDueTime,
    })
    .from(contacts)
    .innerJoin(cases, and(eq(cases.tenantId, contacts.tenantId), eq(cases.id, contacts.caseId)))
    .leftJoin(accounts, and(eq(accounts.tenantId, cases.tenantId), eq(accounts.id, cases.staffId)))
    .where(
      and(
        eq(contacts.tenantId, tenantId),
        isNotNull(contacts.nextStepDueOn),
        lte(contacts.nextStepDueOn, q.until),
        scopeCondition(scope),
        activeCondition(scope),
        q.mineOnly ? eq(cases.staffId, q.accountId) : undefined,
        sql`not exists (select 1 from ${contacts} as ${later} where ${later.tenantId} = ${contacts.tenantId}
          and ${later.caseId} = ${contacts.caseId} and ${placeOf(later)} > ${placeOf(contacts)})`,
      ),
    )
    .orderBy(
      sql`${mine} desc`,
      asc(contacts.nextStepDueOn),
      sql`${contacts.nextStepDueTime} asc nulls last`,
      asc(cases.caseNo),
    )
    .limit(q.limit)
}
