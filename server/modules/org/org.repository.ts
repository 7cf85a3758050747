// Drizzle queries of the org module: the city's wards, its organisation units (window, ward
// centres and their sections, the accompaniment team, headquarters, agencies) and the staff
// directory. Other modules reach them only through ./index.ts.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, orgUnits, tenants, wards } from '#server/db/schema/index.ts'

export type UnitRow = typeof orgUnits.$inferSelect

export async function findCityName(db: Db, tenantId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId))
  return row?.name
}

export async function findUnit(db: Db, tenantId: string, id: string): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
  return row
}

/** Units by id, in no particular order (callers map them by id). */
export async function findUnitsByIds(db: Db, tenantId: string, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return []
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), inArray(orgUnits.id, ids)))
}

/** The active units of the city, in their order (the forms' pickers). */
export function findActiveUnitsAll(db: Db, tenantId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
}

/** Active units of a kind (and ward), in their order. */
export function findActiveUnits(db: Db, tenantId: string, kind: string, ward?: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.tenantId, tenantId),
        eq(orgUnits.kind, kind),
        eq(orgUnits.active, true),
        ward ? eq(orgUnits.wardCode, ward) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
}

export async function agencyNameTaken(db: Db, tenantId: string, name: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'agency'), eq(orgUnits.name, name)))
  return row !== undefined
}

export async function insertAgency(db: Db, tenantId: string, name: string): Promise<UnitRow> {
  // Agencies have no order of their own: they are listed by name.
  const [row] = await db
    .insert(orgUnits)
    .values({ tenantId, kind: 'agency', name, sortOrder: 1000 })
    .returning()
  return row!
}

/** The city's wards in their order (inactive ones too: old records still name them). */
export function findWards(db: Db, tenantId: string) {
  return db
    .select({ code: wards.code, name: wards.name })
    .from(wards)
    .where(eq(wards.tenantId, tenantId))
    .orderBy(asc(wards.sortOrder))
}

export async function wardExists(db: Db, tenantId: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: wards.code })
    .from(wards)
    .where(and(eq(wards.tenantId, tenantId), eq(wards.code, code)))
  return row !== undefined
}

export async function findWardName(db: Db, tenantId: string, code: string): Promise<string | null> {
  const [row] = await db
    .select({ name: wards.name })
    .from(wards)
    .where(and(eq(wards.tenantId, tenantId), eq(wards.code, code)))
  return row?.name ?? null
}

/** Active accounts of the given roles with their unit: the staff directory's raw rows. */
export function findActiveStaff(db: Db, tenantId: string, roles: readonly string[]) {
  return db
    .select({
      id: accounts.id,
      name: accounts.name,
      unitName: orgUnits.name,
      unitKind: orgUnits.kind,
      wardCode: orgUnits.wardCode,
    })
    .from(accounts)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .where(
      and(eq(accounts.tenantId, tenantId), eq(accounts.active, true), inArray(accounts.role, [...roles])),
    )
    .orderBy(asc(orgUnits.sortOrder), asc(accounts.loginId))
}
