import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { randomToken, sha256 } from '#server/platform/crypto.ts'
import { invalid, notFound } from '#server/platform/errors.ts'
import { endSessionsOf } from '#server/platform/session-store.ts'
import type { Role } from '#shared/codes.ts'
import type * as contract from '#shared/contracts/accounts.ts'
import { toAccount } from './accounts.dto.ts'
import { requireAdmin } from './accounts.policy.ts'
import * as repo from './accounts.repository.ts'

export const RESET_LINK_HOURS = 24

/** Which unit kinds each role may belong to, so an account cannot see through the wrong door. */
const UNIT_KINDS_OF_ROLE: Record<Role, string[]> = {
  window_counsellor: ['window'],
  ward_coordinator: ['ward_centre', 'ward_section'],
  ward_staff: ['ward_centre', 'ward_section'],
  accompaniment_worker: ['accompaniment_team'],
  agency_member: ['agency'],
  headquarters: ['headquarters'],
  admin: ['headquarters', 'window', 'ward_centre', 'ward_section'],
}

type CreateInput = z.output<NonNullable<typeof contract.createAccount.body>>
type UpdateInput = z.output<NonNullable<typeof contract.updateAccount.body>>

export function createAccountsService(db: Db, clock: Clock) {
  async function checkUnit(on: Db, tenantId: string, role: Role, unitId: string) {
    const unit = await orgRecords.unit(on, tenantId, unitId)
    if (!unit) throw invalid([{ field: 'unitId', message: '所属を選択してください' }])
    if (!UNIT_KINDS_OF_ROLE[role].includes(unit.kind)) {
      throw invalid([{ field: 'unitId', message: 'この役割はこの所属に設定できません' }])
    }
  }

  async function issueResetLink(tx: Db, tenantId: string, accountId: string, now: Date) {
    await repo.deleteUnusedTokensOf(tx, tenantId, accountId)
    const token = randomToken()
    const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000)
    await repo.insertToken(tx, {
      tenantId,
      tokenHash: sha256(`${tenantId}:${token}`),
      accountId,
      purpose: 'reset',
      expiresAt,
    })
    return { path: `/setup#token=${tenantId}.${token}`, expiresAt: expiresAt.toISOString() }
  }

  return {
    async list(actor: Actor, q: z.output<NonNullable<typeof contract.listAccounts.query>>) {
      requireAdmin(actor)
      const { rows, total } = await repo.findAccounts(db, actor.tenantId, {
        ...q,
        active: q.active === undefined ? undefined : q.active === 'true',
      })
      const now = clock.now()
      return { items: rows.map((r) => toAccount(r, now)), total, page: q.page, pageSize: q.pageSize }
    },

    async get(actor: Actor, id: string) {
      requireAdmin(actor)
      const account = await repo.findAccountById(db, actor.tenantId, id)
      if (!account) throw notFound()
      return toAccount(account, clock.now())
    },

    async create(actor: Actor, input: CreateInput) {
      requireAdmin(actor)
      await checkUnit(db, actor.tenantId, input.role, input.unitId)
      const now = clock.now()
      return db.transaction(async (tx) => {
        if (await repo.findAccountByLogin(tx, actor.tenantId, input.loginId)) {
          throw invalid([{ field: 'loginId', message: 'このログインIDは既に使われています' }])
        }
        const row = await repo.insertAccount(tx, {
          tenantId: actor.tenantId,
          ...input,
          createdAt: now,
          updatedAt: now,
        })
        const passwordLink = await issueResetLink(tx, actor.tenantId, row.id, now)
        await writeAudit(tx, actor, now, {
          action: 'account.create',
          recordType: 'account',
          recordId: row.id,
          detail: { role: input.role, unitId: input.unitId },
        })
        const account = await repo.findAccountById(tx, actor.tenantId, row.id)
        return { account: toAccount(account!, now), passwordLink }
      })
    },

    async update(actor: Actor, id: string, input: UpdateInput) {
      requireAdmin(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const before = await repo.findAccountById(tx, actor.tenantId, id)
        if (!before) throw notFound()
        const role = input.role ?? (before.role as Role)
        const unitId = input.unitId ?? before.unitId
        if (input.role || input.unitId) await checkUnit(tx, actor.tenantId, role, unitId)
        if (id === actor.accountId && (input.active === false || (input.role && input.role !== 'admin'))) {
          throw invalid([
            {
              field: input.active === false ? 'active' : 'role',
              message: '自分自身を無効化したり、管理者から外したりすることはできません',
            },
          ])
        }
        const { unlock, ...fields } = input
        const changed = Object.entries(fields)
          .filter(([k, v]) => v !== undefined && v !== (before as Record<string, unknown>)[k])
          .map(([k]) => k)
        await repo.updateAccountRow(tx, actor.tenantId, id, {
          ...fields,
          ...(unlock ? { lockedUntil: null, failedAttempts: 0 } : {}),
          updatedAt: now,
        })
        // A deactivated account or a changed role must not keep its open sessions.
        if (input.active === false || changed.includes('role') || changed.includes('unitId')) {
          await endSessionsOf(tx, actor.tenantId, id)
        }
        await writeAudit(tx, actor, now, {
          action: 'account.update',
          recordType: 'account',
          recordId: id,
          detail: { changed, ...(unlock ? { unlocked: true } : {}) },
        })
        const after = await repo.findAccountById(tx, actor.tenantId, id)
        return toAccount(after!, now)
      })
    },

    async resetPassword(actor: Actor, id: string) {
      requireAdmin(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const account = await repo.findAccountById(tx, actor.tenantId, id)
        if (!account) throw notFound()
        await repo.updateAccountRow(tx, actor.tenantId, id, { passwordHash: null, updatedAt: now })
        await endSessionsOf(tx, actor.tenantId, id)
        const passwordLink = await issueResetLink(tx, actor.tenantId, id, now)
        await writeAudit(tx, actor, now, {
          action: 'account.password_reset',
          recordType: 'account',
          recordId: id,
        })
        return { passwordLink }
      })
    },
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>
