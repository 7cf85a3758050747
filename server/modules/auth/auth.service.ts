import type { Me } from '../../../shared/contracts/auth.ts'
import type { Db } from '../../db/client.ts'
import type { Actor } from '../../platform/actor.ts'
import { writeAnonymousAudit, writeAudit } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { dummyPasswordHash, hashPassword, sha256, verifyPassword } from '../../platform/crypto.ts'
import { AppError, invalid, notFound } from '../../platform/errors.ts'
import * as accountsRepo from '../accounts/accounts.repository.ts'
import { insertAccount } from '../accounts/accounts.repository.ts'

export const MAX_FAILED_LOGINS = 10
export const LOCK_MINUTES = 15

const WRONG_CREDENTIALS = 'ログインIDまたはパスワードが正しくありません'

export function toMe(actor: Actor): Me {
  return {
    id: actor.accountId,
    loginId: actor.loginId,
    name: actor.name,
    role: actor.role,
    unit: { id: actor.unitId, name: actor.unitName, kind: actor.unitKind, wardCode: actor.wardCode },
    cityName: actor.cityName,
  }
}

function parseLinkToken(token: string): { tenantId: string; hash: string } {
  const dot = token.indexOf('.')
  if (dot <= 0) throw notFound('このリンクは無効か、期限が切れています')
  const tenantId = token.slice(0, dot)
  return { tenantId, hash: sha256(`${tenantId}:${token.slice(dot + 1)}`) }
}

export function createAuthService(db: Db, clock: Clock) {
  /** The actor for a session's account, or undefined when it may no longer act. */
  async function loadActor(
    tenantId: string,
    accountId: string,
    clientAddress: string,
    on: Db = db,
  ): Promise<Actor | undefined> {
    const account = await accountsRepo.findAccountById(on, tenantId, accountId)
    if (!account?.active || account.passwordHash === null) return undefined
    const cityName = (await accountsRepo.findCityName(on, tenantId)) ?? tenantId
    return {
      tenantId,
      accountId,
      loginId: account.loginId,
      name: account.name,
      role: account.role as Actor['role'],
      unitId: account.unitId,
      unitKind: account.unit.kind as Actor['unitKind'],
      unitName: account.unit.name,
      wardCode: account.unit.wardCode,
      cityName,
      clientAddress,
    }
  }

  return {
    loadActor,

    /**
     * Checks a login. Ten failures in a row lock the account for fifteen minutes; every attempt,
     * success or failure, is audited (the login ID is recorded only when it names an account).
     */
    async login(tenantId: string, loginId: string, password: string, clientAddress: string): Promise<Actor> {
      const now = clock.now()
      const account = await accountsRepo.findAccountByLogin(db, tenantId, loginId)
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password)
      // A failed attempt must still be counted and audited, so the transaction returns the
      // error instead of throwing it (a throw would roll those writes back).
      const outcome = await db.transaction(async (tx): Promise<Actor | AppError> => {
        const who = { loginId: account ? loginId : null, accountId: account?.id ?? null, clientAddress }
        if (!account?.active || account.passwordHash === null) {
          await writeAnonymousAudit(tx, tenantId, now, who, {
            action: 'auth.login_failed',
            detail: { reason: account ? 'inactive' : 'unknown_login' },
          })
          return new AppError('unauthenticated', WRONG_CREDENTIALS)
        }
        if (account.lockedUntil && account.lockedUntil.getTime() > now.getTime()) {
          await writeAnonymousAudit(tx, tenantId, now, who, {
            action: 'auth.login_failed',
            recordType: 'account',
            recordId: account.id,
            detail: { reason: 'locked' },
          })
          return new AppError(
            'locked',
            `ログインに${MAX_FAILED_LOGINS}回続けて失敗したため、ロックされています。${LOCK_MINUTES}分後にもう一度お試しいただくか、管理者に解除を依頼してください。`,
          )
        }
        if (!ok) {
          const failures = account.failedAttempts + 1
          const lock = failures >= MAX_FAILED_LOGINS
          await accountsRepo.updateAccountRow(tx, tenantId, account.id, {
            failedAttempts: lock ? 0 : failures,
            lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : account.lockedUntil,
          })
          await writeAnonymousAudit(tx, tenantId, now, who, {
            action: lock ? 'auth.locked' : 'auth.login_failed',
            recordType: 'account',
            recordId: account.id,
            detail: { reason: 'wrong_password', failures },
          })
          return new AppError('unauthenticated', WRONG_CREDENTIALS)
        }
        await accountsRepo.updateAccountRow(tx, tenantId, account.id, {
          failedAttempts: 0,
          lockedUntil: null,
        })
        const actor = await loadActor(tenantId, account.id, clientAddress, tx)
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

    async describeLink(token: string) {
      const { tenantId, hash } = parseLinkToken(token)
      const link = await accountsRepo.findToken(db, tenantId, hash)
      if (!link || link.usedAt || link.expiresAt.getTime() <= clock.now().getTime()) {
        throw notFound(
          'このリンクは無効か、期限が切れています。管理者に新しいリンクの発行を依頼してください。',
        )
      }
      const account = link.accountId
        ? await accountsRepo.findAccountById(db, tenantId, link.accountId)
        : undefined
      return {
        tenantId,
        hash,
        accountId: link.accountId,
        purpose: link.purpose as 'first_admin' | 'reset',
        loginId: account?.loginId ?? null,
        name: account?.name ?? null,
      }
    },

    /** Sets the password behind a one-time link; for the first administrator, creates the account. */
    async useLink(
      token: string,
      input: { loginId?: string; name?: string; password: string },
      clientAddress: string,
    ): Promise<void> {
      const link = await this.describeLink(token)
      const passwordHash = await hashPassword(input.password)
      const now = clock.now()
      await db.transaction(async (tx) => {
        let accountId = link.accountId
        if (link.purpose === 'first_admin') {
          const missing = [
            ...(input.loginId ? [] : [{ field: 'loginId', message: 'ログインIDを入力してください' }]),
            ...(input.name ? [] : [{ field: 'name', message: '氏名を入力してください' }]),
          ]
          if (missing.length) throw invalid(missing)
          if (await accountsRepo.findAccountByLogin(tx, link.tenantId, input.loginId!)) {
            throw invalid([{ field: 'loginId', message: 'このログインIDは既に使われています' }])
          }
          const [hq] = (await accountsRepo.findUnits(tx, link.tenantId)).filter(
            (u) => u.kind === 'headquarters',
          )
          const row = await insertAccount(tx, {
            tenantId: link.tenantId,
            loginId: input.loginId!,
            name: input.name!,
            role: 'admin',
            unitId: hq!.id,
            passwordHash,
            createdAt: now,
            updatedAt: now,
          })
          accountId = row.id
        } else {
          await accountsRepo.updateAccountRow(tx, link.tenantId, accountId!, {
            passwordHash,
            failedAttempts: 0,
            lockedUntil: null,
            updatedAt: now,
          })
        }
        await accountsRepo.markTokenUsed(tx, link.tenantId, link.hash, now)
        await writeAnonymousAudit(
          tx,
          link.tenantId,
          now,
          { loginId: link.loginId ?? input.loginId ?? null, accountId, clientAddress },
          {
            action: link.purpose === 'first_admin' ? 'account.first_admin' : 'account.password_set',
            recordType: 'account',
            recordId: accountId ?? undefined,
          },
        )
      })
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
