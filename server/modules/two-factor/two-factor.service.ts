import type { Db } from '#server/db/client.ts'
import { requireAdmin } from '#server/modules/accounts/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAnonymousAudit, writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { verifyPassword } from '#server/platform/crypto.ts'
import { AppError, conflict, invalid, notFound } from '#server/platform/errors.ts'
import { openSecret, sealSecret, secretBoxKey } from '#server/platform/secret-box.ts'
import type { SecondStep } from '#server/platform/session-state.ts'
import { endSessionsOf } from '#server/platform/session-store.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import type { Role } from '#shared/codes.ts'
import { DEFAULT_TWO_FACTOR_ROLES } from '#shared/contracts/audit.ts'
import { isTotpCode, type TwoFactorStatus } from '#shared/contracts/two-factor.ts'
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts'
import { enrolmentUri, matchingStep, newTotpSecret } from './totp.ts'
import * as repo from './two-factor.repository.ts'

/** Wrong codes in a row that lock the account, and for how long (as for passwords). */
export const MAX_WRONG_CODES = 10
export const CODE_LOCK_MINUTES = 15

const WRONG_CODE = '確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください'
const LOCKED = `確認コードを${MAX_WRONG_CODES}回続けて誤ったため、ロックされています。${CODE_LOCK_MINUTES}分後にもう一度ログインするか、管理者に解除を依頼してください。`

/** Whom a password-verified session belongs to, before it has an actor. */
export interface Pending {
  tenantId: string
  accountId: string
  clientAddress: string
}

const bound = (tenantId: string, accountId: string) => `totp:${tenantId}:${accountId}`

// A sealed secret that does not open means the server's key changed (YORISOI_TWO_FACTOR_KEY or
// its file was lost or replaced): say so and how to get in, instead of a bare system error.
const KEY_MISMATCH =
  '2段階認証の鍵をサーバーで読み取れません（サーバーの鍵が変わった可能性があります）。回復コードでログインするか、管理者に2段階認証のリセットを依頼してください。'

