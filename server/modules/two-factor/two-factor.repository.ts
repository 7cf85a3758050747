import { and, count, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accountRecoveryCodes, accounts, accountTotp } from '#server/db/schema/index.ts'

export type TotpRow = typeof accountTotp.$inferSelect

export async function findTotp(db: Db, tenantId: string, accountId: string): Promise<TotpRow | undefined> {
  const [row] = await db
    .select()
    .from(accountTotp)
    .where(and(eq(accountTotp.tenantId, tenantId), eq(accountTotp.accountId, accountId)))
  return row
}

/**
 * Keeps a new, not yet confirmed secret. An enabled authenticator is never overwritten here
 * (false then): it must be disabled or reset first.
 */
export async function savePendingSecret(
  db: Db,
  row: { tenantId: string; accountId: string; secretSealed: string; createdAt: Date },
): Promise<boolean> {
  const saved = await db
    .insert(accountTotp)
    .values(row)
    .onConflictDoUpdate({
      target: [accountTotp.tenantId, accountTotp.accountId],
      set: { secretSealed: row.secretSealed, createdAt: row.createdAt, lastStep: null },
      setWhere: isNull(accountTotp.enabledAt),
    })
    .returning({ accountId: accountTotp.accountId })
  return saved.length === 1
}

/** Enables the pending secret that the code was checked against; false if another request did first. */
export async function enableTotp(
  db: Db,
  key: { tenantId: string; accountId: string; secretSealed: string },
  step: number,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(accountTotp)
    .set({ enabledAt: at, lastStep: step })
    .where(
      and(
        eq(accountTotp.tenantId, key.tenantId),
        eq(accountTotp.accountId, key.accountId),
        eq(accountTotp.secretSealed, key.secretSealed),
        isNull(accountTotp.enabledAt),
      ),
    )
    .returning({ accountId: accountTotp.accountId })
  return rows.length === 1
}

/**
 * Records a code's time step as used, in one statement: of concurrent requests with the same code,
 * exactly one moves last_step forward; the others (and any older code) find nothing to update.
 */
export async function claimStep(db: Db, tenantId: string, accountId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(accountTotp)
    .set({ lastStep: step })
    .where(
      and(
        eq(accountTotp.tenantId, tenantId),
        eq(accountTotp.accountId, accountId),
        isNotNull(accountTotp.enabledAt),
        or(isNull(accountTotp.lastStep), lt(accountTotp.lastStep, step)),
      ),
    )
    .returning({ accountId: accountTotp.accountId })
  return rows.length === 1
}

export async function deleteTwoFactor(db: Db, tenantId: string, accountId: string): Promise<boolean> {
  await db
    .delete(accountRecoveryCodes)
    .where(and(eq(accountRecoveryCodes.tenantId, tenantId), eq(accountRecoveryCodes.accountId, accountId)))
  const removed = await db
    .delete(accountTotp)
    .where(and(eq(accountTotp.tenantId, tenantId), eq(accountTotp.accountId, accountId)))
    .returning({ enabledAt: accountTotp.enabledAt })
  return removed.some((r) => r.enabledAt !== null)
}

export async function replaceRecoveryCodes(
  db: Db,
  tenantId: string,
  accountId: string,
  hashes: string[],
): Promise<void> {
  await db
    .delete(accountRecoveryCodes)
    .where(and(eq(accountRecoveryCodes.tenantId, tenantId), eq(accountRecoveryCodes.accountId, accountId)))
  await db.insert(accountRecoveryCodes).values(hashes.map((codeHash) => ({ tenantId, accountId, codeHash })))
}

/** Uses up one recovery code, atomically: of concurrent uses, exactly one gets true. */
export async function consumeRecoveryCode(
  db: Db,
  tenantId: string,
  accountId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(accountRecoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(accountRecoveryCodes.tenantId, tenantId),
        eq(accountRecoveryCodes.accountId, accountId),
        eq(accountRecoveryCodes.codeHash, codeHash),
        isNull(accountRecoveryCodes.usedAt),
      ),
    )
    .returning({ accountId: accountRecoveryCodes.accountId })
  return rows.length === 1
}

export async function countUnusedRecoveryCodes(db: Db, tenantId: string, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(accountRecoveryCodes)
    .where(
      and(
        eq(accountRecoveryCodes.tenantId, tenantId),
        eq(accountRecoveryCodes.accountId, accountId),
        isNull(accountRecoveryCodes.usedAt),
      ),
    )
  return row?.n ?? 0
}

/** The account fields the second step needs: its role, password hash (disable) and lock state. */
export async function findAccountSecurity(db: Db, tenantId: string, accountId: string) {
  const [row] = await db
    .select({
      id: accounts.id,
      role: accounts.role,
      loginId: accounts.loginId,
      active: accounts.active,
      passwordHash: accounts.passwordHash,
      lockedUntil: accounts.lockedUntil,
    })
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)))
  return row
}

/**
 * Counts a wrong code in one statement, so parallel wrong codes cannot slip past the count. At the
 * limit the count starts again and the caller locks the account.
 */
export async function countWrongCode(
  db: Db,
  tenantId: string,
  accountId: string,
  limit: number,
): Promise<{ failures: number; reachedLimit: boolean }> {
  const [row] = await db
    .update(accountTotp)
    .set({ failedCodes: sql`${accountTotp.failedCodes} + 1` })
    .where(and(eq(accountTotp.tenantId, tenantId), eq(accountTotp.accountId, accountId)))
    .returning({ failures: accountTotp.failedCodes })
  const failures = row?.failures ?? 0
  if (failures < limit) return { failures, reachedLimit: false }
  // Only the request that reached the limit resets it (WHERE failed_codes >= limit), once.
  const reset = await db
    .update(accountTotp)
    .set({ failedCodes: 0 })
    .where(
      and(
        eq(accountTotp.tenantId, tenantId),
        eq(accountTotp.accountId, accountId),
        gte(accountTotp.failedCodes, limit),
      ),
    )
    .returning({ accountId: accountTotp.accountId })
  return { failures, reachedLimit: reset.length === 1 }
}

export async function clearWrongCodes(db: Db, tenantId: string, accountId: string): Promise<void> {
  await db
    .update(accountTotp)
    .set({ failedCodes: 0 })
    .where(and(eq(accountTotp.tenantId, tenantId), eq(accountTotp.accountId, accountId)))
}

/** Locks the account for a while, as too many wrong passwords do. */
export async function lockAccount(db: Db, tenantId: string, accountId: string, until: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ lockedUntil: until, failedAttempts: 0 })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)))
}
