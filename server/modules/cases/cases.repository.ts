import { and, asc, eq, min, type SQL, sql } from 'drizzle-orm'
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import { preparedPer } from '#server/db/prepared.ts'
import { accounts, caseEvents, cases, contacts, orgUnits } from '#server/db/schema/index.ts'
import type { CaseScope } from './cases.policy.ts'
import { household8050 } from './household-8050.ts'
import { scopeCondition, scopeConditionTemplate, scopeValueOf } from './scope-condition.ts'

export type CaseRow = typeof cases.$inferSelect
export type CaseEventRow = typeof caseEvents.$inferSelect

/** A case with what its summary adds: the staff member's name and its contacts at a glance. */
export interface CaseView {
  row: CaseRow
  staffName: string | null
  lastContactOn: string | null
  contactCount: number
  /** The lead's organisation and worker (主担当), named for the case page and the meetings. */
  leadUnitName: string | null
  leadAccountName: string | null
  /** The 8050 situation, derived from the case and its people (household-8050.ts). */
  household8050: boolean
}

// Aggregated per row in SQL (one query for a whole page, not one per case).
export const lastContactOn = sql<string | null>`(select max(${contacts.contactedOn})::text from ${contacts}
  where ${contacts.tenantId} = ${cases.tenantId} and ${contacts.caseId} = ${cases.id})`
export const contactCount = sql<number>`(select count(*)::int from ${contacts}
  where ${contacts.tenantId} = ${cases.tenantId} and ${contacts.caseId} = ${cases.id})`

const leadAccounts = alias(accounts, 'lead_accounts')

const caseViewFields = {
  row: cases,
  staffName: accounts.name,
  lastContactOn,
  contactCount,
  leadUnitName: orgUnits.name,
  leadAccountName: leadAccounts.name,
  household8050,
}

/**
 * Selects cases with their summary columns (and `extra` fields, e.g. a search's match); callers
 * add where, order and limit. `db` may be one with a CTE (db.with(…)).
 */
export function selectCaseViews<E extends Record<string, SQL.Aliased | SQL | AnyPgColumn>>(
  db: Pick<Db, 'select'>,
  extra: E = {} as E,
) {
  return db
    .select({ ...caseViewFields, ...extra })
    .from(cases)
    .leftJoin(accounts, and(eq(accounts.tenantId, cases.tenantId), eq(accounts.id, cases.staffId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, cases.tenantId), eq(orgUnits.id, cases.leadUnitId)))
    .leftJoin(
      leadAccounts,
      and(eq(leadAccounts.tenantId, cases.tenantId), eq(leadAccounts.id, cases.leadAccountId)),
    )
}

/** A case by id in a scope of `kind` (its value the placeholder `scope`). */
const caseInScope = (kind: CaseScope['kind']) =>
  and(
    eq(cases.tenantId, sql.placeholder('tenantId')),
    eq(cases.id, sql.placeholder('id')),
    scopeConditionTemplate(kind),
  )

const SCOPE_KINDS = ['window', 'ward', 'lead', 'lead_unit'] as const
/**
 * A statement per scope kind, each prepared the first time a handle uses it: a transaction (a
 * handle of its own) builds only the kind it reads, not all four.
 */
const perScopeKind = <P>(build: (db: Db, kind: CaseScope['kind']) => P) =>
  Object.fromEntries(SCOPE_KINDS.map((kind) => [kind, preparedPer((db) => build(db, kind))])) as Record<
    CaseScope['kind'],
    (db: Db) => P
  >

/**
 * Case detail's SELECT, prepared per handle and scope kind (prepared.ts). Built by Drizzle and
 * sent as text on every call, its ~40 columns, joins and subqueries cost more than the database's
 * own work: on PostgreSQL at 10 connections the SELECT alone served 940 req/s that way and 3,600
 * prepared.
 */
const caseViewStatements = perScopeKind((db, kind) =>
  selectCaseViews(db).where(caseInScope(kind)).prepare(`yorisoi_case_view_${kind}`),
)

/** One case in `scope`. */
export async function findCaseView(
  db: Db,
  tenantId: string,
  id: string,
  scope: CaseScope,
): Promise<CaseView | undefined> {
  const [view] = await caseViewStatements[scope.kind](db).execute({
    tenantId,
    id,
    scope: scopeValueOf(scope) ?? null,
  })
  return view
}

export async function findCaseRow(
  db: Db,
  tenantId: string,
  id: string,
  scope: CaseScope,
): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id), scopeCondition(scope)))
  return row
}

/** Locks the row for the rest of the transaction, so two changes cannot both pass the version check. */
export async function findCaseForChange(
  db: Db,
  tenantId: string,
  id: string,
  scope: CaseScope,
): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id), scopeCondition(scope)))
    .for('update')
  return row
}

export async function caseNoTaken(db: Db, tenantId: string, caseNo: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.caseNo, caseNo)))
  return row !== undefined
}

export async function insertCase(db: Db, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await db.insert(cases).values(values).returning()
  return row!
}

/** Applies a change made on `version`; undefined when someone else changed the case first. */
export async function updateCaseRow(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  values: Partial<typeof cases.$inferInsert>,
): Promise<CaseRow | undefined> {
  const [row] = await db
    .update(cases)
    .set({ ...values, version: version + 1 })
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id), eq(cases.version, version)))
    .returning()
  return row
}

export async function insertCaseEvent(db: Db, values: typeof caseEvents.$inferInsert): Promise<void> {
  await db.insert(caseEvents).values(values)
}

export function findCaseEvents(db: Db, tenantId: string, caseId: string): Promise<CaseEventRow[]> {
  return db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.tenantId, tenantId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id))
}

export async function findStaffAccount(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name, role: accounts.role, active: accounts.active })
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id)))
  return row
}

/** The first contact's date, which a corrected opening date must not come after. */
export async function findFirstContactOn(db: Db, tenantId: string, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ first: min(contacts.contactedOn) })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.caseId, caseId)))
  return row?.first ?? null
}
