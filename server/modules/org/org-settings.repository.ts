// Drizzle queries of 組織設定: the administrator's changes to wards and units, population, the
// window's information (a setting), confidentiality texts and the organisation's history.
import { and, asc, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  confidentialityTexts,
  orgHistory,
  orgUnits,
  wardPopulations,
  wards,
} from '#server/db/schema/index.ts'

export type WardRow = typeof wards.$inferSelect
export type UnitRow = typeof orgUnits.$inferSelect

// Written with qualified names: drizzle leaves columns unqualified in one-table selects, which
// would make the inner tables' columns ambiguous with the outer one's.
/** Whether any record names the ward: cases, people, meetings, resources, shares, accounts of its units. */
const wardHasRecords = (tenantId: string, code: SQL | string) => sql<boolean>`(
  exists (select 1 from cases c where c.tenant_id = ${tenantId} and c.ward = ${code})
  or exists (select 1 from case_people p where p.tenant_id = ${tenantId} and p.ward = ${code})
  or exists (select 1 from meetings m where m.tenant_id = ${tenantId} and m.ward = ${code})
  or exists (select 1 from resources r where r.tenant_id = ${tenantId} and r.ward = ${code})
  or exists (select 1 from case_study_shares s where s.tenant_id = ${tenantId} and s.ward = ${code})
  or exists (select 1 from accounts a join org_units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
     where a.tenant_id = ${tenantId} and u.ward_code = ${code}))`

/** Whether any record names the unit: accounts, cases' and reviews' leads, attendees, assignments. */
const unitHasRecords = (tenantId: string, id: SQL | string) => sql<boolean>`(
  exists (select 1 from accounts a where a.tenant_id = ${tenantId} and a.unit_id = ${id}::uuid)
  or exists (select 1 from cases c where c.tenant_id = ${tenantId} and c.lead_unit_id = ${id}::uuid)
  or exists (select 1 from reviews r where r.tenant_id = ${tenantId} and r.lead_unit_id = ${id}::uuid)
  or exists (select 1 from meeting_attendees m where m.tenant_id = ${tenantId} and m.unit_id = ${id}::uuid)
  or exists (select 1 from review_assignments x where x.tenant_id = ${tenantId} and x.unit_id = ${id}::uuid))`

export function findAllWards(db: Db, tenantId: string) {
  return db
    .select({ ward: wards, hasRecords: wardHasRecords(tenantId, sql.raw('"wards"."code"')) })
    .from(wards)
    .where(eq(wards.tenantId, tenantId))
    .orderBy(asc(wards.sortOrder), asc(wards.code))
}

export async function findWardForChange(db: Db, tenantId: string, code: string) {
  const [row] = await db
    .select({ ward: wards, hasRecords: wardHasRecords(tenantId, code) })
    .from(wards)
    .where(and(eq(wards.tenantId, tenantId), eq(wards.code, code)))
    .for('update')
  return row
}

/** Units an administrator sets up (agencies are the meetings'), with whether records name them. */
export function findAllUnits(db: Db, tenantId: string) {
  return db
    .select({ unit: orgUnits, hasRecords: unitHasRecords(tenantId, sql.raw('"org_units"."id"')) })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), sql`${orgUnits.kind} <> 'agency'`))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
}

export async function findUnitForChange(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ unit: orgUnits, hasRecords: unitHasRecords(tenantId, id) })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id), sql`${orgUnits.kind} <> 'agency'`))
    .for('update')
  return row
}

export async function insertWard(db: Db, values: typeof wards.$inferInsert): Promise<WardRow> {
  const [row] = await db.insert(wards).values(values).returning()
  return row!
}

export async function updateWardRow(db: Db, tenantId: string, code: string, values: Partial<WardRow>) {
  const [row] = await db
    .update(wards)
    .set(values)
    .where(and(eq(wards.tenantId, tenantId), eq(wards.code, code)))
    .returning()
  return row!
}

/** A ward without records goes with its units and its population figures. */
export async function deleteWardRow(db: Db, tenantId: string, code: string) {
  await db.delete(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.wardCode, code)))
  await db
    .delete(wardPopulations)
    .where(and(eq(wardPopulations.tenantId, tenantId), eq(wardPopulations.wardCode, code)))
  await db.delete(wards).where(and(eq(wards.tenantId, tenantId), eq(wards.code, code)))
}

export async function insertUnit(db: Db, values: typeof orgUnits.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(orgUnits).values(values).returning()
  return row!
}

export async function updateUnitRow(db: Db, tenantId: string, id: string, values: Partial<UnitRow>) {
  const [row] = await db
    .update(orgUnits)
    .set(values)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
    .returning()
  return row!
}

export async function deleteUnitRow(db: Db, tenantId: string, id: string) {
  await db.delete(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
}

export function findPopulations(db: Db, tenantId: string) {
  return db
    .select({
      wardCode: wardPopulations.wardCode,
      fiscalYear: wardPopulations.fiscalYear,
      population: wardPopulations.population,
    })
    .from(wardPopulations)
    .where(eq(wardPopulations.tenantId, tenantId))
    .orderBy(desc(wardPopulations.fiscalYear), asc(wardPopulations.wardCode))
}

/** Replaces one fiscal year's figures. */
export async function replacePopulations(
  db: Db,
  tenantId: string,
  fiscalYear: number,
  items: { wardCode: string; population: number }[],
) {
  await db
    .delete(wardPopulations)
    .where(and(eq(wardPopulations.tenantId, tenantId), eq(wardPopulations.fiscalYear, fiscalYear)))
  if (items.length > 0) {
    await db.insert(wardPopulations).values(items.map((i) => ({ tenantId, fiscalYear, ...i })))
  }
}

export async function wardCodesIn(db: Db, tenantId: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set()
  const rows = await db
    .select({ code: wards.code })
    .from(wards)
    .where(and(eq(wards.tenantId, tenantId), inArray(wards.code, codes)))
  return new Set(rows.map((r) => r.code))
}

export async function latestConfidentiality(db: Db, tenantId: string) {
  const [row] = await db
    .select()
    .from(confidentialityTexts)
    .where(eq(confidentialityTexts.tenantId, tenantId))
    .orderBy(desc(confidentialityTexts.version))
    .limit(1)
  return row
}

/** The next version, numbered under a lock on the city's texts so two saves cannot collide. */
export async function insertConfidentiality(
  db: Db,
  tenantId: string,
  body: string,
  at: Date,
  by: string | null,
) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`confidentiality:${tenantId}`}))`)
  const [last] = await db
    .select({ v: max(confidentialityTexts.version) })
    .from(confidentialityTexts)
    .where(eq(confidentialityTexts.tenantId, tenantId))
  const [row] = await db
    .insert(confidentialityTexts)
    .values({ tenantId, version: (last?.v ?? 0) + 1, body, createdAt: at, createdBy: by })
    .returning()
  return row!
}

export async function insertHistory(db: Db, rows: (typeof orgHistory.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(orgHistory).values(rows)
}

export function findHistory(db: Db, tenantId: string) {
  return db
    .select()
    .from(orgHistory)
    .where(eq(orgHistory.tenantId, tenantId))
    .orderBy(desc(orgHistory.at), desc(orgHistory.id))
    .limit(500)
}