export function createTwoFactorService(db: Db, clock: Clock, keyText: string) {
  const key = secretBoxKey(keyText)

  function unseal(tenantId: string, accountId: string, sealed: string): string {
    try {
      return openSecret(key, sealed, bound(tenantId, accountId))
    } catch {
      throw new AppError('internal', KEY_MISMATCH)
    }
  }

  async function isRequired(on: Db, tenantId: string, role: string): Promise<boolean> {
    const roles = (await readSetting<Role[]>(on, tenantId, 'twoFactorRoles')) ?? DEFAULT_TWO_FACTOR_ROLES
    return (roles as string[]).includes(role)
  }

  async function statusOf(tenantId: string, accountId: string, role: string): Promise<TwoFactorStatus> {
    const row = await repo.findTotp(db, tenantId, accountId)
    const enabled = Boolean(row?.enabledAt)
    return {
      enabled,
      enabledAt: row?.enabledAt?.toISOString() ?? null,
      recoveryCodesLeft: enabled ? await repo.countUnusedRecoveryCodes(db, tenantId, accountId) : 0,
      required: await isRequired(db, tenantId, role),
    }
  }

  /** A wrong code: counted atomically, audited, and at the limit the account is locked. */
  async function refuse(tx: Db, who: Pending & { loginId: string }, reason: string): Promise<AppError> {
    const now = clock.now()
    const { failures, reachedLimit } = await repo.countWrongCode(
      tx,
      who.tenantId,
      who.accountId,
      MAX_WRONG_CODES,
    )
    if (reachedLimit) {
      await repo.lockAccount(
        tx,
        who.tenantId,
        who.accountId,
        new Date(now.getTime() + CODE_LOCK_MINUTES * 60_000),
      )
    }
    await writeAnonymousAudit(tx, who.tenantId, now, who, {
      action: reachedLimit ? 'auth.locked' : 'auth.totp_failed',
      recordType: 'account',
      recordId: who.accountId,
      detail: { reason, failures },
    })
    return reachedLimit ? new AppError('locked', LOCKED) : invalid([{ field: 'code', message: WRONG_CODE }])
  }

  return {
    /** After a correct password: which second step the login still needs, if any. */
    async nextStep(tenantId: string, accountId: string, role: string): Promise<SecondStep | null> {
      const row = await repo.findTotp(db, tenantId, accountId)
      if (row?.enabledAt) return 'totp'
      return (await isRequired(db, tenantId, role)) ? 'enrol' : null
    },

    status: (actor: Actor) => statusOf(actor.tenantId, actor.accountId, actor.role),

    /** A new secret for the person's app; any earlier unconfirmed one stops working. */
    async startEnrolment(actor: Actor) {
      const secret = newTotpSecret()
      const now = clock.now()
      await db.transaction(async (tx) => {
        const saved = await repo.savePendingSecret(tx, {
          tenantId: actor.tenantId,
          accountId: actor.accountId,
          secretSealed: sealSecret(key, secret, bound(actor.tenantId, actor.accountId)),
          createdAt: now,
        })
        if (!saved)
          throw conflict('2段階認証は既に設定されています。設定し直すには、先に無効にしてください。')
        await writeAudit(tx, actor, now, {
          action: 'auth.totp_enrolment_started',
          recordType: 'account',
          recordId: actor.accountId,
        })
      })
      const { otpauthUri, qrSvg } = await enrolmentUri(secret, `Yorisoi ${actor.cityName}`, actor.loginId)
      return { secret, otpauthUri, qrSvg }
    },

    /** The first code proves the app holds the secret; answers the recovery codes, shown once. */
    async confirmEnrolment(actor: Actor, code: string): Promise<string[]> {
      const now = clock.now()
      const outcome = await db.transaction(async (tx): Promise<string[] | AppError> => {
        const row = await repo.findTotp(tx, actor.tenantId, actor.accountId)
        if (!row) return conflict('設定が始まっていません。QRコードの表示からやり直してください。')
        if (row.enabledAt) return conflict('2段階認証は既に設定されています。')
        const secret = unseal(actor.tenantId, actor.accountId, row.secretSealed)
        const step = matchingStep(secret, code, now)
        if (step === null) {
          await writeAudit(tx, actor, now, {
            action: 'auth.totp_failed',
            recordType: 'account',
            recordId: actor.accountId,
            detail: { reason: 'wrong_code', stage: 'enrolment' },
          })
          return invalid([{ field: 'code', message: WRONG_CODE }])
        }
        const key_ = { tenantId: actor.tenantId, accountId: actor.accountId, secretSealed: row.secretSealed }
        if (!(await repo.enableTotp(tx, key_, step, now)))
          return conflict('2段階認証は既に設定されています。')
        const codes = newRecoveryCodes()
        await repo.replaceRecoveryCodes(
          tx,
          actor.tenantId,
          actor.accountId,
          codes.map((c) => hashRecoveryCode(actor.tenantId, actor.accountId, c)),
        )
        await writeAudit(tx, actor, now, {
          action: 'auth.totp_enrolled',
          recordType: 'account',
          recordId: actor.accountId,
          detail: { recoveryCodes: codes.length },
        })
        return codes
      })
      if (outcome instanceof AppError) throw outcome
      return outcome
    },

    /**
     * The second step of a login: a TOTP code of a step after the last one used, or an unused
     * recovery code. Each works once, also under concurrent requests (one UPDATE decides).
     */
    async verify(pending: Pending, code: string): Promise<void> {
      const now = clock.now()
      const account = await repo.findAccountSecurity(db, pending.tenantId, pending.accountId)
      const row = await repo.findTotp(db, pending.tenantId, pending.accountId)
      if (!account?.active || account.passwordHash === null || !row?.enabledAt) {
        throw new AppError('unauthenticated', 'もう一度ログインしてください')
      }
      const who = { ...pending, loginId: account.loginId }
      const outcome = await db.transaction(async (tx): Promise<AppError | null> => {
        if (account.lockedUntil && account.lockedUntil.getTime() > now.getTime()) {
          await writeAnonymousAudit(tx, pending.tenantId, now, who, {
            action: 'auth.totp_failed',
            recordType: 'account',
            recordId: pending.accountId,
            detail: { reason: 'locked' },
          })
          return new AppError('locked', LOCKED)
        }
        let action: string
        let detail: Record<string, unknown> | undefined
        if (isTotpCode(code)) {
          const secret = unseal(pending.tenantId, pending.accountId, row.secretSealed)
          const step = matchingStep(secret, code, now)
          if (step === null) return refuse(tx, who, 'wrong_code')
          if (!(await repo.claimStep(tx, pending.tenantId, pending.accountId, step))) {
            return refuse(tx, who, 'replayed_code')
          }
          action = 'auth.totp_verified'
        } else {
          const hash = hashRecoveryCode(pending.tenantId, pending.accountId, code)
          if (!(await repo.consumeRecoveryCode(tx, pending.tenantId, pending.accountId, hash, now))) {
            return refuse(tx, who, 'wrong_recovery_code')
          }
          action = 'auth.recovery_used'
          detail = {
            recoveryCodesLeft: await repo.countUnusedRecoveryCodes(tx, pending.tenantId, pending.accountId),
          }
        }
        await repo.clearWrongCodes(tx, pending.tenantId, pending.accountId)
        await writeAnonymousAudit(tx, pending.tenantId, now, who, {
          action,
          recordType: 'account',
          recordId: pending.accountId,
          ...(detail ? { detail } : {}),
        })
        return null
      })
      if (outcome) throw outcome
    },

    /** The owner turns 2FA off (to move to a new phone, say); the password is asked again. */
    async disable(actor: Actor, password: string): Promise<void> {
      const now = clock.now()
      const account = await repo.findAccountSecurity(db, actor.tenantId, actor.accountId)
      const ok = account?.passwordHash ? await verifyPassword(account.passwordHash, password) : false
      const outcome = await db.transaction(async (tx): Promise<AppError | null> => {
        if (!ok) {
          const refused = await refuse(tx, { ...actor }, 'wrong_password')
          return refused.code === 'locked'
            ? refused
            : invalid([{ field: 'password', message: 'パスワードが正しくありません' }])
        }
        const removed = await repo.deleteTwoFactor(tx, actor.tenantId, actor.accountId)
        if (!removed) return conflict('2段階認証は設定されていません。')
        await writeAudit(tx, actor, now, {
          action: 'auth.totp_disabled',
          recordType: 'account',
          recordId: actor.accountId,
        })
        return null
      })
      if (outcome) throw outcome
    },

    async statusFor(actor: Actor, accountId: string): Promise<TwoFactorStatus> {
      requireAdmin(actor)
      const account = await repo.findAccountSecurity(db, actor.tenantId, accountId)
      if (!account) throw notFound()
      return statusOf(actor.tenantId, accountId, account.role)
    },

    /**
     * An administrator removes another account's authenticator (a lost phone): its sessions end,
     * and its next login enrols again where the city requires 2FA.
     */
    async reset(actor: Actor, accountId: string): Promise<void> {
      requireAdmin(actor)
      if (accountId === actor.accountId) {
        throw conflict('ご自身の2段階認証は「2段階認証の設定」画面で変更してください。')
      }
      const account = await repo.findAccountSecurity(db, actor.tenantId, accountId)
      if (!account) throw notFound()
      await db.transaction(async (tx) => {
        const removed = await repo.deleteTwoFactor(tx, actor.tenantId, accountId)
        await endSessionsOf(tx, actor.tenantId, accountId)
        await writeAudit(tx, actor, clock.now(), {
          action: 'auth.totp_reset',
          recordType: 'account',
          recordId: accountId,
          detail: { wasEnabled: removed },
        })
      })
    },
  }
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>
