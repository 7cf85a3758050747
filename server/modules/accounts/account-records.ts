import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import * as repo from './accounts.repository.ts'
import * as acting from './acting.repository.ts'

/**
 * What signing in and one-time links (the auth module) need of accounts, so that auth never
 * reads or writes the accounts tables itself: lookups, the failed-login count and its lock, the
 * links' tokens, and the two writes a link may make. Each runs on the db or transaction given.
 */
export const accountRecords = {
  byId: repo.findAccountById,
  /** The account, its unit and its city's name in one statement (each signed-in request's actor). */
  acting: acting.findActingAccount,
  /** A session by id with the account it is signed in as, in one statement (acting.repository.ts). */
  sessionWithAccount: acting.findSessionWithAccount,
  byLoginId: repo.findAccountByLogin,
  countFailedLogin: repo.countFailedLogin,
  clearFailedLogins: repo.clearFailedLogins,
  findLink: repo.findToken,
  consumeLink: repo.consumeToken,

  /** The first administrator, in the city's headquarters unit; its id. */
  async createFirstAdmin(
    tx: Db,
    tenantId: string,
    a: { loginId: string; name: string; passwordHash: string },
    now: Date,
  ): Promise<string> {
    const [hq] = await orgRecords.activeUnits(tx, tenantId, 'headquarters')
    const row = await repo.insertAccount(tx, {
      tenantId,
      loginId: a.loginId,
      name: a.name,
      role: 'admin',
      unitId: hq!.id,
      passwordHash: a.passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    return row.id
  },

  /** A new password also ends a lock and its failure count. */
  async setPassword(tx: Db, tenantId: string, accountId: string, passwordHash: string, now: Date) {
    await repo.updateAccountRow(tx, tenantId, accountId, {
      passwordHash,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    })
  },
}
