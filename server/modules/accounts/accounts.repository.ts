import { and, asc, count, eq, gt, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, accountTokens, orgUnits } from '#server/db/schema/index.ts'

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

const notLockedAt = (now: Date) => or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now))!

/**
 * Counts a failed login in one UPDATE (failed_attempts + 1 read and written by the database, so
 * parallel failures cannot overwrite each other's count); the failure that reaches `max` locks
 * the account until `lockUntil` and starts the count again. A locked account is not counted
 * (its lock is not extended): undefined then.
 */
export async function countFailedLogin(
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
  max: number,
  lockUntil: Date,
): Promise<{ failures: number; locked: boolean } | undefined> {
  const reachesMax = sql`${accounts.failedAttempts} + 1 >= ${max}`
  const [row] = await db
    .update(accounts)
    .set({
      failedAttempts: sql`CASE WHEN ${reachesMax} THEN 0 ELSE ${accounts.failedAttempts} + 1 END`,
      lockedUntil: sql`CASE WHEN ${reachesMax} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${accounts.lockedUntil} END`,
    })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id), notLockedAt(now)))
    .returning({ failedAttempts: accounts.failedAttempts, lockedUntil: accounts.lockedUntil })
  if (!row) return undefined
  const locked = !!row.lockedUntil && row.lockedUntil.getTime() > now.getTime()
  return { failures: locked ? max : row.failedAttempts, locked }
}

/** After a correct password: clears the count, unless the account is locked (false then). */
export async function clearFailedLogins(db: Db, tenantId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ failedAttempts: 0, lockedUntil: null })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id), notLockedAt(now)))
    .returning({ id: accounts.id })
  return rows.length > 0
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

/**
 * Uses up a one-time link: one UPDATE that only matches an unused, unexpired link, so of any
 * number of concurrent uses exactly one gets the row back (on PostgreSQL the others wait for its
 * transaction and then no longer match). Run it in the transaction that does the link's effect,
 * so a failure there leaves the link unused.
 */
export async function consumeToken(db: Db, tenantId: string, tokenHash: string, at: Date) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: at })
    .where(
      and(
        eq(accountTokens.tenantId, tenantId),
        eq(accountTokens.tokenHash, tokenHash),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, at),
      ),
    )
    .returning()
  return row
}

/** Withdraws an account's unused reset links when a new one is issued. */
export async function deleteUnusedTokensOf(db: Db, tenantId: string, accountId: string): Promise<void> {
  await db
    .delete(accountTokens)
    .where(and(eq(accountTokens.tenantId, tenantId), eq(accountTokens.accountId, accountId)))
}
