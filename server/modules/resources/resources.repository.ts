import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  ilike,
  inArray,
  isNull,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { counters, referrals, resources, wards } from '#server/db/schema/index.ts'

export type ResourceRow = typeof resources.$inferSelect
export type ResourceView = ResourceRow & { wardName: string | null }

export interface ResourceFilter {
  q?: string | undefined
  category?: string | undefined
  serves?: string | undefined
  /** A ward code (its resources and the city-wide ones), or 'citywide' for the city-wide only. */
  ward?: string | undefined
  subsidised?: boolean | undefined
  includeInactive: boolean
  page: number
  pageSize: number
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function selectResourceViews(db: Db) {
  return db
    .select({ resource: resources, wardName: wards.name })
    .from(resources)
    .leftJoin(wards, and(eq(wards.tenantId, resources.tenantId), eq(wards.code, resources.ward)))
}

const flatten = (r: { resource: ResourceRow; wardName: string | null }): ResourceView => ({
  ...r.resource,
  wardName: r.wardName,
})

function filterConditions(tenantId: string, f: ResourceFilter): SQL[] {
  const conditions: SQL[] = [eq(resources.tenantId, tenantId)]
  if (!f.includeInactive) conditions.push(eq(resources.active, true))
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`
    conditions.push(
      or(
        ilike(resources.name, like),
        ilike(resources.resourceNo, like),
        ilike(resources.description, like),
        ilike(resources.contact, like),
      )!,
    )
  }
  if (f.category) conditions.push(arrayContains(resources.categories, [f.category]))
  if (f.serves) conditions.push(arrayContains(resources.serves, [f.serves]))
  if (f.ward === 'citywide') conditions.push(isNull(resources.ward))
  else if (f.ward) conditions.push(or(eq(resources.ward, f.ward), isNull(resources.ward))!)
  if (f.subsidised === true) conditions.push(sql`cardinality(${resources.subsidyFiscalYears}) > 0`)
  if (f.subsidised === false) conditions.push(sql`cardinality(${resources.subsidyFiscalYears}) = 0`)
  return conditions
}

/** A page of the directory, by name; the resource number keeps pages stable. */
export async function findResources(db: Db, tenantId: string, f: ResourceFilter) {
  const where = and(...filterConditions(tenantId, f))
  const rows = await selectResourceViews(db)
    .where(where)
    .orderBy(asc(resources.name), asc(resources.resourceNo))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(resources).where(where)
  return { rows: rows.map(flatten), total: total?.n ?? 0 }
}

export async function findResource(db: Db, tenantId: string, id: string): Promise<ResourceView | undefined> {
  const [row] = await selectResourceViews(db).where(
    and(eq(resources.tenantId, tenantId), eq(resources.id, id)),
  )
  return row && flatten(row)
}

export interface OutcomeCount {
  resourceId: string
  outcome: string
  n: number
}

/** Referrals per resource and outcome, for the given resources only (one grouped query). */
export async function countReferralsByOutcome(
  db: Db,
  tenantId: string,
  resourceIds: string[],
): Promise<OutcomeCount[]> {
  if (resourceIds.length === 0) return []
  return db
    .select({ resourceId: referrals.resourceId, outcome: referrals.outcome, n: sql<number>`count(*)::int` })
    .from(referrals)
    .where(and(eq(referrals.tenantId, tenantId), inArray(referrals.resourceId, resourceIds)))
    .groupBy(referrals.resourceId, referrals.outcome)
}

export async function resourceNoTaken(
  db: Db,
  tenantId: string,
  resourceNo: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: resources.id })
    .from(resources)
    .where(
      and(
        eq(resources.tenantId, tenantId),
        eq(resources.resourceNo, resourceNo),
        exceptId ? ne(resources.id, exceptId) : undefined,
      ),
    )
  return row !== undefined
}

/**
 * The next number of the city's R-NNNN sequence, taken inside the caller's transaction. It
 * starts above the highest R-number already stored (imported ledgers number resources too), and
 * the counter row serialises concurrent creations.
 */
export async function nextResourceSequence(db: Db, tenantId: string): Promise<number> {
  const highest = sql`(select coalesce(max(substring(${resources.resourceNo} from '^R-(\\d{1,9})$')::int), 0) + 1
    from ${resources} where ${resources.tenantId} = ${tenantId})`
  const [row] = await db
    .insert(counters)
    .values({ tenantId, name: 'resource_no', value: highest })
    .onConflictDoUpdate({
      target: [counters.tenantId, counters.name],
      set: { value: sql`greatest(${counters.value} + 1, excluded.value)` },
    })
    .returning({ value: counters.value })
  return row!.value
}

export async function insertResource(db: Db, values: typeof resources.$inferInsert): Promise<ResourceRow> {
  const [row] = await db.insert(resources).values(values).returning()
  return row!
}

export async function updateResourceRow(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof resources.$inferInsert>,
): Promise<void> {
  await db
    .update(resources)
    .set(values)
    .where(and(eq(resources.tenantId, tenantId), eq(resources.id, id)))
}
