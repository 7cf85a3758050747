import type { Db } from '#server/db/client.ts'
import { scopeRequestTo } from '#server/db/tenant-scope.ts'
import { accountRecords } from '#server/modules/accounts/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAnonymousAudit, writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { dummyPasswordHash, verifyPassword } from '#server/platform/crypto.ts'
import { AppError } from '#server/platform/errors.ts'
import type { Me } from '#shared/contracts/auth.ts'
import { abilitiesOf } from './abilities.ts'

export const MAX_FAILED_LOGINS = 10
export const LOCK_MINUTES = 15

/**
 * One answer for every refused login (unknown ID, wrong password, inactive or locked account), so
 * that it tells nobody which login IDs exist or are locked; it names both possibilities for the
 * person who really is locked out.
 */
const LOGIN_REFUSED =
  'ログインIDまたはパスワードが正しくないか、続けて失敗したためログインが一時的に制限されています。しばらく待ってからもう一度お試しいただくか、システム管理者にお問い合わせください。'

export function toMe(actor: Actor): Me {
  return {
    id: actor.accountId,
    loginId: actor.loginId,
    name: actor.name,
    role: actor.role,
    unit: { id: actor.unitId, name: actor.unitName, kind: actor.unitKind, wardCode: actor.wardCode },
    cityName: actor.cityName,
    cityId: actor.tenantId,
    can: abilitiesOf(actor),
  }
}

/** A session by id, with the account it is signed in as when the same statement could see it. */
type SessionWithAccount = NonNullable<Awaited<ReturnType<typeof accountRecords.sessionWithAccount>>>
type ActingAccount = NonNullable<Awaited<ReturnType<typeof accountRecords.acting>>>

/** The account `loaded` with the session, if it is the one asked for. */
function loadedAccount(loaded: unknown, tenantId: string, accountId: string): ActingAccount | undefined {
  const acting = loaded as SessionWithAccount['acting']
  return acting?.tenantId === tenantId && acting.accountId === accountId ? acting.account : undefined
}

export function createAuthService(db: Db, clock: Clock) {
  /**
   * The actor for a session's account, or undefined when it may no longer act. `loaded` is what
   * the session's lookup (findSession) loaded with it on this request; without it, one statement.
   * Either way the account is read on every signed-in request, so a deactivation or a new role
   * counts at once.
   */
  async function loadActor(
    tenantId: string,
    accountId: string,
    clientAddress: string,
    loaded?: unknown,
    on: Db = db,
  ): Promise<Actor | undefined> {
    const account =
      loadedAccount(loaded, tenantId, accountId) ?? (await accountRecords.acting(on, tenantId, accountId))
    if (!account?.active || !account.hasPassword) return undefined
    return {
      tenantId,
      accountId,
      loginId: account.loginId,
      name: account.name,
      role: account.role as Actor['role'],
      unitId: account.unitId,
      unitKind: account.unitKind as Actor['unitKind'],
      unitName: account.unitName,
      wardCode: account.wardCode,
      cityName: account.cityName ?? tenantId,
      clientAddress,
    }
  }

  /** The session store's lookup (platform/session-store.ts): the row and its account, in one statement. */
  async function findSession(on: Db, sid: string) {
    const found = await accountRecords.sessionWithAccount(on, sid)
    return found && { data: found.data, expiresAt: found.expiresAt, loadedWith: found.acting }
  }

  return {
    loadActor,
    findSession,

    /**
     * Checks a login. Unknown login IDs, wrong passwords, inactive and locked accounts all get
     * the same 401 with the same message after the same argon2 work, so the answer does not tell
     * which login IDs exist or are locked. Ten failures in a row lock the account for fifteen
     * minutes, counted in the database (see countFailedLogin). Every attempt is audited with its
     * real reason (the login ID only when it names an account).
     */
    async login(tenantId: string, loginId: string, password: string, clientAddress: string): Promise<Actor> {
      // The city comes from the login form; from here on the request sees that city's rows only.
      scopeRequestTo(tenantId)
      const now = clock.now()
      const account = await accountRecords.byLoginId(db, tenantId, loginId)
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password)
      // A failed attempt must still be counted and audited, so the transaction returns the
      // error instead of throwing it (a throw would roll those writes back).
      const outcome = await db.transaction(async (tx): Promise<Actor | AppError> => {
        const who = { loginId: account ? loginId : null, accountId: account?.id ?? null, clientAddress }
        const refuse = async (reason: string, extra: { locked?: boolean; failures?: number } = {}) => {
          await writeAnonymousAudit(tx, tenantId, now, who, {
            action: extra.locked ? 'auth.locked' : 'auth.login_failed',
            ...(account ? { recordType: 'account', recordId: account.id } : {}),
            detail: { reason, ...(extra.failures ? { failures: extra.failures } : {}) },
          })
          return new AppError('unauthenticated', LOGIN_REFUSED)
        }
        if (!account?.active || account.passwordHash === null)
          return refuse(account ? 'inactive' : 'unknown_login')
        if (!ok) {
          const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000)
          const counted = await accountRecords.countFailedLogin(
            tx,
            tenantId,
            account.id,
            now,
            MAX_FAILED_LOGINS,
            lockUntil,
          )
          return counted ? refuse('wrong_password', counted) : refuse('locked')
        }
        if (!(await accountRecords.clearFailedLogins(tx, tenantId, account.id, now))) return refuse('locked')
        const actor = await loadActor(tenantId, account.id, clientAddress, undefined, tx)
        await writeAudit(tx, actor!, now, {
          action: 'auth.login',
          recordType: 'account',
          recordId: account.id,
        })
        return actor!
      })
      if (outcome instanceof AppError) throw outcome
      return outcome
    },

    async logout(actor: Actor): Promise<void> {
      await writeAudit(db, actor, clock.now(), {
        action: 'auth.logout',
        recordType: 'account',
        recordId: actor.accountId,
      })
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
