import { and, asc, eq, gte, inArray, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  accounts,
  cases,
  meetingAgenda,
  meetings,
  orgUnits,
  reviewAssignments,
  reviews,
  supportActivities,
  wards,
} from '#server/db/schema/index.ts'
import { caseScopeCondition } from '#server/modules/cases/index.ts'

/** 主担当 that lead a case (再協議 names no one). */
const LEADING = ['ward_section', 'accompaniment', 'specialist']

/** The ward a case belongs to: the ward it was handed over to, or the ward centre that took it in. */
const wardOfCase = sql<string | null>`coalesce(${cases.handedOverTo},
  case when ${cases.intakeUnit} <> 'window' then ${cases.intakeUnit} end)`

const lastActivityOn = sql<string | null>`(select max(${supportActivities.doneOn})
  from ${supportActivities}
  where ${supportActivities.tenantId} = ${cases.tenantId} and ${supportActivities.caseId} = ${cases.id})`

/** The date of the latest meeting that reviewed the case: when its current lead was decided. */
const decidedOn = sql<string | null>`(select max(${meetings.heldOn})
  from ${reviews} join ${meetings}
    on ${meetings.tenantId} = ${reviews.tenantId} and ${meetings.id} = ${reviews.meetingId}
  where ${reviews.tenantId} = ${cases.tenantId} and ${reviews.caseId} = ${cases.id})`

/**
 * What the no-activity count starts from: the latest activity; for a case without any, the
 * day its lead was decided (the latest meeting that reviewed it), else the day it was opened.
 */
const inactiveSince = sql<string>`coalesce(${lastActivityOn}, ${decidedOn}, ${cases.openedOn})`

/** Open cases that someone leads, in one city. */
function ledOpenCases(tenantId: string): SQL {
  return and(eq(cases.tenantId, tenantId), ne(cases.status, 'closed'), inArray(cases.lead, LEADING))!
}

/** Who the caller is to "my cases": which cases they lead, and which units' tasks are theirs. */
export type MyCasesScope =
  | { kind: 'account'; accountId: string }
  | { kind: 'agency'; unitId: string }
  | { kind: 'ward_units'; ward: string; units: 'own'; unitId: string }
  | { kind: 'ward_units'; ward: string; units: 'centre' }

function unitsOf(scope: Extract<MyCasesScope, { kind: 'ward_units' }>): SQL {
  if (scope.units === 'own') return sql`${scope.unitId}::uuid`
  return sql`select ${orgUnits.id} from ${orgUnits} where ${orgUnits.tenantId} = ${cases.tenantId}
    and ${orgUnits.wardCode} = ${scope.ward} and ${orgUnits.kind} in ('ward_centre', 'ward_section')`
}

function leadCondition(scope: MyCasesScope): SQL {
  switch (scope.kind) {
    case 'account':
      return eq(cases.leadAccountId, scope.accountId)
    case 'agency':
      return and(eq(cases.lead, 'specialist'), eq(cases.leadUnitId, scope.unitId))!
    case 'ward_units':
      return sql`(${cases.lead} = 'ward_section' and ${cases.leadUnitId} in (${unitsOf(scope)}))`
  }
}

/** A task (役割分担) for one of the units in the case's latest decided review. */
function assignedCondition(scope: MyCasesScope): SQL {
  if (scope.kind !== 'ward_units') return sql`false`
  return sql`exists (select 1 from ${reviewAssignments}
    where ${reviewAssignments.tenantId} = ${cases.tenantId}
      and ${reviewAssignments.unitId} in (${unitsOf(scope)})
      and ${reviewAssignments.reviewId} = (select ${reviews.id} from ${reviews} join ${meetings}
          on ${meetings.tenantId} = ${reviews.tenantId} and ${meetings.id} = ${reviews.meetingId}
        where ${reviews.tenantId} = ${cases.tenantId} and ${reviews.caseId} = ${cases.id}
        order by ${meetings.heldOn} desc, ${reviews.createdAt} desc limit 1))`
}

