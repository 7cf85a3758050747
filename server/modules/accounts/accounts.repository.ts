import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { accounts, accountTokens, orgUnits, tenants, wards } from '../../db/schema/index.ts'

export type AccountRow = typeof accounts.$inferSelect
export type UnitRow = typeof orgUnits.$inferSelect
export type AccountWithUnit = AccountRow & { unit: UnitRow }

const withUnit = (db: Db) =>
  db
    .select({ account: accounts, unit: orgUnits })
    .from(accounts)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))

const flatten = (r: { account: AccountRow; unit: UnitRow }): AccountWithUnit => ({
  ...r.account,
  unit: r.unit,
})

export async function findAccountById(
  db: Db,
  tenantId: string,
  id: string,
): Promise<AccountWithUnit | undefined> {
  const [row] = await withUnit(db).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id)))
  return row && flatten(row)
}

export async function findAccountByLogin(db: Db, tenantId: string, loginId: string) {
  const [row] = await withUnit(db).where(and(eq(accounts.tenantId, tenantId), eq(accounts.loginId, loginId)))
  return row && flatten(row)
}

export interface AccountFilter {
  q?: string
  role?: string
  unitId?: string
  active?: boolean
  page: number
  pageSize: number
}

export async function findAccounts(db: Db, tenantId: string, f: AccountFilter) {
  const conditions: SQL[] = [eq(accounts.tenantId, tenantId)]
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(or(ilike(accounts.name, like), ilike(accounts.loginId, like))!)
  }
  if (f.role) conditions.push(eq(accounts.role, f.role))
  if (f.unitId) conditions.push(eq(accounts.unitId, f.unitId))
  if (f.active !== undefined) conditions.push(eq(accounts.active, f.active))
  const where = and(...conditions)
  const rows = await withUnit(db)
    .where(where)
    .orderBy(asc(orgUnits.sortOrder), asc(accounts.loginId))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(accounts).where(where)
  return { rows: rows.map(flatten), total: total?.n ?? 0 }
}

export async function insertAccount(db: Db, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning()
  return row!
}

export async function updateAccountRow(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof accounts.$inferInsert>,
): Promise<void> {
  await db
    .update(accounts)
    .set(values)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id)))
}

export async function findUnit(db: Db, tenantId: string, id: string): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
  return row
}

export function findUnits(db: Db, tenantId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
}

export function findWards(db: Db, tenantId: string) {
  return db
    .select({ code: wards.code, name: wards.name })
    .from(wards)
    .where(eq(wards.tenantId, tenantId))
    .orderBy(asc(wards.sortOrder))
}

export async function findCityName(db: Db, tenantId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId))
  return row?.name
}

export async function insertToken(db: Db, values: typeof accountTokens.$inferInsert): Promise<void> {
  await db.insert(accountTokens).values(values)
}

export async function findToken(db: Db, tenantId: string, tokenHash: string) {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tenantId, tenantId), eq(accountTokens.tokenHash, tokenHash)))
  return row
}

export async function markTokenUsed(db: Db, tenantId: string, tokenHash: string, at: Date): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: at })
    .where(and(eq(accountTokens.tenantId, tenantId), eq(accountTokens.tokenHash, tokenHash)))
}

/** Withdraws an account's unused reset links when a new one is issued. */
export async function deleteUnusedTokensOf(db: Db, tenantId: string, accountId: string): Promise<void> {
  await db
    .delete(accountTokens)
    .where(and(eq(accountTokens.tenantId, tenantId), eq(accountTokens.accountId, accountId)))
}