/** Ward staff see only their ward's cases, whatever a decision names (the case scope's rule). */
function withinScope(scope: MyCasesScope): SQL | undefined {
  if (scope.kind !== 'ward_units') return undefined
  return caseScopeCondition({ kind: 'ward', ward: scope.ward })
}

export async function findMyCases(db: Db, tenantId: string, scope: MyCasesScope) {
  const leads = leadCondition(scope)
  return db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      name: cases.name,
      ageBand: cases.ageBand,
      ward: wardOfCase,
      lead: cases.lead,
      leadUnitName: orgUnits.name,
      leadAccountName: accounts.name,
      isLead: sql<boolean>`(${leads})`,
      nextReviewOn: cases.nextReviewOn,
      lastActivityOn: sql<string | null>`${lastActivityOn}::text`,
      inactiveSince: sql<string>`${inactiveSince}::text`,
    })
    .from(cases)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, cases.tenantId), eq(orgUnits.id, cases.leadUnitId)))
    .leftJoin(accounts, and(eq(accounts.tenantId, cases.tenantId), eq(accounts.id, cases.leadAccountId)))
    .where(and(ledOpenCases(tenantId), withinScope(scope), or(leads, assignedCondition(scope))))
    .orderBy(asc(cases.nextReviewOn), asc(cases.caseNo))
}

/**
 * Meetings from `today` on whose agenda holds one of the caller's cases (the same cases as
 * findMyCases), one row per meeting and case, soonest first.
 */
export async function findMyCaseMeetings(db: Db, tenantId: string, scope: MyCasesScope, today: string) {
  return db
    .select({
      meetingId: meetings.id,
      heldOn: meetings.heldOn,
      startTime: meetings.startTime,
      place: meetings.place,
      wardName: wards.name,
      caseId: cases.id,
      caseNo: cases.caseNo,
      name: cases.name,
    })
    .from(meetingAgenda)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAgenda.tenantId), eq(meetings.id, meetingAgenda.meetingId)),
    )
    .innerJoin(cases, and(eq(cases.tenantId, meetingAgenda.tenantId), eq(cases.id, meetingAgenda.caseId)))
    .leftJoin(wards, and(eq(wards.tenantId, meetings.tenantId), eq(wards.code, meetings.ward)))
    .where(
      and(
        eq(meetingAgenda.tenantId, tenantId),
        gte(meetings.heldOn, today),
        ledOpenCases(tenantId),
        withinScope(scope),
        or(leadCondition(scope), assignedCondition(scope)),
      ),
    )
    .orderBy(asc(meetings.heldOn), asc(meetings.startTime), asc(meetings.id), asc(meetingAgenda.position))
}

/** Whose load a case is: the named accompaniment worker, or the leading section or agency. */
const workerOfCase = sql<string | null>`case when ${cases.lead} = 'accompaniment'
  then ${cases.leadAccountId} else ${cases.leadUnitId} end`

/**
 * Open led cases counted per lead, worker and ward, in SQL. `cutoff` is the last day a case's
 * inactiveSince may fall on to count as without activity; `today` decides overdue reviews.
 */
export async function countLedCases(db: Db, tenantId: string, today: string, cutoff: string) {
  return db
    .select({
      lead: cases.lead,
      workerId: workerOfCase,
      ward: wardOfCase,
      open: sql<number>`count(*)::int`,
      inactive: sql<number>`(count(*) filter (where ${inactiveSince} <= ${cutoff}::date))::int`,
      overdue: sql<number>`(count(*) filter (where ${cases.nextReviewOn} < ${today}::date))::int`,
    })
    .from(cases)
    .where(ledOpenCases(tenantId))
    .groupBy(cases.lead, workerOfCase, wardOfCase)
}

export async function findAccountNames(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), inArray(accounts.id, ids)))
}
